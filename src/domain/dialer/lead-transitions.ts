import type { ContactStatus } from '../contact-status';
import { isEligible, type EligibilityPolicy, type IneligibleReason } from './lead-eligibility';
import type { LeadSnapshot } from './lead-snapshot';

export type LeadRejectionCode = IneligibleReason | 'call_in_progress' | 'not_pausable' | 'not_paused' | 'not_in_progress';
export type LeadChange = { ok: true; lead: LeadSnapshot } | { ok: false; reason: LeadRejectionCode };

/** Statuses an administrator may pause: the ones still waiting for a call. */
export const PAUSABLE_STATUSES: readonly ContactStatus[] = ['not_started', 'failed_will_retry', 'callback_scheduled'];

/**
 * The waiting status a contact had before it was claimed or paused, read from what it still carries: a pending
 * callback, a no-recall end, or its attempts. `in_progress` and `paused` keep those fields, so nothing is lost.
 */
export function waitingStatus(lead: LeadSnapshot, maxAttempts: number): ContactStatus {
  if (lead.callbackAt) return 'callback_scheduled';
  if (lead.doNotCallUntil) return 'do_not_call_again';
  if (lead.attempts === 0) return 'not_started';
  return lead.attempts >= maxAttempts ? 'retries_exhausted' : 'failed_will_retry';
}

/** Claiming a contact for a call: only an eligible one, and it becomes `in_progress`. */
export function claimLead(lead: LeadSnapshot, policy: EligibilityPolicy, now: Date): LeadChange {
  const eligibility = isEligible(lead, policy, now);
  if (!eligibility.eligible) return { ok: false, reason: eligibility.reason };
  return { ok: true, lead: { ...lead, status: 'in_progress' } };
}

/**
 * Giving back a claimed contact that was never dialed (preview cancelled, agent left, restart found no channel):
 * it returns to its waiting status as if never claimed, with no attempt counted and no delay added.
 */
export function releaseClaim(lead: LeadSnapshot, maxAttempts: number): LeadChange {
  if (lead.status !== 'in_progress') return { ok: false, reason: 'not_in_progress' };
  return { ok: true, lead: { ...lead, status: waitingStatus(lead, maxAttempts) } };
}

export function pauseLead(lead: LeadSnapshot): LeadChange {
  if (lead.status === 'in_progress') return { ok: false, reason: 'call_in_progress' };
  if (!PAUSABLE_STATUSES.includes(lead.status)) return { ok: false, reason: 'not_pausable' };
  return { ok: true, lead: { ...lead, status: 'paused' } };
}

export function resumeLead(lead: LeadSnapshot, maxAttempts: number): LeadChange {
  if (lead.status !== 'paused') return { ok: false, reason: 'not_paused' };
  return { ok: true, lead: { ...lead, status: waitingStatus(lead, maxAttempts) } };
}

/** Removal takes the contact out of this campaign only; not while a call to it is live. */
export function canRemoveLead(lead: LeadSnapshot): { ok: true } | { ok: false; reason: 'call_in_progress' } {
  return lead.status === 'in_progress' ? { ok: false, reason: 'call_in_progress' } : { ok: true };
}
