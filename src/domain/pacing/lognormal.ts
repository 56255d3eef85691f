import { normalSurvival } from './standard-normal';

/** A lognormal duration: ln(milliseconds) ~ Normal(mu, sigma²). */
export interface Lognormal {
  readonly mu: number;
  readonly sigma: number;
}

export function lognormalFromMedian(medianMs: number, sigma: number): Lognormal {
  return { mu: Math.log(medianMs), sigma };
}

export function lognormalFromMean(meanMs: number, sigma: number): Lognormal {
  return { mu: Math.log(meanMs) - (sigma * sigma) / 2, sigma };
}

export function lognormalCdf(d: Lognormal, ms: number): number {
  if (ms <= 0) return 0;
  return 1 - normalSurvival((Math.log(ms) - d.mu) / d.sigma);
}

/** P(duration > ms), computed directly so far tails keep their precision. */
export function lognormalSurvival(d: Lognormal, ms: number): number {
  if (ms <= 0) return 1;
  return normalSurvival((Math.log(ms) - d.mu) / d.sigma);
}

export function lognormalMean(d: Lognormal): number {
  return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
}

export function lognormalMedian(d: Lognormal): number {
  return Math.exp(d.mu);
}
