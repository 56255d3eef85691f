import type { Campaign } from '../domain/campaign';
import type { CallResultPolicy } from '../domain/dialer/apply-call-result';
import type { QuotaPolicy } from '../domain/dialer/agent-quota';
import type { EligibilityPolicy } from '../domain/dialer/lead-eligibility';

const instant = (s: string | null): Date | null => (s ? new Date(s) : null);

/** The campaign's settings in the shapes the dialer rules read. */
export function eligibilityPolicy(c: Campaign): EligibilityPolicy {
  return {
    campaignRunning: c.state === 'running',
    startsAt: instant(c.startAt),
    endsAt: instant(c.endAt),
    maxAttempts: c.maxAttempts,
    callingHours: c.callingHours,
    timezone: c.timezone,
    abandonLockoutHours: c.abandonLockoutHours,
  };
}

export function callResultPolicy(c: Campaign): CallResultPolicy {
  return {
    mode: c.dialingMode,
    maxAttempts: c.maxAttempts,
    retryMinutes: c.retryMinutes,
    noRecallDays: c.noRecallDays,
    abandonLockoutHours: c.abandonLockoutHours,
    endsAt: instant(c.endAt),
    callingHours: c.callingHours,
    timezone: c.timezone,
  };
}

export function quotaPolicy(c: Campaign): QuotaPolicy {
  const { kind, min, max } = c.quota;
  if (kind === 'none') return { kind };
  if (kind === 'per_day') return { kind, min, max, timezone: c.timezone };
  return { kind, min, max };
}
