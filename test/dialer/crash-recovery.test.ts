import assert from 'node:assert/strict';
import { recoveredResult } from '../../src/dialer/recovery';
import type { DialAttempt } from '../../src/domain/dialer/dial-attempt';
import { EngineHarness, type Message } from './support/engine-harness';

const attempt = (over: Partial<DialAttempt>): DialAttempt => ({
  id: 1, campaignId: 1, leadId: 1, contactId: null, agentId: 2, mode: 'progressive', state: 'dialing', phoneNumber: '09010001',
  claimedAt: new Date(0), dialingAt: new Date(0), answeredAt: null, connectedAt: null, endedAt: null, outcome: null, endReason: null,
  disposition: null, callbackAt: null, disposedAt: null, remindedAt: null, resultStatus: null, ...over,
});

describe('crash recovery', function () {
  this.timeout(90_000);

  describe('the outcome of a call that was dialling when the process died', () => {
    const table: [string, DialAttempt, Parameters<typeof recoveredResult>[1], boolean, ReturnType<typeof recoveredResult>][] = [
      ['its call record was written (busy)', attempt({}), 'busy', false, 'busy'],
      ['its call record says answered', attempt({}), 'answered', false, 'reached'],
      ['nobody answered and no channel is up', attempt({}), undefined, false, 'no_answer'],
      ['the customer channel is still up', attempt({}), undefined, true, 'reached'],
      ['it was connected to an agent', attempt({ answeredAt: new Date(1), connectedAt: new Date(2) }), undefined, false, 'reached'],
      ['a predictive customer answered and never got an agent', attempt({ mode: 'predictive', answeredAt: new Date(1) }), undefined, false, 'abandoned'],
      ['a predictive customer was connected', attempt({ mode: 'predictive', answeredAt: new Date(1), connectedAt: new Date(2) }), undefined, true, 'reached'],
    ];
    for (const [what, a, record, up, expected] of table) {
      it(`when ${what}, then ${expected}`, () => assert.equal(recoveredResult(a, record, up), expected));
    }
  });

  describe('a dialer killed mid-campaign and started again over the same store and simulator', () => {
    let h: EngineHarness;
    afterEach(async () => { await h?.stop(); });

    it('when it restarts, then orphans are hung up, agents released, nothing stays in progress and no attempt is dialled twice', async () => {
      h = await EngineHarness.start({});
      const customerChannels = new Map<string, Set<string>>();
      h.sim.control.onEvent((_app, e: any) => {
        const args: string[] = e.type === 'StasisStart' ? e.args : [];
        if (args[0] !== 'customer') return;
        const set = customerChannels.get(args[1]!) ?? new Set<string>();
        set.add(e.channel.id);
        customerChannels.set(args[1]!, set);
      });
      const agents = [h.agent('alice', '1001'), h.agent('bob', '1002')];
      const c = h.campaign({ dialingMode: 'progressive', agentIds: agents });
      const ids = h.addLeads(c.id, ['09010001', '09010002', '09010003', '09010004', '09030005', '09030006', '09030007', '09020008']);
      const bot = (a: number) => (m: Message) => {
        if (m.type === 'agent.view' && m.view.allowed.dispose) try { h.engine.dispose(a, m.view.customer.attemptId, 'closed_deal'); } catch { /* moved on */ }
      };
      for (const a of agents) { h.bot(a, bot(a)); h.engine.join(a, c.id); h.engine.ready(a, c.id); }
      const phases = () => agents.map((a) => h.engine.view(a).call?.phase);
      assert.ok(await h.run(() => phases().includes('connected') && phases().includes('customer_ringing'), 600_000), 'one agent talking, one customer ringing');
      const talking = h.engine.view(agents[phases().indexOf('connected')]!).customer!;
      const ringing = h.engine.view(agents[phases().indexOf('customer_ringing')]!).customer!;

      await h.kill();
      assert.ok(h.sim.control.snapshot().channels > 0, 'the dead process left calls behind');
      await h.boot();

      assert.deepEqual(h.leadsOf(c.id).filter((l) => l.status === 'in_progress'), [], 'no contact stays in progress');
      assert.deepEqual(h.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'"), []);
      const talked = h.leads.get(talking.leadId)!;
      assert.deepEqual([talked.status, talked.attempts], ['success', 1], 'the connected call counts as reached');
      const rang = h.leads.get(ringing.leadId)!;
      assert.deepEqual([rang.status, rang.attempts, rang.lastOutcome], ['failed_will_retry', 1, 'no_answer'], 'the ringing call counts as not answered');
      const recovered = h.rows<any>("SELECT id, end_reason FROM dial_attempts WHERE end_reason = 'recovered'");
      assert.deepEqual(recovered.map((r) => r.id).sort(), [talking.attemptId, ringing.attemptId].sort());
      await h.run(() => h.sim.control.snapshot().channels === 0, 5000);
      assert.equal(h.sim.control.snapshot().channels, 0, 'the orphaned channels were hung up');
      for (const a of agents) {
        const view = h.engine.view(a);
        assert.deepEqual([view.state.kind, view.state.reason], ['not_ready', 'telephony lost'], 'agents are back, not ready');
      }

      for (const a of agents) h.engine.ready(a, c.id);
      const final = ['success', 'retries_exhausted'];
      assert.ok(await h.run(() => h.leadsOf(c.id).every((l) => final.includes(l.status)), 3600_000), 'the campaign finishes after the restart');
      for (const [ref, channels] of customerChannels) assert.equal(channels.size, 1, `attempt ${ref} was dialled once`);
      const dialledPerAttempt = h.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts WHERE dialing_at IS NOT NULL')[0].n;
      assert.equal(customerChannels.size, dialledPerAttempt, 'every dialling attempt made exactly one customer channel');
      assert.equal(h.leads.get(ids[7]!)!.attempts, 2);
      assert.deepEqual(h.sim.control.errors, []);
    });
  });
});
