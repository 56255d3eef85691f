import { AGENT_STATE_KINDS, type AgentStateChange, type AgentStateKind } from './agent-session-state';

export interface TimePerState {
  byState: Record<AgentStateKind, number>;
  /** Milliseconds in not-ready, split by reason. */
  notReadyByReason: Record<string, number>;
}

/**
 * Sums one agent's time per state from its state-change records, in ms, over [from, until). Each record opens
 * an interval that the next one closes; the last stays open until `until`. Time before the first record in the
 * range belongs to the state the record before `from` opened (offline if there is none).
 */
export function sumTimePerState(records: readonly AgentStateChange[], from: Date, until: Date): TimePerState {
  const byState = Object.fromEntries(AGENT_STATE_KINDS.map((k) => [k, 0])) as Record<AgentStateKind, number>;
  const notReadyByReason: Record<string, number> = {};
  const sorted = [...records].sort((a, b) => a.at.getTime() - b.at.getTime());
  const start = from.getTime();
  const end = until.getTime();
  let current: { to: AgentStateKind; reason: string | null } = { to: 'offline', reason: null };
  let since = start;
  const close = (at: number): void => {
    const ms = Math.min(at, end) - Math.max(since, start);
    if (ms <= 0) return;
    byState[current.to] += ms;
    if (current.to === 'not_ready') notReadyByReason[current.reason ?? ''] = (notReadyByReason[current.reason ?? ''] ?? 0) + ms;
  };
  for (const r of sorted) {
    close(r.at.getTime());
    current = r;
    since = r.at.getTime();
  }
  close(end);
  return { byState, notReadyByReason };
}
