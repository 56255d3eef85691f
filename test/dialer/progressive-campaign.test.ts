import assert from 'node:assert/strict';
import type { Disposition } from '../../src/domain/disposition';
import { EngineHarness, type Message } from './support/engine-harness';

/** What each number does in the simulator, and what its contact must end as with maxAttempts 2. */
const KINDS = [
  { prefix: '0901', count: 8, kind: 'human' },
  { prefix: '0907', count: 4, kind: 'short' },
  { prefix: '0906', count: 4, kind: 'machine' },
  { prefix: '0902', count: 6, kind: 'busy' },
  { prefix: '0903', count: 5, kind: 'no_answer' },
  { prefix: '0904', count: 4, kind: 'congestion' },
  { prefix: '0900', count: 4, kind: 'unallocated' },
  { prefix: '0777', count: 3, kind: 'no_such_number' },
  { prefix: '0901', count: 2, kind: 'dnc' },
] as const;

const DISPOSITIONS: Disposition[] = ['closed_deal', 'interested', 'not_interested', 'callback', 'do_not_call_again'];

describe('a progressive campaign through the ARI simulator', function () {
  this.timeout(60_000);
  let h: EngineHarness;

  afterEach(async () => { await h?.stop(); });

  it('when 2 agents work 40 contacts across every outcome, then each contact ends in the right status with the right attempts and call records match', async () => {
    const numbers: { number: string; kind: string }[] = [];
    let serial = 0;
    for (const k of KINDS) for (let i = 0; i < k.count; i++) numbers.push({ number: `${k.prefix}${String(++serial).padStart(4, '0')}`, kind: k.kind });
    h = await EngineHarness.start({ dnc: numbers.filter((n) => n.kind === 'dnc').map((n) => n.number) });
    const a1 = h.agent('alice', '1001');
    const a2 = h.agent('bob', '1002');
    const c = h.campaign({ dialingMode: 'progressive', agentIds: [a1, a2] });
    const ids = h.addLeads(c.id, numbers.map((n) => n.number));
    const kindOf = new Map(ids.map((id, i) => [id, numbers[i]!.kind]));
    const disposedOnce = new Set<number>();
    const bot = (agentId: number) => (m: Message) => {
      if (m.type !== 'agent.view' || !m.view.allowed.dispose) return;
      const { leadId, attemptId } = m.view.customer;
      const first = !disposedOnce.has(leadId);
      disposedOnce.add(leadId);
      const d = first ? DISPOSITIONS[leadId % DISPOSITIONS.length]! : 'closed_deal';
      const callbackAt = d === 'callback' ? new Date(h.clock.now().getTime() + 120_000) : undefined;
      try { h.engine.dispose(agentId, attemptId, d, callbackAt); } catch { /* a newer view already moved on */ }
    };
    h.bot(a1, bot(a1));
    h.bot(a2, bot(a2));
    for (const a of [a1, a2]) {
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
    const waiting = ['not_started', 'in_progress', 'failed_will_retry', 'callback_scheduled'];
    const done = await h.run(() => h.leadsOf(c.id).every((l) => !waiting.includes(l.status)), 3 * 3600_000);
    assert.ok(done, `unfinished: ${JSON.stringify(h.leadsOf(c.id).filter((l) => waiting.includes(l.status)).map((l) => [l.phones[0], l.status]))}`);

    for (const lead of h.leadsOf(c.id)) {
      const kind = kindOf.get(lead.id)!;
      const first = DISPOSITIONS[lead.id % DISPOSITIONS.length]!;
      const expected: Record<string, [string, number]> = {
        busy: ['retries_exhausted', 2], no_answer: ['retries_exhausted', 2], congestion: ['retries_exhausted', 2],
        unallocated: ['call_error', 1], no_such_number: ['call_error', 1], dnc: ['dnc', 0],
      };
      const [status, attempts] = expected[kind]
        ?? (first === 'do_not_call_again' ? ['do_not_call_again', 1] : first === 'callback' ? ['success', 2] : ['success', 1]);
      assert.equal(lead.status, status, `${lead.phones[0]} (${kind}, ${first})`);
      assert.equal(lead.attempts, attempts, `${lead.phones[0]} attempts`);
      const attemptsRows = h.rows<any>('SELECT * FROM dial_attempts WHERE lead_id = ? AND dialing_at IS NOT NULL ORDER BY id', lead.id);
      assert.equal(attemptsRows.length, attempts, `${lead.phones[0]} dialled attempts`);
      for (const a of attemptsRows) {
        const records = h.rows<any>('SELECT * FROM call_records WHERE attempt_id = ?', a.id);
        assert.equal(records.length, 1, `one call record for attempt ${a.id}`);
        assert.equal(records[0].outcome, a.outcome, `record and attempt agree for ${lead.phones[0]}`);
        assert.equal(records[0].phone_number, lead.phones[0]);
        assert.equal(a.state, 'ended');
      }
    }
    const reminded = [...h.messagesOf(a1, 'agent.reminder'), ...h.messagesOf(a2, 'agent.reminder')];
    const callbacks = h.rows<any>("SELECT * FROM dial_attempts WHERE campaign_id = ? AND disposition = 'callback'", c.id);
    assert.ok(callbacks.length > 0, 'some contacts asked for a callback');
    assert.equal(reminded.length, callbacks.length, 'every callback was reminded');
    const changes = h.rows<any>('SELECT DISTINCT to_state FROM agent_state_changes WHERE agent_id = ?', a1).map((r) => r.to_state).sort();
    assert.deepEqual(changes, ['not_ready', 'ready', 'ringing', 'talking', 'previewing', 'wrap_up'].sort());
    assert.equal(h.sim.control.snapshot().channels, 2 * 0, 'no channel is left');
    assert.deepEqual(h.sim.control.errors, []);
  });
});
