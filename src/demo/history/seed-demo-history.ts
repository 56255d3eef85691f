import type { Campaign } from '../../domain/campaign';
import type { RandomSource } from '../../domain/dialer/seeded-random';
import type { Script } from '../../domain/script';
import { recomputeRollup, type StateChangeFact } from '../../domain/agent-performance/agent-state-rollup';
import { AgentStateRollup } from '../../store/agent-performance/agent-state-rollup';
import { ContactRepository } from '../../store/contact-repository';
import type { Db } from '../../store/database';
import { planDemoHistory, type HistoryPlan } from './demo-history-plan';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Gia', 'Ngọc', 'Đức', 'Thanh', 'Hải', 'Hoài', 'Kim'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Huy', 'Lan', 'Minh', 'Tâm', 'Yến', 'Phúc', 'Quân', 'Trang', 'Vy', 'Khoa', 'Linh'];

export interface DemoHistoryInput {
  campaigns: readonly Campaign[];
  scriptOf(id: number): Script | undefined;
  agentIds: readonly number[];
  ownerId: number;
  days: number;
  now: Date;
  random: RandomSource;
}

export interface DemoHistoryCounts { contacts: number; attempts: number; callRecords: number; stateChanges: number }

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Writes a planned month of history into a fresh demo database in one transaction: contacts and their campaign
 * entries (as the calls left them), one dial attempt and one call record per call, script answers, and the
 * agents' state changes, which are then folded into the daily rollup the agent performance report reads (the
 * same AgentStateRollup the session repository uses; the attempt rollup is kept by migration 041's triggers).
 */
export function seedDemoHistory(db: Db, input: DemoHistoryInput): DemoHistoryCounts {
  const empty = db.prepare<[], { n: number }>('SELECT (SELECT COUNT(*) FROM dial_attempts) + (SELECT COUNT(*) FROM agent_state_changes) AS n').get()!;
  if (empty.n > 0) return { contacts: 0, attempts: 0, callRecords: 0, stateChanges: 0 };
  const plan = planDemoHistory(input);
  db.transaction(() => write(db, plan, input))();
  return { contacts: plan.leads.length, attempts: plan.attempts.length, callRecords: plan.attempts.length, stateChanges: plan.changes.length };
}

function write(db: Db, plan: HistoryPlan, input: DemoHistoryInput): void {
  const contacts = new ContactRepository(db);
  const addedAt = new Date(input.now.getTime() - (input.days + 1) * 86_400_000).toISOString();
  const entry = db.prepare(`INSERT INTO campaign_contacts (campaign_id, contact_id, phone, status, attempts, next_call_at, callback_at, do_not_call_until,
    last_abandoned_at, last_outcome, last_disposition, agent_id, added_by, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const attempt = db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, contact_id, agent_id, mode, state, phone_number, claimed_at, dialing_at, answered_at,
    connected_at, ended_at, outcome, end_reason, disposition, callback_at, disposed_at, reminded_at, result_status)
    VALUES (?, ?, ?, ?, ?, 'ended', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const record = db.prepare(`INSERT INTO call_records (flow, attempt_id, campaign_id, contact_id, agent_id, phone_number, dial_at, answer_at, bridge_at, end_at,
    hangup_cause, dial_status, amd_status, outcome, end_reason, recording_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`);
  const answer = db.prepare('INSERT INTO dial_attempt_answers (attempt_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)');
  const change = db.prepare('INSERT INTO agent_state_changes (campaign_id, agent_id, at, from_state, to_state, reason, lead_id, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const ids: { lead: number; contact: number }[] = [];
  const rnd = input.random;
  for (const l of plan.leads) {
    const name = `${FAMILY[Math.floor(rnd() * FAMILY.length)]} ${MIDDLE[Math.floor(rnd() * MIDDLE.length)]} ${GIVEN[Math.floor(rnd() * GIVEN.length)]}`;
    const contact = contacts.insert({
      name, phones: [{ e164: l.phone, type: 'mobile' }], email: null, address: null, birthday: null, customFields: {}, tags: ['demo'],
      stage: null, source: 'demo history', timezone: 'Asia/Ho_Chi_Minh',
    }, { ownerId: null, createdBy: input.ownerId, now: addedAt });
    const s = l.lead;
    const lead = Number(entry.run(l.campaignId, contact, l.phone, s.status, s.attempts, iso(s.nextCallAt?.getTime() ?? null), iso(s.callbackAt?.getTime() ?? null),
      iso(s.doNotCallUntil?.getTime() ?? null), iso(s.lastAbandonedAt?.getTime() ?? null), s.lastOutcome, s.lastDisposition, l.agentId, input.ownerId, addedAt,
      addedAt).lastInsertRowid);
    ids.push({ lead, contact });
  }
  const now = input.now.getTime();
  for (const a of plan.attempts) {
    const ref = ids[a.lead]!;
    // A past callback was reminded when it fell due; a future one is still to come.
    const reminded = a.callbackAt !== null && a.callbackAt <= now ? iso(a.callbackAt) : null;
    const attemptId = Number(attempt.run(a.campaignId, ref.lead, ref.contact, a.agentId, a.mode, a.phone, iso(a.claimedAt), iso(a.dialingAt), iso(a.answeredAt),
      iso(a.connectedAt), iso(a.endedAt), a.outcome, a.endReason, a.disposition, iso(a.callbackAt), iso(a.disposedAt), reminded, a.resultStatus).lastInsertRowid);
    const r = a.record;
    record.run(r.flow, attemptId, a.campaignId, ref.contact, a.agentId, a.phone, iso(r.dialAt), iso(r.answerAt), iso(r.bridgeAt), iso(a.endedAt),
      r.hangupCause, r.dialStatus, r.amdStatus, a.outcome, a.endReason);
    for (const x of a.answers) answer.run(attemptId, x.questionId, JSON.stringify(x.value), iso(a.disposedAt ?? a.endedAt));
  }
  const facts: StateChangeFact[] = plan.changes.map((c) => ({
    id: Number(change.run(c.campaignId, c.agentId, iso(c.at), c.from, c.to, c.reason, c.lead === null ? null : ids[c.lead]!.lead, c.event).lastInsertRowid),
    agentId: c.agentId, campaignId: c.campaignId, at: c.at, to: c.to, reason: c.reason,
  }));
  rebuildRollup(db, facts);
}

/**
 * The daily rollup of these changes, recomputed by the domain's own rule (folding them one by one through
 * AgentStateRollup would look up each change's neighbours: quadratic in a month of one agent's changes).
 * The database holds no other change, so the recomputation is the whole rollup; the mark says all are folded.
 */
function rebuildRollup(db: Db, facts: readonly StateChangeFact[]): void {
  const rollup = new AgentStateRollup(db);
  const add = db.prepare('INSERT INTO agent_state_rollup (agent_id, day, campaign_id, state, reason, ms) VALUES (@agentId, @day, @campaignId, @state, @reason, @ms)');
  const zones = new Map<number, string>();
  const zoneOf = (campaignId: number): string => {
    if (!zones.has(campaignId)) zones.set(campaignId, rollup.timeZoneOf(campaignId));
    return zones.get(campaignId)!;
  };
  for (const t of recomputeRollup(facts, zoneOf).values()) add.run(t);
  const last = facts.reduce((m, f) => Math.max(m, f.id), 0);
  db.prepare('UPDATE agent_state_rollup_mark SET folded_through = ? WHERE id = 1').run(last);
}
