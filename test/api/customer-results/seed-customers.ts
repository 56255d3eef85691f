import { campaignDefaults } from '../../../src/domain/campaign-settings';
import type { TestApp } from '../../support/test-app';

export type Who = 'boss' | 'sue' | 'max' | 'ann' | 'ben';

export interface SeededCustomers {
  t: Record<Who, { token: string; id: number }>;
  /** Campaign A (Sue's, with a script) and B (the owner's). */
  a: number;
  b: number;
  /** Question ids of A's script: budget (free text), interest (one choice, its text formula-like), products (several). */
  q: { budget: number; interest: number; products: number };
  /** Entries (campaign_contacts ids). */
  e: Record<'cmd' | 'binh' | 'an' | 'chi' | 'dung', number>;
  /** Attempts of the "=cmd()" entry, and its second attempt's recorded call. */
  att: { first: number; second: number };
  call: number;
}

/**
 * Campaign A (Ho Chi Minh City, UTC+7) created by Sue with Ann, running script S; B (UTC) created by the owner with Ben.
 * A's list, times UTC [A's local]:
 *   cmd  "=cmd()" +84912345678 (and +84287654321), Ann, success, 2 attempts: 12-01 01:00 [08:00] no answer (answers budget "5 triệu"),
 *        12-02 02:00 [09:00] answered, closed deal (budget "10 triệu", interest "Yes", products ["A", "B"]), recorded
 *   binh "Bình" +84912000111, Ann, callback_scheduled, 1 attempt 12-01 03:00 [10:00] answered, callback at 12-03 02:00
 *   an   "An" +84912000222, no agent, not_started, no attempts
 *   chi  "Chi" +84912000333, Ann, failed_will_retry, 3 attempts, the last 11-30 18:00 [12-01 01:00] busy
 * B's list: dung "Dũng" +84966000444, Ben, success, 1 attempt 12-01 09:00.
 */
export async function seedCustomers(app: TestApp): Promise<SeededCustomers> {
  const t = {
    boss: await app.login('owner', 'boss'), sue: await app.login('admin', 'sue'), max: await app.login('admin', 'max'),
    ann: await app.login('agent', 'ann'), ben: await app.login('agent', 'ben'),
  };
  const script = app.services.scripts.create({ id: t.sue.id, role: 'admin' }, {
    name: 'S', sharing: 'all_admins', guidance: '', questions: [
      { kind: 'free_text', text: 'Budget?', options: [] },
      { kind: 'single_choice', text: '=Interested?', options: ['Yes', 'No'] },
      { kind: 'multiple_choice', text: 'Products', options: ['A', 'B', 'C'] },
    ],
  });
  const [budget, interest, products] = script.questions.map((x) => x.id) as [number, number, number];
  const repo = app.services.repos.campaigns;
  const a = repo.create({ ...campaignDefaults('A', 'preview'), timezone: 'Asia/Ho_Chi_Minh', agentIds: [t.ann.id], scriptId: script.id }, t.sue.id, new Date()).id;
  const b = repo.create({ ...campaignDefaults('B', 'preview'), timezone: 'UTC', agentIds: [t.ben.id] }, t.boss.id, new Date()).id;
  const db = app.services.db;
  const contact = (name: string, phones: string[]) => {
    const id = Number(db.prepare('INSERT INTO contacts (name, name_folded, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase(), '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z').lastInsertRowid);
    phones.forEach((p, i) => db.prepare("INSERT INTO contact_phones (contact_id, position, e164, type) VALUES (?, ?, ?, 'mobile')").run(id, i, p));
    return id;
  };
  const entry = (campaignId: number, contactId: number, phone: string, x: { status: string; attempts: number; agentId: number | null;
    outcome?: string; disposition?: string; callbackAt?: string }) => Number(db.prepare(`INSERT INTO campaign_contacts (campaign_id, contact_id, phone,
      status, attempts, callback_at, last_outcome, last_disposition, agent_id, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`)
    .run(campaignId, contactId, phone, x.status, x.attempts, x.callbackAt ?? null, x.outcome ?? null, x.disposition ?? null, x.agentId).lastInsertRowid);
  const attempt = (campaignId: number, leadId: number, contactId: number, agentId: number | null, dial: string, outcome: string, disposition: string | null = null,
    callbackAt: string | null = null) => {
    const end = new Date(Date.parse(dial) + 60_000).toISOString();
    return Number(db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, contact_id, agent_id, mode, state, phone_number, claimed_at, dialing_at,
        answered_at, ended_at, outcome, end_reason, disposition, callback_at, result_status)
      VALUES (?, ?, ?, ?, 'preview', 'ended', (SELECT phone FROM campaign_contacts WHERE id = ?), ?, ?, ?, ?, ?, 'customer_hangup', ?, ?, NULL)`)
      .run(campaignId, leadId, contactId, agentId, leadId, new Date(Date.parse(dial) - 10_000).toISOString(), new Date(dial).toISOString(),
        outcome === 'answered' ? new Date(Date.parse(dial) + 5000).toISOString() : null, end, outcome, disposition, callbackAt).lastInsertRowid);
  };
  const answer = (attemptId: number, questionId: number, value: unknown, at: string) => db.prepare(
    'INSERT INTO dial_attempt_answers (attempt_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)').run(attemptId, questionId, JSON.stringify(value), at);

  const cCmd = contact('=cmd()', ['+84912345678', '+84287654321']);
  const cBinh = contact('Bình', ['+84912000111']);
  const cAn = contact('An', ['+84912000222']);
  const cChi = contact('Chi', ['+84912000333']);
  const cDung = contact('Dũng', ['+84966000444']);
  const e = {
    cmd: entry(a, cCmd, '+84912345678', { status: 'success', attempts: 2, agentId: t.ann.id, outcome: 'answered', disposition: 'closed_deal' }),
    binh: entry(a, cBinh, '+84912000111', { status: 'callback_scheduled', attempts: 1, agentId: t.ann.id, outcome: 'answered', disposition: 'callback', callbackAt: '2026-12-03T02:00:00.000Z' }),
    an: entry(a, cAn, '+84912000222', { status: 'not_started', attempts: 0, agentId: null }),
    chi: entry(a, cChi, '+84912000333', { status: 'failed_will_retry', attempts: 3, agentId: t.ann.id, outcome: 'busy' }),
    dung: entry(b, cDung, '+84966000444', { status: 'success', attempts: 1, agentId: t.ben.id, outcome: 'answered', disposition: 'interested' }),
  };
  const first = attempt(a, e.cmd, cCmd, t.ann.id, '2026-12-01T01:00:00Z', 'no_answer');
  answer(first, budget, '5 triệu', '2026-12-01T01:00:30.000Z');
  const second = attempt(a, e.cmd, cCmd, t.ann.id, '2026-12-02T02:00:00Z', 'answered', 'closed_deal');
  answer(second, budget, '10 triệu', '2026-12-02T02:00:40.000Z');
  answer(second, interest, 'Yes', '2026-12-02T02:00:41.000Z');
  answer(second, products, ['A', 'B'], '2026-12-02T02:00:42.000Z');
  answer(second, 999, 'a question since deleted', '2026-12-02T02:00:43.000Z');
  const b1 = attempt(a, e.binh, cBinh, t.ann.id, '2026-12-01T03:00:00Z', 'answered', 'callback', '2026-12-03T02:00:00.000Z');
  answer(b1, budget, '', '2026-12-01T03:00:30.000Z');
  attempt(a, e.chi, cChi, t.ann.id, '2026-11-29T18:00:00Z', 'no_answer');
  attempt(a, e.chi, cChi, t.ann.id, '2026-11-30T06:00:00Z', 'no_answer');
  attempt(a, e.chi, cChi, t.ann.id, '2026-11-30T18:00:00Z', 'busy');
  attempt(b, e.dung, cDung, t.ben.id, '2026-12-01T09:00:00Z', 'answered', 'interested');
  const call = app.services.repos.callRecords.insert({
    flow: 'agent-first', attemptId: second, campaignId: a, contactId: cCmd, agentId: t.ann.id, phoneNumber: '+84912345678',
    dialAt: new Date('2026-12-02T02:00:00Z'), answerAt: new Date('2026-12-02T02:00:05Z'), bridgeAt: new Date('2026-12-02T02:00:06Z'),
    endAt: new Date('2026-12-02T02:01:00Z'), hangupCause: 16, dialStatus: 'ANSWER', amdStatus: null, outcome: 'answered',
    endReason: 'customer_hangup', recordingName: 'dialer-cmd-2', answers: [],
  });
  app.services.repos.callRecords.insert({
    flow: 'agent-line', attemptId: second, campaignId: a, contactId: null, agentId: t.ann.id, phoneNumber: null, dialAt: null, answerAt: null,
    bridgeAt: null, endAt: new Date('2026-12-02T03:00:00Z'), hangupCause: 16, dialStatus: null, amdStatus: null, outcome: null, endReason: 'line_closed',
    recordingName: null, answers: [],
  });
  return { t, a, b, q: { budget, interest, products }, e, att: { first, second }, call };
}
