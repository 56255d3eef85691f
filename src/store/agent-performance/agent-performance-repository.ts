import type { StateChangeFact, StateTime } from '../../domain/agent-performance/agent-state-rollup';
import { DISPOSITIONS, type Disposition } from '../../domain/disposition';
import type { Db } from '../database';
import { toFact } from './agent-state-rollup';

/** A campaign as the report needs it: who may see it, its time zone, its quota. */
export interface ReportCampaignRow {
  id: number;
  name: string;
  createdBy: number;
  managerIds: number[];
  timezone: string;
  quota: { kind: 'none' | 'per_day' | 'per_campaign'; min: number | null; max: number | null };
}

/** Attempts of one agent in one campaign claimed in one bucket (a UTC hour, or one instant), summed. */
export interface AttemptGroup {
  agentId: number;
  campaignId: number;
  /** The bucket's first instant (ISO). */
  at: string;
  calls: number;
  connects: number;
  talkMs: number;
  dispositions: Partial<Record<Disposition, number>>;
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
    const rows = this.db.prepare<Array<string | number>, unknown[]>(
      `SELECT agent_id, campaign_id, day, state, reason, ms FROM agent_state_rollup WHERE ${where.join(' AND ')}`).raw(true).all(...args) as unknown[][];
    return rows.map((r) => ({ agentId: r[0] as number, campaignId: r[1] as number, day: r[2] as string, state: r[3] as StateTime['state'], reason: r[4] as string, ms: r[5] as number }));
  }

  /** The agent's latest state change: it opens the interval the rollup does not hold yet. */
  lastChange(agentId: number): StateChangeFact | undefined {
    const r = this.s.last.get(agentId);
    return r && toFact(r);
  }

  /**
   * Of these (agent, campaign, instant) checks, the ones where the agent's last change at or before the instant
   * left them ready in that campaign: one statement per thousand checks instead of one lookup each.
   */
  readyAt(checks: ReadonlyArray<{ agentId: number; campaignId: number; at: string }>): boolean[] {
    const out: boolean[] = [];
    for (let i = 0; i < checks.length; i += 1000) {
      const part = checks.slice(i, i + 1000);
      const rows = this.db.prepare<Array<string | number>, { n: number; ok: number | null }>(
        `WITH x(n, agent_id, campaign_id, at) AS (VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')})
         SELECT x.n, (SELECT s.to_state = 'ready' AND s.campaign_id = x.campaign_id FROM agent_state_changes s
           WHERE s.agent_id = x.agent_id AND s.at <= x.at ORDER BY s.at DESC, s.id DESC LIMIT 1) AS ok FROM x ORDER BY x.n`)
        .all(...part.flatMap((c, n) => [n, c.agentId, c.campaignId, c.at]));
      for (const r of rows) out.push(r.ok === 1);
    }
    return out;
  }

  joinedAgents(): number[] { return this.s.joined.all().map((r) => r.agent_id); }

  users(): Map<number, { name: string; role: string }> {
    return new Map(this.s.names.all().map((u) => [u.id, { name: u.display_name, role: u.role }]));
  }

  /**
   * The agents' attempts claimed in [fromIso, toIso), summed per agent, campaign and UTC hour from the rollup the
   * triggers of migrations/041 keep; with `exact`, per claim instant from dial_attempts itself and only these
   * campaigns (zones whose midnight is not on a whole UTC hour). `fromIso` and `toIso` are whole hours there.
   */
  attemptGroups(agentIds: readonly number[], fromIso: string, toIso: string, exact?: readonly number[]): AttemptGroup[] {
    if (agentIds.length === 0 || exact?.length === 0) return [];
    const rows = exact ? this.exactGroups(agentIds, fromIso, toIso, exact) : this.db.prepare<Array<string | number>, unknown[]>(
      `SELECT agent_id, campaign_id, hour AS bucket, calls, connects, talk_ms, ${DISPOSITIONS.map((d) => `d_${d}`).join(', ')}
       FROM agent_attempt_rollup WHERE agent_id IN (${marks(agentIds.length)}) AND hour >= ? AND hour < ?`)
      .raw(true).all(...agentIds, fromIso.slice(0, 13), toIso.slice(0, 13)) as unknown[][];
    return rows.map((r) => {
      const dispositions: Partial<Record<Disposition, number>> = {};
      DISPOSITIONS.forEach((d, i) => { const n = Number(r[6 + i]); if (n) dispositions[d] = n; });
      const b = String(r[2]);
      return {
        agentId: Number(r[0]), campaignId: Number(r[1]), at: exact ? b : `${b}:00:00.000Z`,
        calls: Number(r[3]), connects: Number(r[4]), talkMs: Number(r[5]), dispositions,
      };
    });
  }

  private exactGroups(agentIds: readonly number[], fromIso: string, toIso: string, campaignIds: readonly number[]): unknown[][] {
    // julianday is SQLite's; PostgreSQL would write EXTRACT(EPOCH FROM ended_at - connected_at) * 1000.
    return this.db.prepare<Array<string | number>, unknown[]>(`SELECT agent_id, campaign_id, claimed_at AS bucket,
        COUNT(dialing_at) AS calls, COUNT(connected_at) AS connects,
        COALESCE(SUM(CASE WHEN connected_at IS NOT NULL AND ended_at IS NOT NULL
          THEN ROUND((julianday(ended_at) - julianday(connected_at)) * 86400000) END), 0) AS talk_ms,
        ${DISPOSITIONS.map((d) => `SUM(CASE WHEN disposition = '${d}' THEN 1 ELSE 0 END) AS d_${d}`).join(', ')}
      FROM dial_attempts WHERE agent_id IN (${marks(agentIds.length)}) AND claimed_at >= ? AND claimed_at < ? AND campaign_id IN (${marks(campaignIds.length)})
      GROUP BY agent_id, campaign_id, claimed_at`).raw(true).all(...agentIds, fromIso, toIso, ...campaignIds) as unknown[][];
  }

  /** The attempt rollup as stored and as recomputed from dial_attempts, for checks: rows that differ. */
  attemptRollupDifferences(): number {
    const cols = ['calls', 'connects', 'talk_ms', ...DISPOSITIONS.map((d) => `d_${d}`)];
    const recomputed = `SELECT agent_id, campaign_id, substr(claimed_at, 1, 13) AS hour,
        SUM(CASE WHEN dialing_at IS NOT NULL THEN 1 ELSE 0 END) AS calls, SUM(CASE WHEN connected_at IS NOT NULL THEN 1 ELSE 0 END) AS connects,
        SUM(CASE WHEN connected_at IS NOT NULL AND ended_at IS NOT NULL THEN CAST(ROUND((julianday(ended_at) - julianday(connected_at)) * 86400000) AS INTEGER) ELSE 0 END) AS talk_ms,
        ${DISPOSITIONS.map((d) => `SUM(CASE WHEN disposition = '${d}' THEN 1 ELSE 0 END) AS d_${d}`).join(', ')}
      FROM dial_attempts WHERE agent_id IS NOT NULL GROUP BY agent_id, campaign_id, substr(claimed_at, 1, 13)`;
    const nonZero = cols.map((c) => `${c} <> 0`).join(' OR ');
    const fresh = `SELECT agent_id, campaign_id, hour, ${cols.join(', ')} FROM (${recomputed}) WHERE ${nonZero}`;
    const stored = `SELECT agent_id, campaign_id, hour, ${cols.join(', ')} FROM agent_attempt_rollup WHERE ${nonZero}`;
    const count = (sql: string) => this.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM (${sql})`).get()!.n;
    return count(`${fresh} EXCEPT ${stored}`) + count(`${stored} EXCEPT ${fresh}`);
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
