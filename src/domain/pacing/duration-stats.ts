import type { Lognormal } from './lognormal';
import { fade } from './fade';
import { normalPdf, normalSurvival } from './standard-normal';

/**
 * Running summary of observed durations (ring-to-answer, talk, wrap-up) as log-moments: O(1) memory,
 * mergeable, serialisable, and exactly what a lognormal fit needs. Immutable: add returns a new value.
 */
export interface DurationStats {
  readonly count: number;
  readonly sumLog: number;
  readonly sumLogSq: number;
  /** When the last duration was added (for fading). */
  readonly atMs: number;
}

/** What to assume before (and while) there is little data: `weight` pseudo-observations of this shape. */
export interface DurationPrior {
  readonly medianMs: number;
  readonly sigma: number;
  readonly weight: number;
}

export const emptyDurationStats: DurationStats = { count: 0, sumLog: 0, sumLogSq: 0, atMs: 0 };

const MIN_SIGMA = 0.05;

/** Adds one duration ending at atMs; with a finite half-life older ones fade (see recordAttempt). */
export function addDuration(stats: DurationStats, ms: number, atMs = stats.atMs, halfLifeMs = Infinity): DurationStats {
  const l = Math.log(Math.max(ms, 1));
  const keep = fade(atMs - stats.atMs, halfLifeMs);
  return { count: stats.count * keep + 1, sumLog: stats.sumLog * keep + l, sumLogSq: stats.sumLogSq * keep + l * l, atMs: Math.max(atMs, stats.atMs) };
}

/** Lognormal fit of the observations blended with the prior (posterior-mean style moment matching). */
export function estimateDuration(stats: DurationStats, prior: DurationPrior): Lognormal {
  const mu0 = Math.log(prior.medianMs);
  const n = stats.count + prior.weight;
  if (n <= 0) return { mu: mu0, sigma: Math.max(prior.sigma, MIN_SIGMA) };
  const mu = (prior.weight * mu0 + stats.sumLog) / n;
  const second = (prior.weight * (mu0 * mu0 + prior.sigma * prior.sigma) + stats.sumLogSq) / n;
  const variance = Math.max(second - mu * mu, MIN_SIGMA * MIN_SIGMA);
  return { mu, sigma: Math.sqrt(variance) };
}

/**
 * The same fit, also counting durations still running (talks in progress) as "at least this long"
 * — right-censored observations, folded in with two EM steps while they are a sizeable share.
 * Without them the first finished calls of a campaign are the short ones, the talk time looks
 * short, and the pacer over-dials.
 */
export function estimateDurationWithOngoing(stats: DurationStats, prior: DurationPrior, ongoingMs: readonly number[]): Lognormal {
  let fit = estimateDuration(stats, prior);
  // Once the finished durations outnumber the running ones five to one (past the first minutes of a
  // campaign, whose first finished calls are the short ones), the correction is small.
  if (ongoingMs.length === 0 || ongoingMs.length * 5 < stats.count) return fit;
  for (let step = 0; step < 2; step++) {
    let sumLog = stats.sumLog;
    let sumLogSq = stats.sumLogSq;
    const { mu, sigma } = fit;
    for (const ms of ongoingMs) {
      const a = Math.log(Math.max(ms, 1));
      const z = (a - mu) / sigma;
      const tail = normalSurvival(z);
      // Inverse Mills ratio; far in the tail it tends to z, where the ratio of tiny numbers is unstable.
      const mills = tail > 1e-12 ? normalPdf(z) / tail : z;
      sumLog += mu + sigma * mills;
      sumLogSq += mu * mu + sigma * sigma + sigma * (a + mu) * mills;
    }
    fit = estimateDuration({ count: stats.count + ongoingMs.length, sumLog, sumLogSq, atMs: stats.atMs }, prior);
  }
  return fit;
}
