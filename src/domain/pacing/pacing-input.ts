import type { DurationStats } from './duration-stats';
import type { PacingSettings } from './pacing-settings';

/**
 * Answered customers and how many of them were abandoned — not connected to an agent within the
 * hold limit, including those who hung up while on hold — over some period.
 */
export interface AbandonCounts {
  readonly answered: number;
  readonly abandoned: number;
}

/** What the campaign has learned so far. */
export interface PacingHistory {
  /**
   * Finished attempts that rang (answered, or rang out / no answer) and how many were answered by a
   * person (after answering-machine detection). Calls that failed at once (busy, congestion,
   * invalid number) are left out: they leave the ringing pool in a second and would make the calls
   * still ringing look less likely to answer than they are.
   */
  readonly attempts: number;
  readonly answered: number;
  /**
   * The same counted over the last 90 s or so (faded with PACING_HALF_LIFE_MS.recentAttempts, up to
   * now), so that a sudden change of answer rate shows within a minute or so; absent, only the counts above are used.
   */
  readonly recent?: { readonly attempts: number; readonly answered: number };
  /** Dial-to-answer time of calls answered by a person. */
  readonly ringTime: DurationStats;
  readonly talkTime: DurationStats;
  readonly wrapUpTime: DurationStats;
  readonly campaign: AbandonCounts;
  /** The same over the rolling window (see RollingAbandonWindow). */
  readonly rolling: AbandonCounts;
}

/**
 * Everything the pacer looks at, at one instant, for one campaign. Elapsed times are in
 * milliseconds. Agents are those working the campaign and not paused (ready, talking, wrap-up).
 */
export interface PacingInput {
  readonly settings: PacingSettings;
  readonly history: PacingHistory;
  readonly agents: {
    readonly ready: number;
    /** One entry per agent connected to a customer: time since the customer was connected. */
    readonly talkingElapsedMs: readonly number[];
    /** One entry per agent in wrap-up: time since wrap-up began. */
    readonly wrapUpElapsedMs: readonly number[];
  };
  readonly calls: {
    /** One entry per call still ringing: time since it was placed. */
    readonly ringingElapsedMs: readonly number[];
    /** One entry per answered customer on hold waiting for an agent: time since answer. */
    readonly waitingElapsedMs: readonly number[];
  };
}
