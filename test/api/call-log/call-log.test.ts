import assert from 'node:assert/strict';
import { campaignDefaults } from '../../../src/domain/campaign-settings';
import { startTestApp, type TestApp } from '../../support/test-app';
import { seedCalls, type SeededCalls, type Who } from './seed-calls';

const DAY = 'from=2026-12-01&to=2026-12-01';

describe('call log report', () => {
  let app: TestApp;
  let s: SeededCalls;
  const get = (who: Who, query: string, path = '/api/reports/calls') => app.request('GET', `${path}?${query}`, { token: s.t[who].token });
  const ids = (body: any) => body.items.map((x: any) => x.id);

  beforeEach(async () => {
    app = await startTestApp();
    s = await seedCalls(app);
  });
  afterEach(async () => { await app.close(); });

  it('when the owner asks for one day, then every call of it, newest first, each campaign\'s day in its own time zone and no agent lines', async () => {
    const r = await get('boss', DAY);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { c } = s;
    assert.deepEqual(ids(r.body), [c.c7, c.c8, c.c6, c.c3, c.c2, c.c1, c.c4], 'c4 ended 11-30 UTC but 12-01 in A; c5 is 12-02 in A');
    assert.deepEqual([r.body.total, r.body.totalExact, r.body.limit, r.body.offset], [7, true, 50, 0]);
    const c1 = r.body.items.find((x: any) => x.id === c.c1);
    assert.deepEqual(c1, {
      id: c.c1, flow: 'agent-first', direction: 'outbound', campaignId: s.a, campaignName: 'A', contactId: c1.contactId, contactName: '=cmd()',
      agentId: s.t.ann.id, agentName: 'ann', phoneNumber: '+84912345678', startAt: '2026-12-01T00:59:50.000Z', dialAt: '2026-12-01T01:00:00.000Z',
      answerAt: '2026-12-01T01:00:10.000Z', bridgeAt: '2026-12-01T01:00:12.000Z', endAt: '2026-12-01T01:02:12.000Z',
      ringMs: 10_000, holdMs: 2_000, talkMs: 120_000, hangupCause: 16, hangupCauseName: 'Normal Clearing', hungUpBy: 'customer', endReason: 'customer_hangup',
      dialStatus: 'ANSWER', amdStatus: 'HUMAN', outcome: 'answered', disposition: 'closed_deal', hasRecording: true,
    });
    const c4 = r.body.items.find((x: any) => x.id === c.c4);
    assert.deepEqual([c4.holdMs, c4.talkMs, c4.hungUpBy, c4.agentId, c4.startAt], [2_000, null, 'dialer', null, '2026-11-30T17:30:00.000Z']);
    const c8 = r.body.items.find((x: any) => x.id === c.c8);
    assert.deepEqual([c8.direction, c8.campaignId, c8.ringMs, c8.hangupCauseName, c8.outcome], ['inbound', null, null, null, null]);
    const c2 = r.body.items.find((x: any) => x.id === c.c2);
    assert.deepEqual([c2.ringMs, c2.holdMs, c2.talkMs, c2.hangupCauseName], [20_000, null, null, 'User alerting, no answer']);
    const next = await get('boss', 'from=2026-12-02&to=2026-12-02');
    assert.deepEqual(ids(next.body), [s.c.c5], 'A\'s 12-02 starts at 17:00 UTC; B and no-campaign days are UTC');
  });

  it('when filtered by outcome, cause, agent, number or campaign, then only the calls that match', async () => {
    const { c } = s;
    const cases: Array<[string, number[]]> = [
      ['outcome=answered', [c.c6, c.c3, c.c1]], ['cause=17', [c.c7]], ['cause=0', []], [`agentId=${s.t.ann.id}`, [c.c3, c.c2, c.c1]],
      ['number=0912', [c.c7, c.c2, c.c1]], ['number=%2B84%20912%20345', [c.c1]], [`campaignId=${s.b}`, [c.c7, c.c6]],
      [`campaignId=${s.a}&outcome=answered&number=987`, [c.c3]],
    ];
    for (const [q, want] of cases) {
      const r = await get('boss', `${DAY}&${q}`);
      assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
      assert.deepEqual([ids(r.body), r.body.total], [want, want.length], q);
    }
  });

  it('when paged by offset or by page, then the slices of the same order, and the total of them all', async () => {
    const { c } = s;
    const byOffset = await get('boss', `${DAY}&limit=2&offset=2`);
    assert.deepEqual([ids(byOffset.body), byOffset.body.total, byOffset.body.offset], [[c.c6, c.c3], 7, 2]);
    const byPage = await get('boss', `${DAY}&limit=3&page=2`);
    assert.deepEqual([ids(byPage.body), byPage.body.offset], [[c.c3, c.c2, c.c1], 3]);
    const past = await get('boss', `${DAY}&limit=3&page=9`);
    assert.deepEqual([past.body.items, past.body.total], [[], 7]);
    const repo = (app.services.callLog as any).repo;
    const window = { campaignIds: [s.a, s.b], startIso: '2026-11-30T00:00:00.000Z', endIso: '2026-12-03T00:00:00.000Z' };
    assert.deepEqual([repo.page({ windows: [window] }, 2, 0, 3).total, repo.page({ windows: [window] }, 2, 0, 3).totalExact], [3, false], 'counted up to the cap');
    assert.deepEqual([repo.page({ windows: [window] }, 2, 4, 3).total, repo.page({ windows: [window] }, 2, 0, 8).totalExact], [6, true], 'a page past the cap counts its own calls');
    const both = await get('boss', `${DAY}&page=1&offset=0`);
    assert.deepEqual([both.status, both.body.error.field], [400, 'page']);
  });

  it('when an admin asks, then the calls of campaigns they created or manage only, and 403 for another campaign', async () => {
    const { c } = s;
    assert.deepEqual(ids((await get('sue', DAY)).body), [c.c3, c.c2, c.c1, c.c4], 'no call of B, none of no campaign');
    const other = await get('sue', `${DAY}&campaignId=${s.b}`);
    assert.deepEqual([other.status, other.body.error.code], [403, 'E_FORBIDDEN']);
    const stats = await get('sue', `${DAY}&campaignId=${s.b}`, '/api/reports/calls/stats');
    assert.equal(stats.status, 403, 'the stats of a foreign campaign are refused too');
    const exp = await get('sue', `${DAY}&campaignId=${s.b}`, '/api/reports/calls/export');
    assert.equal(exp.status, 403, 'and its export');
    assert.deepEqual(ids((await get('sue', `${DAY}&agentId=${s.t.ben.id}`)).body), [], 'another campaign\'s agent: none of the admin\'s calls');
    const max = await get('max', DAY);
    assert.deepEqual([max.status, max.body.items, max.body.total], [200, [], 0], 'an admin of no campaign sees no calls');
    app.services.db.prepare('INSERT INTO campaign_managers (campaign_id, user_id) VALUES (?, ?)').run(s.b, s.t.max.id);
    assert.deepEqual(ids((await get('max', DAY)).body), [c.c7, c.c6], 'a manager sees the campaign\'s calls');
    const missing = await get('boss', `${DAY}&campaignId=999`);
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'E_NOT_FOUND']);
  });

  it('when an agent asks, then only the calls they were on, and 403 for another agent\'s', async () => {
    const { c } = s;
    assert.deepEqual(ids((await get('ann', DAY)).body), [c.c3, c.c2, c.c1]);
    assert.deepEqual(ids((await get('ann', `${DAY}&agentId=${s.t.ann.id}&outcome=answered`)).body), [c.c3, c.c1]);
    assert.deepEqual(ids((await get('ann', `${DAY}&campaignId=${s.b}`)).body), [], 'a campaign filter still only shows their own calls');
    assert.deepEqual(ids((await get('ben', DAY)).body), [c.c7, c.c6]);
    const bens = await get('ann', `${DAY}&agentId=${s.t.ben.id}`);
    assert.deepEqual([bens.status, bens.body.error.code, bens.body.error.field], [403, 'E_FORBIDDEN', 'agentId']);
    assert.equal((await get('ann', `${DAY}&agentId=${s.t.ben.id}`, '/api/reports/calls/stats')).status, 403);
    const mine = await get('ann', DAY, '/api/reports/calls/stats');
    assert.deepEqual([mine.body.calls, mine.body.dialled, mine.body.answered, mine.body.talkMs], [3, 3, 2, 165_000]);
    assert.equal((await app.request('GET', `/api/reports/calls?${DAY}`)).status, 401);
  });

  it('when the stats are asked for, then the figures are the ones counted by hand from the seeded calls', async () => {
    const r = await get('boss', DAY, '/api/reports/calls/stats');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const st = r.body;
    assert.deepEqual([st.calls, st.dialled, st.answered, st.bridged, st.answerRate, st.talkMs, st.avgTalkMs], [7, 6, 4, 3, 4 / 6, 765_000, 255_000]);
    assert.deepEqual(st.outcomes, { answered: 3, no_answer: 1, abandoned: 1, busy: 1, none: 1 });
    assert.deepEqual(st.causes, [
      { cause: 16, name: 'Normal Clearing', calls: 4 }, { cause: null, name: 'No cause recorded', calls: 1 },
      { cause: 17, name: 'User busy', calls: 1 }, { cause: 19, name: 'User alerting, no answer', calls: 1 }]);
    const hours = Object.fromEntries(st.byHour.filter((h: any) => h.dialled > 0).map((h: any) => [h.hour, [h.dialled, h.answered, h.rate]]));
    assert.deepEqual(hours, { 0: [1, 1, 1], 8: [2, 1, 0.5], 9: [2, 2, 1], 23: [1, 0, 0] }, 'A at its local hours (08:00, 08:30, 09:10, 00:30), B in UTC');
    assert.equal(st.byHour.length, 24);
    assert.deepEqual(st.talkHistogram.map((b: any) => [b.fromSeconds, b.toSeconds, b.calls]),
      [[0, 30, 0], [30, 60, 1], [60, 120, 0], [120, 300, 1], [300, 600, 0], [600, 1200, 1], [1200, null, 0]]);
    const filtered = await get('boss', `${DAY}&outcome=busy`, '/api/reports/calls/stats');
    assert.deepEqual([filtered.body.calls, filtered.body.answerRate, filtered.body.avgTalkMs, filtered.body.causes], [1, 0, null, [{ cause: 17, name: 'User busy', calls: 1 }]]);
  });

  it('when a campaign\'s zone is off the whole hour (Kathmandu, UTC+5:45), then its calls count at their local hour', async () => {
    const k = app.services.repos.campaigns.create({ ...campaignDefaults('K', 'preview'), timezone: 'Asia/Kathmandu' }, s.t.boss.id, new Date()).id;
    for (const dial of ['2026-12-01T03:10:00Z', '2026-12-01T03:50:00Z']) { // 08:55 and 09:35 local
      app.services.repos.callRecords.insert({ flow: 'agent-first', attemptId: null, campaignId: k, contactId: null, agentId: null, phoneNumber: '+9771000000',
        dialAt: new Date(dial), answerAt: null, bridgeAt: null, endAt: new Date(Date.parse(dial) + 20_000), hangupCause: 19, dialStatus: 'NOANSWER',
        amdStatus: null, outcome: 'no_answer', endReason: 'not_reached', recordingName: null, answers: [] });
    }
    const r = await get('boss', `${DAY}&campaignId=${k}`, '/api/reports/calls/stats');
    assert.deepEqual(r.body.byHour.filter((h: any) => h.dialled > 0).map((h: any) => [h.hour, h.dialled]), [[8, 1], [9, 1]]);
  });

  it('when a campaign\'s zone changes to winter time in the range (Berlin), then each call counts at the hour its clock showed', async () => {
    const k = app.services.repos.campaigns.create({ ...campaignDefaults('Berlin', 'preview'), timezone: 'Europe/Berlin' }, s.t.boss.id, new Date()).id;
    for (const dial of ['2026-10-24T10:00:00Z', '2026-10-26T10:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) { // 12:00 CEST, 11:00 CET, 02:30 CEST, 02:30 CET
      app.services.repos.callRecords.insert({ flow: 'agent-first', attemptId: null, campaignId: k, contactId: null, agentId: null, phoneNumber: '+4930000000',
        dialAt: new Date(dial), answerAt: null, bridgeAt: null, endAt: new Date(Date.parse(dial) + 20_000), hangupCause: 19, dialStatus: 'NOANSWER',
        amdStatus: null, outcome: 'no_answer', endReason: 'not_reached', recordingName: null, answers: [] });
    }
    const r = await get('boss', `from=2026-10-24&to=2026-10-26&campaignId=${k}`, '/api/reports/calls/stats');
    assert.deepEqual(r.body.byHour.filter((h: any) => h.dialled > 0).map((h: any) => [h.hour, h.dialled]), [[2, 2], [11, 1], [12, 1]]);
  });

  it('when the query is malformed, then 400 naming the field', async () => {
    for (const [q, field] of [['from=2026-13-01&to=2026-12-01', 'from'], ['from=2026-12-02&to=2026-12-01', 'to'], ['from=2025-01-01&to=2026-12-01', 'to'],
      [`${DAY}&outcome=nope`, 'outcome'], [`${DAY}&cause=300`, 'cause'], [`${DAY}&number=abc`, 'number'], [`${DAY}&agentId=x`, 'agentId'], [`${DAY}&limit=0`, 'limit'],
      [`${DAY}&limit=abc`, 'limit'], [`${DAY}&offset=1.5`, 'offset'], [`${DAY}&page=0`, 'page'], [`${DAY}&bogus=1`, 'query']] as const) {
      const r = await get('boss', q);
      assert.deepEqual([r.status, r.body.error.field], [400, field], q);
    }
  });

  it('when a page is read over a range, then the plan walks an end-time index in order, with no sort of the whole range', async () => {
    const repo = (app.services.callLog as any).repo;
    const window = (campaignIds: number[] | 'none', startIso = '2026-12-01T00:00:00.000Z', endIso = '2026-12-02T00:00:00.000Z') => ({ campaignIds, startIso, endIso });
    const plans: Array<[string, string[], RegExp]> = [
      ['one campaign', repo.planOfPage({ windows: [window([s.a])] }), /call_records_campaign_end/],
      ['an agent', repo.planOfPage({ windows: [window([s.a, s.b]), window('none')], agentId: s.t.ann.id }), /call_records_(agent_end|end)/],
      ['every call', repo.planOfPage({ windows: [window([s.a], '2026-11-30T17:00:00.000Z', '2026-12-01T17:00:00.000Z'), window([s.b]), window('none')] }), /call_records_end/],
      ['an outcome over every call', repo.planOfPage({ windows: [window([s.a], '2026-11-30T17:00:00.000Z', '2026-12-01T17:00:00.000Z'), window([s.b]), window('none')], outcome: 'busy' }), /call_records_outcome_end/],
      ['one campaign and an outcome', repo.planOfPage({ windows: [window([s.a])], outcome: 'answered' }), /call_records_campaign_end/],
      ['an agent and an outcome', repo.planOfPage({ windows: [window([s.a, s.b]), window('none')], agentId: s.t.ann.id, outcome: 'answered' }), /call_records_(agent_end|end)/],
    ];
    for (const [what, plan, index] of plans) {
      assert.ok(plan.some((p) => index.test(p)), `${what}: ${plan.join(' | ')}`);
      assert.ok(!plan.some((p) => /TEMP B-TREE FOR ORDER BY/.test(p)), `${what} sorts: ${plan.join(' | ')}`);
    }
  });
});
