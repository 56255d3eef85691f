import { fade } from './fade';
import type { PacingPriors } from './pacing-settings';

/** Attempts that rang and how many a person answered, as of atMs; fractional once older ones fade. */
export interface AnswerCounts {
  readonly attempts: number;
  readonly answered: number;
  readonly atMs: number;
}

export const emptyAnswerCounts: AnswerCounts = { attempts: 0, answered: 0, atMs: 0 };

/**
 * Records one finished attempt at atMs. Answer rates drift through the day (a list, the hour), so
 * older attempts fade with the given half-life and the counts speak for the last stretch of time,
 * whatever the size of the team.
 */
export function recordAttempt(c: AnswerCounts, answered: boolean, atMs: number, halfLifeMs = Infinity): AnswerCounts {
  const keep = fade(atMs - c.atMs, halfLifeMs);
  return { attempts: c.attempts * keep + 1, answered: c.answered * keep + (answered ? 1 : 0), atMs: Math.max(atMs, c.atMs) };
}

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
