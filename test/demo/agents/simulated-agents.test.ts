import assert from 'node:assert/strict';
import { demoAgentIds } from '../../../src/demo/agents/demo-agent-ids';
import { SimulatedAgents } from '../../../src/demo/agents/simulated-agents';
import type { DemoAgentEngine } from '../../../src/demo/agents/simulated-agent';
import type { DialingMode } from '../../../src/domain/dialing-mode';
import { createSeededRandom } from '../../../src/domain/dialer/seeded-random';
import { createLogger } from '../../../src/logger';
import { EngineHarness } from '../../dialer/support/engine-harness';

const log = createLogger({ level: 'error', console: false });
const METHODS = ['campaignsFor', 'join', 'leave', 'ready', 'notReady', 'callNow', 'nextCustomer', 'hangup', 'dispose', 'saveAnswers', 'view', 'agentConnected'] as const;

/** The engine as the simulated agents see it, counting every call they make. */
function counted(h: EngineHarness): { engine: DemoAgentEngine; calls: string[] } {
  const calls: string[] = [];
  const engine = Object.fromEntries(METHODS.map((m) => [m, (...args: unknown[]) => {
    calls.push(m);
    return (h.engine[m] as (...a: unknown[]) => unknown).apply(h.engine, args);
  }])) as unknown as DemoAgentEngine;
  return { engine, calls };
}

describe('the simulated demo agents', function () {
  this.timeout(120_000);
  let h: EngineHarness;
  afterEach(async () => { await h?.stop(); });

  async function drive(mode: DialingMode, numbers: string[]) {
    h = await EngineHarness.start({ seed: 3 });
    const ids = [1, 2, 3].map((i) => h.services.repos.users.create(
      { username: `agent${i}`, displayName: `Demo agent ${i}`, role: 'agent', passwordHash: 'x', extension: String(1000 + i) }, h.clock.now()).id);
    const helper = h.agent('helper', '1009');
    const script = h.services.scripts.create(h.owner, {
      name: 'Renewal', sharing: 'all_admins', guidance: '',
      questions: [
        { kind: 'single_choice', text: 'Interested?', options: ['Yes', 'Maybe later', 'No'] },
        { kind: 'multiple_choice', text: 'Products', options: ['Health', 'Car', 'Home'] },
        { kind: 'free_text', text: 'Notes', options: [] },
      ],
    });
    const c = h.campaign({ dialingMode: mode, agentIds: [...ids, helper], scriptId: script.id, wrapUpSeconds: 20, previewSeconds: mode === 'preview' ? 15 : null, maxLinesPerAgent: 2 });
    h.addLeads(c.id, numbers);
    const { engine, calls } = counted(h);
    const agents = new SimulatedAgents({
      engine, timers: h.proc.timers, clock: h.clock, random: createSeededRandom(9), log,
      agentIds: demoAgentIds(h.services.repos.users.list()),
      scriptOf: (id) => h.services.repos.scripts.get(id),
      pauseCodes: () => h.services.pauseCodes.list({ id: 0, role: 'agent' }).map((p) => p.code),
      timing: { pauseChance: 0.4, pauseMs: [30_000, 60_000], talkMs: [20_000, 60_000] },
    });
    h.forward = { toUser: (id, m) => agents.heard(id, m), toTopic: () => undefined, isWatched: () => false };
    agents.start();
    const settled = await h.run(() => h.leadsOf(c.id).every((l) => !['not_started', 'in_progress', 'failed_will_retry'].includes(l.status)), 3 * 3600_000);
    return { ids, helper, c, agents, calls, settled };
  }

  it('when a preview campaign runs, then agent2 and agent3 (not agent1, nor an agent someone added) call, talk, fill the script and dispose every answered customer, with pauses; stop leaves no timer', async () => {
    const numbers = [...Array.from({ length: 10 }, (_, i) => `0901${String(i).padStart(4, '0')}`), '09020001', '09030001'];
    const { ids, helper, c, agents, calls, settled } = await drive('preview', numbers);
    assert.ok(settled, JSON.stringify(h.leadsOf(c.id).map((l) => [l.phones[0], l.status])));
    assert.deepEqual(agents.ids, [ids[1], ids[2]], 'agent1 stays free for the person trying the demo');
    const attempts = h.rows<any>('SELECT * FROM dial_attempts WHERE campaign_id = ?', c.id);
    const byAgent = new Set(attempts.map((a) => a.agent_id));
    assert.ok(byAgent.has(ids[1]) && byAgent.has(ids[2]), 'both simulated agents got customers');
    assert.ok(!byAgent.has(ids[0]) && !byAgent.has(helper), 'agent1 and the added agent got none');
    assert.equal(h.rows<any>('SELECT COUNT(*) AS n FROM agent_state_changes WHERE agent_id IN (?, ?)', ids[0], helper)[0].n, 0);
    const answered = attempts.filter((a) => a.outcome === 'answered');
    assert.ok(answered.length >= 10);
    for (const a of answered) {
      assert.ok(a.disposition, `attempt ${a.id} disposed`);
      assert.ok(a.connected_at, `attempt ${a.id} was connected`);
      const answers = h.rows<any>('SELECT question_id, value FROM dial_attempt_answers WHERE attempt_id = ?', a.id);
      assert.equal(answers.length, 3, `script answered for attempt ${a.id}`);
      const interest = JSON.parse(answers.find((x) => x.question_id === script(c.scriptId!).questions[0]!.id).value);
      const expected = a.disposition === 'closed_deal' || a.disposition === 'interested' ? 'Yes' : a.disposition === 'callback' ? 'Maybe later' : 'No';
      assert.equal(interest, expected, `the answer fits the disposition ${a.disposition}`);
    }
    const talks = answered.map((a) => Date.parse(a.ended_at) - Date.parse(a.connected_at));
    assert.ok(talks.every((ms) => ms >= 19_000 && ms <= 61_000), `talk times ${talks}`);
    const pauses = h.rows<any>("SELECT reason FROM agent_state_changes WHERE to_state = 'not_ready' AND reason NOT IN ('joined', 'no answer')");
    assert.ok(pauses.length > 0 && pauses.every((p) => ['break', 'lunch', 'training', 'meeting'].includes(p.reason)), JSON.stringify(pauses));
    const callback = attempts.find((a) => a.disposition === 'callback');
    if (callback) assert.ok(Date.parse(callback.callback_at) > Date.parse(callback.disposed_at));

    agents.stop();
    assert.equal(agents.armedTimers, 0, 'no timer armed after stop');
    assert.deepEqual([h.engine.view(ids[1]!).campaign, h.engine.view(ids[2]!).campaign], [null, null], 'signed off at stop');
    const before = calls.length;
    agents.heard(ids[1]!, { type: 'agent.view', view: h.engine.view(ids[1]!) });
    await h.run(() => false, 10 * 60_000);
    assert.equal(calls.length, before, 'nothing acts after stop');
  });

  it('when a predictive campaign runs, then the simulated agents go ready, take the connected customers and dispose them', async () => {
    const numbers = Array.from({ length: 10 }, (_, i) => `0901${String(i).padStart(4, '0')}`);
    const { ids, c, agents, settled } = await drive('predictive', numbers);
    assert.ok(settled, JSON.stringify(h.leadsOf(c.id).map((l) => [l.phones[0], l.status])));
    const connected = h.rows<any>('SELECT agent_id, disposition FROM dial_attempts WHERE campaign_id = ? AND connected_at IS NOT NULL', c.id);
    assert.ok(connected.length >= 8, `connected ${connected.length}`);
    assert.ok(connected.every((a) => a.disposition && [ids[1], ids[2]].includes(a.agent_id)), JSON.stringify(connected));
    agents.release(ids[2]!);
    assert.deepEqual(agents.ids, [ids[1]], 'a person logging in as agent3 takes it over');
    agents.stop();
    assert.equal(agents.armedTimers, 0);
  });

  function script(id: number) { return h.services.repos.scripts.get(id)!; }
});
