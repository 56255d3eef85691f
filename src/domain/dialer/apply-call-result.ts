import type { CallOutcome } from '../call-outcome';
import type { DialingMode } from '../dialing-mode';
import type { Disposition } from '../disposition';
import { checkCallingHours, type CallingHours } from './calling-hours';
import { abandonLockoutEnd } from './lead-eligibility';
import type { LeadSnapshot } from './lead-snapshot';
import { waitingStatus } from './lead-transitions';
import { isValidTimeZone, localTimeAt } from './local-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The campaign settings that decide what a call's result does to its contact. */
export interface CallResultPolicy {
  mode: DialingMode;
  maxAttempts: number;
  retryMinutes: number;
  /** Days a `do not call again` hides the contact; null or 0 hides it for the rest of the campaign. */
  noRecallDays: number | null;
  abandonLockoutHours?: number;
  endsAt: Date | null;
  callingHours: CallingHours | null;
  timezone: string;
}

/** `not_dialed` is a manual skip before any call was placed. */
export interface CallResult {
  outcome: CallOutcome | 'not_dialed';
  disposition?: Disposition;
  callbackAt?: Date;
}

export type CallResultRejection =
  | 'not_in_progress'
  | 'skip_only_in_manual'
  | 'not_dialed_needs_skip'
  | 'disposition_required'
  | 'disposition_needs_answer'
  | 'callback_time_required'
  | 'callback_in_past'
  | 'callback_after_campaign_end'
  | 'callback_outside_calling_hours';

export type CallResultChange = { ok: true; lead: LeadSnapshot } | { ok: false; reason: CallResultRejection; field?: 'disposition' | 'callbackAt' };

const RETRY_OUTCOMES: readonly string[] = ['busy', 'no_answer', 'congestion', 'machine', 'abandoned'];
const FINISHING: readonly string[] = ['closed_deal', 'interested', 'not_interested'];

/**
 * What one finished attempt does to its contact. The agent's disposition decides when there is one; otherwise the
 * telephony outcome does. Every real dial counts as an attempt. See the report of this module for the choices
 * made where the issue is silent (interested, skip, failed callbacks).
 */
export function applyCallResult(lead: LeadSnapshot, result: CallResult, policy: CallResultPolicy, now: Date): CallResultChange {
  if (lead.status !== 'in_progress') return { ok: false, reason: 'not_in_progress' };
  const invalid = validate(lead, result, policy, now);
  if (invalid) return invalid;
  const dialed = result.outcome !== 'not_dialed';
  const counted: LeadSnapshot = {
    ...lead,
    attempts: lead.attempts + (dialed ? 1 : 0),
    lastOutcome: result.outcome === 'not_dialed' ? lead.lastOutcome : result.outcome,
    lastDisposition: result.disposition ?? null,
    lastAbandonedAt: result.outcome === 'abandoned' ? now : lead.lastAbandonedAt,
  };
  const change = result.disposition ? byDisposition(counted, result, policy, now) : byOutcome(counted, result.outcome, policy, now);
  return { ok: true, lead: { ...counted, ...change } };
}

type StatusFields = Pick<LeadSnapshot, 'status' | 'nextCallAt' | 'callbackAt' | 'doNotCallUntil'>;

const finished = (status: LeadSnapshot['status']): StatusFields => ({ status, nextCallAt: null, callbackAt: null, doNotCallUntil: null });

function byDisposition(lead: LeadSnapshot, result: CallResult, policy: CallResultPolicy, now: Date): StatusFields {
  switch (result.disposition) {
    case 'callback': {
      const at = result.callbackAt ?? now;
      return { status: 'callback_scheduled', callbackAt: at, nextCallAt: at, doNotCallUntil: null };
    }
    case 'do_not_call_again': {
      const days = policy.noRecallDays ?? 0;
      const until = days > 0 ? new Date(now.getTime() + days * DAY_MS) : null;
      return { status: 'do_not_call_again', doNotCallUntil: until, nextCallAt: until, callbackAt: null };
    }
    case 'skip': {
      const status = waitingStatus(lead, policy.maxAttempts);
      if (status === 'retries_exhausted') return finished(status);
      return { status, nextCallAt: new Date(now.getTime() + policy.retryMinutes * MINUTE_MS), callbackAt: lead.callbackAt, doNotCallUntil: lead.doNotCallUntil };
    }
    default:
      return finished('success');
  }
}

function byOutcome(lead: LeadSnapshot, outcome: CallOutcome | 'not_dialed', policy: CallResultPolicy, now: Date): StatusFields {
  if (outcome === 'answered') return finished('success');
  if (!RETRY_OUTCOMES.includes(outcome)) return finished('call_error');
  if (lead.attempts >= policy.maxAttempts) return finished('retries_exhausted');
  const retryAt = now.getTime() + policy.retryMinutes * MINUTE_MS;
  const lockout = abandonLockoutEnd(lead, policy)?.getTime() ?? 0;
  const nextCallAt = new Date(Math.max(retryAt, lockout));
  // A callback that fails keeps its place at the head of the queue; anything else is an ordinary retry.
  if (lead.callbackAt) return { status: 'callback_scheduled', nextCallAt, callbackAt: lead.callbackAt, doNotCallUntil: null };
  return { status: 'failed_will_retry', nextCallAt, callbackAt: null, doNotCallUntil: null };
}

type Invalid = Extract<CallResultChange, { ok: false }>;

function validate(lead: LeadSnapshot, result: CallResult, policy: CallResultPolicy, now: Date): Invalid | null {
  const { outcome, disposition } = result;
  if (disposition === 'skip' && policy.mode !== 'manual') return { ok: false, reason: 'skip_only_in_manual', field: 'disposition' };
  if (outcome === 'not_dialed' && disposition !== 'skip') return { ok: false, reason: 'not_dialed_needs_skip', field: 'disposition' };
  if (disposition && FINISHING.includes(disposition) && outcome !== 'answered') {
    return { ok: false, reason: 'disposition_needs_answer', field: 'disposition' };
  }
  if (!disposition && outcome === 'answered' && policy.mode !== 'ivr') return { ok: false, reason: 'disposition_required', field: 'disposition' };
  if (disposition === 'callback') return validateCallbackTime(lead, result.callbackAt, policy, now);
  return null;
}

/** A callback must be in the future, before the campaign ends, and inside calling hours at the contact. */
function validateCallbackTime(lead: LeadSnapshot, at: Date | undefined, policy: CallResultPolicy, now: Date): Invalid | null {
  const bad = (reason: CallResultRejection): Invalid => ({ ok: false, reason, field: 'callbackAt' });
  if (!at || Number.isNaN(at.getTime())) return bad('callback_time_required');
  if (at.getTime() <= now.getTime()) return bad('callback_in_past');
  if (policy.endsAt && at.getTime() >= policy.endsAt.getTime()) return bad('callback_after_campaign_end');
  if (policy.callingHours) {
    const zone = lead.timezone ?? policy.timezone;
    const inside = isValidTimeZone(zone) && checkCallingHours(policy.callingHours, localTimeAt(at, zone)) === 'inside';
    if (!inside) return bad('callback_outside_calling_hours');
  }
  return null;
}
