import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { campaignDefaults } from '../../../src/domain/campaign-settings';
import type { AgentStateKind } from '../../../src/domain/dialer/agent-session-state';
import { startTestApp, type TestApp } from '../../support/test-app';

const S = 1000;
const MIN = 60 * S;

/**
 * Campaign A (predictive, Ho Chi Minh City UTC+7, per-day quota 1–2) created by Sue (admin), worked by Ann;
 * B (preview, UTC, named "=cmd") and I (IVR, UTC) created by the owner. The range is the local day 12-01:
 * in A that is 11-30T17:00Z → 12-01T17:00Z. Every expected figure is counted by hand from the rows below.
 */
describe('campaign overview report', () => {
  let app: TestApp;
  let t: Record<'boss' | 'sue' | 'max' | 'ann' | 'ben', { token: string; id: number }>;
  let a: number;
  let b: number;
  let ivr: number;

  const change = (campaignId: number, agentId: number, at: string, to: AgentStateKind) =>
    app.services.repos.agentSessions.record(campaignId, { agentId, at: new Date(at), from: 'ready', to, reason: null, leadId: null, event: 'setReady' },
      { agentId, joinedAt: new Date(at), state: to === 'offline' ? { kind: 'offline' } : { kind: 'ready' }, since: new Date(at) });
  const attempt = (c: number, mode: string, r: { agent?: number; claimed: string; dialing?: boolean; answered?: string; connected?: string; ended?: string; outcome?: string | null; disposition?: string }) =>
    app.services.db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, claimed_at, dialing_at, answered_at, connected_at, ended_at, outcome, disposition, disposed_at)
      VALUES (?, 1, ?, ?, 'ended', ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(c, r.agent ?? null, mode, r.claimed, r.dialing === false ? null : r.claimed, r.answered ?? null, r.connected ?? null, r.ended ?? r.claimed,
        r.outcome === undefined ? 'answered' : r.outcome, r.disposition ?? null, r.disposition ? (r.ended ?? r.claimed) : null);
  const ivrCall = (endAt: string, answers: Array<[string, string | null]>) => {
    const id = Number(app.services.db.prepare(`INSERT INTO call_records (flow, campaign_id, dial_at, answer_at, end_at, outcome, end_reason)
      VALUES ('ivr', ?, ?, ?, ?, 'answered', 'completed')`).run(ivr, endAt, endAt, endAt).lastInsertRowid);
    answers.forEach(([q, answer], i) => app.services.db.prepare('INSERT INTO call_ivr_answers (call_record_id, position, question_id, answer) VALUES (?, ?, ?, ?)').run(id, i, q, answer));
  };
  const get = (who: keyof typeof t, query: string) => app.request('GET', `/api/reports/overview?${query}`, { token: t[who].token });

  beforeEach(async () => {
    app = await startTestApp();
    app.clock.set(new Date('2026-12-05T12:00:00Z'));
    t = { boss: await app.login('owner', 'boss'), sue: await app.login('admin', 'sue'), max: await app.login('admin', 'max'), ann: await app.login('agent', 'ann'), ben: await app.login('agent', 'ben') };
    const repo = app.services.repos.campaigns;
    a = repo.create({ ...campaignDefaults('A', 'predictive'), timezone: 'Asia/Ho_Chi_Minh', agentIds: [t.ann.id], quota: { kind: 'per_day', min: 1, max: 2 }, abandonRateTarget: 0.03 }, t.sue.id, new Date()).id;
    b = repo.create({ ...campaignDefaults('=cmd', 'preview'), timezone: 'UTC', agentIds: [t.ben.id] }, t.boss.id, new Date()).id;
    ivr = repo.create({ ...campaignDefaults('I', 'preview'), timezone: 'UTC' }, t.boss.id, new Date()).id;
    app.services.db.prepare("UPDATE campaigns SET dialing_mode = 'ivr', ivr_json = ? WHERE id = ?")
      .run(JSON.stringify({ steps: [{ id: 'hello', kind: 'prompt', sound: 'hi' }, { id: 'q2', kind: 'question', sound: 'x', validDigits: ['1', '2'] }, { id: 'q1', kind: 'question', sound: 'y', validDigits: ['1', '2'] }] }), ivr);

    // A, local 11-30 23:59:59: abandoned, outside the range but inside its 30 rolling days.
    attempt(a, 'predictive', { claimed: '2026-11-30T16:59:59.000Z', answered: '2026-11-30T17:00:01.000Z', outcome: 'abandoned' });
    // A, local 12-01 00:00: held 20 s, talked 5 min, closed deal.
    attempt(a, 'predictive', { agent: t.ann.id, claimed: '2026-11-30T17:00:00.000Z', answered: '2026-11-30T17:00:10.000Z', connected: '2026-11-30T17:00:30.000Z', ended: '2026-11-30T17:05:30.000Z', disposition: 'closed_deal' });
    // 09:10 held 10 s, talked 2 min, interested; 09:20 abandoned; 09:30 machine.
    attempt(a, 'predictive', { agent: t.ann.id, claimed: '2026-12-01T02:10:00.000Z', answered: '2026-12-01T02:10:05.000Z', connected: '2026-12-01T02:10:15.000Z', ended: '2026-12-01T02:12:15.000Z', disposition: 'interested' });
    attempt(a, 'predictive', { claimed: '2026-12-01T02:20:00.000Z', answered: '2026-12-01T02:20:03.000Z', outcome: 'abandoned' });
    attempt(a, 'predictive', { claimed: '2026-12-01T02:30:00.000Z', answered: '2026-12-01T02:30:02.000Z', outcome: 'machine' });
    // 10:00 busy, 10:05 no answer, 10:10 failed; 11:00 never dialled.
    attempt(a, 'predictive', { claimed: '2026-12-01T03:00:00.000Z', outcome: 'busy' });
    attempt(a, 'predictive', { claimed: '2026-12-01T03:05:00.000Z', outcome: 'no_answer' });
    attempt(a, 'predictive', { claimed: '2026-12-01T03:10:00.000Z', outcome: 'failed' });
    attempt(a, 'predictive', { claimed: '2026-12-01T04:00:00.000Z', dialing: false, outcome: null });
    // 23:59:59 held 5 s, talked 1 min over midnight: counted on 12-01, where it was claimed.
    attempt(a, 'predictive', { agent: t.ann.id, claimed: '2026-12-01T16:59:59.000Z', answered: '2026-12-01T17:00:05.000Z', connected: '2026-12-01T17:00:10.000Z', ended: '2026-12-01T17:01:10.000Z', disposition: 'not_interested' });
    // 12-02 00:00 local: outside.
    attempt(a, 'predictive', { agent: t.ann.id, claimed: '2026-12-01T17:00:00.000Z', answered: '2026-12-01T17:00:01.000Z', connected: '2026-12-01T17:00:02.000Z', ended: '2026-12-01T17:10:00.000Z', disposition: 'closed_deal' });
    // Ann in A: ready from 11-30 23:30 local, three wrap-ups of a minute (the last one across midnight), off at 12-02 00:00:30.
    change(a, t.ann.id, '2026-11-30T16:30:00.000Z', 'ready');
    change(a, t.ann.id, '2026-11-30T17:05:30.000Z', 'wrap_up');
    change(a, t.ann.id, '2026-11-30T17:06:30.000Z', 'ready');
    change(a, t.ann.id, '2026-12-01T02:12:15.000Z', 'wrap_up');
    change(a, t.ann.id, '2026-12-01T02:13:15.000Z', 'ready');
    change(a, t.ann.id, '2026-12-01T16:59:30.000Z', 'wrap_up');
    change(a, t.ann.id, '2026-12-01T17:00:30.000Z', 'offline');
    // B (UTC), 12-01 10:00: a preview call, 3 minutes, callback.
    attempt(b, 'preview', { agent: t.ben.id, claimed: '2026-12-01T10:00:00.000Z', answered: '2026-12-01T10:00:02.000Z', connected: '2026-12-01T10:00:05.000Z', ended: '2026-12-01T10:03:05.000Z', disposition: 'callback' });
    ivrCall('2026-12-01T11:00:00.000Z', [['q1', '1'], ['q2', '2']]);
    ivrCall('2026-12-01T12:00:00.000Z', [['q1', '1'], ['q2', null]]);
    ivrCall('2026-12-02T00:00:00.000Z', [['q1', '2']]);
    // A's list: three contacts, statuses set by hand.
    for (const [i, status] of ['not_started', 'success', 'retries_exhausted'].entries()) {
      const contact = await app.request('POST', '/api/contacts', { token: t.boss.token, body: { name: `C${i}`, phones: [`+8491234567${i}`] } });
      assert.equal(contact.status, 201, JSON.stringify(contact.body));
      const added = await app.request('POST', `/api/campaigns/${a}/list`, { token: t.boss.token, body: { contactIds: [contact.body.id] } });
      assert.equal(added.status, 200, JSON.stringify(added.body));
      app.services.db.prepare('UPDATE campaign_contacts SET status = ? WHERE campaign_id = ? AND contact_id = ?').run(status, a, contact.body.id);
    }
  });

  afterEach(async () => { await app.close(); });

  it('when the owner asks for campaign A on one local day, then every figure is what the rows add up to, split at A\'s local midnight', async () => {
    const r = await get('boss', `from=2026-12-01&to=2026-12-01&campaignIds=${a}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.campaigns.length, 1);
    const c = r.body.campaigns[0];
    assert.deepEqual(c.campaign, { id: a, name: 'A', dialingMode: 'predictive', timezone: 'Asia/Ho_Chi_Minh', abandonRateTarget: 0.03, quota: { kind: 'per_day', min: 1, max: 2 } });
    assert.equal(c.contacts.total, 3);
    assert.deepEqual([c.contacts.byStatus.not_started, c.contacts.byStatus.success, c.contacts.byStatus.retries_exhausted, c.contacts.byStatus.dnc], [1, 1, 1, 0]);
    const f = c.total;
    assert.deepEqual([f.attempts, f.placed, f.answered, f.connected, f.abandoned, f.machine, f.busy, f.noAnswer, f.failed, f.congestion, f.invalidNumber],
      [9, 8, 4, 3, 1, 1, 1, 1, 1, 0, 0]);
    assert.deepEqual([f.abandonRate, f.abandonRate30d, f.contactRate, f.conversions, f.conversionRate], [1 / 4, 2 / 5, 4 / 8, 1, 1 / 3]);
    assert.deepEqual([f.talkMs, f.avgTalkMs, f.holdMs, f.heldCalls, f.avgHoldMs], [480 * S, 160 * S, 35 * S, 3, Math.round(35 * S / 3)]);
    assert.deepEqual([f.wrapUpMs, f.avgWrapUpMs], [150 * S, 50 * S], 'wrap-up: 60 + 60 + the 30 s before midnight');
    assert.deepEqual(f.dispositions, { closed_deal: 1, interested: 1, not_interested: 1 });
    assert.deepEqual(c.dispositions.map((d: any) => [d.disposition, d.count, d.share]), [['closed_deal', 1, 1 / 3], ['interested', 1, 1 / 3], ['not_interested', 1, 1 / 3]]);
    assert.deepEqual(c.days.map((d: any) => [d.day, d.attempts, d.abandonRate30d]), [['2026-12-01', 9, 2 / 5]]);
    const hours = Object.fromEntries(c.hours.filter((h: any) => h.attempts > 0).map((h: any) => [h.hour, [h.attempts, h.placed, h.answered, h.connected]]));
    assert.deepEqual(hours, { 0: [1, 1, 1, 1], 9: [3, 3, 2, 1], 10: [3, 3, 0, 0], 11: [1, 0, 0, 0], 23: [1, 1, 1, 1] });
    assert.deepEqual(c.agents, [{ agentId: t.ann.id, name: 'ann', attempts: 3, connected: 3, conversions: 1, quotaCount: 3,
      quota: { kind: 'per_day', min: 1, max: 2, count: 3, daysWorked: 1, daysMetMin: 1, daysAtMax: 1 } }]);
    assert.equal(c.ivr, null);
    // Ann was logged in every hour of the local day: the dial level is the calls placed in each hour.
    assert.equal(c.dialLevel.length, 24);
    assert.ok(c.dialLevel.every((p: any) => Math.abs(p.agentHours - 1) < 1e-9));
    assert.deepEqual(c.dialLevel.filter((p: any) => p.placed > 0).map((p: any) => [p.hour, p.placed, p.dialLevel]), [[0, 1, 1], [9, 3, 3], [10, 3, 3], [23, 1, 1]]);
  });

  it('when the range covers two local days, then the day before holds the abandoned call of 23:59:59 and the rolling rate follows', async () => {
    const r = await get('boss', `from=2026-11-30&to=2026-12-01&campaignIds=${a}`);
    const days = r.body.campaigns[0].days;
    assert.deepEqual(days.map((d: any) => [d.day, d.attempts, d.abandoned, d.abandonRate, d.abandonRate30d]),
      [['2026-11-30', 1, 1, 1, 1], ['2026-12-01', 9, 1, 1 / 4, 2 / 5]]);
    assert.equal(r.body.campaigns[0].total.attempts, 10);
  });

  it('when a campaign\'s midnight is not on a whole UTC hour (Kathmandu, UTC+5:45), then calls land on the right local day and hour', async () => {
    const k = app.services.repos.campaigns.create({ ...campaignDefaults('K', 'preview'), timezone: 'Asia/Kathmandu' }, t.boss.id, new Date()).id;
    attempt(k, 'preview', { claimed: '2026-12-01T18:14:59.000Z', outcome: 'busy' }); // 23:59:59 local
    attempt(k, 'preview', { claimed: '2026-12-01T18:15:00.000Z', outcome: 'no_answer' }); // 00:00 the next day
    attempt(k, 'preview', { claimed: '2026-12-01T19:14:00.000Z', outcome: 'failed' }); // 00:59
    const r = await get('boss', `from=2026-12-01&to=2026-12-02&campaignIds=${k}`);
    const c = r.body.campaigns[0];
    assert.deepEqual(c.days.map((d: any) => [d.day, d.busy, d.noAnswer, d.failed]), [['2026-12-01', 1, 0, 0], ['2026-12-02', 0, 1, 1]]);
    assert.deepEqual(c.hours.filter((h: any) => h.attempts).map((h: any) => [h.hour, h.attempts]), [[0, 2], [23, 1]]);
  });

  it('when the owner asks for every campaign, then each has its own figures, IVR answers come per question in script order, and the combined sums them', async () => {
    // B gets a quota over the whole campaign (2–3); Ben handled one more customer there before the range.
    app.services.db.prepare("UPDATE campaigns SET quota_kind = 'per_campaign', quota_min = 2, quota_max = 3 WHERE id = ?").run(b);
    attempt(b, 'preview', { agent: t.ben.id, claimed: '2026-11-20T10:00:00.000Z', connected: '2026-11-20T10:00:05.000Z', ended: '2026-11-20T10:01:00.000Z', disposition: 'interested' });
    const r = await get('boss', 'from=2026-12-01&to=2026-12-01');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.campaigns.map((c: any) => c.campaign.name), ['A', '=cmd', 'I']);
    assert.deepEqual(r.body.campaigns[1].agents, [{ agentId: t.ben.id, name: 'ben', attempts: 1, connected: 1, conversions: 0, quotaCount: 1,
      quota: { kind: 'per_campaign', min: 2, max: 3, count: 2, daysWorked: 1, daysMetMin: 1, daysAtMax: 0 } }]);
    const [, cb, ci] = r.body.campaigns;
    assert.deepEqual([cb.total.attempts, cb.total.connected, cb.total.talkMs, cb.total.heldCalls, cb.total.avgHoldMs, cb.dialLevel, cb.ivr], [1, 1, 180 * S, 0, null, null, null]);
    assert.deepEqual(ci.ivr, [
      { questionId: 'q2', asked: 2, answers: [{ answer: '2', count: 1, share: 0.5 }, { answer: null, count: 1, share: 0.5 }] },
      { questionId: 'q1', asked: 2, answers: [{ answer: '1', count: 2, share: 1 }] },
    ]);
    const all = r.body.combined;
    assert.deepEqual([all.total.attempts, all.total.connected, all.total.conversions, all.contacts.total], [10, 4, 1, 3]);
    assert.deepEqual(all.hours[10], { hour: 10, attempts: 4, placed: 4, answered: 1, connected: 1 }, 'A\'s 10:00 local and B\'s 10:00 UTC');
    assert.deepEqual(all.dispositions.map((d: any) => [d.disposition, d.count]), [['closed_deal', 1], ['interested', 1], ['not_interested', 1], ['callback', 1]]);
  });

  it('when an admin asks, then only the campaigns they created or manage, and 403 (never an empty table) for another one', async () => {
    const sue = await get('sue', 'from=2026-12-01&to=2026-12-01');
    assert.deepEqual(sue.body.campaigns.map((c: any) => c.campaign.id), [a]);
    const other = await get('sue', `from=2026-12-01&to=2026-12-01&campaignIds=${a},${b}`);
    assert.deepEqual([other.status, other.body.error.code, other.body.error.field], [403, 'E_FORBIDDEN', 'campaignIds']);
    const max = await get('max', `from=2026-12-01&to=2026-12-01&campaignIds=${a}`);
    assert.equal(max.status, 403);
    assert.deepEqual((await get('max', 'from=2026-12-01&to=2026-12-01')).body.campaigns, []);
    app.services.db.prepare('INSERT INTO campaign_managers (campaign_id, user_id) VALUES (?, ?)').run(a, t.max.id);
    assert.equal((await get('max', `from=2026-12-01&to=2026-12-01&campaignIds=${a}`)).body.campaigns[0].total.attempts, 9, 'a manager sees it');
    assert.equal((await get('boss', 'from=2026-12-01&to=2026-12-01&campaignIds=999')).status, 404);
  });

  it('when an agent asks, then 403: agents have their own performance instead', async () => {
    const r = await get('ann', `from=2026-12-01&to=2026-12-01&campaignIds=${a}`);
    assert.deepEqual([r.status, r.body.error.code], [403, 'E_FORBIDDEN']);
    assert.equal((await app.request('GET', `/api/reports/overview/export?from=2026-12-01&to=2026-12-01`, { token: t.ann.token })).status, 403);
  });

  it('when the query is malformed, then 400 naming the field', async () => {
    for (const [q, field] of [['from=2026-02-30&to=2026-12-01', 'from'], ['from=2026-12-02&to=2026-12-01', 'to'], ['from=2025-01-01&to=2026-12-01', 'to'],
      ['from=2026-12-01&to=2026-12-01&campaignIds=1,x', 'campaignIds'], ['from=2026-12-01', 'to']] as const) {
      const r = await get('boss', q);
      assert.deepEqual([r.status, r.body.error?.field], [400, field], q);
    }
  });

  it('when exported, then CSV streams the tables with the filters applied and "=cmd" as text, .xlsx reads back the same, and headers are Vietnamese for a Vietnamese user', async () => {
    const csv = await app.request('GET', `/api/reports/overview/export?from=2026-12-01&to=2026-12-01&campaignIds=${a},${b}&format=csv`, { token: t.boss.token });
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers.get('content-disposition')), /campaign-overview-2026-12-01-2026-12-01\.csv/);
    const lines = String(csv.body).replace(/^\ufeff/, '').split('\r\n');
    assert.equal(lines[0], 'Summary');
    assert.match(lines[1]!, /^Campaign,Time zone,Mode,Day,Attempts,Calls placed,Answered,Connected to an agent,Abandoned,Abandon %/);
    assert.deepEqual(lines.slice(2, 5).map((l) => l.split(',').slice(0, 6)), [
      ['A', 'Asia/Ho_Chi_Minh', 'Predictive', '2026-12-01 – 2026-12-01', '9', '8'],
      ["'=cmd", 'UTC', 'Preview', '2026-12-01 – 2026-12-01', '1', '1'],
      ['All campaigns', '', '', '2026-12-01 – 2026-12-01', '10', '9']]);
    assert.ok(!lines.some((l) => l.startsWith('I,')), 'only the campaigns asked for');
    assert.ok(lines.includes('Quota per agent') && lines.includes('Dial level'));
    const xlsx = await fetch(`${app.url}/api/reports/overview/export?from=2026-12-01&to=2026-12-01&campaignIds=${a},${b}&format=xlsx`, { headers: { authorization: `Bearer ${t.boss.token}` } });
    assert.equal(xlsx.status, 200);
    const book = XLSX.read(Buffer.from(await xlsx.arrayBuffer()), { type: 'buffer', cellFormula: true });
    assert.deepEqual(book.SheetNames, ['Summary', 'By day', 'By hour', 'Contacts', 'Dispositions', 'Quota per agent', 'Dial level']);
    const cell = book.Sheets.Summary!.A3!;
    assert.deepEqual([cell.t, cell.v, cell.f], ['s', '=cmd', undefined], 'the name is a text cell, not a formula');
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Summary!, { header: 1, raw: true });
    assert.deepEqual(summary.slice(1).map((row) => row.slice(4, 6)), [[9, 8], [1, 1], [10, 9]]);
    app.services.db.prepare("UPDATE users SET language = 'vi' WHERE id = ?").run(t.sue.id);
    const vi = await app.request('GET', '/api/reports/overview/export?from=2026-12-01&to=2026-12-01', { token: t.sue.token });
    const viLines = String(vi.body).replace(/^\ufeff/, '').split('\r\n');
    assert.deepEqual([viLines[0], viLines[1]!.split(',').slice(0, 5).join(',')], ['Tổng quan', 'Chiến dịch,Múi giờ,Chế độ,Ngày,Lượt gọi']);
    assert.equal(viLines.filter((l) => l.startsWith('A,')).length > 0 && !viLines.some((l) => l.startsWith("'=cmd")), true, 'Sue sees only A');
  });
});
