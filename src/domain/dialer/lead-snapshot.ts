import type { CallOutcome } from '../call-outcome';
import type { ContactStatus } from '../contact-status';
import type { Disposition } from '../disposition';
import type { UserId } from '../roles';

export type LeadId = number;

/**
 * What the dialer rules need to know about one contact inside one campaign. The store maps its rows to this
 * shape; the rules return new snapshots and the store writes back the fields that changed.
 * A paused contact has status `paused`; `dnc` and `blocked` are the statuses set when it entered the campaign,
 * while `onDnc` / `onBlacklist` are the lists as read at dial time.
 */
export interface LeadSnapshot {
  status: ContactStatus;
  /** Dial attempts made for this contact in this campaign (a skip without a call does not count). */
  attempts: number;
  /** Not to be dialed before this instant (retry, skip rest, callback time, end of no-recall or lock-out). */
  nextCallAt: Date | null;
  /** Set while a callback is pending: the time the customer asked to be called. */
  callbackAt: Date | null;
  /** Set with `do_not_call_again`: hidden until then; null with that status means for the rest of the campaign. */
  doNotCallUntil: Date | null;
  lastAbandonedAt: Date | null;
  lastOutcome: CallOutcome | null;
  lastDisposition: Disposition | null;
  onDnc: boolean;
  onBlacklist: boolean;
  /** IANA zone of the contact; null falls back to the campaign's zone. */
  timezone: string | null;
  ownerAgentId: UserId | null;
}
