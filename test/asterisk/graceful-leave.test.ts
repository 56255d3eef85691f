import assert from 'node:assert/strict';
import { DialerError } from '../../src/errors';
import { loadOurDialplan, realAsteriskSettings } from '../support/asterisk-target';
import { leftovers, numbers } from './support/campaign-checks';
import { RealEngine, type Pushed } from './support/real-engine';

const settings = realAsteriskSettings();

/**
 * A bot agent on the wall clock: hangs up `talkMs` after being connected (never when null: the customer hangs up
 * after ~31 s), disposes, and presses "next customer" to end the wrap-up; `onWrapUp` runs in each wrap-up.
 */
function worker(e: RealEngine, agentId: number, campaignId: number, talkMs: number | null, onWrapUp: () => void): void {
  const act = (fn: () => void) => { try { fn(); } catch { /* the call or wrap-up moved on meanwhile */ } };
  e.onMessage(agentId, (m: Pushed) => {
    if (m.type === 'agent.event' && m.event === 'call_connected' && talkMs !== null) setTimeout(() => act(() => e.engine.hangup(agentId, campaignId)), talkMs);
    if (m.type !== 'agent.view' || m.view.campaign === null) return;
    const v = m.view;
    if (v.allowed.dispose && v.customer) act(() => e.engine.dispose(agentId, v.customer.attemptId, 'interested'));
    else if (v.state.kind === 'wrap_up') {
      onWrapUp();
      if (v.allowed.nextCustomer && !v.awaitingDisposition) act(() => e.engine.nextCustomer(agentId, campaignId));
    }
  });
}

interface AttemptRow { id: number; agent_id: number | null; dialing_at: string; answered_at: string | null; connected_at: string | null; outcome: string | null }

const HOLD_MAX_MS = 2000;

/**
 * Abandons decided after the leave: a customer is abandoned holdMaxSeconds after going on hold, which is after they
 * answered, so one answered less than that before the leave (or after it) was abandoned after the agents asked.
 * Earlier ones may have been on their way to the safe-harbor prompt already: the pacer's, not the leave's.
 */
function abandonedForTheLeave(attempts: readonly AttemptRow[], leaveAt: number): number[] {
  return attempts.filter((a) => a.outcome === 'abandoned' && Date.parse(a.answered_at!) >= leaveAt - HOLD_MAX_MS).map((a) => a.id);
}

/** Predictive, 6 agents, 60 contacts; after 25 s every agent asks to leave (issue 17 item 5). */
async function allLeaveAfter25s(s: NonNullable<typeof settings>) {
  const e = new RealEngine(s);
  try {
    await e.boot();
    const agents = [1, 2, 3, 4, 5, 6].map((i) => e.agent(`agent${i}`, String(1000 + i)));
    const c = e.campaign({ dialingMode: 'predictive', agentIds: agents, maxAttempts: 1 });
    e.addLeads(c.id, numbers([['0901', 48], ['0902', 4], ['0903', 4], ['0906', 4]], 900));
    const refused = new Map<number, string>();
    const again = new Set<number>();
    const accepted = new Map<number, number>();
    const leave = (a: number): void => {
      try {
        e.engine.leave(a, c.id);
        accepted.set(a, Date.now());
        again.delete(a);
      } catch (err) {
        refused.set(a, err instanceof DialerError ? err.message : String(err));
        again.add(a);
      }
    };
    // Agent 1 lets the customer hang up (a long call, on it at 25 s); the others hang up after 2 s.
    for (const [i, a] of agents.entries()) {
      worker(e, a, c.id, i === 0 ? null : 2000, () => { if (again.has(a)) leave(a); });
      e.engine.join(a, c.id);
      e.engine.ready(a, c.id);
    }
    await new Promise((r) => setTimeout(r, 25_000));
    const leaveAt = Date.now();
    const inFlight = e.rows<{ id: number }>("SELECT id FROM dial_attempts WHERE campaign_id = ? AND dialing_at IS NOT NULL AND connected_at IS NULL AND state <> 'ended'", c.id)
      .map((r) => r.id);
    for (const a of agents) leave(a);
    const pendingRightAfter = e.engine.snapshotOf(c.id)!.agents.filter((a) => a.pendingExit === 'leave').map((a) => a.agentId);
    await e.until(() => agents.every((a) => e.engine.view(a).state.kind === 'offline'), 90_000, 'every leave to complete');
    await e.until(() => e.telephony.runner.active === 0, 15_000, 'flows to end');
    await new Promise((r) => setTimeout(r, 500));
    return {
      agents, refused, accepted, leaveAt, inFlight, pendingRightAfter,
      attempts: e.rows<AttemptRow>('SELECT * FROM dial_attempts WHERE campaign_id = ? AND dialing_at IS NOT NULL', c.id),
      lastStates: agents.map((a) => e.rows<{ to_state: string }>('SELECT to_state FROM agent_state_changes WHERE agent_id = ? ORDER BY id DESC LIMIT 1', a)[0]?.to_state),
      left: await leftovers(s, e.idPrefix),
    };
  } finally {
    await e.stop().catch(() => undefined);
  }
}

if (!settings) {
  process.stdout.write('real-Asterisk graceful leave skipped: DIALER_IT_ARI_URL not set\n');
} else {
  describe('agents leaving a predictive campaign on real Asterisk', function () {
    this.timeout(180_000);
    before(function () {
      this.timeout(20_000);
      loadOurDialplan(settings.port);
    });

    it('when 6 agents on 60 contacts all leave after 25 s, then the one talking is refused and goes on, the customers already dialed reach the leaving agents, every leave completes and no customer is abandoned for it', async () => {
      const r = await allLeaveAfter25s(settings);
      const humans = r.attempts.filter((a) => a.answered_at !== null && (a.outcome === 'answered' || a.outcome === 'abandoned')).length;
      const abandoned = r.attempts.filter((a) => a.outcome === 'abandoned').length;
      process.stdout.write(`      ${r.refused.size} refused at first (${[...r.refused.values()].join(', ')}); ${r.inFlight.length} customers in flight at the leave, `
        + `${r.pendingRightAfter.length} agents leaving after their call; ${abandoned} of ${humans} human answers abandoned, ${abandonedForTheLeave(r.attempts, r.leaveAt).length} after the leave\n`);
      assert.ok(r.refused.has(r.agents[0]!), 'the agent on a long call was refused');
      for (const message of r.refused.values()) assert.match(message, /^cannot leave while (talking|ringing)$/);
      assert.equal(r.accepted.size, 6, 'every agent left in the end');
      assert.deepEqual(r.lastStates, r.agents.map(() => 'offline'));
      // The pacer stopped dialing for an agent as soon as they asked: nothing was dialed once all of them had.
      const lastAsked = Math.max(...r.accepted.values());
      assert.deepEqual(r.attempts.filter((a) => Date.parse(a.dialing_at) > lastAsked).map((a) => a.id), []);
      for (const id of r.inFlight) {
        const a = r.attempts.find((x) => x.id === id)!;
        if (a.outcome === 'answered') assert.ok(a.connected_at && r.agents.includes(a.agent_id!), `attempt ${id} reached an agent`);
      }
      assert.deepEqual(abandonedForTheLeave(r.attempts, r.leaveAt), [], 'no customer abandoned after the agents asked to leave');
      assert.deepEqual(r.left, []);
    });
  });
}
