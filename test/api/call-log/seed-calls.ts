import { campaignDefaults } from '../../../src/domain/campaign-settings';
import type { CallOutcome } from '../../../src/domain/call-outcome';
import type { EndReason } from '../../../src/domain/flows/flow-types';
import type { TestApp } from '../../support/test-app';

export type Who = 'boss' | 'sue' | 'max' | 'ann' | 'ben';

export interface SeededCalls {
  t: Record<Who, { token: string; id: number }>;
  a: number;
  b: number;
  /** Call record ids c1…c8 (and the agent line, which the log leaves out). */
  c: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7' | 'c8' | 'line', number>;
}

interface Call {
  flow?: string; campaignId: number | null; agentId: number | null; contactId?: number | null; attemptId?: number | null; phone: string | null;
  dial?: string; answer?: string; bridge?: string; end: string; cause: number | null; outcome: CallOutcome | null; reason: EndReason;
  recording?: string; amd?: string;
}

/**
 * Campaign A (Ho Chi Minh City, UTC+7) created by Sue (admin) with Ann; B (UTC) created by the owner with Ben; Max
 * (admin) has none. Calls, times in UTC (A's local time in brackets):
 *   c1 A Ann  "=cmd()" +84912345678 dial 12-01 01:00:00 [08:00], answer +10 s, bridge +12 s, end 01:02:12 (talk 120 s), 16, answered, closed deal, recorded
 *   c2 A Ann  +84912000111 dial 01:30:00 [08:30], end 01:30:20, 19, no answer
 *   c3 A Ann  +84987000222 dial 02:10:00 [09:10], answer +5, bridge +6, end 02:10:51 (talk 45 s), 16, answered, agent hung up, recording file missing
 *   c4 A none +84977000333 dial 11-30 17:30:00 [12-01 00:30], answer +8, end +10, 16, abandoned (hold 2 s)
 *   c5 A Ann  +84977000999 dial 12-01 17:30:00 [12-02 00:30], busy 17: outside 12-01 local
 *   c6 B Ben  +84966000444 dial 09:00:00, answer +5, bridge +5, end 09:10:05 (talk 600 s), 16, answered
 *   c7 B Ben  +84912999888 dial 23:50:00, end 23:50:30, 17, busy
 *   c8 no campaign, no agent, inbound callback request from +84933444555, end 10:00:00, no cause
 * and an agent-line record of Ann in A (not a call of the log).
 */
export async function seedCalls(app: TestApp): Promise<SeededCalls> {
  const t = {
    boss: await app.login('owner', 'boss'), sue: await app.login('admin', 'sue'), max: await app.login('admin', 'max'),
    ann: await app.login('agent', 'ann'), ben: await app.login('agent', 'ben'),
  };
  const repo = app.services.repos.campaigns;
  const a = repo.create({ ...campaignDefaults('A', 'preview'), timezone: 'Asia/Ho_Chi_Minh', agentIds: [t.ann.id] }, t.sue.id, new Date()).id;
  const b = repo.create({ ...campaignDefaults('B', 'preview'), timezone: 'UTC', agentIds: [t.ben.id] }, t.boss.id, new Date()).id;
  const db = app.services.db;
  const contact = Number(db.prepare("INSERT INTO contacts (name, name_folded, created_at, updated_at) VALUES ('=cmd()', 'cmd', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')").run().lastInsertRowid);
  const attempt = Number(db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, contact_id, agent_id, mode, state, claimed_at, dialing_at, ended_at, outcome, disposition)
    VALUES (?, 1, ?, ?, 'preview', 'ended', '2026-12-01T00:59:50.000Z', '2026-12-01T01:00:00.000Z', '2026-12-01T01:02:12.000Z', 'answered', 'closed_deal')`)
    .run(a, contact, t.ann.id).lastInsertRowid);
  const d = (s: string | undefined) => (s ? new Date(s) : null);
  const add = (x: Call) => app.services.repos.callRecords.insert({
    flow: x.flow ?? 'agent-first', attemptId: x.attemptId ?? null, campaignId: x.campaignId, contactId: x.contactId ?? null, agentId: x.agentId,
    phoneNumber: x.phone, dialAt: d(x.dial), answerAt: d(x.answer), bridgeAt: d(x.bridge), endAt: new Date(x.end), hangupCause: x.cause,
    dialStatus: x.answer ? 'ANSWER' : null, amdStatus: x.amd ?? null, outcome: x.outcome, endReason: x.reason, recordingName: x.recording ?? null, answers: [],
  });
  const c = {
    c1: add({ campaignId: a, agentId: t.ann.id, contactId: contact, attemptId: attempt, phone: '+84912345678', dial: '2026-12-01T01:00:00Z', answer: '2026-12-01T01:00:10Z',
      bridge: '2026-12-01T01:00:12Z', end: '2026-12-01T01:02:12Z', cause: 16, outcome: 'answered', reason: 'customer_hangup', recording: 'dialer-c1-abc', amd: 'HUMAN' }),
    c2: add({ campaignId: a, agentId: t.ann.id, phone: '+84912000111', dial: '2026-12-01T01:30:00Z', end: '2026-12-01T01:30:20Z', cause: 19, outcome: 'no_answer', reason: 'not_reached' }),
    c3: add({ campaignId: a, agentId: t.ann.id, phone: '+84987000222', dial: '2026-12-01T02:10:00Z', answer: '2026-12-01T02:10:05Z', bridge: '2026-12-01T02:10:06Z',
      end: '2026-12-01T02:10:51Z', cause: 16, outcome: 'answered', reason: 'agent_hangup', recording: 'dialer-c3-gone' }),
    c4: add({ flow: 'customer-first', campaignId: a, agentId: null, phone: '+84977000333', dial: '2026-11-30T17:30:00Z', answer: '2026-11-30T17:30:08Z',
      end: '2026-11-30T17:30:10Z', cause: 16, outcome: 'abandoned', reason: 'abandoned' }),
    c5: add({ campaignId: a, agentId: t.ann.id, phone: '+84977000999', dial: '2026-12-01T17:30:00Z', end: '2026-12-01T17:30:20Z', cause: 17, outcome: 'busy', reason: 'not_reached' }),
    c6: add({ campaignId: b, agentId: t.ben.id, phone: '+84966000444', dial: '2026-12-01T09:00:00Z', answer: '2026-12-01T09:00:05Z', bridge: '2026-12-01T09:00:05Z',
      end: '2026-12-01T09:10:05Z', cause: 16, outcome: 'answered', reason: 'customer_hangup' }),
    c7: add({ campaignId: b, agentId: t.ben.id, phone: '+84912999888', dial: '2026-12-01T23:50:00Z', end: '2026-12-01T23:50:30Z', cause: 17, outcome: 'busy', reason: 'not_reached' }),
    c8: add({ flow: 'callback-request', campaignId: null, agentId: null, phone: '+84933444555', end: '2026-12-01T10:00:00Z', cause: null, outcome: null, reason: 'callback_requested' }),
    line: add({ flow: 'agent-line', campaignId: a, agentId: t.ann.id, phone: null, end: '2026-12-01T03:00:00Z', cause: 16, outcome: null, reason: 'line_closed' }),
  };
  return { t, a, b, c };
}
