import type { CallOutcome } from '../../domain/call-outcome';
import type { OverviewCampaign } from '../../domain/campaign-overview/campaign-overview-report';
import type { StateStep } from '../../domain/campaign-overview/logged-in-hours';
import type { ContactStatus } from '../../domain/contact-status';
import type { AgentStateKind } from '../../domain/dialer/agent-session-state';
import type { Disposition } from '../../domain/disposition';
import type { Db } from '../database';

/** A campaign as the overview needs it: who may see it, its zone, target, quota and IVR questions. */
export interface OverviewCampaignRow extends OverviewCampaign {
  createdBy: number;
  managerIds: number[];
  /** IVR campaigns: the question step ids, in script order. */
  ivrQuestions: string[];
}

/** Attempts claimed in one UTC quarter hour (its first instant, ISO) with one agent, outcome and disposition. */
export interface AttemptBucket {
  at: string;
  agentId: number | null;
  outcome: CallOutcome | null;
  disposition: Disposition | null;
  attempts: number; placed: number; connected: number; talkMs: number; holdMs: number; heldCalls: number;
}

interface CampaignRow {
  id: number; name: string; dialing_mode: OverviewCampaign['dialingMode']; timezone: string; abandon_rate_target: number;
  quota_kind: 'none' | 'per_day' | 'per_campaign'; quota_min: number | null; quota_max: number | null; created_by: number;
  managers: string | null; ivr_json: string | null;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

// A UTC quarter hour: every zone's midnight and whole hours fall on one (Kathmandu is UTC+5:45), so buckets map
// to local days and hours exactly.
// Grouped by hour text and quarter number (cheaper than building one string per row); julianday is SQLite's
// (PostgreSQL: date_bin, EXTRACT(EPOCH …)).
const QUARTER = 'substr(claimed_at, 1, 13) AS h, CAST(substr(claimed_at, 15, 2) AS INTEGER) / 15 AS k';
const quarterIso = (hour: unknown, k: unknown): string => `${String(hour)}:${String(Number(k) * 15).padStart(2, '0')}:00.000Z`;
const MS = (a: string, b: string) => `ROUND((julianday(${b}) - julianday(${a})) * 86400000)`;
// Customer-first calls: the customer answered before any agent was on the line and waited (on music) to be bridged.
const HELD = "mode IN ('predictive', 'ivr') AND answered_at IS NOT NULL AND connected_at IS NOT NULL";

function ivrQuestions(json: string | null): string[] {
  if (!json) return [];
  try {
    const ivr = JSON.parse(json) as { steps?: Array<{ id: string; kind: string }> };
    return (ivr.steps ?? []).filter((s) => s.kind === 'question').map((s) => s.id);
  } catch {
    return [];
  }
}

/**
 * What the campaign overview reads, campaign by campaign: the list by status, attempts summed per quarter hour
 * (dial_attempts_campaign_claimed, migration 042), wrap-up time from the agent state rollup, IVR answers from the
 * call records, and the state changes dial level is derived from. Id lists are bound as parameters.
 */
export class CampaignOverviewRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      campaigns: db.prepare<[], CampaignRow>(`SELECT c.id, c.name, c.dialing_mode, c.timezone, c.abandon_rate_target, c.quota_kind,
        c.quota_min, c.quota_max, c.created_by, c.ivr_json,
        (SELECT GROUP_CONCAT(m.user_id) FROM campaign_managers m WHERE m.campaign_id = c.id) AS managers FROM campaigns c ORDER BY c.id`),
      statuses: db.prepare<[number], { status: ContactStatus; n: number }>(
        'SELECT status, COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ? GROUP BY status'),
      // Per-row values in a subquery, summed outside: SQLite runs this form about a third faster than CASE inside SUM.
      buckets: db.prepare<[number, string, string], unknown[]>(`SELECT h, k, agent_id, outcome, disposition, COUNT(*), COUNT(dialing_at), COUNT(connected_at),
        SUM(talk), SUM(hold), SUM(held) FROM (SELECT ${QUARTER}, agent_id, outcome, disposition, dialing_at, connected_at,
          CASE WHEN connected_at IS NOT NULL AND ended_at IS NOT NULL THEN ${MS('connected_at', 'ended_at')} ELSE 0 END AS talk,
          CASE WHEN ${HELD} THEN ${MS('answered_at', 'connected_at')} ELSE 0 END AS hold, CASE WHEN ${HELD} THEN 1 ELSE 0 END AS held
        FROM dial_attempts WHERE campaign_id = ? AND claimed_at >= ? AND claimed_at < ?) GROUP BY h, k, agent_id, outcome, disposition`).raw(true),
      abandons: db.prepare<[number, string, string], { h: string; k: number; answered: number; abandoned: number }>(`SELECT ${QUARTER},
        SUM(CASE WHEN outcome IN ('answered', 'abandoned') THEN 1 ELSE 0 END) AS answered, SUM(CASE WHEN outcome = 'abandoned' THEN 1 ELSE 0 END) AS abandoned
        FROM dial_attempts WHERE campaign_id = ? AND claimed_at >= ? AND claimed_at < ? AND outcome IN ('answered', 'abandoned') GROUP BY h, k`),
      wrapUp: db.prepare<[string, string, number], { day: string; ms: number }>(`SELECT day, SUM(ms) AS ms FROM agent_state_rollup
        WHERE day >= ? AND day <= ? AND campaign_id = ? AND state = 'wrap_up' GROUP BY day`),
      ivr: db.prepare<[number, string, string], { question_id: string; answer: string | null; n: number }>(`SELECT a.question_id, a.answer, COUNT(*) AS n
        FROM call_records r JOIN call_ivr_answers a ON a.call_record_id = r.id
        WHERE r.campaign_id = ? AND r.end_at >= ? AND r.end_at < ? GROUP BY a.question_id, a.answer`),
      workedIn: db.prepare<[number, string, string], { agent_id: number }>(
        'SELECT DISTINCT agent_id FROM agent_state_changes WHERE campaign_id = ? AND at >= ? AND at < ?'),
      agents: db.prepare<[], { id: number }>("SELECT id FROM users WHERE role = 'agent'"),
      lastBefore: db.prepare<[number, string], { agent_id: number; campaign_id: number; at: string; to_state: AgentStateKind }>(
        'SELECT agent_id, campaign_id, at, to_state FROM agent_state_changes WHERE agent_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1'),
      users: db.prepare<[], { id: number; display_name: string }>('SELECT id, display_name FROM users'),
    };
  }

  campaigns(): OverviewCampaignRow[] {
    return this.s.campaigns.all().map((r) => ({
      id: r.id, name: r.name, dialingMode: r.dialing_mode, timezone: r.timezone, abandonRateTarget: r.abandon_rate_target,
      quota: r.quota_kind === 'none' ? { kind: 'none' } : { kind: r.quota_kind, min: r.quota_min, max: r.quota_max },
      createdBy: r.created_by, managerIds: r.managers ? r.managers.split(',').map(Number) : [], ivrQuestions: ivrQuestions(r.ivr_json),
    }));
  }

  contactStatuses(campaignId: number): Partial<Record<ContactStatus, number>> {
    return Object.fromEntries(this.s.statuses.all(campaignId).map((r) => [r.status, r.n]));
  }

  /** Attempts of the campaign claimed in [fromIso, toIso), per UTC quarter hour, agent, outcome and disposition. */
  attemptBuckets(campaignId: number, fromIso: string, toIso: string): AttemptBucket[] {
    return (this.s.buckets.all(campaignId, fromIso, toIso) as unknown[][]).map((r) => ({
      at: quarterIso(r[0], r[1]), agentId: r[2] as number | null, outcome: r[3] as CallOutcome | null, disposition: r[4] as Disposition | null,
      attempts: Number(r[5]), placed: Number(r[6]), connected: Number(r[7]), talkMs: Number(r[8]), holdMs: Number(r[9]), heldCalls: Number(r[10]),
    }));
  }

  /** Answered (answered or abandoned) and abandoned calls claimed in [fromIso, toIso), per UTC quarter hour. */
  abandonBuckets(campaignId: number, fromIso: string, toIso: string): Array<{ at: string; answered: number; abandoned: number }> {
    return this.s.abandons.all(campaignId, fromIso, toIso).map((r) => ({ at: quarterIso(r.h, r.k), answered: r.answered, abandoned: r.abandoned }));
  }

  /** Closed wrap-up time of the campaign's agents per local day (the agent state rollup of migration 041). */
  wrapUp(campaignId: number, fromDay: string, toDay: string): Array<{ day: string; ms: number }> {
    return this.s.wrapUp.all(fromDay, toDay, campaignId);
  }

  /** IVR answers of the campaign's calls that ended in [fromIso, toIso), per question and answer (null: no valid key). */
  ivrAnswers(campaignId: number, fromIso: string, toIso: string): Array<{ questionId: string; answer: string | null; count: number }> {
    return this.s.ivr.all(campaignId, fromIso, toIso).map((r) => ({ questionId: r.question_id, answer: r.answer, count: r.n }));
  }

  /**
   * The state changes that say who was logged in to the campaign in [fromIso, toIso): every change in the window
   * of each agent who changed state in the campaign then or whose last change before it left them in the campaign,
   * plus that last change.
   */
  stateSteps(campaignId: number, fromIso: string, toIso: string): StateStep[] {
    const step = (r: { agent_id: number; campaign_id: number; at: string; to_state: AgentStateKind }): StateStep =>
      ({ agentId: r.agent_id, campaignId: r.campaign_id, at: Date.parse(r.at), to: r.to_state });
    const agents = new Set(this.s.workedIn.all(campaignId, fromIso, toIso).map((r) => r.agent_id));
    const steps: StateStep[] = [];
    for (const { id } of this.s.agents.all()) {
      const last = this.s.lastBefore.get(id, fromIso);
      if (last && (agents.has(id) || (last.campaign_id === campaignId && last.to_state !== 'offline'))) {
        agents.add(id);
        steps.push(step(last));
      }
    }
    if (agents.size === 0) return steps;
    const ids = [...agents];
    const rows = this.db.prepare<Array<string | number>, { agent_id: number; campaign_id: number; at: string; to_state: AgentStateKind }>(
      `SELECT agent_id, campaign_id, at, to_state FROM agent_state_changes WHERE agent_id IN (${marks(ids.length)}) AND at >= ? AND at < ?`)
      .all(...ids, fromIso, toIso);
    return [...steps, ...rows.map(step)];
  }

  /** Customers counted toward the campaign's quota over its whole life, per agent. */
  campaignQuotaCounts(campaignId: number): Map<number, number> {
    const rows = this.db.prepare<[number], { agent_id: number; n: number }>(`SELECT agent_id, COUNT(*) AS n FROM dial_attempts
      WHERE campaign_id = ? AND agent_id IS NOT NULL AND disposition IS NOT NULL AND disposition <> 'skip' GROUP BY agent_id`).all(campaignId);
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }

  userNames(): Map<number, string> {
    return new Map(this.s.users.all().map((u) => [u.id, u.display_name]));
  }
}
