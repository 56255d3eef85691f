import type { AgentStateKind } from '../../domain/dialer/agent-session-state';
import type { StateChangeFact, StateTime } from '../../domain/agent-performance/agent-state-rollup';
import type { Disposition } from '../../domain/disposition';
import type { Db } from '../database';
import { toFact, toStateTime } from './agent-state-rollup';

/** A campaign as the report needs it: who may see it, its time zone, its quota. */
export interface ReportCampaignRow {
  id: number;
  name: string;
  createdBy: number;
  managerIds: number[];
  timezone: string;
  quota: { kind: 'none' | 'per_day' | 'per_campaign'; min: number | null; max: number | null };
}

export interface AttemptRow {
  agentId: number;
  campaignId: number;
  claimedAt: string;
  dialingAt: string | null;
  connectedAt: string | null;
  endedAt: string | null;
  disposition: Disposition | null;
}

export interface AbandonRow { campaignId: number; endedAt: string }

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

interface CampaignRow { id: number; name: string; created_by: number; timezone: string; quota_kind: ReportCampaignRow['quota']['kind']; quota_min: number | null; quota_max: number | null; managers: string | null }

const CAMPAIGN_SELECT = `SELECT c.id, c.name, c.created_by, c.timezone, c.quota_kind, c.quota_min, c.quota_max,
  (SELECT GROUP_CONCAT(m.user_id) FROM campaign_managers m WHERE m.campaign_id = c.id) AS managers FROM campaigns c`;

const toCampaign = (r: CampaignRow): ReportCampaignRow => ({
  id: r.id, name: r.name, createdBy: r.created_by, timezone: r.timezone,
  managerIds: r.managers ? r.managers.split(',').map(Number) : [],
  quota: { kind: r.quota_kind, min: r.quota_min, max: r.quota_max },
});

/**
 * What the agent performance report reads: the daily rollup, each agent's last state change (the interval still
 * open), attempts and abandoned calls. Lists of ids are bound as parameters, never spliced into the SQL.
 */
export class AgentPerformanceRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      campaigns: db.prepare<[], CampaignRow>(`${CAMPAIGN_SELECT} ORDER BY c.id`),
      last: db.prepare<[number], Parameters<typeof toFact>[0]>(
        'SELECT id, agent_id, campaign_id, at, to_state, reason FROM agent_state_changes WHERE agent_id = ? ORDER BY at DESC, id DESC LIMIT 1'),
      at: db.prepare<[number, string], { campaign_id: number; to_state: AgentStateKind }>(
        'SELECT campaign_id, to_state FROM agent_state_changes WHERE agent_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1'),
      joined: db.prepare<[], { agent_id: number }>('SELECT agent_id FROM agent_sessions'),
      names: db.prepare<[], { id: number; display_name: string; role: string }>('SELECT id, display_name, role FROM users'),
    };
  }

  campaigns(): ReportCampaignRow[] { return this.s.campaigns.all().map(toCampaign); }

  /** Agents assigned to these campaigns, directly or through a group. */
  agentsOf(campaignIds: readonly number[]): number[] {
    if (campaignIds.length === 0) return [];
    const m = marks(campaignIds.length);
    return this.db.prepare<number[], { user_id: number }>(`SELECT user_id FROM campaign_agents WHERE campaign_id IN (${m})
      UNION SELECT gm.user_id FROM campaign_groups g JOIN agent_group_members gm ON gm.group_id = g.group_id WHERE g.campaign_id IN (${m})`)
      .all(...campaignIds, ...campaignIds).map((r) => r.user_id);
  }

  /** Rollup rows for the days [fromDay, toDay], optionally only these agents and campaigns (null: all). */
  times(fromDay: string, toDay: string, agentIds: readonly number[] | null, campaignIds: readonly number[] | null): StateTime[] {
    const where = ['day >= ?', 'day <= ?'];
    const args: Array<string | number> = [fromDay, toDay];
    if (agentIds) { where.push(`agent_id IN (${marks(agentIds.length)})`); args.push(...agentIds); }
    if (campaignIds) { where.push(`campaign_id IN (${marks(campaignIds.length)})`); args.push(...campaignIds); }
    if (agentIds?.length === 0 || campaignIds?.length === 0) return [];
    return this.db.prepare<Array<string | number>, Parameters<typeof toStateTime>[0]>(
      `SELECT agent_id, campaign_id, day, state, reason, ms FROM agent_state_rollup WHERE ${where.join(' AND ')}`).all(...args).map(toStateTime);
  }

  /** The agent's latest state change: it opens the interval the rollup does not hold yet. */
  lastChange(agentId: number): StateChangeFact | undefined {
    const r = this.s.last.get(agentId);
    return r && toFact(r);
  }

  /** Where the agent was at `at`: the campaign and state of the last change at or before it. */
  stateAt(agentId: number, at: string): { campaignId: number; state: AgentStateKind } | undefined {
    const r = this.s.at.get(agentId, at);
    return r && { campaignId: r.campaign_id, state: r.to_state };
  }

  joinedAgents(): number[] { return this.s.joined.all().map((r) => r.agent_id); }

  users(): Map<number, { name: string; role: string }> {
    return new Map(this.s.names.all().map((u) => [u.id, { name: u.display_name, role: u.role }]));
  }

  /** The agents' attempts claimed in [fromIso, toIso). */
  attempts(agentIds: readonly number[], fromIso: string, toIso: string): AttemptRow[] {
    if (agentIds.length === 0) return [];
    return this.db.prepare<Array<string | number>, {
      agent_id: number; campaign_id: number; claimed_at: string; dialing_at: string | null; connected_at: string | null; ended_at: string | null; disposition: Disposition | null;
    }>(`SELECT agent_id, campaign_id, claimed_at, dialing_at, connected_at, ended_at, disposition FROM dial_attempts
        WHERE agent_id IN (${marks(agentIds.length)}) AND claimed_at >= ? AND claimed_at < ?`)
      .all(...agentIds, fromIso, toIso)
      .map((r) => ({ agentId: r.agent_id, campaignId: r.campaign_id, claimedAt: r.claimed_at, dialingAt: r.dialing_at, connectedAt: r.connected_at, endedAt: r.ended_at, disposition: r.disposition }));
  }

  /** Calls of these campaigns that ended abandoned in [fromIso, toIso). */
  abandoned(campaignIds: readonly number[], fromIso: string, toIso: string): AbandonRow[] {
    if (campaignIds.length === 0) return [];
    return this.db.prepare<Array<string | number>, { campaign_id: number; ended_at: string }>(
      `SELECT campaign_id, ended_at FROM dial_attempts WHERE campaign_id IN (${marks(campaignIds.length)}) AND ended_at >= ? AND ended_at < ? AND outcome = 'abandoned'`)
      .all(...campaignIds, fromIso, toIso).map((r) => ({ campaignId: r.campaign_id, endedAt: r.ended_at }));
  }

  /** Customers counted toward the campaign's quota over its whole life, per agent. */
  campaignQuotaCounts(campaignId: number, agentIds: readonly number[]): Map<number, number> {
    if (agentIds.length === 0) return new Map();
    const rows = this.db.prepare<number[], { agent_id: number; n: number }>(`SELECT agent_id, COUNT(*) AS n FROM dial_attempts
      WHERE campaign_id = ? AND agent_id IN (${marks(agentIds.length)}) AND disposition IS NOT NULL AND disposition <> 'skip' GROUP BY agent_id`)
      .all(campaignId, ...agentIds);
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }
}
