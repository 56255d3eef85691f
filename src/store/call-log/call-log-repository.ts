import type { CallOutcome } from '../../domain/call-outcome';
import type { CallLogFacts } from '../../domain/call-log/call-log-entry';
import { TALK_BUCKET_EDGES, type DialGroup, type OffsetSegment } from '../../domain/call-log/call-stats';
import type { Disposition } from '../../domain/disposition';
import type { EndReason } from '../../domain/flows/flow-types';
import type { Db } from '../database';

/** Calls of these campaigns ('none': of no campaign) that ended in [startIso, endIso). */
export interface CallLogWindow {
  campaignIds: readonly number[] | 'none';
  startIso: string;
  endIso: string;
}

/** What the log is filtered by: a call matches one of the windows and every other field given. */
export interface CallLogFilter {
  windows: readonly CallLogWindow[];
  agentId?: number;
  outcome?: CallOutcome;
  cause?: number;
  /** Digits the dialled number contains. */
  digits?: string;
}

/** The UTC offsets of these campaigns' zone ('none': calls of no campaign), for the local hour of each dial. */
export interface HourShift {
  campaignIds: readonly number[] | 'none';
  segments: readonly OffsetSegment[];
}

/** The last row of a page read by `after`: the next page starts just below it (newest first). */
export interface CallLogCursor { endAt: string; id: number }

/** The call figures grouped by outcome, cause and talk bucket, for the stats (a few hundred groups at most). */
export interface OutcomeGroup {
  outcome: string | null;
  cause: number | null;
  /** Index into the talk histogram; null when the call was never bridged. */
  talkBucket: number | null;
  calls: number;
  dialled: number;
  answered: number;
  bridged: number;
  talkMs: number;
}

type Arg = string | number;

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const SELECT = `SELECT r.id, r.flow, r.campaign_id, c.name AS campaign_name, r.contact_id, ct.name AS contact_name, r.agent_id,
    u.display_name AS agent_name, r.phone_number, a.claimed_at, r.dial_at, r.answer_at, r.bridge_at, r.end_at, r.hangup_cause,
    r.dial_status, r.amd_status, r.outcome, r.end_reason, a.disposition, r.recording_name
  FROM call_records r
  LEFT JOIN campaigns c ON c.id = r.campaign_id
  LEFT JOIN contacts ct ON ct.id = r.contact_id
  LEFT JOIN users u ON u.id = r.agent_id
  LEFT JOIN dial_attempts a ON a.id = r.attempt_id`;

interface Row {
  id: number; flow: string; campaign_id: number | null; campaign_name: string | null; contact_id: number | null; contact_name: string | null;
  agent_id: number | null; agent_name: string | null; phone_number: string | null; claimed_at: string | null; dial_at: string | null;
  answer_at: string | null; bridge_at: string | null; end_at: string; hangup_cause: number | null; dial_status: string | null;
  amd_status: string | null; outcome: string | null; end_reason: string; disposition: string | null; recording_name: string | null;
}

const toFacts = (r: Row): CallLogFacts => ({
  id: r.id, flow: r.flow, campaignId: r.campaign_id, campaignName: r.campaign_name, contactId: r.contact_id, contactName: r.contact_name,
  agentId: r.agent_id, agentName: r.agent_name, phoneNumber: r.phone_number, claimedAt: r.claimed_at, dialAt: r.dial_at,
  answerAt: r.answer_at, bridgeAt: r.bridge_at, endAt: r.end_at, hangupCause: r.hangup_cause, dialStatus: r.dial_status,
  amdStatus: r.amd_status, outcome: r.outcome as CallOutcome | null, endReason: r.end_reason as EndReason,
  disposition: r.disposition as Disposition | null, recordingName: r.recording_name,
});

// julianday is SQLite's; PostgreSQL would write EXTRACT(EPOCH FROM end_at - bridge_at) * 1000.
const TALK_MS = 'ROUND((julianday(r.end_at) - julianday(r.bridge_at)) * 86400000)';
const TALK_BUCKET = `CASE WHEN talk IS NULL THEN NULL ${TALK_BUCKET_EDGES.map((s, i) => `WHEN talk < ${s * 1000} THEN ${i}`).join(' ')} ELSE ${TALK_BUCKET_EDGES.length} END`;

/**
 * The call log's reads: calls newest first (end time, then id), a page by LIMIT/OFFSET for the table, by keyset
 * for the export, and the grouped figures of the stats. The range is always bounded by end_at, so the plan walks
 * call_records_campaign_end, call_records_agent_end or call_records_end (migrations/043) in order and stops at the
 * page. Agent lines (the agent's own parked channel, no customer) are not calls of the log.
 */
export class CallLogRepository {
  private readonly getStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[number], Row>(`${SELECT} WHERE r.id = ? AND r.flow <> 'agent-line'`);
  }

  get(id: number): CallLogFacts | undefined {
    const r = this.getStmt.get(id);
    return r && toFacts(r);
  }

  /**
   * A page, and how many calls match counted up to `countCap` (a month of a busy call center is millions of rows:
   * counting them all would cost more than the page). `total` is exact when `totalExact`, else a lower bound.
   */
  page(filter: CallLogFilter, limit: number, offset: number, countCap: number): { items: CallLogFacts[]; total: number; totalExact: boolean } {
    const w = where(filter);
    if (!w) return { items: [], total: 0, totalExact: true };
    const n = this.db.prepare<Arg[], { n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM call_records r WHERE ${w.sql} LIMIT ?)`).get(...w.args, countCap + 1)!.n;
    const items = n === 0 ? [] : this.db.prepare<Arg[], Row>(`${SELECT} WHERE ${w.sql} ORDER BY r.end_at DESC, r.id DESC LIMIT ? OFFSET ?`)
      .all(...w.args, limit, offset).map(toFacts);
    const exact = n <= countCap;
    return { items, total: exact ? n : Math.max(countCap, offset + items.length), totalExact: exact };
  }

  /** Up to `n` calls after the cursor (from the newest without one). */
  after(filter: CallLogFilter, cursor: CallLogCursor | null, n: number): CallLogFacts[] {
    const w = where(filter);
    if (!w) return [];
    const keyset = cursor ? ' AND (r.end_at < ? OR (r.end_at = ? AND r.id < ?))' : '';
    const args = cursor ? [...w.args, cursor.endAt, cursor.endAt, cursor.id] : w.args;
    return this.db.prepare<Arg[], Row>(`${SELECT} WHERE ${w.sql}${keyset} ORDER BY r.end_at DESC, r.id DESC LIMIT ?`).all(...args, n).map(toFacts);
  }

  /** The query plan of a page, for the tests that keep it on an index. */
  planOfPage(filter: CallLogFilter): string[] {
    const w = where(filter);
    if (!w) return [];
    return this.db.prepare<Arg[], { detail: string }>(`EXPLAIN QUERY PLAN SELECT r.id FROM call_records r WHERE ${w.sql} ORDER BY r.end_at DESC, r.id DESC LIMIT 50`)
      .all(...w.args).map((r) => r.detail);
  }

  outcomeGroups(filter: CallLogFilter): OutcomeGroup[] {
    const w = where(filter);
    if (!w) return [];
    // MATERIALIZED (SQLite 3.35+, PostgreSQL 12+) keeps the talk time computed once per call, not once per CASE arm.
    return this.db.prepare<Arg[], { outcome: string | null; cause: number | null; bucket: number | null; calls: number; dialled: number; answered: number; bridged: number; talk: number | null }>(
      `WITH t AS MATERIALIZED (SELECT r.outcome, r.hangup_cause AS cause, r.dial_at, r.answer_at, r.bridge_at,
           CASE WHEN r.bridge_at IS NOT NULL THEN ${TALK_MS} END AS talk FROM call_records r WHERE ${w.sql})
       SELECT outcome, cause, ${TALK_BUCKET} AS bucket, COUNT(*) AS calls, COUNT(dial_at) AS dialled,
         SUM(CASE WHEN dial_at IS NOT NULL AND answer_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, COUNT(bridge_at) AS bridged, SUM(talk) AS talk
       FROM t GROUP BY outcome, cause, bucket`).all(...w.args)
      .map((g) => ({ outcome: g.outcome, cause: g.cause, talkBucket: g.bucket, calls: g.calls, dialled: g.dialled, answered: g.answered, bridged: g.bridged, talkMs: Math.max(0, g.talk ?? 0) }));
  }

  /**
   * Dialled and answered calls per local hour of the dial: each call's hour in its zone's offset at that instant,
   * shifted in SQL (strftime with a '+420 minutes' modifier), so the answer is 24 rows whatever the range.
   */
  dialGroups(filter: CallLogFilter, shifts: readonly HourShift[]): DialGroup[] {
    const w = where(filter);
    if (!w) return [];
    const args: Arg[] = [];
    const branches: string[] = [];
    for (const s of shifts) {
      if (s.campaignIds !== 'none' && s.campaignIds.length === 0) continue;
      const who = s.campaignIds === 'none' ? '+r.campaign_id IS NULL' : `+r.campaign_id IN (${marks(s.campaignIds.length)})`;
      for (const seg of s.segments) {
        const cond = [who];
        if (s.campaignIds !== 'none') args.push(...s.campaignIds);
        if (seg.fromMs !== null) { cond.push('r.dial_at >= ?'); args.push(new Date(seg.fromMs).toISOString()); }
        if (seg.toMs !== null) { cond.push('r.dial_at < ?'); args.push(new Date(seg.toMs).toISOString()); }
        branches.push(`WHEN ${cond.join(' AND ')} THEN CAST(strftime('%H', r.dial_at, ?) AS INTEGER)`);
        args.push(`${seg.offsetMinutes >= 0 ? '+' : ''}${seg.offsetMinutes} minutes`);
      }
    }
    if (branches.length === 0) return [];
    // strftime and its modifiers are SQLite's; PostgreSQL would write EXTRACT(HOUR FROM dial_at AT TIME ZONE zone).
    return this.db.prepare<Arg[], { hour: number | null; dialled: number; answered: number }>(
      `SELECT CASE ${branches.join(' ')} END AS hour, COUNT(*) AS dialled, COUNT(r.answer_at) AS answered
       FROM call_records r WHERE ${w.sql} AND r.dial_at IS NOT NULL GROUP BY hour`).all(...args, ...w.args)
      .filter((g) => g.hour !== null).map((g) => ({ hour: g.hour!, dialled: g.dialled, answered: g.answered }));
  }
}

/** The WHERE clause of a filter, its values bound as parameters; null when no window can match. */
function where(f: CallLogFilter): { sql: string; args: Arg[] } | null {
  const windows = f.windows.filter((w) => w.campaignIds === 'none' || w.campaignIds.length > 0);
  if (windows.length === 0) return null;
  const start = windows.map((w) => w.startIso).sort()[0]!;
  const end = windows.map((w) => w.endIso).sort().reverse()[0]!;
  const parts = ["r.flow <> 'agent-line'", 'r.end_at >= ?', 'r.end_at < ?'];
  const args: Arg[] = [start, end];
  // One campaign: its (campaign_id, end_at) index serves the range in order. Several (or several zones): the unary +
  // keeps the planner off a MULTI-INDEX OR, which would sort the whole range; it walks call_records_end (or an
  // agent's call_records_agent_end) newest first instead and stops at the page.
  const one = windows.length === 1 && windows[0]!.campaignIds !== 'none' && windows[0]!.campaignIds.length === 1;
  const col = one ? 'r.campaign_id' : '+r.campaign_id';
  const terms = windows.map((w) => {
    const t: string[] = [];
    if (w.campaignIds === 'none') t.push(`${col} IS NULL`);
    else if (w.campaignIds.length === 1) { t.push(`${col} = ?`); args.push(w.campaignIds[0]!); }
    else { t.push(`${col} IN (${marks(w.campaignIds.length)})`); args.push(...w.campaignIds); }
    if (w.startIso !== start) { t.push('r.end_at >= ?'); args.push(w.startIso); }
    if (w.endIso !== end) { t.push('r.end_at < ?'); args.push(w.endIso); }
    return t.join(' AND ');
  });
  parts.push(terms.length === 1 ? terms[0]! : `(${terms.map((t) => `(${t})`).join(' OR ')})`);
  if (f.agentId !== undefined) { parts.push('r.agent_id = ?'); args.push(f.agentId); }
  // call_records_outcome_end (migration 047) serves an outcome over every campaign; with one campaign or an agent their
  // own index is the narrower walk, and the unary + keeps the planner on it (an unanalysed outcome index looks selective).
  if (f.outcome !== undefined) { parts.push(`${one || f.agentId !== undefined ? '+' : ''}r.outcome = ?`); args.push(f.outcome); }
  if (f.cause !== undefined) { parts.push('r.hangup_cause = ?'); args.push(f.cause); }
  if (f.digits !== undefined) { parts.push("r.phone_number LIKE ? ESCAPE '\\'"); args.push(`%${f.digits}%`); }
  return { sql: parts.join(' AND '), args };
}
