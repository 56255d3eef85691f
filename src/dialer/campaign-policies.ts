import type { Campaign } from '../domain/campaign';
import type { CallResultPolicy } from '../domain/dialer/apply-call-result';
import { evaluateQuota, quotaWindow, type QuotaPolicy, type QuotaStatus } from '../domain/dialer/agent-quota';
import type { UserId } from '../domain/roles';
import type { AttemptStore } from './dialer-ports';
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

/** Where the agent stands against the campaign's quota at `now`: the customers counted in the quota's window. */
export function agentQuotaStatus(c: Campaign, agentId: UserId, now: Date, attempts: Pick<AttemptStore, 'quotaCount'>): QuotaStatus {
  const policy = quotaPolicy(c);
  const w = quotaWindow(policy, now);
  return evaluateQuota(policy, attempts.quotaCount(agentId, c.id, w.from, w.to));
}
