import type { DurationPrior } from './duration-stats';

/** A campaign's pacing rules and the assumptions used before its own data speaks. */
export interface PacingSettings {
  /** Largest share of answered customers that may be abandoned (not given an agent within the hold limit). */
  readonly abandonTarget: number;
  /** How long an answered customer may wait on hold for an agent before the call counts as abandoned. */
  readonly holdLimitMs: number;
  /** Lines in use (ringing, on hold, connected) per logged-in, unpaused agent, never exceeded. */
  readonly maxLinesPerAgent: number;
  /** How long a customer rings before the attempt counts as no answer. */
  readonly ringTimeoutMs: number;
  /** The wrap-up countdown, if any: an agent in wrap-up is free at the latest when it ends. */
  readonly wrapUpLimitMs: number | null;
  readonly priors: PacingPriors;
  readonly safety: SafetyCurve;
}

export interface PacingPriors {
  /** Answer rate assumed before there are attempts; high on purpose (more answers = more risk). */
  readonly answerRate: { readonly rate: number; readonly weight: number };
  readonly ringTime: DurationPrior;
  readonly talkTime: DurationPrior;
  readonly wrapUpTime: DurationPrior;
  /** Pseudo-answers at half the target, blended into the measured abandon rates so a few early calls can't swing them. */
  readonly abandonWeight: number;
}

/**
 * How the allowed abandon probability of the next call follows the measured abandon rate. The
 * factor is exp(gain × (aim − pressure)), kept within [minFactor, maxFactor],
 * where pressure is the measured rate relative to its ceiling (see abandonSafety). The target is a
 * ceiling to approach: below `aim` the factor grows, above it shrinks (and at pressure 1 only the
 * minimum is left), so the campaign settles a little under the target and spends the rest of its
 * budget on occupancy. A smooth curve rather than a switch keeps the risk per call nearly constant,
 * which keeps agents busier than swinging between bursts and stops; a high gain keeps the settling
 * point near the aim even where the forecast misjudges the risk.
 */
export interface SafetyCurve {
  /** Pressure the campaign settles towards (measured rate / target). */
  readonly aim: number;
  /** How sharply the factor reacts to pressure away from the aim (per unit of pressure, in e-folds). */
  readonly gain: number;
  readonly maxFactor: number;
  readonly minFactor: number;
  /** How far above the target the abandon rate of any one hour may go (0.01: one point). */
  readonly hourMargin: number;
  /** Abandons the hour may still take (see abandonSafety) at and above which the hour does not tighten the factor… */
  readonly hourSlackRelaxed: number;
  /** …and at and below which only the minimum factor applies. */
  readonly hourSlackTight: number;
}

export const DEFAULT_PACING_SETTINGS: PacingSettings = {
  abandonTarget: 0.03,
  holdLimitMs: 2000,
  maxLinesPerAgent: 3,
  ringTimeoutMs: 15000,
  wrapUpLimitMs: null,
  priors: {
    answerRate: { rate: 0.5, weight: 20 },
    ringTime: { medianMs: 8000, sigma: 0.45, weight: 10 },
    talkTime: { medianMs: 90000, sigma: 0.8, weight: 5 },
    wrapUpTime: { medianMs: 10000, sigma: 0.7, weight: 5 },
    abandonWeight: 30,
  },
  safety: { aim: 0.88, gain: 12, maxFactor: 2, minFactor: 0.1, hourMargin: 0.01, hourSlackRelaxed: 6, hourSlackTight: 2 },
};

export function pacingSettings(overrides: Partial<PacingSettings> = {}): PacingSettings {
  return { ...DEFAULT_PACING_SETTINGS, ...overrides };
}

/**
 * Half-lives the engine should use when it learns (recordAttempt, addDuration): answer rates drift
 * through the day, so the last several minutes speak for now; the last minute (recentAttempts)
 * tells when they change all at once.
 */
export const PACING_HALF_LIFE_MS = { attempts: 10 * 60_000, recentAttempts: 90_000, durations: 30 * 60_000 } as const;
