import type { CallOutcome } from '../../domain/call-outcome';
import type { ContactStatus } from '../../domain/contact-status';
import type { AnswerColumn, CustomerSort, StoredAnswer } from '../../domain/customer-results/customer-result';
import type { Disposition } from '../../domain/disposition';
import type { Db } from '../database';

/** What the report is filtered by: one campaign, and every other field given. */
export interface CustomerFilter {
  campaignId: number;
  status?: ContactStatus;
  disposition?: Disposition;
  agentId?: number;
  /** The last call was dialled in [startIso, endIso). */
  lastCall?: { startIso: string; endIso: string };
}

export interface CustomerOrder { sort: CustomerSort; order: 'asc' | 'desc' }

/** One entry as the store reads it, before phones and answers are added. */
export interface CustomerRow {
  entryId: number; contactId: number; name: string; nameKey: string; phone: string; status: ContactStatus; attempts: number;
  lastCallAt: string | null; lastOutcome: CallOutcome | null; lastDisposition: Disposition | null; callbackAt: string | null;
  agentId: number | null; agentName: string | null;
}

/**
 * Where an export stopped: the last row's sort key and id. `nulls`: inside the rows whose key is null (only the
 * last call can be), read in id order before (ascending) or after (descending) the others, as SQLite orders NULLs.
 */
export interface CustomerCursor { key: string | number | null; id: number; nulls: boolean }

export interface AttemptRow {
  id: number; agentId: number | null; agentName: string | null; mode: string; phoneNumber: string | null; claimedAt: string;
  dialingAt: string | null; answeredAt: string | null; connectedAt: string | null; endedAt: string | null; outcome: CallOutcome | null;
  endReason: string | null; disposition: Disposition | null; callbackAt: string | null; resultStatus: ContactStatus | null;
}

export interface HistoryCallRow {
  id: number; attemptId: number | null; flow: string; agentId: number | null; agentName: string | null; phoneNumber: string | null;
  dialAt: string | null; answerAt: string | null; bridgeAt: string | null; endAt: string; hangupCause: number | null;
  outcome: CallOutcome | null; endReason: string; recordingName: string | null;
}

type Arg = string | number;

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const SELECT = `SELECT e.id AS entryId, e.contact_id AS contactId, ct.name AS name, ct.name_folded AS nameKey, e.phone AS phone,
    e.status AS status, e.attempts AS attempts, e.last_call_at AS lastCallAt, e.last_outcome AS lastOutcome,
    e.last_disposition AS lastDisposition, e.callback_at AS callbackAt, e.agent_id AS agentId, u.display_name AS agentName
  FROM campaign_contacts e JOIN contacts ct ON ct.id = e.contact_id LEFT JOIN users u ON u.id = e.agent_id`;

/** The column of each sort; every one but the name is served by a (campaign_id, column, id) index. */
const SORT_COLUMN: Record<Exclude<CustomerSort, 'id'>, string> = {
  name: 'ct.name_folded', status: 'e.status', attempts: 'e.attempts', lastCallAt: 'e.last_call_at',
};
const ROW_KEY: Record<Exclude<CustomerSort, 'id'>, keyof CustomerRow> = { name: 'nameKey', status: 'status', attempts: 'attempts', lastCallAt: 'lastCallAt' };

/**
 * The customer results' reads (issue 14 item 2): a campaign's list with the filters of the report, paged by
 * LIMIT/OFFSET for the table and by keyset for the export. Sorted by status, attempts or last call, the plan walks
 * campaign_contacts_callable / _attempts / _last_call (migrations/045, 046) and stops at the page; by name it sorts
 * the campaign's matching entries (the name lives on the contact, which no campaign index holds).
 */
export class CustomerResultsRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      questions: db.prepare<[number], { questionId: number; text: string }>(`SELECT q.id AS questionId, q.text AS text
        FROM campaigns c JOIN script_questions q ON q.script_id = c.script_id WHERE c.id = ? ORDER BY q.position, q.id`),
      entry: db.prepare<[number], CustomerRow & { campaignId: number }>(`${SELECT.replace('SELECT ', 'SELECT e.campaign_id AS campaignId, ')} WHERE e.id = ?`),
      attempts: db.prepare<[number, number], AttemptRow>(`SELECT a.id, a.agent_id AS agentId, u.display_name AS agentName, a.mode,
          a.phone_number AS phoneNumber, a.claimed_at AS claimedAt, a.dialing_at AS dialingAt, a.answered_at AS answeredAt,
          a.connected_at AS connectedAt, a.ended_at AS endedAt, a.outcome, a.end_reason AS endReason, a.disposition,
          a.callback_at AS callbackAt, a.result_status AS resultStatus
        FROM dial_attempts a LEFT JOIN users u ON u.id = a.agent_id WHERE a.lead_id = ? AND a.campaign_id = ? ORDER BY a.claimed_at, a.id`),
      attemptAnswers: db.prepare<[number, number], { attemptId: number; questionId: number; value: string }>(`SELECT x.attempt_id AS attemptId,
          x.question_id AS questionId, x.value FROM dial_attempts a JOIN dial_attempt_answers x ON x.attempt_id = a.id
        WHERE a.lead_id = ? AND a.campaign_id = ? ORDER BY x.attempt_id, x.question_id`),
      calls: db.prepare<[number, number], HistoryCallRow>(`SELECT r.id, r.attempt_id AS attemptId, r.flow, r.agent_id AS agentId,
          u.display_name AS agentName, r.phone_number AS phoneNumber, r.dial_at AS dialAt, r.answer_at AS answerAt, r.bridge_at AS bridgeAt,
          r.end_at AS endAt, r.hangup_cause AS hangupCause, r.outcome, r.end_reason AS endReason, r.recording_name AS recordingName
        FROM dial_attempts a JOIN call_records r ON r.attempt_id = a.id LEFT JOIN users u ON u.id = r.agent_id
        WHERE a.lead_id = ? AND a.campaign_id = ? AND r.flow <> 'agent-line' ORDER BY r.end_at, r.id`),
    };
  }

  /** The answer columns: the questions of the campaign's script, in the script's order (none without a script). */
  questions(campaignId: number): AnswerColumn[] { return this.s.questions.all(campaignId); }

  /** A page, and how many entries match counted up to `countCap` (exact when `totalExact`). */
  page(f: CustomerFilter, o: CustomerOrder, limit: number, offset: number, countCap: number): { items: CustomerRow[]; total: number; totalExact: boolean } {
    const w = where(f);
    const n = this.db.prepare<Arg[], { n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM campaign_contacts e WHERE ${w.sql} LIMIT ?)`)
      .get(...w.args, countCap + 1)!.n;
    const items = n === 0 ? [] : this.db.prepare<Arg[], CustomerRow>(`${SELECT} WHERE ${w.sql} ORDER BY ${orderBy(o)} LIMIT ? OFFSET ?`)
      .all(...w.args, limit, offset);
    const exact = n <= countCap;
    return { items, total: exact ? n : Math.max(countCap, offset + items.length), totalExact: exact };
  }

  /** How many entries match the filter but its status, per status (the chart above the table; walks (campaign_id, status, id)). */
  statusCounts(f: CustomerFilter): Partial<Record<ContactStatus, number>> {
    const w = where({ ...f, status: undefined });
    const out: Partial<Record<ContactStatus, number>> = {};
    for (const r of this.db.prepare<Arg[], { status: ContactStatus; n: number }>(
      `SELECT e.status AS status, COUNT(*) AS n FROM campaign_contacts e WHERE ${w.sql} GROUP BY e.status`).all(...w.args)) out[r.status] = r.n;
    return out;
  }

  /** Up to `n` entries after the cursor in the report's order (from the first without one), and the cursor after them. */
  after(f: CustomerFilter, o: CustomerOrder, cursor: CustomerCursor | null, n: number): { rows: CustomerRow[]; next: CustomerCursor | null } {
    const w = where(f);
    const rows: CustomerRow[] = [];
    // The last call can be null: those rows come first ascending, last descending (SQLite's order), read by id alone.
    const nullable = o.sort === 'lastCallAt';
    const phases: boolean[] = !nullable ? [false] : o.order === 'asc' ? [true, false] : [false, true];
    let at = cursor ? phases.indexOf(cursor.nulls) : 0;
    let cur = cursor;
    for (; at < phases.length && rows.length < n; at++, cur = null) {
      const nulls = phases[at]!;
      const cmp = o.order === 'asc' ? '>' : '<';
      const dir = o.order === 'asc' ? 'ASC' : 'DESC';
      const parts = [w.sql];
      const args = [...w.args];
      let order: string;
      if (o.sort === 'id' || nulls) {
        if (nulls) parts.push('e.last_call_at IS NULL');
        if (cur) { parts.push(`e.id ${cmp} ?`); args.push(cur.id); }
        order = `e.id ${dir}`;
      } else {
        const col = SORT_COLUMN[o.sort];
        if (nullable) parts.push(`${col} IS NOT NULL`);
        // A row value comparison (SQLite 3.15+, PostgreSQL) seeks the (campaign_id, column, id) index.
        if (cur) { parts.push(`(${col}, e.id) ${cmp} (?, ?)`); args.push(cur.key as Arg, cur.id); }
        order = `${col} ${dir}, e.id ${dir}`;
      }
      const got = this.db.prepare<Arg[], CustomerRow>(`${SELECT} WHERE ${parts.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...args, n - rows.length);
      rows.push(...got);
      if (got.length > 0) {
        const last = got[got.length - 1]!;
        cursor = { key: o.sort === 'id' ? last.entryId : (last[ROW_KEY[o.sort]] as string | number | null), id: last.entryId, nulls };
      }
      if (rows.length >= n) return { rows, next: cursor };
    }
    return { rows, next: null };
  }

  /** The query plan of a page, for the tests that keep it on an index. */
  planOfPage(f: CustomerFilter, o: CustomerOrder): string[] {
    const w = where(f);
    return this.db.prepare<Arg[], { detail: string }>(`EXPLAIN QUERY PLAN ${SELECT} WHERE ${w.sql} ORDER BY ${orderBy(o)} LIMIT 50`)
      .all(...w.args).map((r) => r.detail);
  }

  /** Every number of these contacts, main first. */
  phones(contactIds: readonly number[]): Map<number, string[]> {
    const out = new Map<number, string[]>();
    if (contactIds.length === 0) return out;
    const rows = this.db.prepare<number[], { contactId: number; e164: string }>(
      `SELECT contact_id AS contactId, e164 FROM contact_phones WHERE contact_id IN (${marks(contactIds.length)}) ORDER BY contact_id, position`).all(...contactIds);
    for (const r of rows) out.set(r.contactId, [...(out.get(r.contactId) ?? []), r.e164]);
    return out;
  }

  /** The answers given in any attempt of these entries of the campaign. */
  answers(campaignId: number, entryIds: readonly number[]): StoredAnswer[] {
    if (entryIds.length === 0) return [];
    return this.db.prepare<number[], StoredAnswer>(`SELECT a.lead_id AS leadId, x.question_id AS questionId, x.value, x.updated_at AS updatedAt
      FROM dial_attempts a JOIN dial_attempt_answers x ON x.attempt_id = a.id WHERE a.lead_id IN (${marks(entryIds.length)}) AND a.campaign_id = ?`)
      .all(...entryIds, campaignId);
  }

  entry(entryId: number): (CustomerRow & { campaignId: number }) | undefined { return this.s.entry.get(entryId); }

  /** Every attempt of the entry in its campaign, oldest first, with the answers given in each. */
  attempts(campaignId: number, entryId: number): { attempts: AttemptRow[]; answers: Array<{ attemptId: number; questionId: number; value: string }> } {
    return { attempts: this.s.attempts.all(entryId, campaignId), answers: this.s.attemptAnswers.all(entryId, campaignId) };
  }

  /** Every call of those attempts (not the agents' own lines), oldest first. */
  calls(campaignId: number, entryId: number): HistoryCallRow[] { return this.s.calls.all(entryId, campaignId); }
}

function where(f: CustomerFilter): { sql: string; args: Arg[] } {
  const parts = ['e.campaign_id = ?'];
  const args: Arg[] = [f.campaignId];
  if (f.status !== undefined) { parts.push('e.status = ?'); args.push(f.status); }
  if (f.disposition !== undefined) { parts.push('e.last_disposition = ?'); args.push(f.disposition); }
  if (f.agentId !== undefined) { parts.push('e.agent_id = ?'); args.push(f.agentId); }
  if (f.lastCall) { parts.push('e.last_call_at >= ?', 'e.last_call_at < ?'); args.push(f.lastCall.startIso, f.lastCall.endIso); }
  return { sql: parts.join(' AND '), args };
}

function orderBy(o: CustomerOrder): string {
  const dir = o.order === 'asc' ? 'ASC' : 'DESC';
  return o.sort === 'id' ? `e.id ${dir}` : `${SORT_COLUMN[o.sort]} ${dir}, e.id ${dir}`;
}
