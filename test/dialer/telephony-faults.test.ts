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
    const placedWhileDown = h.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts')[0].n;
    await realTimeUntil(() => port.status === 'ready', 20_000);
    assert.equal(h.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts')[0].n, placedWhileDown, 'nothing was dialled while down');
    const final = ['success', 'retries_exhausted'];
    assert.ok(await h.run(() => h.leadsOf(c.id).every((l) => final.includes(l.status)), 3600_000), JSON.stringify(h.leadsOf(c.id).map((l) => l.status)));
    assert.deepEqual(h.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'"), []);
    const lost = h.rows<any>("SELECT COUNT(*) AS n FROM agent_state_changes WHERE reason = 'telephony lost'")[0].n;
    const kinds = agents.map((a) => h.engine.view(a).state.kind);
    assert.ok(kinds.every((k) => k === 'ready' || k === 'wrap_up'), `agents are working again (${kinds}); ${lost} went not ready meanwhile`);
  });
});
