import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { topicAuthorizer } from '../../src/api/topic-authorizer';
import { WsHub } from '../../src/api/ws-hub';
import { createLogger } from '../../src/logger';
import { EngineHarness } from './support/engine-harness';
import { startEngineHttp, type EngineHttp } from './support/engine-http';

const log = createLogger({ level: 'error', console: false });

/** The agent page's API over HTTP, with the engine on the simulator in virtual time behind it. */
describe('the agent and supervisor API over HTTP', function () {
  this.timeout(60_000);
  let h: EngineHarness;
  let api: EngineHttp;
  let http: EngineHttp['http'];
  let hub: WsHub;
  let tokens: Record<string, string>;
  let ids: Record<string, number>;
  const call = (method: string, path: string, who?: string, body?: unknown) => api.call(method, path, who, body);

  beforeEach(async () => {
    h = await EngineHarness.start({});
    const s = h.services;
    api = await startEngineHttp(h, [['boss', 'owner', null], ['ann', 'agent', '1001'], ['ben', 'agent', '1002'], ['sue', 'admin', null]]);
    ({ http, tokens, ids } = api);
    hub = new WsHub({ server: http.server, auth: s.auth, log, authorizeTopic: topicAuthorizer(s.campaigns) });
    h.forward = { toUser: (u, m) => { hub.sendToUser(u, m); }, toTopic: (t, m) => { hub.publish(t, m); }, isWatched: (t) => hub.isFollowed(t) };
  });

  afterEach(async () => {
    hub.close();
    await http.stop();
    await h.stop();
  });

  const previewCampaign = () => {
    const script = h.services.scripts.create({ id: ids.boss!, role: 'owner' }, {
      name: 'Sales', sharing: 'all_admins', questions: [{ kind: 'single_choice', text: 'Interested?', options: ['yes', 'no'] }, { kind: 'free_text', text: 'Notes', options: [] }],
    });
    const c = h.campaign({ dialingMode: 'preview', previewSeconds: 10, agentIds: [ids.ann!], scriptId: script.id });
    h.addLeads(c.id, ['09010001']);
    return { c, script };
  };

  it('when the wrong people call, then 401 without a session, 403 for non-agents and for agents on supervisor routes, 404 for a campaign not theirs', async () => {
    const { c } = previewCampaign();
    assert.equal((await call('GET', '/api/agent/state')).status, 401);
    assert.equal((await call('POST', `/api/agent/campaigns/${c.id}/join`, 'boss')).status, 403);
    assert.equal((await call('GET', `/api/campaigns/${c.id}/live`, 'ann')).status, 403);
    const notTheirs = await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ben');
    assert.deepEqual([notTheirs.status, notTheirs.body.error.code], [404, 'E_NOT_FOUND']);
    assert.deepEqual((await call('GET', '/api/agent/campaigns', 'ben')).body, []);
    const bad = await call('POST', `/api/agent/campaigns/${c.id}/not-ready`, 'ann', { reason: '' });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'reason']);
  });

  it('when an agent works a preview customer over HTTP, then each step answers the new view and the WebSocket follows', async () => {
    const { c, script } = previewCampaign();
    const ws = new WebSocket(http.url.replace('http', 'ws') + '/ws', { headers: { authorization: `Bearer ${tokens.ann}` } });
    const pushed: any[] = [];
    ws.on('message', (d) => pushed.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.once('open', r));

    assert.deepEqual((await call('GET', '/api/agent/campaigns', 'ann')).body.map((x: any) => [x.id, x.mode, x.joined]), [[c.id, 'preview', false]]);
    const joined = await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ann');
    assert.deepEqual([joined.status, joined.body.state.kind, joined.body.state.reason], [200, 'not_ready', 'joined']);
    const ready = (await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann')).body;
    assert.equal(ready.state.kind, 'previewing');
    assert.equal(ready.countdown.kind, 'preview');
    assert.equal(Date.parse(ready.countdown.deadline) - h.clock.now().getTime(), 10_000, 'the countdown is a deadline 10 s ahead');
    assert.deepEqual([ready.customer.name, ready.customer.phones], ['Customer 1', ['09010001']]);
    assert.deepEqual([ready.allowed.callNow, ready.allowed.skip], [true, false]);
    const skip = await call('POST', `/api/agent/campaigns/${c.id}/skip`, 'ann');
    assert.deepEqual([skip.status, skip.body.error.code], [409, 'E_TRANSITION_DENIED'], 'no skip in preview');

    const attemptId = ready.customer.attemptId;
    const [q1, q2] = script.questions;
    const saved = await call('PUT', `/api/agent/attempts/${attemptId}/answers`, 'ann', { answers: [{ questionId: q1!.id, value: 'yes' }, { questionId: q2!.id, value: 'call after 5' }] });
    assert.deepEqual(saved.body, [{ questionId: q1!.id, value: 'yes' }, { questionId: q2!.id, value: 'call after 5' }]);
    const wrongOption = await call('PUT', `/api/agent/attempts/${attemptId}/answers`, 'ann', { answers: [{ questionId: q1!.id, value: 'maybe' }] });
    assert.deepEqual([wrongOption.status, wrongOption.body.error.field], [400, 'answers.0']);

    assert.equal((await call('POST', `/api/agent/campaigns/${c.id}/call-now`, 'ann')).body.state.kind, 'ringing');
    await h.run(() => h.engine.view(ids.ann!).call?.phase === 'connected', 60_000);
    const live = await call('GET', `/api/campaigns/${c.id}/live`, 'boss');
    assert.deepEqual([live.status, live.body.agents[0].state, live.body.calls.talking], [200, 'talking', 1]);
    const early = await call('POST', `/api/agent/attempts/${attemptId}/disposition`, 'ann', { disposition: 'interested' });
    assert.equal(early.status, 409, 'no disposition while the call goes on');

    const hungUp = await call('POST', `/api/agent/campaigns/${c.id}/hangup`, 'ann');
    assert.equal(hungUp.status, 200);
    await h.run(() => h.engine.view(ids.ann!).state.kind === 'wrap_up', 10_000);
    assert.deepEqual(h.rows('SELECT end_reason FROM call_records WHERE attempt_id = ?', attemptId), [{ end_reason: 'agent_hangup' }], 'the agent ended it');
    const past = await call('POST', `/api/agent/attempts/${attemptId}/disposition`, 'ann', { disposition: 'callback', callbackAt: new Date(h.clock.now().getTime() - 1000).toISOString() });
    assert.deepEqual([past.status, past.body.error.code, past.body.error.field], [400, 'E_VALIDATION', 'callbackAt']);
    const callbackAt = new Date(h.clock.now().getTime() + 3600_000).toISOString();
    const disposed = await call('POST', `/api/agent/attempts/${attemptId}/disposition`, 'ann', { disposition: 'callback', callbackAt });
    assert.deepEqual([disposed.status, disposed.body.status, disposed.body.view.awaitingDisposition], [200, 'callback_scheduled', false]);

    const customers = (await call('GET', `/api/agent/campaigns/${c.id}/customers`, 'ann')).body;
    assert.deepEqual(customers.map((x: any) => [x.attemptId, x.outcome, x.disposition, x.callbackAt, x.access]), [[attemptId, 'answered', 'callback', callbackAt, 'active']]);
    const state = (await call('GET', '/api/agent/state', 'ann')).body;
    assert.equal(state.state.kind, 'wrap_up');
    const kinds = pushed.filter((m) => m.type === 'agent.view').map((m) => m.view.state.kind);
    for (const k of ['not_ready', 'previewing', 'ringing', 'talking', 'wrap_up']) assert.ok(kinds.includes(k), `pushed ${k}`);
    assert.ok(pushed.some((m) => m.type === 'agent.event' && m.event === 'call_connected'));
    ws.close();
  });

  it('when a callback comes due while the agent is away, then their page reads it on loading until the customer is called back', async () => {
    const { c } = previewCampaign();
    await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ann');
    const attemptId = (await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann')).body.customer.attemptId;
    await call('POST', `/api/agent/campaigns/${c.id}/call-now`, 'ann');
    await h.run(() => h.engine.view(ids.ann!).call?.phase === 'connected', 60_000);
    await call('POST', `/api/agent/campaigns/${c.id}/hangup`, 'ann');
    await h.run(() => h.engine.view(ids.ann!).state.kind === 'wrap_up', 10_000);
    const callbackAt = new Date(h.clock.now().getTime() + 3600_000).toISOString();
    assert.equal((await call('POST', `/api/agent/attempts/${attemptId}/disposition`, 'ann', { disposition: 'callback', callbackAt })).status, 200);
    await h.run(() => h.engine.view(ids.ann!).state.kind !== 'wrap_up', 60_000);
    assert.equal((await call('POST', `/api/agent/campaigns/${c.id}/leave`, 'ann')).status, 200);
    assert.deepEqual((await call('GET', '/api/agent/reminders', 'ann')).body, [], 'nothing due yet');

    // Nobody is connected when the reminder fires.
    await h.run(() => h.rows<any>('SELECT reminded_at FROM dial_attempts WHERE id = ?', attemptId)[0].reminded_at !== null, 2 * 3600_000);
    const due = await call('GET', '/api/agent/reminders', 'ann');
    assert.deepEqual(due.body, [{ type: 'agent.reminder', campaignId: c.id, attemptId, leadId: due.body[0]?.leadId, name: 'Customer 1', phones: ['09010001'], callbackAt }]);
    assert.deepEqual((await call('GET', '/api/agent/reminders', 'ben')).body, [], 'only the agent who set it');
    assert.equal((await call('GET', '/api/agent/reminders', 'boss')).status, 403);

    await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ann');
    const back = (await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann')).body;
    assert.equal(back.customer?.leadId, due.body[0]?.leadId, 'the callback customer comes back to the agent');
    assert.deepEqual((await call('GET', '/api/agent/reminders', 'ann')).body, [], 'called back: no longer due');
  });

  it('when a supervisor follows a running campaign, then a coalesced live snapshot arrives after changes', async () => {
    const { c } = previewCampaign();
    const ws = new WebSocket(http.url.replace('http', 'ws') + '/ws', { headers: { authorization: `Bearer ${tokens.sue}` } });
    const pushed: any[] = [];
    ws.on('message', (d) => pushed.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'subscribe', topic: `campaign:${c.id}` }));
    const until = async (test: () => boolean) => { for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 5)); };
    await until(() => pushed.some((m) => m.type === 'subscribed'));
    await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ann');
    await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann');
    await h.run(() => false, 1000);
    await until(() => pushed.some((m) => m.type === 'campaign.live'));
    const lives = pushed.filter((m) => m.type === 'campaign.live');
    assert.equal(lives.length, 1, 'one snapshot for the burst of changes');
    assert.deepEqual(lives[0].snapshot.agents.map((a: any) => [a.agentId, a.state]), [[ids.ann, 'previewing']]);
    assert.deepEqual(lives[0].snapshot.list, { in_progress: 1 });
    ws.close();
  });
});
