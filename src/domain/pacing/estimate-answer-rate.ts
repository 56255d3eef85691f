import type { PacingPriors } from './pacing-settings';

export interface AnswerRateEstimate {
  readonly mean: number;
  /** Mean plus one standard error: more answers mean more risk, so scarce data errs high. */
  readonly cautious: number;
}

export function estimateAnswerRate(answered: number, attempts: number, prior: PacingPriors['answerRate']): AnswerRateEstimate {
  const n = attempts + prior.weight;
  const mean = n > 0 ? (answered + prior.weight * prior.rate) / n : prior.rate;
  const se = n > 0 ? Math.sqrt((mean * (1 - mean)) / n) : 0;
  return { mean, cautious: Math.min(1, mean + se) };
}
