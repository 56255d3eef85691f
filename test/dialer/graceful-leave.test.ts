import assert from 'node:assert/strict';
import { DialerError } from '../../src/errors';
import { numbersOf } from './support/campaign-bots';
import { EngineHarness, type Message } from './support/engine-harness';
import { startEngineHttp } from './support/engine-http';


/**
 * A bot agent: hangs up `talkMs` after being connected (never when null: the customer hangs up), gives a
 * disposition and presses "next customer" to end the wrap-up at once. `onWrapUp` runs in each wrap-up.
 */
function worker(h: EngineHarness, agentId: number, campaignId: number, talkMs: number | null, onWrapUp: () => void = () => undefined) {
  const act = (fn: () => void) => { try { fn(); } catch { /* the call or wrap-up moved on meanwhile */ } };
  return (m: Message): void => {
    if (m.type === 'agent.event' && m.event === 'call_connected' && talkMs !== null) {
      h.proc.timers.setTimeout(() => act(() => h.engine.hangup(agentId, campaignId)), talkMs);
    }
    if (m.type !== 'agent.view' || m.view.campaign === null) return;
    const v = m.view;
    if (v.allowed.dispose && v.customer) act(() => h.engine.dispose(agentId, v.customer.attemptId, 'interested'));
    else if (v.state.kind === 'wrap_up') {
      onWrapUp();
      if (v.allowed.nextCustomer && !v.awaitingDisposition) act(() => h.engine.nextCustomer(agentId, campaignId));
    }
  };
}

interface AttemptRow { id: number; agent_id: number | null; dialing_at: string; answered_at: string | null; connected_at: string | null; ended_at: string | null; outcome: string | null }

const HOLD_MAX_MS = 2000;

/**
 * Abandons decided after the leave: a customer is abandoned holdMaxSeconds after going on hold, which is after they
 * answered, so one answered less than that before the leave (or after it) was abandoned after the agents asked.
 * Earlier ones may have been on their way to the safe-harbor prompt already: the pacer's, not the leave's.
 */
function abandonedForTheLeave(attempts: readonly AttemptRow[], leaveAt: number): number[] {
  return attempts.filter((a) => a.outcome === 'abandoned' && Date.parse(a.answered_at!) >= leaveAt - HOLD_MAX_MS).map((a) => a.id);
}

describe('agents leaving a predictive campaign through the ARI simulator', function () {
  this.timeout(120_000);
  let h: EngineHarness;

  afterEach(async () => { await h?.stop(); });

  it('when 6 agents on 60 contacts all leave after 25 s, then the one talking is refused and goes on, the others take the customers already dialed, every leave completes and no customer is abandoned for it', async () => {
    h = await EngineHarness.start({ seed: 11 });
    const agents = [1, 2, 3, 4, 5, 6].map((i) => h.agent(`agent${i}`, String(1000 + i)));
    const c = h.campaign({ dialingMode: 'predictive', agentIds: agents, wrapUpSeconds: 5, maxLinesPerAgent: 3, maxAttempts: 1 });
    h.addLeads(c.id, numbersOf([['0901', 48], ['0902', 4], ['0903', 4], ['0906', 4]]));
    const refused = new Map<number, string>();
    const leaveAgain = new Set<number>();
    const accepted = new Map<number, number>();
    const leave = (a: number): void => {
      try {
        h.engine.leave(a, c.id);
        accepted.set(a, h.clock.now().getTime());
        leaveAgain.delete(a);
      } catch (err) {
        refused.set(a, err instanceof DialerError ? err.message : String(err));
        leaveAgain.add(a);
      }
    };
    // Agent 1 lets the customer hang up (a long call); the others hang up after 2 s.
    for (const [i, a] of agents.entries()) {
      h.bot(a, worker(h, a, c.id, i === 0 ? null : 2000, () => { if (leaveAgain.has(a)) leave(a); }));
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
    const start = h.clock.now().getTime();
    await h.run(() => h.clock.now().getTime() >= start + 25_000, 25_000);

    const leaveAt = h.clock.now().getTime();
    const inFlight = h.rows<AttemptRow>("SELECT id FROM dial_attempts WHERE campaign_id = ? AND dialing_at IS NOT NULL AND connected_at IS NULL AND state <> 'ended'", c.id)
      .map((r) => r.id);
    for (const a of agents) leave(a);
    const live = h.engine.snapshotOf(c.id)!;
    const pendingRightAfter = live.agents.filter((a) => a.pendingExit === 'leave').map((a) => a.agentId);

    assert.ok(refused.has(agents[0]!), 'the agent on a long call was refused');
    for (const message of refused.values()) assert.match(message, /^cannot leave while (talking|ringing)$/);
    assert.ok(inFlight.length > 0, 'customers were in flight when the agents asked to leave');
    assert.ok(pendingRightAfter.length > 0, 'agents with customers on their way are shown leaving after this call');
    for (const a of pendingRightAfter) assert.equal(h.engine.view(a).pendingExit?.kind, 'leave');

    const allOut = await h.run(() => agents.every((a) => h.engine.view(a).state.kind === 'offline'), 10 * 60_000);
    assert.ok(allOut, `every leave completed (left: ${agents.filter((a) => h.engine.view(a).state.kind !== 'offline').join(', ')})`);
    assert.equal(h.engine.snapshotOf(c.id)!.agents.length, 0);
    await h.run(() => h.proc.telephony.runner.active === 0, 60_000);

    const lastAsked = Math.max(...accepted.values());
    const attempts = h.rows<AttemptRow>('SELECT * FROM dial_attempts WHERE campaign_id = ? AND dialing_at IS NOT NULL', c.id);
    // The pacer stopped dialing for an agent as soon as they asked: nothing was dialed once all of them had.
    assert.deepEqual(attempts.filter((a) => Date.parse(a.dialing_at) > lastAsked).map((a) => a.id), []);
    // The humans among the customers in flight when they asked reached an agent.
    for (const id of inFlight) {
      const a = attempts.find((x) => x.id === id)!;
      if (a.outcome === 'answered') assert.ok(a.connected_at && agents.includes(a.agent_id!), `attempt ${id} reached an agent`);
    }
    assert.deepEqual(abandonedForTheLeave(attempts, leaveAt), [], 'no customer abandoned after the agents asked to leave');
    // Each agent's last state change is the leave.
    for (const a of agents) {
      const last = h.rows<{ to_state: string }>('SELECT to_state FROM agent_state_changes WHERE agent_id = ? ORDER BY id DESC LIMIT 1', a)[0];
      assert.equal(last?.to_state, 'offline', `agent ${a} left`);
    }
    const humans = attempts.filter((a) => a.answered_at !== null && (a.outcome === 'answered' || a.outcome === 'abandoned')).length;
    const abandoned = attempts.filter((a) => a.outcome === 'abandoned').length;
    process.stdout.write(`      ${accepted.size} leaves, ${refused.size} refused at first; ${inFlight.length} customers in flight at the leave; `
      + `${abandoned} of ${humans} human answers abandoned, none after the leave\n`);
    assert.deepEqual(h.sim.control.errors, []);
  });

  it('when an agent asks over HTTP for a break or to leave while customers are in flight, then the view and the dashboard say so, ready cancels, force exits at once and a bad force is a 400', async () => {
    h = await EngineHarness.start({ seed: 3 });
    const api = await startEngineHttp(h, [['boss', 'owner', null], ['ann', 'agent', '1001'], ['ben', 'agent', '1002']]);
    try {
      const { ids } = api;
      const c = h.campaign({ dialingMode: 'predictive', agentIds: [ids.ann!, ids.ben!], wrapUpSeconds: 5, maxLinesPerAgent: 3 });
      h.addLeads(c.id, numbersOf([['0901', 20]]));
      const base = `/api/agent/campaigns/${c.id}`;
      for (const who of ['ann', 'ben']) {
        await api.call('POST', `${base}/join`, who);
        await api.call('POST', `${base}/ready`, who);
      }
      const ringing = await h.run(() => h.engine.view(ids.ann!).state.kind === 'ready' && h.engine.view(ids.ben!).state.kind === 'ready'
        && h.engine.snapshotOf(c.id)!.calls.ringing > 0, 60_000);
      assert.ok(ringing, 'both agents ready with customers ringing');

      const bad = await api.call('POST', `${base}/leave`, 'ann', { force: 'yes' });
      assert.deepEqual([bad.status, bad.body.error.field], [400, 'force']);
      const pausing = await api.call('POST', `${base}/not-ready`, 'ann', { reason: 'break' });
      assert.deepEqual([pausing.status, pausing.body.state.kind, pausing.body.pendingExit], [200, 'ready', { kind: 'not_ready', reason: 'break' }]);
      assert.equal(pausing.body.allowed.ready, true, 'ready cancels the pending break');
      const live = await api.call('GET', `/api/campaigns/${c.id}/live`, 'boss');
      assert.deepEqual(live.body.agents.map((a: any) => [a.name, a.pendingExit]).sort(), [['ann', 'not_ready'], ['ben', null]]);

      const stays = await api.call('POST', `${base}/ready`, 'ann');
      assert.deepEqual([stays.status, stays.body.state.kind, stays.body.pendingExit], [200, 'ready', null]);
      const leaving = await api.call('POST', `${base}/leave`, 'ann', {});
      assert.deepEqual([leaving.body.state.kind, leaving.body.pendingExit], ['ready', { kind: 'leave', reason: null }]);
      const gone = await api.call('POST', `${base}/leave`, 'ann', { force: true });
      assert.deepEqual([gone.status, gone.body.state.kind, gone.body.campaign], [200, 'offline', null]);

      const benPause = await api.call('POST', `${base}/not-ready`, 'ben', { reason: 'lunch', force: true });
      assert.deepEqual([benPause.body.state.kind, benPause.body.state.reason, benPause.body.pendingExit], ['not_ready', 'lunch', null]);
      const left = await api.call('POST', `${base}/leave`, 'ben');
      assert.equal(left.body.state.kind, 'offline', 'an agent who is not ready leaves at once: nothing was dialed for them');
    } finally {
      await api.http.stop();
    }
  });
});
