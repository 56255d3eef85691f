import assert from 'node:assert/strict';
import { EngineHarness } from './support/engine-harness';

/**
 * Inbound calls to the agents with the engine on the simulator in virtual time: a caller reaches dialer-inbound,
 * the engine picks an agent who is ON and free (longest idle first), their phone rings (1xxx answer, 9xxx never do),
 * the call view is pushed to them, and the call record names the agent and the contact known by the number.
 */
describe('inbound calls to the agents (engine on the simulator)', function () {
  this.timeout(90_000);
  let h: EngineHarness;

  beforeEach(async () => {
    h = await EngineHarness.start({ config: { inbound: { agentRingSeconds: 5, maxWaitSeconds: 40, retrySeconds: 2 } } });
  });

  afterEach(async () => { await h.stop(); });

  const records = () => h.rows('SELECT flow, agent_id, contact_id, phone_number, outcome, end_reason, bridge_at FROM call_records WHERE flow = ? ORDER BY id', 'inbound');
  const place = (callerNumber: string) => h.sim.control.placeInboundCall({ callerNumber, context: 'dialer-inbound', exten: '0281234567' });
  const views = (agentId: number) => h.messagesOf(agentId, 'call.view').map((m) => (m.call === null ? null : `${m.call.direction}:${m.call.state}:${m.call.contactName ?? m.call.number}`));
  const contact = (name: string, phone: string) => h.services.crm.contacts.create(h.owner, { name, phones: [phone] });

  it('when a known caller dials in and an agent is ON, then the agent rings with a screen-pop naming the contact, talks, and the record names both', async () => {
    const ann = h.agent('ann', '1001');
    const lan = contact('Lan Nguyen', '0912 345 678');
    const caller = place('0912345678');
    assert.ok(await h.run(() => h.engine.inbound.isBusy(ann) && views(ann).includes('inbound:talking:Lan Nguyen'), 30_000), 'the agent talks to the caller');
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000), 'the call record');
    const [r] = records();
    assert.deepEqual([r.agent_id, r.contact_id, r.phone_number, r.outcome, r.end_reason], [ann, lan.id, '0912345678', 'answered', 'customer_hangup']);
    assert.deepEqual(views(ann), ['inbound:ringing_agent:Lan Nguyen', 'inbound:talking:Lan Nguyen', 'inbound:ended:Lan Nguyen', 'inbound:ended:Lan Nguyen']);
    assert.equal(h.engine.inbound.isBusy(ann), false);
    // Save and close, as the pop-up does it: the note goes on the contact with the agent and the call.
    const callId = h.engine.inbound.current(ann)?.callRecordId;
    assert.ok(callId);
    const closed = h.services.clickToCall.close({ id: ann, role: 'agent' }, h.engine.inbound, 'asked about the invoice');
    assert.equal(closed.callRecordId, callId);
    assert.deepEqual(h.rows('SELECT contact_id, agent_id, call_record_id, body FROM contact_notes'), [{ contact_id: lan.id, agent_id: ann, call_record_id: callId, body: 'asked about the invoice' }]);
    assert.equal(h.engine.inbound.current(ann), null);
    assert.equal(h.messagesOf(ann, 'call.view').at(-1)?.call, null);
  });

  it('when the agent presses End on the inbound call, then the caller is released and the record says the agent hung up', async () => {
    const ann = h.agent('ann', '1001');
    place('0912345678');
    assert.ok(await h.run(() => h.engine.inbound.current(ann)?.state === 'talking', 30_000));
    h.engine.inbound.hangup(ann);
    assert.ok(await h.run(() => records().length === 1, 30_000));
    assert.equal(records()[0].end_reason, 'agent_hangup');
    assert.throws(() => h.services.clickToCall.close({ id: 999, role: 'agent' }, h.engine.inbound, ''), /no call open/);
  });

  it('when the caller is unknown, then the screen-pop shows the number and the record has no contact', async () => {
    const ann = h.agent('ann', '1001');
    const caller = place('0987654321');
    assert.ok(await h.run(() => views(ann).includes('inbound:talking:0987654321'), 30_000));
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000));
    assert.equal(records()[0].contact_id, null);
  });

  it('when every agent is OFF, then nobody rings and the caller hears the closing message (no_agent)', async () => {
    const ann = h.agent('ann', '1001');
    h.rows('UPDATE users SET lead_receiving = 0 WHERE id = ? RETURNING id', ann);
    place('0912345678');
    assert.ok(await h.run(() => records().length === 1, 30_000));
    assert.deepEqual([records()[0].agent_id, records()[0].end_reason, records()[0].outcome], [null, 'no_agent', 'abandoned']);
    assert.deepEqual(h.engine.inbound.figures(h.clock.now()), { waiting: 0, longestWaitSeconds: 0, answered: 0, abandoned: 0, unanswered: 1, agents: [] });
    assert.deepEqual(views(ann), []);
  });

  it('when the longest idle agent does not answer, then the next agent rings and takes the call; the first one\'s pop-up is withdrawn', async () => {
    const deaf = h.agent('deaf', '9001');
    const bob = h.agent('bob', '1002');
    const caller = place('0912345678');
    assert.ok(await h.run(() => views(bob).includes('inbound:talking:0912345678'), 40_000), 'the second agent talks');
    assert.deepEqual(views(deaf), ['inbound:ringing_agent:0912345678', null]);
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000));
    assert.equal(records()[0].agent_id, bob);
    assert.equal(h.engine.inbound.figures(h.clock.now()).answered, 1);
  });

  it('when the caller hangs up while the agent rings, then it is a missed call (queue_hangup) and the agent is free again', async () => {
    const deaf = h.agent('deaf', '9001');
    const caller = place('0912345678');
    assert.ok(await h.run(() => h.engine.inbound.isBusy(deaf), 30_000), 'the agent rung');
    await h.run(() => false, 3000);
    const live = h.engine.inbound.figures(h.clock.now());
    assert.deepEqual([live.waiting, live.agents], [1, [{ agentId: deaf, onInbound: true }]]);
    assert.ok(live.longestWaitSeconds >= 3, `waited ${live.longestWaitSeconds} s`);
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000));
    assert.deepEqual([records()[0].end_reason, records()[0].agent_id, records()[0].bridge_at], ['queue_hangup', null, null]);
    assert.equal(h.engine.inbound.isBusy(deaf), false);
    assert.deepEqual(h.engine.inbound.figures(h.clock.now()), { waiting: 0, longestWaitSeconds: 0, answered: 0, abandoned: 1, unanswered: 0, agents: [{ agentId: deaf, onInbound: false }] });
    assert.deepEqual(views(deaf), ['inbound:ringing_agent:0912345678', null]);
  });

  it('when the only ON agent is on a click-to-call, then the caller waits in the queue without ringing them', async () => {
    const ann = h.agent('ann', '1001');
    const c2c = h.engine.calls.start({ agentId: ann, receiving: true, contactId: null, contactName: null, number: '0901234567', dial: '0901234567' });
    assert.equal(c2c.state, 'ringing_agent');
    const caller = place('0912345678');
    await h.run(() => false, 8000);
    assert.equal(h.engine.calls.isLive(ann), true, 'the click-to-call still goes on');
    assert.deepEqual(views(ann).filter((v) => v?.startsWith('inbound')), []);
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000));
    assert.deepEqual([records()[0].agent_id, records()[0].end_reason], [null, 'queue_hangup']);
  });

  it('when callers ask for a callback, then the lead in the callback campaign is tied to the contact known by the number, or to a new one', async () => {
    const a = h.agent('cal', '1001');
    const c = h.campaign({ dialingMode: 'callback', agentIds: [a] });
    const lan = contact('Lan Nguyen', '0912 345 678');
    h.engine.onCallbackRequest('0912345678', h.clock.now());
    h.engine.onCallbackRequest('0987 654 321', h.clock.now());
    const leads = h.leadsOf(c.id);
    assert.deepEqual(leads.map((l) => [l.phones[0], l.name]), [['+84912345678', 'Lan Nguyen'], ['+84987654321', '']]);
    assert.equal(leads[0]!.contactId, lan.id);
    const created = h.rows('SELECT c.id, c.source, c.owner_id, p.e164 FROM contacts c JOIN contact_phones p ON p.contact_id = c.id WHERE c.id = ?', leads[1]!.contactId);
    assert.deepEqual(created, [{ id: leads[1]!.contactId, source: 'callback request', owner_id: null, e164: '+84987654321' }]);
  });

  it('when a caller hung up in the queue, then the supervisor sees the missed call and can send it to the callback campaign once, as a lead tied to the contact', async () => {
    const a = h.agent('cal', '9001');
    const c = h.campaign({ dialingMode: 'callback', agentIds: [a] });
    const lan = contact('Lan Nguyen', '0912 345 678');
    const caller = place('0912345678');
    assert.ok(await h.run(() => h.engine.inbound.figures(h.clock.now()).waiting === 1, 30_000));
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000));
    const missed = h.services.missedCalls;
    const [call] = missed.list(h.owner, 10);
    assert.deepEqual([call?.phoneNumber, call?.contactId, call?.contactName, call?.sentAt], ['0912345678', lan.id, 'Lan Nguyen', null]);
    assert.throws(() => missed.list({ id: a, role: 'agent' }, 10), /only supervisors/);
    const sent = missed.sendToCallback(h.owner, call!.callRecordId, () => h.engine.callbacksQueued());
    assert.ok(sent.sentAt);
    assert.throws(() => missed.sendToCallback(h.owner, call!.callRecordId), /sent to the callback campaign already/);
    assert.throws(() => missed.sendToCallback(h.owner, 999_999), /not found/i);
    const leads = h.leadsOf(c.id);
    assert.deepEqual(leads.map((l) => [l.phones[0], l.contactId, l.name]), [['+84912345678', lan.id, 'Lan Nguyen']]);
  });

  it('when an agent joined to a campaign is ready and idle, then they take the inbound call, are not ready in the campaign meanwhile, and ready again after', async () => {
    const ann = h.agent('ann', '1001');
    const c = h.campaign({ dialingMode: 'progressive', agentIds: [ann] });
    h.engine.join(ann, c.id);
    h.engine.ready(ann, c.id);
    assert.equal(h.engine.view(ann).state.kind, 'ready');
    const caller = place('0912345678');
    assert.ok(await h.run(() => h.engine.inbound.current(ann)?.state === 'talking', 30_000), 'the joined agent talks to the caller');
    const held = h.engine.view(ann).state as { kind: string; reason?: string };
    assert.deepEqual([held.kind, held.reason], ['not_ready', 'inbound call']);
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000));
    assert.equal(h.engine.view(ann).state.kind, 'ready');
  });

  it('when the only ON agent is not ready in their campaign, then they are not rung', async () => {
    const ann = h.agent('ann', '1001');
    const c = h.campaign({ dialingMode: 'progressive', agentIds: [ann] });
    h.engine.join(ann, c.id);
    const caller = place('0912345678');
    await h.run(() => false, 6000);
    assert.equal(h.engine.inbound.isBusy(ann), false);
    assert.equal(h.engine.inbound.figures(h.clock.now()).waiting, 1);
    h.sim.control.hangUpFarEnd(caller);
    assert.ok(await h.run(() => records().length === 1, 30_000));
  });
});

