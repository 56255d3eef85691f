import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../support/test-app';
import { seedCustomers, type SeededCustomers, type Who } from './seed-customers';

describe('customer results report', () => {
  let app: TestApp;
  let s: SeededCustomers;
  const get = (who: Who, query: string, path = '/api/reports/customers') => app.request('GET', `${path}?${query}`, { token: s.t[who].token });
  const ids = (body: any) => body.items.map((x: any) => x.entryId);
  const A = () => `campaignId=${s.a}`;

  beforeEach(async () => {
    app = await startTestApp();
    s = await seedCustomers(app);
  });
  afterEach(async () => { await app.close(); });

  it('when the owner asks for a campaign, then one row per contact, in list order, with phones, figures and the script answers as columns', async () => {
    const r = await get('boss', A());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { e, q } = s;
    assert.deepEqual(ids(r.body), [e.cmd, e.binh, e.an, e.chi]);
    assert.deepEqual(r.body.byStatus, { success: 1, callback_scheduled: 1, not_started: 1, failed_will_retry: 1 });
    assert.deepEqual((await get('boss', `${A()}&status=success&agentId=${s.t.ann.id}`)).body.byStatus, { success: 1, callback_scheduled: 1, failed_will_retry: 1 },
      'the counts leave the status filter out, keep the others');
    assert.deepEqual([r.body.campaignId, r.body.campaignName, r.body.total, r.body.totalExact, r.body.limit, r.body.offset], [s.a, 'A', 4, true, 50, 0]);
    assert.deepEqual(r.body.columns, [
      { questionId: q.budget, text: 'Budget?' }, { questionId: q.interest, text: '=Interested?' }, { questionId: q.products, text: 'Products' }]);
    const cmd = r.body.items[0];
    assert.deepEqual(cmd, {
      entryId: e.cmd, contactId: cmd.contactId, name: '=cmd()', phone: '+84912345678', phones: ['+84912345678', '+84287654321'], status: 'success',
      attempts: 2, lastCallAt: '2026-12-02T02:00:00.000Z', lastOutcome: 'answered', lastDisposition: 'closed_deal', callbackAt: null,
      agentId: s.t.ann.id, agentName: 'ann',
      answers: { [q.budget]: '10 triệu', [q.interest]: 'Yes', [q.products]: 'A; B' },
    }, 'the latest answer of each question, several choices joined, a deleted question left out');
    const binh = r.body.items[1];
    assert.deepEqual([binh.status, binh.lastDisposition, binh.callbackAt, binh.answers], ['callback_scheduled', 'callback', '2026-12-03T02:00:00.000Z', {}]);
    const an = r.body.items[2];
    assert.deepEqual([an.attempts, an.lastCallAt, an.lastOutcome, an.agentId, an.agentName, an.answers], [0, null, null, null, null, {}]);
    assert.equal(r.body.items[3].lastCallAt, '2026-11-30T18:00:00.000Z', 'the latest of three attempts');
  });

  it('when filtered by status, disposition, agent or the day of the last call, then only the contacts that match', async () => {
    const { e } = s;
    const cases: Array<[string, number[]]> = [
      ['status=success', [e.cmd]], ['status=paused', []], ['disposition=callback', [e.binh]], [`agentId=${s.t.ann.id}`, [e.cmd, e.binh, e.chi]],
      [`agentId=${s.t.ben.id}`, []], ['from=2026-12-01&to=2026-12-01', [e.binh, e.chi]], ['from=2026-12-02', [e.cmd]], ['to=2026-11-30', []],
      [`status=success&agentId=${s.t.ann.id}&from=2026-12-02&to=2026-12-02`, [e.cmd]],
    ];
    for (const [query, want] of cases) {
      const r = await get('boss', `${A()}&${query}`);
      assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body)}`);
      assert.deepEqual([ids(r.body), r.body.total], [want, want.length], query);
    }
    const backwards = await get('boss', `${A()}&from=2026-12-02&to=2026-12-01`);
    assert.deepEqual([backwards.status, backwards.body.error.field], [400, 'to']);
    for (const [query, field] of [['status=happy', 'status'], ['disposition=maybe', 'disposition'], ['from=1.12.2026', 'from'], ['sort=phone', 'sort'], ['order=up', 'order']]) {
      const bad = await get('boss', `${A()}&${query}`);
      assert.deepEqual([bad.status, bad.body.error.field], [400, field], query);
    }
    const none = await get('boss', 'status=success');
    assert.deepEqual([none.status, none.body.error.field], [400, 'campaignId'], 'the campaign is required');
  });

  it('when sorted by name, status, attempts or last call either way, then the rows in that order (ties by entry), paged', async () => {
    const { e } = s;
    const cases: Array<[string, number[]]> = [
      ['sort=name', [e.cmd, e.an, e.binh, e.chi]], ['sort=name&order=desc', [e.chi, e.binh, e.an, e.cmd]],
      ['sort=status', [e.binh, e.chi, e.an, e.cmd]], ['sort=attempts', [e.an, e.binh, e.cmd, e.chi]],
      ['sort=attempts&order=desc', [e.chi, e.cmd, e.binh, e.an]], ['sort=lastCallAt', [e.an, e.chi, e.binh, e.cmd]],
      ['sort=lastCallAt&order=desc', [e.cmd, e.binh, e.chi, e.an]], ['sort=id&order=desc', [e.chi, e.an, e.binh, e.cmd]],
    ];
    for (const [query, want] of cases) assert.deepEqual(ids((await get('boss', `${A()}&${query}`)).body), want, query);
    const page = await get('boss', `${A()}&sort=attempts&limit=2&offset=2`);
    assert.deepEqual([ids(page.body), page.body.total, page.body.limit, page.body.offset], [[e.cmd, e.chi], 4, 2, 2]);
    const past = await get('boss', `${A()}&limit=2&offset=10`);
    assert.deepEqual([past.body.items, past.body.total], [[], 4]);
    const repo = (app.services.customerResults as any).repo;
    for (const [sort, index] of [['attempts', 'campaign_contacts_attempts'], ['lastCallAt', 'campaign_contacts_last_call'], ['status', 'campaign_contacts_callable']] as const) {
      const plan = repo.planOfPage({ campaignId: s.a }, { sort, order: 'desc' }).join(' | ');
      assert.match(plan, new RegExp(index), `${sort}: ${plan}`);
      assert.doesNotMatch(plan, /TEMP B-TREE/, `${sort} walks its index in order: ${plan}`);
    }
  });

  it('when a row\'s history is asked for, then every attempt with its answers and every call with its recording, oldest first', async () => {
    const r = await get('sue', '', `/api/reports/customers/${s.e.cmd}/history`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const h = r.body;
    assert.deepEqual([h.campaignId, h.campaignName, h.customer.entryId, h.customer.name, h.columns.length], [s.a, 'A', s.e.cmd, '=cmd()', 3]);
    assert.deepEqual(h.attempts.map((x: any) => [x.id, x.dialingAt, x.outcome, x.disposition, x.agentName, x.phoneNumber]), [
      [s.att.first, '2026-12-01T01:00:00.000Z', 'no_answer', null, 'ann', '+84912345678'],
      [s.att.second, '2026-12-02T02:00:00.000Z', 'answered', 'closed_deal', 'ann', '+84912345678']]);
    assert.deepEqual(h.attempts[0].answers, [{ questionId: s.q.budget, question: 'Budget?', value: '5 triệu' }]);
    assert.deepEqual(h.attempts[1].answers, [
      { questionId: s.q.budget, question: 'Budget?', value: '10 triệu' }, { questionId: s.q.interest, question: '=Interested?', value: 'Yes' },
      { questionId: s.q.products, question: 'Products', value: 'A; B' }, { questionId: 999, question: null, value: 'a question since deleted' }]);
    assert.deepEqual(h.calls.map((c: any) => [c.id, c.attemptId, c.outcome, c.agentName, c.recordingName, c.hasRecording, c.endAt]),
      [[s.call, s.att.second, 'answered', 'ann', 'dialer-cmd-2', true, '2026-12-02T02:01:00.000Z']], 'the agent line is not a call of the contact');
    const an = await get('boss', '', `/api/reports/customers/${s.e.an}/history`);
    assert.deepEqual([an.status, an.body.attempts, an.body.calls], [200, [], []]);
    const missing = await get('boss', '', '/api/reports/customers/999999/history');
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'E_NOT_FOUND']);
  });

  it('when an admin asks for a campaign they neither created nor manage, then 403 for the table, the history and the export, never an empty table', async () => {
    assert.equal((await get('sue', A())).status, 200);
    for (const [who, query, path] of [
      ['sue', `campaignId=${s.b}`, '/api/reports/customers'], ['sue', '', `/api/reports/customers/${s.e.dung}/history`],
      ['sue', `campaignId=${s.b}&format=xlsx`, '/api/reports/customers/export'], ['max', A(), '/api/reports/customers'],
      ['max', '', `/api/reports/customers/${s.e.cmd}/history`], ['max', `${A()}&format=csv`, '/api/reports/customers/export'],
    ] as Array<[Who, string, string]>) {
      const r = await get(who, query, path);
      assert.deepEqual([r.status, r.body.error.code], [403, 'E_FORBIDDEN'], `${who} ${path}?${query}`);
      assert.match(r.body.error.message, /may not see the reports of this campaign/);
    }
    app.services.db.prepare('INSERT INTO campaign_managers (campaign_id, user_id) VALUES (?, ?)').run(s.b, s.t.max.id);
    assert.deepEqual(ids((await get('max', `campaignId=${s.b}`)).body), [s.e.dung], 'a manager sees the campaign');
    const missing = await get('boss', 'campaignId=999');
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'E_NOT_FOUND']);
  });

  it('when an agent asks, then 403: agents have their own performance and call log, not the campaign\'s customers', async () => {
    for (const path of [`/api/reports/customers?${A()}`, `/api/reports/customers/${s.e.cmd}/history`, `/api/reports/customers/export?${A()}`]) {
      const r = await app.request('GET', path, { token: s.t.ann.token });
      assert.deepEqual([r.status, r.body.error.code], [403, 'E_FORBIDDEN'], path);
    }
    assert.equal((await app.request('GET', `/api/reports/customers?${A()}`)).status, 401);
  });

  it('when an attempt is dialled, then the entry\'s last call moves with it (a later dial only)', async () => {
    const db = app.services.db;
    const id = Number(db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, contact_id, agent_id, mode, state, claimed_at)
      VALUES (?, ?, NULL, NULL, 'preview', 'claimed', '2026-12-05T00:00:00.000Z')`).run(s.a, s.e.an).lastInsertRowid);
    const last = (entry: number) => (db.prepare('SELECT last_call_at AS v FROM campaign_contacts WHERE id = ?').get(entry) as { v: string | null }).v;
    assert.equal(last(s.e.an), null, 'claimed, not dialled');
    db.prepare("UPDATE dial_attempts SET state = 'dialing', dialing_at = '2026-12-05T00:00:01.000Z' WHERE id = ?").run(id);
    assert.equal(last(s.e.an), '2026-12-05T00:00:01.000Z');
    db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, mode, state, claimed_at, dialing_at) VALUES (?, ?, 'preview', 'ended', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:01.000Z')`)
      .run(s.a, s.e.an);
    assert.equal(last(s.e.an), '2026-12-05T00:00:01.000Z', 'an older attempt written late does not move it back');
    assert.deepEqual(ids((await get('boss', `${A()}&sort=lastCallAt&order=desc&limit=1`)).body), [s.e.an]);
  });
});
