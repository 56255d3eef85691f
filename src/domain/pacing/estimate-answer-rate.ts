import { fade } from './fade';
import type { PacingHistory } from './pacing-input';
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

/** Attempts the recent counts must hold before they may overrule the longer memory. */
export const RECENT_MIN_ATTEMPTS = 15;
/** How many standard errors apart the two must be before the recent counts are believed. */
const RECENT_SIGNIFICANCE = 2;

/** The counts faded to nowMs: their weight shrinks with the time since the last attempt, their ratio does not. */
export function answerCountsAt(c: AnswerCounts, nowMs: number, halfLifeMs: number): { attempts: number; answered: number } {
  const keep = fade(Math.max(0, nowMs - c.atMs), halfLifeMs);
  return { attempts: c.attempts * keep, answered: c.answered * keep };
}

/**
 * The answer rate for now: the longer memory's estimate, unless the recent one (the last 90 s or
 * so) differs from it by more than chance allows — a list running out, a new list, the hour
 * changing — and then the recent one, with its own (wider) standard error. A drop is believed
 * within a minute or so of the evidence (calls ringing out), and a rise — the dangerous direction —
 * as fast.
 */
export function currentAnswerRate(history: Pick<PacingHistory, 'answered' | 'attempts' | 'recent'>, prior: PacingPriors['answerRate']): AnswerRateEstimate {
  const long = estimateAnswerRate(history.answered, history.attempts, prior);
  const r = history.recent;
  if (!r || !(r.attempts >= RECENT_MIN_ATTEMPTS)) return long;
  const mean = Math.min(1, Math.max(0, r.answered / r.attempts));
  // The variance at the longer memory's rate, so a minute of no answers at all still has an error.
  const seRecent = Math.sqrt((long.mean * (1 - long.mean)) / r.attempts);
  const seLong = long.cautious - long.mean;
  if (Math.abs(mean - long.mean) <= RECENT_SIGNIFICANCE * Math.sqrt(seRecent * seRecent + seLong * seLong)) return long;
  const se = Math.sqrt((Math.max(mean, 0.01) * (1 - mean)) / r.attempts);
  return { mean, cautious: Math.min(1, mean + se) };
}
