import type { CallingHours } from './calling-hours';
import { checkCallingHours } from './calling-hours';
import type { LeadSnapshot } from './lead-snapshot';
import { isValidTimeZone, localTimeAt } from './local-time';

export const DEFAULT_ABANDON_LOCKOUT_HOURS = 72;
const HOUR_MS = 3_600_000;

/** The campaign settings eligibility reads. `startsAt` is inclusive, `endsAt` exclusive; null means open. */
export interface EligibilityPolicy {
  campaignRunning: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  maxAttempts: number;
  callingHours: CallingHours | null;
  /** The campaign's zone, used for contacts without one. */
  timezone: string;
  abandonLockoutHours?: number;
}

export type IneligibleReason =
  | 'campaign_not_running'
  | 'before_campaign_start'
  | 'after_campaign_end'
  | 'on_dnc'
  | 'on_blacklist'
  | 'contact_paused'
  | 'status_not_callable'
  | 'attempts_exhausted'
  | 'no_recall_period'
  | 'abandon_lockout'
  | 'retry_not_due'
  | 'callback_not_due'
  | 'invalid_timezone'
  | 'invalid_calling_hours'
  | 'outside_calling_hours';

/** `until`: when the reason lapses by itself, if it does and the time is known. */
export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason; until?: Date };

/** Statuses a contact may be dialed from; `do_not_call_again` only once its no-recall period is over. */
export const CALLABLE_STATUSES = ['not_started', 'failed_will_retry', 'callback_scheduled', 'do_not_call_again'] as const;

const no = (reason: IneligibleReason, until?: Date | null): Eligibility =>
  until ? { eligible: false, reason, until } : { eligible: false, reason };

/**
 * Whether `lead` may be dialed at `now`, else the first failing reason. The order puts campaign-wide reasons
 * first, then lasting ones (lists, status, attempts), then those that lapse with time, and calling hours last.
 * The attempt cap applies to the retry cycle (`not_started`, `failed_will_retry`): a callback and a contact back
 * from its no-recall period were decided by an agent and are tried at least once.
 */
export function isEligible(lead: LeadSnapshot, policy: EligibilityPolicy, now: Date): Eligibility {
  const t = now.getTime();
  if (!policy.campaignRunning) return no('campaign_not_running');
  if (policy.startsAt && t < policy.startsAt.getTime()) return no('before_campaign_start', policy.startsAt);
  if (policy.endsAt && t >= policy.endsAt.getTime()) return no('after_campaign_end');
  if (lead.onDnc || lead.status === 'dnc') return no('on_dnc');
  if (lead.onBlacklist || lead.status === 'blocked') return no('on_blacklist');
  if (lead.status === 'paused') return no('contact_paused');
  if (!(CALLABLE_STATUSES as readonly string[]).includes(lead.status)) return no('status_not_callable');
  const inRetryCycle = lead.status === 'not_started' || lead.status === 'failed_will_retry';
  if (inRetryCycle && lead.attempts >= policy.maxAttempts) return no('attempts_exhausted');
  if (lead.status === 'do_not_call_again' && !lead.doNotCallUntil) return no('no_recall_period');
  if (lead.doNotCallUntil && t < lead.doNotCallUntil.getTime()) return no('no_recall_period', lead.doNotCallUntil);
  const lockoutEnd = abandonLockoutEnd(lead, policy);
  if (lockoutEnd && t < lockoutEnd.getTime()) return no('abandon_lockout', lockoutEnd);
  if (lead.nextCallAt && t < lead.nextCallAt.getTime()) return no('retry_not_due', lead.nextCallAt);
  if (lead.status === 'callback_scheduled' && lead.callbackAt && t < lead.callbackAt.getTime()) {
    return no('callback_not_due', lead.callbackAt);
  }
  return callingHoursEligibility(lead, policy, now);
}

/**
 * Whether the agent who had `lead` may call it again now, from their list of earlier customers ("manual" access:
 * quota reached or list exhausted). The agent decides the moment, so the retry gap and an early callback time do
 * not hold them back; everything else does (lists, status, attempts, no-recall and abandon lockouts, calling hours).
 */
export function isEligibleForRecall(lead: LeadSnapshot, policy: EligibilityPolicy, now: Date): Eligibility {
  return isEligible({ ...lead, nextCallAt: null, callbackAt: lead.status === 'callback_scheduled' ? null : lead.callbackAt }, policy, now);
}

export function abandonLockoutEnd(lead: Pick<LeadSnapshot, 'lastAbandonedAt'>, policy: Pick<EligibilityPolicy, 'abandonLockoutHours'>): Date | null {
  if (!lead.lastAbandonedAt) return null;
  const hours = policy.abandonLockoutHours ?? DEFAULT_ABANDON_LOCKOUT_HOURS;
  return new Date(lead.lastAbandonedAt.getTime() + hours * HOUR_MS);
}

function callingHoursEligibility(lead: LeadSnapshot, policy: EligibilityPolicy, now: Date): Eligibility {
  if (!policy.callingHours) return { eligible: true };
  const zone = lead.timezone ?? policy.timezone;
  // An unknown zone fails closed: calling at the wrong local hour is the mistake that costs fines.
  if (!isValidTimeZone(zone)) return no('invalid_timezone');
  const check = checkCallingHours(policy.callingHours, localTimeAt(now, zone));
  if (check === 'invalid') return no('invalid_calling_hours');
  return check === 'inside' ? { eligible: true } : no('outside_calling_hours');
}
