import assert from 'node:assert/strict';
import type { AgentEvent, AgentState, AgentStateChange } from '../../../src/domain/dialer/agent-session-state';
import { applyAgentEvent } from '../../../src/domain/dialer/apply-agent-event';
import { sumTimePerState } from '../../../src/domain/dialer/time-per-state';

const T0 = Date.parse('2025-06-16T01:00:00Z');
const s = (n: number): Date => new Date(T0 + n * 1000);

/** Runs a script of [second, event] through the machine and keeps the records, as the engine would store them. */
function run(script: Array<[number, AgentEvent]>): AgentStateChange[] {
  let state: AgentState = { kind: 'offline' };
  const records: AgentStateChange[] = [];
  for (const [sec, event] of script) {
    const t = applyAgentEvent(9, state, event, s(sec));
    if (!t.ok) throw new Error(t.rejection.message);
    state = t.state;
    if (t.record) records.push(t.record);
  }
  return records;
}

describe('time per state', () => {
  const shift = run([
    [0, { type: 'join' }],
    [30, { type: 'setReady' }],
    [40, { type: 'customerHandedOver', leadId: 1 }],
    [55, { type: 'callStarted', leadId: 1 }],
    [60, { type: 'agentAnswered' }],
    [68, { type: 'customerConnected' }],
    [188, { type: 'callEnded' }],
    [218, { type: 'wrapUpEnded', cause: 'expired' }],
    [300, { type: 'setNotReady', reason: 'break' }],
    [600, { type: 'setReady' }],
    [700, { type: 'leave' }],
  ]);

  it('when a shift is summed, then each state gets the time between its record and the next', () => {
    const sum = sumTimePerState(shift, s(0), s(1000));
    assert.deepEqual(sum.byState, {
      offline: 300_000, ready: 10_000 + 82_000 + 100_000, not_ready: 30_000 + 300_000, previewing: 15_000,
      ringing: 13_000, talking: 120_000, wrap_up: 30_000, paused: 0,
    });
    assert.deepEqual(sum.notReadyByReason, { joined: 30_000, break: 300_000 });
  });

  it('when the range cuts through states, then only the part inside it counts', () => {
    const sum = sumTimePerState(shift, s(100), s(400));
    assert.equal(sum.byState.talking, 88_000);
    assert.equal(sum.byState.ready, 82_000);
    assert.equal(sum.byState.not_ready, 100_000);
    assert.equal(Object.values(sum.byState).reduce((a, b) => a + b, 0), 300_000);
  });

  it('when the records come unsorted, then the sums are the same', () => {
    const shuffled = [...shift].reverse();
    assert.deepEqual(sumTimePerState(shuffled, s(0), s(1000)), sumTimePerState(shift, s(0), s(1000)));
  });
});
