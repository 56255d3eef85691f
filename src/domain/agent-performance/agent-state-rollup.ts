import type { AgentStateKind } from '../dialer/agent-session-state';
import { splitByLocalDay } from './local-day-span';

/** One agent_state_changes row as the rollup sees it: from `at` (ms) on, the agent was in `to` in `campaignId`. */
export interface StateChangeFact {
  id: number;
  agentId: number;
  campaignId: number;
  at: number;
  to: AgentStateKind;
  reason: string | null;
}

/** Time of one agent in one campaign, local day, state and reason ('' unless not ready), in ms. */
export interface StateTime {
  agentId: number;
  campaignId: number;
  day: string;
  state: AgentStateKind;
  reason: string;
  ms: number;
}

export type TimeZoneOf = (campaignId: number) => string;

export const stateTimeKey = (t: Pick<StateTime, 'agentId' | 'campaignId' | 'day' | 'state' | 'reason'>): string =>
  `${t.agentId}|${t.campaignId}|${t.day}|${t.state}|${t.reason}`;

/**
 * The time the interval opened by `opening` and closed at `endMs` adds, split at the local midnights of its
 * campaign's time zone. Offline time is not counted.
 */
export function intervalTimes(opening: StateChangeFact, endMs: number, tzOf: TimeZoneOf, sign = 1): StateTime[] {
  if (opening.to === 'offline') return [];
  const reason = opening.to === 'not_ready' ? (opening.reason ?? '') : '';
  return splitByLocalDay(opening.at, endMs, tzOf(opening.campaignId)).map((p) => ({
    agentId: opening.agentId, campaignId: opening.campaignId, day: p.day, state: opening.to, reason, ms: sign * p.ms,
  }));
}

/**
 * What folding one new change into the rollup changes, given the agent's changes already folded just before
 * (`prev`, the latest at or before it) and just after it (`next`, the first later one; only when a change arrives
 * out of order). The interval prev→next is split in two: prev→change and change→next. An interval with no
 * `next` is still open and not in the rollup.
 */
export function foldDeltas(change: StateChangeFact, prev: StateChangeFact | null, next: StateChangeFact | null, tzOf: TimeZoneOf): StateTime[] {
  const out: StateTime[] = [];
  if (prev) {
    if (next) out.push(...intervalTimes(prev, next.at, tzOf, -1));
    out.push(...intervalTimes(prev, change.at, tzOf));
  }
  if (next) out.push(...intervalTimes(change, next.at, tzOf));
  return out;
}

/** Adds deltas into a keyed total, dropping buckets that come back to zero. */
export function addInto(totals: Map<string, StateTime>, deltas: readonly StateTime[]): void {
  for (const d of deltas) {
    const key = stateTimeKey(d);
    const ms = (totals.get(key)?.ms ?? 0) + d.ms;
    if (ms === 0) totals.delete(key);
    else totals.set(key, { ...d, ms });
  }
}

/** The rollup recomputed from scratch: every closed interval of every agent, each agent's changes in (at, id) order. */
export function recomputeRollup(changes: readonly StateChangeFact[], tzOf: TimeZoneOf): Map<string, StateTime> {
  const sorted = [...changes].sort((a, b) => a.agentId - b.agentId || a.at - b.at || a.id - b.id);
  const totals = new Map<string, StateTime>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a.agentId === b.agentId) addInto(totals, intervalTimes(a, b.at, tzOf));
  }
  return totals;
}

/**
 * The time of an agent's last change, still open: from its start (or the range's) to now (or the range's end),
 * split into local days. Nothing when it left the agent offline or lies outside the range.
 */
export function openIntervalTimes(last: StateChangeFact, range: { startMs: number; endMs: number }, nowMs: number, tzOf: TimeZoneOf): StateTime[] {
  const start = Math.max(last.at, range.startMs);
  const end = Math.min(nowMs, range.endMs);
  return end > start ? intervalTimes({ ...last, at: start }, end, tzOf) : [];
}
