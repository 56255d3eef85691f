import { startOfLocalDay, startOfNextLocalDay } from './local-time';

/**
 * A quota on how many customers one agent handles: per local day (in `timezone`) or over the whole campaign.
 * `min` null means no minimum, `max` null no maximum. What counts as one customer is the engine's choice; it
 * should be a customer handed to the agent that ended in a disposition other than skip.
 */
export type QuotaPolicy =
  | { kind: 'none' }
  | { kind: 'per_day'; min: number | null; max: number | null; timezone: string }
  | { kind: 'per_campaign'; min: number | null; max: number | null };

/** The span to count in: a per-day quota counts inside today's local day; null bounds mean unbounded. */
export interface QuotaWindow {
  from: Date | null;
  to: Date | null;
}

export interface QuotaStatus {
  count: number;
  /** At or over the maximum: the agent gets no new customer. */
  atMax: boolean;
  /** Under the minimum (meaningful for reports at the end of the day or campaign). */
  belowMin: boolean;
  /** Customers left before the maximum; null without one. */
  remaining: number | null;
  /** Customers missing to reach the minimum; 0 when reached or without one. */
  shortfall: number;
}

export function quotaWindow(policy: QuotaPolicy, now: Date): QuotaWindow {
  if (policy.kind !== 'per_day') return { from: null, to: null };
  return { from: startOfLocalDay(now, policy.timezone), to: startOfNextLocalDay(now, policy.timezone) };
}

export function evaluateQuota(policy: QuotaPolicy, count: number): QuotaStatus {
  if (policy.kind === 'none') return { count, atMax: false, belowMin: false, remaining: null, shortfall: 0 };
  const shortfall = policy.min === null ? 0 : Math.max(0, policy.min - count);
  const remaining = policy.max === null ? null : Math.max(0, policy.max - count);
  return { count, atMax: remaining === 0, belowMin: shortfall > 0, remaining, shortfall };
}

export interface AgentCount<A> {
  agentId: A;
  count: number;
}

/** The agents under their minimum, with what they miss, largest shortfall first. */
export function agentsBelowMinimum<A>(policy: QuotaPolicy, counts: readonly AgentCount<A>[]): Array<AgentCount<A> & { shortfall: number }> {
  return counts
    .map((c) => ({ ...c, shortfall: evaluateQuota(policy, c.count).shortfall }))
    .filter((c) => c.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall);
}
