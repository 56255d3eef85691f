import type { LegSignals } from '../domain/call-outcome-rules';
import { SOFT_HANGUP_SHUTDOWN } from './pbx-watch';

/**
 * How a leg's events become LegSignals (reference README points 3-4, and real Asterisk 22):
 * - Dial.dialstatus: "" and RINGING/PROGRESS are not final; ANSWER means answered.
 * - The cause is the first real one: a ChannelHangupRequest without `soft` (with `soft: true` the
 *   number is Asterisk's internal soft-hangup flag, 32 after DELETE, 4 at shutdown), else the one a
 *   failed Dial status stands for, else the ChannelDestroyed cause. Dial status beats the cause in the
 *   outcome table.
 */
export const FINAL_DIAL_STATUSES: ReadonlySet<string> = new Set([
  'ANSWER', 'BUSY', 'NOANSWER', 'CANCEL', 'CONGESTION', 'CHANUNAVAIL', 'DONTCALL', 'TORTURE', 'INVALIDARGS',
]);

/**
 * The Q.850 cause a failed Dial status stands for. Over SIP the real cause reaches our leg first (a non-soft
 * ChannelHangupRequest); a Local leg never carries one, and our own hang-up of the lingering channel would leave
 * 16 (normal clearing) in the record.
 */
const CAUSE_OF_DIAL_STATUS: Readonly<Record<string, number>> = { BUSY: 17, CONGESTION: 34 };

export function withDialStatus(s: LegSignals, dialstatus: string): LegSignals {
  if (!FINAL_DIAL_STATUSES.has(dialstatus)) return s;
  const implied = s.cause === undefined ? CAUSE_OF_DIAL_STATUS[dialstatus] : undefined;
  return { ...s, dialStatus: dialstatus, answered: s.answered || dialstatus === 'ANSWER', ...(implied ? { cause: implied } : {}) };
}

export function withHangupRequest(s: LegSignals, cause: number | undefined, soft: boolean | undefined): LegSignals {
  if (soft === true && cause === SOFT_HANGUP_SHUTDOWN) return { ...s, pbxShutdown: true };
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
