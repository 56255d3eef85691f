import assert from 'node:assert/strict';
import { campaignDefaults } from '../../../src/domain/campaign-settings';
import type { AgentStateKind } from '../../../src/domain/dialer/agent-session-state';
import { readSheet } from '../../support/spreadsheets';
import { startTestApp, type TestApp } from '../../support/test-app';

const MIN = 60_000;

/**
 * Ann works campaign A (Ho Chi Minh City, UTC+7, per-day quota 2–5), created by Sue (admin); Ben works B (UTC),
 * created by the owner. Every expected figure below is counted by hand from these rows.
 */
describe('agent performance report', () => {
  let app: TestApp;
  let t: Record<'boss' | 'sue' | 'max' | 'ann' | 'ben', { token: string; id: number }>;
  let a: number;
  let b: number;

  const change = (campaignId: number, agentId: number, at: string, to: AgentStateKind, reason: string | null = null) =>
    app.services.repos.agentSessions.record(campaignId, { agentId, at: new Date(at), from: 'ready', to, reason, leadId: null, event: 'setReady' },
      { agentId, joinedAt: new Date(at), state: to === 'offline' ? { kind: 'offline' } : { kind: 'ready' }, since: new Date(at) });
  const attempt = (c: number, agentId: number | null, r: { claimed: string; dialing?: string; connected?: string; ended?: string; disposition?: string; outcome?: string }) =>
    app.services.db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, claimed_at, dialing_at, connected_at, ended_at, outcome, disposition, disposed_at)
      VALUES (?, 1, ?, 'preview', 'ended', ?, ?, ?, ?, ?, ?, ?)`)
      .run(c, agentId, r.claimed, r.dialing ?? null, r.connected ?? null, r.ended ?? null, r.outcome ?? 'answered', r.disposition ?? null, r.disposition ? r.ended : null);
  const get = (who: keyof typeof t, query: string) => app.request('GET', `/api/reports/agent-performance?${query}`, { token: t[who].token });

  beforeEach(async () => {
    app = await startTestApp();
    app.clock.set(new Date('2026-12-02T12:00:00Z'));
    t = { boss: await app.login('owner', 'boss'), sue: await app.login('admin', 'sue'), max: await app.login('admin', 'max'), ann: await app.login('agent', 'ann'), ben: await app.login('agent', 'ben') };
    const repo = app.services.repos.campaigns;
    a = repo.create({ ...campaignDefaults('A', 'preview'), timezone: 'Asia/Ho_Chi_Minh', agentIds: [t.ann.id], quota: { kind: 'per_day', min: 2, max: 5 } }, t.sue.id, new Date()).id;
    b = repo.create({ ...campaignDefaults('B', 'preview'), timezone: 'UTC', agentIds: [t.ben.id] }, t.boss.id, new Date()).id;
    // Ann, local time in A: 11-30 23:00 joined, 23:30 ready (over midnight), 12-01 00:30 lunch, 01:00 ready, a call, 10:00 off.
    change(a, t.ann.id, '2026-11-30T16:00:00Z', 'not_ready', 'joined');
    change(a, t.ann.id, '2026-11-30T16:30:00Z', 'ready');
    change(a, t.ann.id, '2026-11-30T17:30:00Z', 'not_ready', 'lunch');
    change(a, t.ann.id, '2026-11-30T18:00:00Z', 'ready');
    change(a, t.ann.id, '2026-11-30T18:10:00Z', 'previewing');
    change(a, t.ann.id, '2026-11-30T18:12:00Z', 'ringing');
    change(a, t.ann.id, '2026-11-30T18:13:00Z', 'talking');
    change(a, t.ann.id, '2026-11-30T18:20:00Z', 'wrap_up');
    change(a, t.ann.id, '2026-11-30T18:22:00Z', 'ready');
    change(a, t.ann.id, '2026-12-01T03:00:00Z', 'offline');
    // 12-02 08:00 local joined, 08:05 ready and still ready now (12-02 19:00 local)
    change(a, t.ann.id, '2026-12-02T01:00:00Z', 'not_ready', 'joined');
    change(a, t.ann.id, '2026-12-02T01:05:00Z', 'ready');
    attempt(a, t.ann.id, { claimed: '2026-11-30T18:10:00Z', dialing: '2026-11-30T18:12:00Z', connected: '2026-11-30T18:13:00Z', ended: '2026-11-30T18:20:00Z', disposition: 'closed_deal' });
    attempt(a, t.ann.id, { claimed: '2026-12-01T02:00:00Z', dialing: '2026-12-01T02:00:10Z', connected: '2026-12-01T02:01:00Z', ended: '2026-12-01T02:04:00Z', disposition: 'not_interested' });
    attempt(a, null, { claimed: '2026-11-30T19:59:00Z', dialing: '2026-11-30T19:59:00Z', ended: '2026-11-30T20:00:00Z', outcome: 'abandoned' }); // Ann ready
    attempt(a, null, { claimed: '2026-11-30T17:44:00Z', dialing: '2026-11-30T17:44:00Z', ended: '2026-11-30T17:45:00Z', outcome: 'abandoned' }); // Ann at lunch
    // Ben in B (UTC): 12-01 09:00 joined, 09:10 ready, 10:10 break, 10:25 off; one call.
    change(b, t.ben.id, '2026-12-01T09:00:00Z', 'not_ready', 'joined');
    change(b, t.ben.id, '2026-12-01T09:10:00Z', 'ready');
    change(b, t.ben.id, '2026-12-01T10:10:00Z', 'not_ready', 'break');
    change(b, t.ben.id, '2026-12-01T10:25:00Z', 'offline');
    attempt(b, t.ben.id, { claimed: '2026-12-01T09:30:00Z', dialing: '2026-12-01T09:30:05Z', connected: '2026-12-01T09:31:00Z', ended: '2026-12-01T09:35:00Z', disposition: 'callback' });
  });

  afterEach(async () => { await app.close(); });

  it('when the owner asks for one day, then each agent\'s figures and the team total are what the rows add up to, split at local midnight', async () => {
    const r = await get('boss', 'from=2026-12-01&to=2026-12-01');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const [ann, ben] = r.body.agents;
    assert.deepEqual(r.body.agents.map((x: any) => x.name), ['ann', 'ben']);
    assert.deepEqual(ann.days.map((d: any) => d.day), ['2026-12-01']);
    const f = ann.total;
    assert.deepEqual([f.readyMs, f.notReadyMs, f.previewingMs, f.ringingMs, f.talkingMs, f.wrapUpMs, f.loggedInMs],
      [(30 + 10 + 518) * MIN, 30 * MIN, 2 * MIN, 1 * MIN, 7 * MIN, 2 * MIN, 600 * MIN]);
    assert.deepEqual(f.notReadyByReason, { lunch: 30 * MIN }, 'the joined half hour was on 11-30 local');
    assert.deepEqual([f.calls, f.connects, f.avgTalkMs, f.avgWrapMs, f.conversions, f.conversionRate, f.abandonedWhileReady, f.quotaCount],
      [2, 2, 5 * MIN, 1 * MIN, 1, 0.5, 1, 2]);
    assert.deepEqual(f.dispositions, { closed_deal: 1, not_interested: 1 });
    assert.equal(f.occupancy, 9 / 600);
    assert.equal(ann.quota, null, 'no quota without one campaign');
    assert.deepEqual([ben.total.loggedInMs, ben.total.readyMs, ben.total.notReadyByReason, ben.total.calls, ben.total.avgTalkMs, ben.total.dispositions],
      [85 * MIN, 60 * MIN, { joined: 10 * MIN, break: 15 * MIN }, 1, 4 * MIN, { callback: 1 }]);
    const team = r.body.team.total;
    assert.deepEqual([team.loggedInMs, team.calls, team.connects, team.avgTalkMs, team.conversions], [685 * MIN, 3, 3, Math.round(14 * MIN / 3), 1]);
    assert.deepEqual(team.notReadyByReason, { lunch: 30 * MIN, joined: 10 * MIN, break: 15 * MIN });
  });

  it('when the range reaches today, then the interval still open counts up to now only, and the quota of the one campaign shows per day', async () => {
    const r = await get('boss', `from=2026-11-30&to=2026-12-02&campaignId=${a}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.campaign, { id: a, name: 'A' });
    assert.equal(r.body.agents.length, 1);
    const [d30, d01, d02] = r.body.agents[0].days;
    assert.deepEqual([d30.day, d30.notReadyByReason, d30.readyMs], ['2026-11-30', { joined: 30 * MIN }, 30 * MIN]);
    assert.equal(d01.loggedInMs, 600 * MIN);
    assert.deepEqual([d02.day, d02.notReadyByReason, d02.readyMs], ['2026-12-02', { joined: 5 * MIN }, 655 * MIN], 'ready 08:05 → now 19:00 local');
    assert.deepEqual(r.body.agents[0].quota, { kind: 'per_day', min: 2, max: 5, count: 2, daysWorked: 3, daysMetMin: 1, daysAtMax: 0 });
  });

  it('when a campaign\'s midnight is not on a whole UTC hour (Kathmandu, UTC+5:45), then calls still land on the right local day', async () => {
    const k = app.services.repos.campaigns.create({ ...campaignDefaults('K', 'preview'), timezone: 'Asia/Kathmandu' }, t.boss.id, new Date()).id;
    change(k, t.ben.id, '2026-12-01T18:00:00Z', 'ready'); // 23:45 local
    change(k, t.ben.id, '2026-12-01T18:30:00Z', 'offline'); // 00:15 local, the next day
    attempt(k, t.ben.id, { claimed: '2026-12-01T18:10:00Z', dialing: '2026-12-01T18:10:00Z', connected: '2026-12-01T18:11:00Z', ended: '2026-12-01T18:12:00Z', disposition: 'interested' });
    attempt(k, t.ben.id, { claimed: '2026-12-01T18:20:00Z', dialing: '2026-12-01T18:20:00Z', ended: '2026-12-01T18:21:00Z' });
    const r = await get('boss', `from=2026-12-01&to=2026-12-02&campaignId=${k}`);
    assert.deepEqual(r.body.agents[0].days.map((d: any) => [d.day, d.readyMs, d.calls, d.connects]),
      [['2026-12-01', 15 * MIN, 1, 1], ['2026-12-02', 15 * MIN, 1, 0]]);
  });

  it('when an admin asks, then only the agents of campaigns they created or manage, and 403 for another campaign or agent', async () => {
    const sue = await get('sue', 'from=2026-12-01&to=2026-12-01');
    assert.deepEqual(sue.body.agents.map((x: any) => x.name), ['ann']);
    assert.equal(sue.body.team.total.calls, 2, 'Ben\'s call in B is not hers to see');
    const other = await get('sue', `from=2026-12-01&to=2026-12-01&campaignId=${b}`);
    assert.deepEqual([other.status, other.body.error.code], [403, 'E_FORBIDDEN']);
    const ben = await get('sue', `from=2026-12-01&to=2026-12-01&agentIds=${t.ben.id}`);
    assert.deepEqual([ben.status, ben.body.error.field], [403, 'agentIds']);
    const max = await get('max', 'from=2026-12-01&to=2026-12-01');
    assert.deepEqual([max.status, max.body.agents], [200, []], 'an admin with no campaigns sees no agents');
    app.services.db.prepare('INSERT INTO campaign_managers (campaign_id, user_id) VALUES (?, ?)').run(b, t.max.id);
    assert.deepEqual((await get('max', 'from=2026-12-01&to=2026-12-01')).body.agents.map((x: any) => x.name), ['ben'], 'a manager sees the campaign\'s agents');
  });

  it('when an agent asks, then only their own performance, and 403 for anyone else\'s', async () => {
    const mine = await get('ann', 'from=2026-12-02&to=2026-12-02');
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.agents.map((x: any) => [x.name, x.total.readyMs]), [['ann', 655 * MIN]]);
    const bens = await get('ann', `from=2026-12-01&to=2026-12-01&agentIds=${t.ben.id}`);
    assert.deepEqual([bens.status, bens.body.error.code], [403, 'E_FORBIDDEN']);
    assert.equal((await app.request('GET', '/api/reports/agent-performance?from=2026-12-01&to=2026-12-01')).status, 401);
  });

  it('when the query is malformed, then 400 naming the field', async () => {
    for (const [q, field] of [['from=2026-13-01&to=2026-12-01', 'from'], ['from=2026-12-02&to=2026-12-01', 'to'], ['from=2025-01-01&to=2026-12-01', 'to'], ['from=2026-12-01&to=2026-12-01&agentIds=1,x', 'agentIds']] as const) {
      const r = await get('boss', q);
      assert.deepEqual([r.status, r.body.error.field], [400, field], q);
    }
  });

  it('when exported, then CSV carries the same figures with Vietnamese headers for a Vietnamese user, and .xlsx opens with the same rows', async () => {
    const csv = await app.request('GET', '/api/reports/agent-performance/export?from=2026-12-01&to=2026-12-01&format=csv', { token: t.boss.token });
    assert.equal(csv.status, 200);
    const lines = String(csv.body).replace(/^\ufeff/, '').trim().split('\r\n');
    assert.match(lines[0]!, /^Agent,Day,Logged in,Ready/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(0, 3)), [
      ['ann', '2026-12-01', '10:00:00'], ['ann', 'Total', '10:00:00'], ['ben', '2026-12-01', '1:25:00'], ['ben', 'Total', '1:25:00'],
      ['Team', '2026-12-01', '11:25:00'], ['Team', 'Total', '11:25:00']]);
    app.services.db.prepare("UPDATE users SET language = 'vi' WHERE id = ?").run(t.sue.id);
    const vi = await app.request('GET', '/api/reports/agent-performance/export?from=2026-12-01&to=2026-12-01', { token: t.sue.token });
    assert.match(String(vi.body), /Nhân viên,Ngày,Thời gian đăng nhập/);
    const xlsx = await fetch(`${app.url}/api/reports/agent-performance/export?from=2026-12-01&to=2026-12-01&format=xlsx`, { headers: { authorization: `Bearer ${t.boss.token}` } });
    assert.equal(xlsx.status, 200);
    const rows = readSheet(Buffer.from(await xlsx.arrayBuffer()));
    assert.deepEqual(rows.slice(1).map((r) => r.slice(0, 3)), lines.slice(1).map((l) => l.split(',').slice(0, 3)));
  });
});
