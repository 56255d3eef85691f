import assert from 'node:assert/strict';
import { EngineHarness } from './support/engine-harness';
import { startEngineHttp, type EngineHttp } from './support/engine-http';

/** The agent page's extra reads (script, progress, customer details) over HTTP, the engine on the simulator in virtual time. */
describe('the agent page API (script, progress, customer details)', function () {
  this.timeout(60_000);
  let h: EngineHarness;
  let api: EngineHttp;
  let ids: Record<string, number>;
  const call = (method: string, path: string, who: string, body?: unknown) => api.call(method, path, who, body);

  beforeEach(async () => {
    h = await EngineHarness.start({});
    api = await startEngineHttp(h, [['boss', 'owner', null], ['ann', 'agent', '1001'], ['ben', 'agent', '1002']]);
    ids = api.ids;
  });

  afterEach(async () => {
    await api.http.stop();
    await h.stop();
  });

  /** A preview campaign for ann with a script, a per-campaign quota and two customers with valid mobile numbers. */
  const previewCampaign = () => {
    const script = h.services.scripts.create({ id: ids.boss!, role: 'owner' }, {
      name: 'Sales', sharing: 'all_admins', guidance: 'Greet the customer by name.',
      questions: [{ kind: 'single_choice', text: 'Interested?', options: ['yes', 'no'] }],
    });
    const c = h.campaign({ dialingMode: 'preview', previewSeconds: 10, wrapUpSeconds: 600, agentIds: [ids.ann!], scriptId: script.id, quota: { kind: 'per_campaign', min: 1, max: 5 } });
    for (const [name, phone] of [['Lan', '0901234567'], ['Minh', '0901234568']] as const) h.leads.add({ campaignId: c.id, contactId: null, name, phones: [phone] }, h.clock.now());
    return { c, script };
  };

  it('when an agent asks for the script and progress of their campaign, then they get them; another agent gets 404', async () => {
    const { c, script } = previewCampaign();
    const got = await call('GET', `/api/agent/campaigns/${c.id}/script`, 'ann');
    assert.equal(got.status, 200);
    assert.deepEqual([got.body.id, got.body.guidance, got.body.questions.map((q: any) => [q.kind, q.text, q.options])],
      [script.id, 'Greet the customer by name.', [['single_choice', 'Interested?', ['yes', 'no']]]]);
    assert.equal((await call('GET', `/api/agent/campaigns/${c.id}/script`, 'ben')).status, 404);
    assert.equal((await call('GET', `/api/agent/campaigns/${c.id}/progress`, 'ben')).status, 404);
    assert.equal((await call('GET', `/api/agent/campaigns/${c.id}/script`, 'boss')).status, 403);
    const progress = await call('GET', `/api/agent/campaigns/${c.id}/progress`, 'ann');
    assert.deepEqual(progress.body, { quota: { kind: 'per_campaign', min: 1, max: 5 }, counted: 0, remaining: 5, calls: 0, talkMs: 0, dispositions: {} });
  });

  it('when an agent edits the current customer, then the contact changes; once the next customer came, the earlier one is read-only', async () => {
    const { c } = previewCampaign();
    await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ann');
    const first = (await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann')).body.customer;
    assert.equal((await call('GET', `/api/agent/attempts/${first.attemptId}/contact`, 'ben')).status, 404, 'not ben\'s customer');
    const shown = await call('GET', `/api/agent/attempts/${first.attemptId}/contact`, 'ann');
    assert.deepEqual([shown.status, shown.body.contact.name, shown.body.editable], [200, first.name, true]);
    const edited = await call('PATCH', `/api/agent/attempts/${first.attemptId}/contact`, 'ann', { email: 'lan@example.com', address: '12 Lý Thường Kiệt' });
    assert.deepEqual([edited.status, edited.body.contact.email, edited.body.contact.address], [200, 'lan@example.com', '12 Lý Thường Kiệt']);
    const stored = h.services.crm.repos.contacts.get(shown.body.contact.id)!;
    assert.deepEqual([stored.email, stored.address], ['lan@example.com', '12 Lý Thường Kiệt']);
    const bad = await call('PATCH', `/api/agent/attempts/${first.attemptId}/contact`, 'ann', { email: 'not an email' });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'email']);

    await call('POST', `/api/agent/campaigns/${c.id}/call-now`, 'ann');
    await h.run(() => h.engine.view(ids.ann!).call?.phase === 'connected', 60_000);
    await h.run(() => false, 5000);
    await call('POST', `/api/agent/campaigns/${c.id}/hangup`, 'ann');
    await h.run(() => h.engine.view(ids.ann!).awaitingDisposition, 10_000);
    assert.equal((await call('POST', `/api/agent/attempts/${first.attemptId}/disposition`, 'ann', { disposition: 'interested' })).status, 200);
    const progress = (await call('GET', `/api/agent/campaigns/${c.id}/progress`, 'ann')).body;
    assert.deepEqual([progress.counted, progress.remaining, progress.calls, progress.dispositions], [1, 4, 1, { interested: 1 }]);
    assert.ok(progress.talkMs > 0);

    const second = (await call('POST', `/api/agent/campaigns/${c.id}/next-customer`, 'ann')).body.customer;
    assert.notEqual(second.attemptId, first.attemptId);
    const earlier = await call('GET', `/api/agent/attempts/${first.attemptId}/contact`, 'ann');
    assert.deepEqual([earlier.status, earlier.body.editable], [200, false]);
    const refused = await call('PATCH', `/api/agent/attempts/${first.attemptId}/contact`, 'ann', { email: 'other@example.com' });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'E_TRANSITION_DENIED']);
    assert.equal(h.services.crm.repos.contacts.get(shown.body.contact.id)!.email, 'lan@example.com');
  });
});
