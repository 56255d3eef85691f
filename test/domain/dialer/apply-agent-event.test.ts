import assert from 'node:assert/strict';
import type { AgentEvent, AgentState } from '../../../src/domain/dialer/agent-session-state';
import { applyAgentEvent } from '../../../src/domain/dialer/apply-agent-event';

const AGENT = 42;
const AT = new Date('2025-06-16T03:00:00Z');

const states: Record<string, AgentState> = {
  offline: { kind: 'offline' },
  ready: { kind: 'ready' },
  'not ready (break)': { kind: 'not_ready', reason: 'break' },
  previewing: { kind: 'previewing', leadId: 7 },
  'ringing at the agent': { kind: 'ringing', leadId: 7, agentAnswered: false, customerConnected: false, pauseAfterCall: false },
  'ringing at the customer': { kind: 'ringing', leadId: 7, agentAnswered: true, customerConnected: false, pauseAfterCall: false },
  'ringing, customer waiting': { kind: 'ringing', leadId: 7, agentAnswered: false, customerConnected: true, pauseAfterCall: false },
  talking: { kind: 'talking', leadId: 7, pauseAfterCall: false },
  'wrap-up': { kind: 'wrap_up', leadId: 7, pauseAfterCall: false },
  paused: { kind: 'paused', resumeTo: { kind: 'ready' } },
  'talking in a paused campaign': { kind: 'talking', leadId: 7, pauseAfterCall: true },
  'wrap-up in a paused campaign': { kind: 'wrap_up', leadId: 7, pauseAfterCall: true },
};
const labels = Object.keys(states);

/** A short, comparable picture of a state: its kind and what the reports and engine care about. */
function describe_(s: AgentState): string {
  const star = 'pauseAfterCall' in s && s.pauseAfterCall ? '*' : '';
  switch (s.kind) {
    case 'not_ready':
      return `not_ready(${s.reason})`;
    case 'paused':
      return `paused→${s.resumeTo.kind === 'ready' ? 'ready' : `not_ready(${s.resumeTo.reason})`}`;
    case 'ringing':
      return `ringing(agent:${s.agentAnswered ? 'yes' : 'no'},customer:${s.customerConnected ? 'yes' : 'no'})${star}`;
    default:
      return `${s.kind}${star}`;
  }
}

const X = '!illegal_transition';
// One row per event; one column per state, in the order of `states` above.
const matrix: Array<[string, AgentEvent, string[]]> = [
  ['join', { type: 'join' }, ['not_ready(joined)', X, X, X, X, X, X, X, X, X, X, X]],
  ['leave', { type: 'leave' }, [X, 'offline', 'offline', 'offline', X, X, X, X, X, 'offline', X, X]],
  ['forced leave', { type: 'leave', force: true }, [X, ...Array<string>(11).fill('offline')]],
  ['set ready', { type: 'setReady' }, [X, X, 'ready', X, X, X, X, X, X, 'paused→ready', X, X]],
  ['set not ready (lunch)', { type: 'setNotReady', reason: 'lunch' },
    [X, 'not_ready(lunch)', 'not_ready(lunch)', X, X, X, X, X, 'not_ready(lunch)', 'paused→not_ready(lunch)', X, 'paused→not_ready(lunch)']],
  ['set not ready without a reason', { type: 'setNotReady', reason: '  ' }, [X, ...Array<string>(11).fill('!reason_required')]],
  ['customer 7 handed over', { type: 'customerHandedOver', leadId: 7 }, [X, 'previewing', X, X, X, X, X, X, X, X, X, X]],
  ['customer 7 released', { type: 'customerReleased', leadId: 7 }, [X, X, X, 'ready', X, X, X, X, X, X, X, X]],
  ['customer 8 released', { type: 'customerReleased', leadId: 8 }, [X, X, X, '!wrong_customer', X, X, X, X, X, X, X, X]],
  ['call started for 7', { type: 'callStarted', leadId: 7 },
    [X, 'ringing(agent:no,customer:no)', X, 'ringing(agent:no,customer:no)', X, X, X, X, X, X, X, X]],
  ['call started for 7, customer waiting', { type: 'callStarted', leadId: 7, customerConnected: true },
    [X, 'ringing(agent:no,customer:yes)', X, 'ringing(agent:no,customer:yes)', X, X, X, X, X, X, X, X]],
  ['call started for 8', { type: 'callStarted', leadId: 8 },
    [X, 'ringing(agent:no,customer:no)', X, '!wrong_customer', X, X, X, X, X, X, X, X]],
  ['agent answered', { type: 'agentAnswered' }, [X, X, X, X, 'ringing(agent:yes,customer:no)', X, 'talking', X, X, X, X, X]],
  ['customer connected', { type: 'customerConnected' }, [X, X, X, X, 'ringing(agent:no,customer:yes)', 'talking', X, X, X, X, X, X]],
  ['agent did not answer', { type: 'agentNoAnswer' }, [X, X, X, X, 'not_ready(no answer)', X, 'not_ready(no answer)', X, X, X, X, X]],
  ['call ended', { type: 'callEnded' }, [X, X, X, X, 'ready', 'wrap_up', 'ready', 'wrap_up', X, X, 'wrap_up*', X]],
  ['wrap-up expired', { type: 'wrapUpEnded', cause: 'expired' }, [X, X, X, X, X, X, X, X, 'ready', X, X, 'paused→ready']],
  ['next customer', { type: 'wrapUpEnded', cause: 'next_customer' }, [X, X, X, X, X, X, X, X, 'ready', X, X, 'paused→ready']],
  ['campaign paused', { type: 'campaignPaused' },
    [X, 'paused→ready', 'paused→not_ready(break)', 'paused→ready', 'ringing(agent:no,customer:no)*', 'ringing(agent:yes,customer:no)*',
      'ringing(agent:no,customer:yes)*', 'talking*', 'wrap_up*', X, X, X]],
  ['campaign resumed', { type: 'campaignResumed' }, [X, X, X, X, X, X, X, X, X, 'ready', 'talking', 'wrap_up']],
  ['telephony lost', { type: 'telephonyLost' },
    [X, ...Array<string>(8).fill('not_ready(telephony lost)'), 'paused→not_ready(telephony lost)', 'not_ready(telephony lost)', 'not_ready(telephony lost)']],
];

describe('agent session state machine', () => {
  for (const [eventName, event, expectations] of matrix) {
    expectations.forEach((expected, i) => {
      const label = labels[i] ?? '?';
      it(`when ${eventName} while ${label}, then ${expected.startsWith('!') ? `it is rejected (${expected.slice(1)})` : `the agent is ${expected}`}`, () => {
        const t = applyAgentEvent(AGENT, states[label]!, event, AT);
        assert.equal(t.ok ? describe_(t.state) : `!${t.rejection.code}`, expected);
      });
    });
  }

  it('when every event is tried in every state, then the table covers each pair exactly once', () => {
    for (const [, , row] of matrix) assert.equal(row.length, labels.length);
    const types = new Set(matrix.map(([, e]) => e.type));
    assert.equal(types.size, 15);
  });

  it('when an event is rejected, then the rejection names the state and the event', () => {
    const t = applyAgentEvent(AGENT, { kind: 'talking', leadId: 7, pauseAfterCall: false }, { type: 'leave' }, AT);
    assert.deepEqual(t, {
      ok: false,
      rejection: { code: 'illegal_transition', state: 'talking', event: 'leave', message: 'leave is not allowed while talking' },
    });
  });

  it('when the visible state changes, then a record stamped with the given time says from, to, reason and customer', () => {
    const t = applyAgentEvent(AGENT, { kind: 'ringing', leadId: 7, agentAnswered: false, customerConnected: false, pauseAfterCall: false },
      { type: 'agentNoAnswer' }, AT);
    assert.ok(t.ok);
    assert.deepEqual(t.record, { agentId: AGENT, at: AT, from: 'ringing', to: 'not_ready', reason: 'no answer', leadId: 7, event: 'agentNoAnswer' });
  });

  it('when only the not-ready reason changes, then it is recorded', () => {
    const t = applyAgentEvent(AGENT, { kind: 'not_ready', reason: 'break' }, { type: 'setNotReady', reason: 'lunch' }, AT);
    assert.ok(t.ok);
    assert.deepEqual([t.record?.from, t.record?.to, t.record?.reason], ['not_ready', 'not_ready', 'lunch']);
  });

  const silent: Array<[string, AgentState, AgentEvent]> = [
    ['the agent answers while the customer is still ringing', states['ringing at the agent']!, { type: 'agentAnswered' }],
    ['the campaign pauses during a call', states.talking!, { type: 'campaignPaused' }],
    ['a paused agent chooses a not-ready reason for the resume', states.paused!, { type: 'setNotReady', reason: 'lunch' }],
  ];
  for (const [what, state, event] of silent) {
    it(`when ${what}, then the state changes but no record is made`, () => {
      const t = applyAgentEvent(AGENT, state, event, AT);
      assert.ok(t.ok);
      assert.notDeepEqual(t.state, state);
      assert.equal(t.record, null);
    });
  }
});
