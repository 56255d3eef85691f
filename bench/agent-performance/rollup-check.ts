import { recomputeRollup, stateTimeKey } from '../../src/domain/agent-performance/agent-state-rollup';
import { AgentStateRollup, toFact } from '../../src/store/agent-performance/agent-state-rollup';
import type { Db } from '../../src/store/database';

/** Whether an agent's stored state rollup equals a recomputation from their raw state changes (the property test does it at random). */
export function rollupMatchesRecomputation(db: Db, agentId: number): { changes: number; same: boolean } {
  const rollup = new AgentStateRollup(db);
  const raw = db.prepare<[number], Parameters<typeof toFact>[0]>('SELECT id, agent_id, campaign_id, at, to_state, reason FROM agent_state_changes WHERE agent_id = ?').all(agentId).map(toFact);
  const expected = [...recomputeRollup(raw, rollup.timeZoneOf).values()].map((r) => `${stateTimeKey(r)}=${r.ms}`).sort();
  const stored = db.prepare<[number], { agent_id: number; campaign_id: number; day: string; state: never; reason: string; ms: number }>(
    'SELECT * FROM agent_state_rollup WHERE agent_id = ?').all(agentId)
    .map((r) => `${stateTimeKey({ agentId: r.agent_id, campaignId: r.campaign_id, day: r.day, state: r.state, reason: r.reason })}=${r.ms}`).sort();
  return { changes: raw.length, same: expected.length === stored.length && expected.every((x, i) => x === stored[i]) };
}
