import assert from 'node:assert/strict';
import { loadOurDialplan, realAsteriskSettings, type RealAsteriskSettings } from '../support/asterisk-target';
import { RealEngine, type Pushed } from './support/real-engine';

const settings = realAsteriskSettings();

/** Channels and bridges of this run still on the PBX, read from ARI directly. */
async function leftovers(s: RealAsteriskSettings, prefix: string): Promise<string[]> {
  const auth = 'Basic ' + Buffer.from(`${s.user}:${s.password}`).toString('base64');
  const get = async (p: string) => (await (await fetch(`${s.url}/ari${p}`, { headers: { authorization: auth } })).json()) as { id: string }[];
  return [...await get('/channels'), ...await get('/bridges')].map((x) => x.id).filter((id) => id.startsWith(`${prefix}.`));
}

/** An agent who hangs up 1.5 s after being connected (short calls driven by the test) and disposes "interested". */
function briefAgent(e: RealEngine, agentId: number, campaignId: number): void {
  const hungUp = new Set<number>();
  e.onMessage(agentId, (m: Pushed) => {
    if (m.type === 'agent.event' && m.event === 'call_connected' && !hungUp.has(m.attemptId)) {
      hungUp.add(m.attemptId);
      setTimeout(() => { try { e.engine.hangup(agentId, campaignId); } catch { /* the customer hung up first */ } }, 1500);
    }
    if (m.type === 'agent.view' && m.view.allowed.dispose) try { e.engine.dispose(agentId, m.view.customer.attemptId, 'interested'); } catch { /* moved on */ }
  });
}

/** Waits for the agents to finish their calls and wrap-ups, makes them leave, and lets the last flows end. */
async function leaveAll(e: RealEngine, agents: number[], campaignId: number): Promise<void> {
  await e.until(() => agents.every((a) => ['ready', 'not_ready'].includes(e.engine.view(a).state.kind)), 30_000, 'agents to be idle');
  for (const a of agents) e.engine.leave(a, campaignId);
  await e.until(() => e.telephony.runner.active === 0, 10_000, 'flows to end');
  await new Promise((r) => setTimeout(r, 500));
}

const numbers = (spec: [string, number][]): string[] => {
  let n = 0;
  return spec.flatMap(([p, k]) => Array.from({ length: k }, () => `${p}${String(++n).padStart(4, '0')}`));
};

if (!settings) {
  process.stdout.write('real-Asterisk engine campaigns skipped: DIALER_IT_ARI_URL not set\n');
} else {
  describe('whole campaigns on real Asterisk', function () {
    this.timeout(240_000);
    let e: RealEngine;
    before(function () {
      this.timeout(20_000);
      loadOurDialplan(settings.port);
    });
    afterEach(async () => { await e?.stop(); });

    it('when 2 agents work a progressive list across every outcome, then every contact ends right, records match and nothing of ours is left', async () => {
      e = new RealEngine(settings);
      await e.boot();
      const agents = [e.agent('ann', '1001'), e.agent('ben', '1002')];
      // One attempt each keeps the run short (the retry cycle, one minute at least, is proven on the simulator).
      const c = e.campaign({ dialingMode: 'progressive', agentIds: agents, maxAttempts: 1 });
      const list = numbers([['0901', 4], ['0907', 2], ['0902', 2], ['0903', 2], ['0904', 1], ['0900', 1], ['0777', 1]]);
      e.addLeads(c.id, list);
      for (const a of agents) { briefAgent(e, a, c.id); e.engine.join(a, c.id); e.engine.ready(a, c.id); }
      const final = ['success', 'retries_exhausted', 'call_error'];
      await e.until(() => e.leadsOf(c.id).every((l) => final.includes(l.status)), 200_000, 'every contact settled');
      const expected: Record<string, [string, number]> = {
        '0901': ['success', 1], '0907': ['success', 1], '0902': ['retries_exhausted', 1], '0903': ['retries_exhausted', 1],
        '0904': ['retries_exhausted', 1], '0900': ['call_error', 1], '0777': ['call_error', 1],
      };
      for (const lead of e.leadsOf(c.id)) {
        assert.deepEqual([lead.status, lead.attempts], expected[lead.phones[0]!.slice(0, 4)], lead.phones[0]);
        for (const a of e.rows<any>('SELECT * FROM dial_attempts WHERE lead_id = ? AND dialing_at IS NOT NULL', lead.id)) {
          const records = e.rows<any>('SELECT outcome FROM call_records WHERE attempt_id = ?', a.id);
          assert.deepEqual(records.map((r) => r.outcome), [a.outcome], `the record of attempt ${a.id} matches`);
        }
      }
      await leaveAll(e, agents, c.id);
      assert.deepEqual(await leftovers(settings, e.idPrefix), []);
    });

    it('when 4 agents work a predictive list of humans, then answered customers reach agents within the line cap and nothing of ours is left', async () => {
      e = new RealEngine(settings);
      await e.boot();
      const agents = [1, 2, 3, 4].map((i) => e.agent(`agent${i}`, String(1000 + i)));
      const c = e.campaign({ dialingMode: 'predictive', agentIds: agents, maxAttempts: 1 });
      e.addLeads(c.id, numbers([['0901', 14], ['0906', 2]]));
      for (const a of agents) { briefAgent(e, a, c.id); e.engine.join(a, c.id); e.engine.ready(a, c.id); }
      let peak = 0;
      await e.until(() => {
        const live = e.engine.snapshotOf(c.id)!;
        peak = Math.max(peak, live.calls.ringing + live.calls.waiting + live.calls.talking);
        return e.leadsOf(c.id).every((l) => ['success', 'retries_exhausted'].includes(l.status) || l.lastOutcome === 'abandoned');
      }, 200_000, 'every contact settled');
      assert.ok(peak <= 12, `lines within 3 per agent (${peak})`);
      const connected = e.rows<any>('SELECT COUNT(*) AS n FROM dial_attempts WHERE connected_at IS NOT NULL')[0].n;
      const abandoned = e.leadsOf(c.id).filter((l) => l.lastOutcome === 'abandoned').length;
      assert.equal(connected + abandoned, 14, 'every human was either connected or counted abandoned');
      assert.deepEqual(e.leadsOf(c.id).filter((l) => l.phones[0]!.startsWith('0906')).map((l) => l.lastOutcome), ['machine', 'machine']);
      await leaveAll(e, agents, c.id);
      assert.deepEqual(await leftovers(settings, e.idPrefix), []);
    });

    it('when the dialer dies mid-campaign and starts again, then its orphans are hung up, nothing stays in progress and no attempt is dialled twice', async () => {
      e = new RealEngine(settings);
      await e.boot();
      const agents = [e.agent('ann', '1001'), e.agent('ben', '1002')];
      const c = e.campaign({ dialingMode: 'progressive', agentIds: agents });
      e.addLeads(c.id, numbers([['0901', 4], ['0903', 2]]));
      for (const a of agents) { e.engine.join(a, c.id); e.engine.ready(a, c.id); }
      await e.until(() => agents.some((a) => e.engine.view(a).call?.phase === 'connected'), 30_000, 'a connected call');
      await e.kill();
      assert.notDeepEqual(await leftovers(settings, e.idPrefix), [], 'the dead process left calls behind');
      await e.boot();
      assert.deepEqual(e.rows("SELECT id FROM dial_attempts WHERE state <> 'ended'"), []);
      assert.deepEqual(e.leadsOf(c.id).filter((l) => l.status === 'in_progress'), []);
      await e.until(() => e.telephony.runner.active === 0, 10_000, 'nothing running');
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(await leftovers(settings, e.idPrefix), [], 'the orphans were hung up');
      for (const a of agents) { briefAgent(e, a, c.id); e.engine.ready(a, c.id); }
      // Calls that were ringing when the process died count as not answered and wait a retry minute: not awaited here.
      await e.until(() => e.leadsOf(c.id).every((l) => l.status !== 'not_started' && l.status !== 'in_progress'), 120_000, 'every contact dialled');
      const twice = e.rows<any>('SELECT attempt_id, COUNT(*) AS n FROM call_records WHERE attempt_id IS NOT NULL GROUP BY attempt_id HAVING n > 1');
      assert.deepEqual(twice, [], 'one call per attempt');
      await leaveAll(e, agents, c.id);
    });
  });
}
