import type { AbandonCounts, PacingHistory } from '../../src/domain/pacing/pacing-input';

/** Elapsed times in each state and what the campaign has learned: what the predictive pacer reads. */
export interface ShiftDetails {
  readonly talkingElapsedMs: readonly number[];
  readonly wrapUpElapsedMs: readonly number[];
  readonly ringingElapsedMs: readonly number[];
  readonly waitingElapsedMs: readonly number[];
  readonly history: PacingHistory;
}

/** What a dialing policy may look at: what a real engine knows at that instant. */
export interface ShiftView {
  readonly nowMs: number;
  readonly shiftMs: number;
  readonly agentsLoggedIn: number;
  readonly ready: number;
  readonly talking: number;
  readonly wrapUp: number;
  readonly ringing: number;
  readonly waiting: number;
  /** Answered customers so far and how many were abandoned. */
  readonly campaign: AbandonCounts;
  /** Built on demand (the simple policies only need the counts). */
  details(): ShiftDetails;
}

/** Decides, at each tick, how many new calls to place. May keep state between ticks (one instance per shift). */
export interface DialPolicy {
  readonly name: string;
  decide(view: ShiftView): number;
}

export type DialPolicyFactory = () => DialPolicy;
