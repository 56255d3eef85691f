import type { PacingHistory } from '../../src/domain/pacing/pacing-input';

/** What a dialing policy may look at: what a real engine knows at that instant. */
export interface ShiftView {
  readonly nowMs: number;
  readonly shiftMs: number;
  readonly agentsLoggedIn: number;
  readonly ready: number;
  readonly talkingElapsedMs: readonly number[];
  readonly wrapUpElapsedMs: readonly number[];
  readonly ringingElapsedMs: readonly number[];
  readonly waitingElapsedMs: readonly number[];
  readonly history: PacingHistory;
}

/** Decides, at each tick, how many new calls to place. May keep state between ticks (one instance per shift). */
export interface DialPolicy {
  readonly name: string;
  decide(view: ShiftView): number;
}

export type DialPolicyFactory = () => DialPolicy;
