import type { AgentEvent, AgentState, AgentStateChange, AgentStateKind } from '../domain/dialer/agent-session-state';
import type { UserId } from '../domain/roles';
import { AgentStateRollup } from './agent-performance/agent-state-rollup';
import type { Db } from './database';

/** An agent joined to a campaign, as stored for a restart to find. */
export interface StoredAgentSession {
  agentId: UserId;
  campaignId: number;
  joinedAt: Date;
  state: AgentState;
  since: Date;
}

interface SessionRow { agent_id: number; campaign_id: number; joined_at: string; state: string; since: string }
interface ChangeRow {
  agent_id: number; at: string; from_state: AgentStateKind; to_state: AgentStateKind; reason: string | null;
  lead_id: number | null; event: AgentEvent['type'];
}

const toSession = (r: SessionRow): StoredAgentSession => ({
  agentId: r.agent_id, campaignId: r.campaign_id, joinedAt: new Date(r.joined_at), state: JSON.parse(r.state) as AgentState, since: new Date(r.since),
});

/** Agent sessions (who is joined where, in which state) and the time-stamped state changes reports sum. */
export class AgentSessionRepository {
  private readonly s;
  private readonly rollup: AgentStateRollup;

  constructor(private readonly db: Db) {
    this.rollup = new AgentStateRollup(db);
    this.s = {
      change: db.prepare(`INSERT INTO agent_state_changes (campaign_id, agent_id, at, from_state, to_state, reason, lead_id, event)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      upsert: db.prepare(`INSERT INTO agent_sessions (agent_id, campaign_id, joined_at, state, since) VALUES (@agentId, @campaignId, @joinedAt, @state, @since)
        ON CONFLICT (agent_id) DO UPDATE SET campaign_id = excluded.campaign_id, state = excluded.state, since = excluded.since`),
      remove: db.prepare('DELETE FROM agent_sessions WHERE agent_id = ?'),
      all: db.prepare<[], SessionRow>('SELECT * FROM agent_sessions ORDER BY agent_id'),
      one: db.prepare<[number], SessionRow>('SELECT * FROM agent_sessions WHERE agent_id = ?'),
      changes: db.prepare<[number, string, string], ChangeRow>(
        'SELECT * FROM agent_state_changes WHERE agent_id = ? AND at < ? AND at >= ? ORDER BY at, id'),
      before: db.prepare<[number, string], ChangeRow>('SELECT * FROM agent_state_changes WHERE agent_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1'),
    };
  }

  /**
   * Stores one visible state change and the session's new state together; leaving (`offline`) removes the
   * session row, and folds the change into the daily rollup. One transaction, so a crash cannot keep one without the others.
   */
  record(campaignId: number, change: AgentStateChange | null, session: Omit<StoredAgentSession, 'campaignId'>): void {
    this.db.transaction(() => {
      if (change) {
        this.s.change.run(campaignId, change.agentId, change.at.toISOString(), change.from, change.to, change.reason, change.leadId, change.event);
        this.rollup.foldPending();
      }
      if (session.state.kind === 'offline') this.s.remove.run(session.agentId);
      else {
        this.s.upsert.run({
          agentId: session.agentId, campaignId, joinedAt: session.joinedAt.toISOString(), state: JSON.stringify(session.state), since: session.since.toISOString(),
        });
      }
    }).immediate();
  }

  sessions(): StoredAgentSession[] {
    return this.s.all.all().map(toSession);
  }

  session(agentId: UserId): StoredAgentSession | undefined {
    const r = this.s.one.get(agentId);
    return r && toSession(r);
  }

  /** The agent's changes in [from, until), plus the last one before `from` (it opens the first interval). */
  changes(agentId: UserId, from: Date, until: Date): AgentStateChange[] {
    const toChange = (r: ChangeRow): AgentStateChange => ({
      agentId: r.agent_id, at: new Date(r.at), from: r.from_state, to: r.to_state, reason: r.reason, leadId: r.lead_id, event: r.event,
    });
    const prior = this.s.before.get(agentId, from.toISOString());
    const inside = this.s.changes.all(agentId, until.toISOString(), from.toISOString()).map(toChange);
    return prior ? [toChange(prior), ...inside] : inside;
  }
}
