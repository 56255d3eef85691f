import assert from 'node:assert/strict';
import { EngineHarness, type Message } from './support/engine-harness';

const expectRefused = (fn: () => unknown, code: string): void => {
  assert.throws(fn, (err: any) => err.code === code);
};

describe('dialing modes through the ARI simulator', function () {
  this.timeout(60_000);
  let h: EngineHarness;
  afterEach(async () => { await h?.stop(); });

  it('when an agent works manual mode, then customers come only on request, may be skipped, and the agent picks the number', async () => {
    h = await EngineHarness.start({});
    const a = h.agent('manny', '1001');
    const c = h.campaign({ dialingMode: 'manual', agentIds: [a], retryMinutes: 30 });
    const [first] = h.addLeads(c.id, ['09020001']);
    h.engine.join(a, c.id);
    assert.equal(h.engine.ready(a, c.id).state.kind, 'ready', 'no customer comes by itself');
    const view = h.engine.nextCustomer(a, c.id);
    assert.deepEqual([view.customer!.leadId, view.state.kind, view.countdown, view.allowed.skip, view.allowed.chooseNumber], [first, 'previewing', null, true, true]);
    h.engine.skip(a, c.id);
    const skipped = h.leads.get(first!)!;
    assert.deepEqual([skipped.status, skipped.attempts, skipped.lastDisposition], ['not_started', 0, 'skip']);
    assert.equal(skipped.nextCallAt!.getTime() - h.clock.now().getTime(), 30 * 60_000, 'a skipped contact rests for the retry minutes');
    assert.equal(h.engine.view(a).state.kind, 'ready');
    expectRefused(() => h.engine.nextCustomer(a, c.id), 'E_CONFLICT');
    const second = h.leads.add({ campaignId: c.id, contactId: null, name: 'Two numbers', phones: ['09020002', '09010003'] }, h.clock.now()).id;
    assert.equal(h.engine.nextCustomer(a, c.id).customer!.leadId, second);
    expectRefused(() => h.engine.callNow(a, c.id, 2), 'E_TRANSITION_DENIED');
    h.engine.callNow(a, c.id, 1);
    await h.run(() => h.engine.view(a).call?.phase === 'connected', 60_000);
    const attempt = h.rows<any>('SELECT phone_number FROM dial_attempts WHERE lead_id = ? AND dialing_at IS NOT NULL', second)[0];
    assert.equal(attempt.phone_number, '09010003', 'the number the agent chose was dialled');
    h.engine.hangup(a, c.id);
    await h.run(() => h.engine.view(a).state.kind === 'ready', 60_000);
    assert.equal(h.engine.view(a).customer?.leadId, second, 'after wrap-up no new customer comes in manual mode');
  });

  it('when the preview countdown reaches zero, then the call starts by itself; call-now starts it earlier', async () => {
    h = await EngineHarness.start({});
    const a = h.agent('pia', '1001');
    const c = h.campaign({ dialingMode: 'preview', previewSeconds: 8, agentIds: [a], wrapUpSeconds: 2 });
    h.addLeads(c.id, ['09020001', '09020002']);
    h.engine.join(a, c.id);
    const t0 = h.clock.now().getTime();
    h.engine.ready(a, c.id);
    await h.run(() => h.engine.view(a).state.kind === 'ringing', 60_000);
    assert.equal(h.clock.now().getTime() - t0, 8000, 'dialled when the countdown ended');
    await h.run(() => h.engine.view(a).state.kind === 'previewing', 60_000);
    const t1 = h.clock.now().getTime();
    await h.run(() => false, 3000);
    h.engine.callNow(a, c.id);
    assert.equal(h.engine.view(a).state.kind, 'ringing');
    assert.equal(h.clock.now().getTime() - t1, 3000);
  });

  it('when an agent reaches the maximum quota, then no new customer comes and earlier customers behave as in manual mode', async () => {
    h = await EngineHarness.start({});
    const a = h.agent('quinn', '1001');
    const c = h.campaign({ dialingMode: 'progressive', agentIds: [a], wrapUpSeconds: 2, quota: { kind: 'per_campaign', min: null, max: 2 } });
    h.addLeads(c.id, ['09070001', '09070002', '09070003']);
    h.bot(a, (m: Message) => {
      if (m.type === 'agent.view' && m.view.allowed.dispose) try { h.engine.dispose(a, m.view.customer.attemptId, 'interested'); } catch { /* moved on */ }
    });
    h.engine.join(a, c.id);
    h.engine.ready(a, c.id);
    await h.run(() => h.engine.view(a).atMaxQuota && h.engine.view(a).state.kind === 'ready', 120_000);
    expectRefused(() => h.engine.nextCustomer(a, c.id), 'E_CONFLICT');
    assert.equal(h.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts')[0].n, 2, 'only two customers were handed over');
    assert.deepEqual(h.engine.customers(a, c.id).map((x) => x.access), ['manual', 'active']);
    assert.ok(h.messagesOf(a, 'agent.event').some((m) => m.event === 'quota_reached'));
  });

  it('when an earlier customer is in manual access, then the agent may call them again at once on the number they choose, within the rules', async () => {
    h = await EngineHarness.start({});
    const a = h.agent('rita', '1001');
    const c = h.campaign({ dialingMode: 'progressive', agentIds: [a], wrapUpSeconds: 2, retryMinutes: 30, quota: { kind: 'per_campaign', min: null, max: 2 } });
    const busy = h.leads.add({ campaignId: c.id, contactId: null, name: 'Busy, then reached', phones: ['09020001', '09010009'] }, h.clock.now()).id;
    h.bot(a, (m: Message) => {
      if (m.type === 'agent.view' && m.view.allowed.dispose) try { h.engine.dispose(a, m.view.customer.attemptId, 'interested'); } catch { /* moved on */ }
    });
    h.engine.join(a, c.id);
    h.engine.ready(a, c.id);
    await h.run(() => h.leads.get(busy)!.status === 'failed_will_retry', 120_000);
    h.addLeads(c.id, ['09070002', '09070003']);
    await h.run(() => h.engine.view(a).atMaxQuota && h.engine.view(a).state.kind === 'ready', 120_000);
    // The quota counts reached customers: the busy one did not count.
    const customers = h.engine.customers(a, c.id);
    assert.deepEqual(customers.map((x) => x.access), ['manual', 'manual', 'active']);
    assert.equal(customers[0]!.leadId, busy);
    expectRefused(() => h.engine.callEarlier(a, c.id, customers[2]!.leadId), 'E_TRANSITION_DENIED');
    expectRefused(() => h.engine.callEarlier(a, c.id, customers[1]!.leadId), 'E_TRANSITION_DENIED');
    expectRefused(() => h.engine.callEarlier(a, c.id, busy, 5), 'E_VALIDATION');
    const waiting = h.leads.get(busy)!;
    assert.ok(waiting.nextCallAt! > h.clock.now(), 'the busy customer rests for its retry minutes');
    const view = h.engine.callEarlier(a, c.id, busy, 1);
    assert.deepEqual([view.state.kind, view.customer?.leadId], ['ringing', busy], 'dialled at once, retry gap or not');
    await h.run(() => h.leads.get(busy)!.status !== 'in_progress' && h.engine.view(a).state.kind === 'ready', 120_000);
    const dialled = h.rows<{ phone_number: string }>('SELECT phone_number FROM dial_attempts WHERE lead_id = ? AND dialing_at IS NOT NULL ORDER BY id', busy);
    assert.deepEqual(dialled.map((r) => r.phone_number), ['09020001', '09010009'], 'the second time on the number the agent chose');
    assert.equal(h.leads.get(busy)!.status, 'success');

    expectRefused(() => h.engine.callEarlier(a, c.id, busy), 'E_TRANSITION_DENIED');
    assert.deepEqual(h.sim.control.errors, []);
  });

  it('when a sticky campaign calls a contact back, then the agent who spoke with them gets the callback', async () => {
    h = await EngineHarness.start({});
    const agents = [h.agent('stan', '1001'), h.agent('stella', '1002')];
    const c = h.campaign({ dialingMode: 'progressive', agentIds: agents, stickyAgent: true, wrapUpSeconds: 2 });
    const [lead] = h.addLeads(c.id, ['09070001']);
    const handed: number[] = [];
    for (const a of agents) {
      h.bot(a, (m: Message) => {
        if (m.type === 'agent.event' && m.event === 'customer_handed_over') handed.push(a);
        if (m.type !== 'agent.view' || !m.view.allowed.dispose) return;
        const callback = handed.length === 1;
        try {
          h.engine.dispose(a, m.view.customer.attemptId, callback ? 'callback' : 'closed_deal', callback ? new Date(h.clock.now().getTime() + 120_000) : undefined);
        } catch { /* moved on */ }
      });
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
    assert.ok(await h.run(() => h.leads.get(lead!)!.status === 'success', 600_000));
    assert.equal(handed.length, 2);
    assert.equal(handed[1], handed[0], 'the callback went to the same agent');
    assert.equal(h.leads.get(lead!)!.ownerAgentId, handed[0], 'the agent is in charge of the contact now');
  });

  it('when the campaign is paused and resumed, then a customer in preview goes back, agents pause, and work resumes', async () => {
    h = await EngineHarness.start({});
    const a = h.agent('paul', '1001');
    const c = h.campaign({ dialingMode: 'preview', previewSeconds: 30, agentIds: [a] });
    const [lead] = h.addLeads(c.id, ['09020001']);
    h.engine.join(a, c.id);
    h.engine.ready(a, c.id);
    assert.equal(h.engine.view(a).state.kind, 'previewing');
    h.services.campaigns.act(h.owner, c.id, 'pause');
    assert.equal(h.engine.view(a).state.kind, 'paused');
    assert.deepEqual([h.leads.get(lead!)!.status, h.leads.get(lead!)!.attempts], ['not_started', 0], 'the undialled customer went back');
    expectRefused(() => h.engine.nextCustomer(a, c.id), 'E_TRANSITION_DENIED');
    h.services.campaigns.act(h.owner, c.id, 'resume');
    assert.equal(h.engine.view(a).state.kind, 'previewing', 'ready again, with a customer');
    h.services.campaigns.act(h.owner, c.id, 'end');
    assert.equal(h.engine.view(a).state.kind, 'offline', 'the campaign ended: the session closed');
    assert.equal(h.leads.get(lead!)!.status, 'not_started');
    const states = h.rows<any>('SELECT to_state FROM agent_state_changes WHERE agent_id = ? ORDER BY id', a).map((r) => r.to_state);
    assert.deepEqual(states, ['not_ready', 'ready', 'previewing', 'paused', 'ready', 'previewing', 'offline']);
  });

  it('when callers ask to be called back, then a callback campaign calls them first in, first out, before its other contacts', async () => {
    h = await EngineHarness.start({});
    const a = h.agent('cal', '1001');
    const c = h.campaign({ dialingMode: 'callback', agentIds: [a], wrapUpSeconds: 60 });
    h.addLeads(c.id, ['09010009']);
    h.engine.onCallbackRequest('09010001', new Date(h.clock.now().getTime() - 60_000));
    h.engine.onCallbackRequest('09010002', h.clock.now());
    assert.deepEqual(h.rows<any>("SELECT status FROM callback_requests ORDER BY id").map((r) => r.status), ['taken', 'taken']);
    const order: string[] = [];
    h.bot(a, (m: Message) => {
      if (m.type === 'agent.event' && m.event === 'customer_handed_over') order.push(h.leads.get(m.leadId)!.phones[0]!);
      if (m.type === 'agent.view' && m.view.allowed.dispose) try { h.engine.dispose(a, m.view.customer.attemptId, 'closed_deal'); } catch { /* moved on */ }
      if (m.type === 'agent.view' && m.view.state.kind === 'wrap_up' && !m.view.awaitingDisposition) try { h.engine.nextCustomer(a, c.id); } catch { /* moved on */ }
    });
    h.engine.join(a, c.id);
    h.engine.ready(a, c.id);
    await h.run(() => order.length === 3, 600_000);
    assert.deepEqual(order, ['09010001', '09010002', '09010009']);
  });

  it('when an IVR campaign runs, then at most its line limit is busy, answers are stored, and the transfer key reaches an agent', async () => {
    h = await EngineHarness.start({ settings: { ivrMaxLines: 2 } });
    const a = h.agent('ivy', '1001');
    const c = h.campaign({
      dialingMode: 'ivr', agentIds: [a], wrapUpSeconds: 1,
      ivr: { steps: [{ id: 'hello', kind: 'prompt', sound: 'hello' }, { id: 'happy', kind: 'question', sound: 'happy', validDigits: ['1', '2'], timeoutSeconds: 5, retries: 0 }], agentTransfer: { digit: '9' } },
    });
    const numbers = ['0908101', '0908202', '0908103', '0908904'];
    h.addLeads(c.id, numbers);
    h.bot(a, (m: Message) => {
      if (m.type === 'agent.view' && m.view.allowed.dispose) try { h.engine.dispose(a, m.view.customer.attemptId, 'interested'); } catch { /* moved on */ }
    });
    h.engine.join(a, c.id);
    h.engine.ready(a, c.id);
    let peak = 0;
    const done = await h.run(() => {
      peak = Math.max(peak, h.engine.snapshotOf(c.id)!.calls.ringing + h.engine.snapshotOf(c.id)!.calls.waiting + h.engine.snapshotOf(c.id)!.calls.talking);
      return h.leadsOf(c.id).every((l) => l.status === 'success');
    }, 600_000);
    assert.ok(done, JSON.stringify(h.leadsOf(c.id).map((l) => [l.phones[0], l.status])));
    assert.ok(peak <= 2, `never more than 2 IVR calls (saw ${peak})`);
    const answers = h.rows<any>(`SELECT r.phone_number, a.question_id, a.answer FROM call_ivr_answers a JOIN call_records r ON r.id = a.call_record_id
      WHERE r.flow = 'ivr' ORDER BY r.phone_number`);
    assert.deepEqual(answers.map((x) => [x.phone_number, x.question_id, x.answer]), [
      ['0908101', 'happy', '1'], ['0908103', 'happy', '1'], ['0908202', 'happy', '2'], ['0908904', 'happy', '9'],
    ]);
    const transferred = h.rows<any>("SELECT a.agent_id, a.connected_at, a.disposition FROM dial_attempts a JOIN campaign_contacts e ON e.id = a.lead_id WHERE e.phone = '0908904'")[0];
    assert.deepEqual([transferred.agent_id, transferred.disposition], [a, 'interested']);
    assert.ok(transferred.connected_at, 'the caller who pressed 9 was connected to the agent');
  });
});
