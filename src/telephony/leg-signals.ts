import type { LegSignals } from '../domain/call-outcome-rules';

/**
 * How a leg's events become LegSignals (reference README points 3-4, and real Asterisk 22):
 * - Dial.dialstatus: "" and RINGING/PROGRESS are not final; ANSWER means answered.
 * - The cause is the first real one: a ChannelHangupRequest without `soft` (with `soft: true` the
 *   number is Asterisk's internal soft-hangup flag, 32 after DELETE, 4 at shutdown), else the
 *   ChannelDestroyed cause. Dial status beats the cause in the outcome table.
 */
export const FINAL_DIAL_STATUSES: ReadonlySet<string> = new Set([
  'ANSWER', 'BUSY', 'NOANSWER', 'CANCEL', 'CONGESTION', 'CHANUNAVAIL', 'DONTCALL', 'TORTURE', 'INVALIDARGS',
]);

export function withDialStatus(s: LegSignals, dialstatus: string): LegSignals {
  if (!FINAL_DIAL_STATUSES.has(dialstatus)) return s;
  return { ...s, dialStatus: dialstatus, answered: s.answered || dialstatus === 'ANSWER' };
}

export function withHangupRequest(s: LegSignals, cause: number | undefined, soft: boolean | undefined): LegSignals {
  if (soft === true || cause === undefined || cause === 0 || s.cause !== undefined) return s;
  return { ...s, cause };
}

export function withDestroyed(s: LegSignals, cause: number): LegSignals {
  return s.cause !== undefined ? s : { ...s, cause };
}

/** Dial statuses after which a create-then-dial channel lingers until the dial timeout: we hang it up. */
export function isFailedDial(dialstatus: string): boolean {
  return FINAL_DIAL_STATUSES.has(dialstatus) && dialstatus !== 'ANSWER';
}
