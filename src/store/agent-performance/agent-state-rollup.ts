import type { AgentStateKind } from '../../domain/dialer/agent-session-state';
import { foldDeltas, type StateChangeFact, type StateTime, type TimeZoneOf } from '../../domain/agent-performance/agent-state-rollup';
import type { Db } from '../database';

interface ChangeRow { id: number; agent_id: number; campaign_id: number; at: string; to_state: AgentStateKind; reason: string | null }
interface RollupRow { agent_id: number; campaign_id: number; day: string; state: AgentStateKind; reason: string; ms: number }

export const toFact = (r: ChangeRow): StateChangeFact => ({
  id: r.id, agentId: r.agent_id, campaignId: r.campaign_id, at: Date.parse(r.at), to: r.to_state, reason: r.reason,
});
export const toStateTime = (r: RollupRow): StateTime => ({ agentId: r.agent_id, campaignId: r.campaign_id, day: r.day, state: r.state, reason: r.reason, ms: r.ms });

const COLS = 'id, agent_id, campaign_id, at, to_state, reason';

/**
 * The daily rollup of agent_state_changes (migrations/041): closed time per agent, campaign, local day, state
 * and reason. `catchUp` folds every change not folded yet, in id order, each against the changes folded before
 * it, so the table always equals a recomputation from the raw rows; it keeps no state in memory, so a restart
 * loses nothing. The agent session repository calls it in the transaction that inserts each change.
 */
export class AgentStateRollup {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      mark: db.prepare<[], { folded_through: number }>('SELECT folded_through FROM agent_state_rollup_mark WHERE id = 1'),
      setMark: db.prepare('UPDATE agent_state_rollup_mark SET folded_through = ? WHERE id = 1'),
      pending: db.prepare<[number, number], ChangeRow>(`SELECT ${COLS} FROM agent_state_changes WHERE id > ? ORDER BY id LIMIT ?`),
      prev: db.prepare<[number, string, number], ChangeRow>(
        `SELECT ${COLS} FROM agent_state_changes WHERE agent_id = ? AND at <= ? AND id < ? ORDER BY at DESC, id DESC LIMIT 1`),
      next: db.prepare<[number, string, number], ChangeRow>(
        `SELECT ${COLS} FROM agent_state_changes WHERE agent_id = ? AND at > ? AND id < ? ORDER BY at, id LIMIT 1`),
      add: db.prepare(`INSERT INTO agent_state_rollup (agent_id, day, campaign_id, state, reason, ms) VALUES (@agentId, @day, @campaignId, @state, @reason, @ms)
        ON CONFLICT (agent_id, day, campaign_id, state, reason) DO UPDATE SET ms = ms + excluded.ms`),
      dropZero: db.prepare('DELETE FROM agent_state_rollup WHERE agent_id = ? AND day = ? AND campaign_id = ? AND state = ? AND reason = ? AND ms = 0'),
      tz: db.prepare<[number], { timezone: string }>('SELECT timezone FROM campaigns WHERE id = ?'),
      all: db.prepare<[], RollupRow>('SELECT * FROM agent_state_rollup ORDER BY agent_id, day, campaign_id, state, reason'),
    };
  }

  /** A campaign's time zone (UTC for one deleted since). */
  readonly timeZoneOf: TimeZoneOf = (campaignId) => this.s.tz.get(campaignId)?.timezone ?? 'UTC';

  /** Folds every change not yet folded; returns how many. Runs in its own transaction, or in the caller's. */
  catchUp(batch = 10_000): number {
    let total = 0;
    for (;;) {
      const n = this.db.transaction(() => this.foldBatch(batch)).immediate();
      total += n;
      if (n < batch) return total;
    }
  }

  /** Folds pending changes inside the caller's transaction (no transaction of its own). */
  foldPending(): void {
    while (this.foldBatch(1000) === 1000) { /* more pending */ }
  }

  private foldBatch(limit: number): number {
    const rows = this.s.pending.all(this.s.mark.get()!.folded_through, limit);
    for (const r of rows) {
      const prev = this.s.prev.get(r.agent_id, r.at, r.id);
      const next = this.s.next.get(r.agent_id, r.at, r.id);
      this.apply(foldDeltas(toFact(r), prev ? toFact(prev) : null, next ? toFact(next) : null, this.timeZoneOf));
    }
    const last = rows[rows.length - 1];
    if (last) this.s.setMark.run(last.id);
    return rows.length;
  }

  private apply(deltas: readonly StateTime[]): void {
    for (const d of deltas) {
      this.s.add.run(d);
      if (d.ms < 0) this.s.dropZero.run(d.agentId, d.day, d.campaignId, d.state, d.reason);
    }
  }

  /** The whole rollup (tests and checks). */
  rows(): StateTime[] { return this.s.all.all().map(toStateTime); }
}
