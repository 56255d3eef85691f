import assert from 'node:assert/strict';
import { EngineHarness, type Message } from './support/engine-harness';

const realTimeUntil = async (test: () => boolean, ms: number): Promise<void> => {
  const limit = Date.now() + ms;
  while (!test()) {
    if (Date.now() > limit) throw new Error('timed out in real time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('telephony faults under the engine', function () {
  this.timeout(60_000);
  let h: EngineHarness;
  afterEach(async () => { await h?.stop(); });

  it('when the agent does not answer their phone, then they are set not ready, the customer is not dialled and goes back to the list', async () => {
    h = await EngineHarness.start({ settings: { agentRingTimeoutSeconds: 10 } });
    const a = h.agent('sleepy', '9001');
    const c = h.campaign({ dialingMode: 'progressive', agentIds: [a] });
    const [lead] = h.addLeads(c.id, ['09010001']);
    const customers: string[] = [];
    h.sim.control.onEvent((_app, e: any) => { if (e.type === 'StasisStart' && e.args[0] === 'customer') customers.push(e.channel.id); });
    h.engine.join(a, c.id);
    h.engine.ready(a, c.id);
    await h.run(() => h.engine.view(a).state.kind === 'not_ready', 60_000);
    assert.deepEqual([h.engine.view(a).state.reason], ['no answer']);
    assert.deepEqual(customers, [], 'the customer was never dialled');
    const l = h.leads.get(lead!)!;
    assert.deepEqual([l.status, l.attempts], ['not_started', 0]);
    assert.deepEqual(h.rows<any>('SELECT state, outcome, end_reason FROM dial_attempts'), [{ state: 'ended', outcome: null, end_reason: 'not_dialed' }]);
    assert.ok(h.messagesOf(a, 'agent.event').some((m) => m.event === 'agent_unreachable'));
  });

  it('when the ARI WebSocket drops mid-campaign, then dialling stops, ready agents wait, and after the reconnect the campaign finishes with nothing left in progress', async () => {
    h = await EngineHarness.start({});
    const agents = [h.agent('ann', '1001'), h.agent('ben', '1002')];
    const c = h.campaign({ dialingMode: 'progressive', agentIds: agents });
    h.addLeads(c.id, ['09070001', '09070002', '09070003', '09070004', '09020005', '09020006']);
    for (const a of agents) {
      h.bot(a, (m: Message) => {
        if (m.type === 'agent.view' && m.view.allowed.dispose) try { h.engine.dispose(a, m.view.customer.attemptId, 'interested'); } catch { /* moved on */ }
      });
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
    await h.run(() => h.rows<any>("SELECT COUNT(*) AS n FROM dial_attempts WHERE state = 'ended'")[0].n >= 2, 600_000);
    const port = h.proc.telephony.port;
    h.sim.control.dropWebSockets();
    await realTimeUntil(() => port.status === 'degraded', 5000);
    assert.equal(h.engine.snapshotOf(c.id)!.telephony, 'degraded', 'supervisors see why nothing is dialled');
    const placedWhileDown = h.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts')[0].n;
    // The reconnect backoff runs on the engine's timers, so simulated time has to pass for it.
    assert.ok(await h.run(() => port.status === 'ready', 60_000), 'reconnected');
    assert.equal(h.engine.snapshotOf(c.id)!.telephony, 'ready');
    assert.equal(h.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts')[0].n, placedWhileDown, 'nothing was dialled while down');
    const final = ['success', 'retries_exhausted'];
    assert.ok(await h.run(() => h.leadsOf(c.id).every((l) => final.includes(l.status)), 3600_000), JSON.stringify(h.leadsOf(c.id).map((l) => l.status)));
    assert.deepEqual(h.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'"), []);
    const lost = h.rows<any>("SELECT COUNT(*) AS n FROM agent_state_changes WHERE reason = 'telephony lost'")[0].n;
    const kinds = agents.map((a) => h.engine.view(a).state.kind);
    assert.ok(kinds.every((k) => k === 'ready' || k === 'wrap_up'), `agents are working again (${kinds}); ${lost} went not ready meanwhile`);
  });

  it('when the PBX restarts in a predictive campaign, then calls stop at the first sign, the agents get new lines after the reconnect without pressing anything, and the campaign finishes', async () => {
    h = await EngineHarness.start({});
    const agents = [1, 2, 3].map((i) => h.agent(`agent${i}`, String(1000 + i)));
    const c = h.campaign({ dialingMode: 'predictive', agentIds: agents, wrapUpSeconds: 2, maxAttempts: 1 });
    h.addLeads(c.id, Array.from({ length: 30 }, (_, k) => `0901${String(k + 1).padStart(4, '0')}`));
    for (const a of agents) {
      h.bot(a, (m: Message) => {
        if (m.type === 'agent.view' && m.view.allowed.dispose) try { h.engine.dispose(a, m.view.customer.attemptId, 'interested'); } catch { /* moved on */ }
      });
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
    await h.run(() => h.rows<any>("SELECT COUNT(*) AS n FROM dial_attempts WHERE state = 'ended'")[0].n >= 5
      && agents.some((a) => h.engine.view(a).state.kind === 'talking'), 600_000);
    const port = h.proc.telephony.port;
    const creates: string[] = [];
    h.sim.control.onEvent((_app, e: any) => { if (e.type === 'StasisStart' && port.status !== 'ready') creates.push(e.channel.id); });
    const restarted = h.sim.control.restart();
    await realTimeUntil(() => port.status === 'degraded', 5000);
    await restarted;
    assert.ok(await h.run(() => port.status === 'ready', 60_000), 'reconnected');
    assert.deepEqual(creates, [], 'no channel was made while the PBX was going away');

    const settled = await h.run(() => h.leadsOf(c.id).every((l) => ['success', 'retries_exhausted'].includes(l.status)), 3600_000);
    assert.ok(settled, JSON.stringify(h.leadsOf(c.id).map((l) => l.status)));
    const blamed = h.rows<any>("SELECT reason, COUNT(*) AS n FROM agent_state_changes WHERE reason IN ('no answer', 'line closed') GROUP BY reason");
    assert.deepEqual(blamed, [], 'no agent was set not ready for the restart');
    assert.ok(h.rows<any>("SELECT COUNT(*) AS n FROM dial_attempts WHERE end_reason = 'telephony_error'")[0].n >= 1, 'the torn-down call says why it ended');
    assert.deepEqual(h.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'"), []);
    assert.deepEqual(h.leadsOf(c.id).map((l) => l.attempts), h.leadsOf(c.id).map(() => 1), 'one attempt each');
    assert.deepEqual(h.sim.control.errors, []);
  });

  it('when an agent closes their page, then they leave the campaign after the wait, and one still on a call only once it is over', async () => {
    h = await EngineHarness.start({ settings: { agentAwayMs: 90_000 } });
    const [idle, busy] = [h.agent('ida', '1001'), h.agent('bo', '1002')];
    const c = h.campaign({ dialingMode: 'preview', previewSeconds: null, agentIds: [idle, busy], wrapUpSeconds: 5 });
    h.addLeads(c.id, ['09150001']);
    h.sim.control.setBehaviour('0915*', { result: 'answer', ringMs: 1000, talkMs: 600_000 });
    for (const a of [idle, busy]) { h.engine.join(a, c.id); h.engine.agentConnected(a); }
    h.engine.notReady(idle, c.id, 'lunch');
    h.engine.ready(busy, c.id);
    h.engine.callNow(busy, c.id);
    await h.run(() => h.engine.view(busy).state.kind === 'talking', 60_000);

    for (const a of [idle, busy]) h.engine.agentDisconnected(a);
    const away = h.clock.now().getTime();
    await h.run(() => h.engine.view(idle).state.kind === 'offline', 600_000);
    assert.equal(h.clock.now().getTime() - away, 90_000, 'after the wait, not before');
    assert.equal(h.engine.view(busy).state.kind, 'talking', 'the call goes on without the page');

    h.engine.hangup(busy, c.id);
    await h.run(() => h.engine.view(busy).state.kind === 'offline', 600_000);
    assert.ok(h.clock.now().getTime() - away >= 180_000, 'left at a later look, once free');
    const lead = h.leadsOf(c.id)[0]!;
    assert.deepEqual([lead.status, lead.attempts], ['success', 1], 'the call they were on counts');

    h.engine.join(idle, c.id);
    h.engine.agentDisconnected(idle);
    await h.run(() => false, 30_000);
    h.engine.agentConnected(idle);
    await h.run(() => false, 300_000);
    assert.equal(h.engine.view(idle).state.kind, 'not_ready', 'back in time: still there');
  });
});
