import assert from 'node:assert/strict';
import { agentFirstFlow, type AgentFirstOptions } from '../../../src/domain/flows/agent-first-flow';
import type { FlowInput } from '../../../src/domain/flows/flow-types';
import { has, i, line, notices, released, resultOf, run, sig } from './flow-harness';

const ring: AgentFirstOptions = {
  customer: { number: '09010001', callerId: { number: '02812345', name: 'ACME' } },
  agent: { kind: 'ring', extension: '1001', ringTimeoutSeconds: 20 },
  ringTimeoutSeconds: 15,
  record: false,
};
const viaLine: AgentFirstOptions = { ...ring, agent: { kind: 'line', line } };

const agentUp = [i.start, i.answered('agent')];
const connected = [...agentUp, i.ringing('customer'), i.answered('customer')];

interface Row {
  when: string;
  opts?: AgentFirstOptions;
  inputs: FlowInput[];
  outcome: string | null;
  endReason: string;
  released: string[];
  notices?: string[];
}

const rows: Row[] = [
  { when: 'the agent answers, then the customer answers, then the customer hangs up', inputs: [...connected, i.ended('customer', sig.answeredHangup())],
    outcome: 'answered', endReason: 'customer_hangup', released: ['hangup:agent', 'destroy:call'],
    notices: ['agentRinging', 'agentAnswered', 'customerRinging', 'customerAnswered', 'connected', 'agentReleased'] },
  { when: 'connected and the agent hangs up first', inputs: [...connected, i.ended('agent', sig.answeredHangup())],
    outcome: 'answered', endReason: 'agent_hangup', released: ['hangup:customer', 'destroy:call'] },
  { when: 'the customer is busy', inputs: [...agentUp, i.ended('customer', sig.busy())], outcome: 'busy', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the customer network is congested', inputs: [...agentUp, i.ended('customer', sig.congestion())], outcome: 'congestion', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the customer number is unallocated', inputs: [...agentUp, i.ended('customer', sig.unallocated())], outcome: 'invalid_number', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the customer rings out (Asterisk dial timeout, cause 19)', inputs: [...agentUp, i.ringing('customer'), i.ended('customer', sig.noAnswer())], outcome: 'no_answer', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the customer rings past our safety timer (events lost)', inputs: [...agentUp, i.ringing('customer'), i.timer('ring')], outcome: 'no_answer', endReason: 'not_reached', released: ['hangup:customer', 'hangup:agent', 'destroy:call'] },
  { when: 'the customer call cannot even be requested (allocation failed)', inputs: [...agentUp, i.ended('customer', sig.failed())], outcome: 'failed', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the agent hangs up while the customer rings', inputs: [...agentUp, i.ringing('customer'), i.ended('agent', sig.answeredHangup())], outcome: 'no_answer', endReason: 'agent_hangup', released: ['hangup:customer', 'destroy:call'] },
  { when: 'the agent does not answer (dial timeout)', inputs: [i.start, i.ended('agent', sig.noAnswer())], outcome: null, endReason: 'agent_unreachable', released: [], notices: ['agentRinging', 'agentUnreachable'] },
  { when: 'the agent does not answer and events were lost (safety timer)', inputs: [i.start, i.timer('agentRing')], outcome: null, endReason: 'agent_unreachable', released: ['hangup:agent'] },
  { when: 'the agent phone is busy', inputs: [i.start, i.ended('agent', sig.busy())], outcome: null, endReason: 'agent_unreachable', released: [] },
  { when: 'cancelled while the agent rings', inputs: [i.start, i.cancel], outcome: null, endReason: 'cancelled', released: ['hangup:agent'] },
  { when: 'connected and the agent ends the call from their page', inputs: [...connected, i.agentEnds], outcome: 'answered', endReason: 'agent_hangup', released: ['hangup:customer', 'hangup:agent', 'destroy:call'] },
  { when: 'cancelled while the customer rings', inputs: [...agentUp, i.cancel], outcome: 'no_answer', endReason: 'cancelled', released: ['hangup:customer', 'hangup:agent', 'destroy:call'] },
  { when: 'a bridge command fails for a non-race reason', inputs: [...agentUp, { kind: 'commandFailed', command: 'createBridge', code: 'E_ARI' }], outcome: 'no_answer', endReason: 'telephony_error', released: ['hangup:customer', 'hangup:agent', 'destroy:call'] },
  { when: 'the WebSocket drops while connected and the customer is found gone after the reconnect', inputs: [...connected, i.lost, i.ended('customer', { answered: true })],
    outcome: 'answered', endReason: 'customer_hangup', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the WebSocket drops while the agent rings and the agent is found gone', inputs: [i.start, i.lost, i.ended('agent', { answered: false })], outcome: null, endReason: 'agent_unreachable', released: [] },
  { when: 'the agent ring is refused because the PBX is going away', inputs: [i.start, i.ended('agent', sig.unavailable())], outcome: null, endReason: 'telephony_error', released: [], notices: ['agentRinging', 'agentReleased'] },
  { when: 'the customer call is refused because the PBX is going away', inputs: [...agentUp, i.ended('customer', sig.unavailable())], outcome: null, endReason: 'telephony_error', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the PBX restarts while the customer rings', inputs: [...agentUp, i.ringing('customer'), i.ended('customer', sig.pbxShutdown(false))], outcome: 'no_answer', endReason: 'telephony_error', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the PBX restarts while connected (the agent leg goes first)', inputs: [...connected, i.ended('agent', sig.pbxShutdown())], outcome: 'answered', endReason: 'telephony_error', released: ['hangup:customer', 'destroy:call'] },
  { when: 'on an agent line, the customer answers and hangs up', opts: viaLine, inputs: [i.start, i.answered('customer'), i.ended('customer', sig.answeredHangup())],
    outcome: 'answered', endReason: 'customer_hangup', released: [], notices: ['customerAnswered', 'connected', 'agentReleased'] },
  { when: 'on an agent line, the customer is busy: the line stays up', opts: viaLine, inputs: [i.start, i.ended('customer', sig.busy())], outcome: 'busy', endReason: 'not_reached', released: [] },
  { when: 'on an agent line, the agent hangs up during the call: only the customer is hung up', opts: viaLine, inputs: [i.start, i.answered('customer'), i.ended('agent', sig.answeredHangup())],
    outcome: 'answered', endReason: 'agent_hangup', released: ['hangup:customer'] },
];

describe('agent-first flow', () => {
  for (const row of rows) {
    it(`when ${row.when}, then ${row.outcome ?? 'no customer outcome'} (${row.endReason}) and everything held is released`, () => {
      const { effects, last, state } = run(agentFirstFlow(row.opts ?? ring), row.inputs);
      const result = resultOf(effects);
      assert.ok(result, 'the flow ended');
      assert.equal(result.outcome, row.outcome);
      assert.equal(result.endReason, row.endReason);
      assert.deepEqual(released(last).sort(), [...row.released].sort());
      assert.equal(state.phase, 'done');
      if (row.notices) assert.deepEqual(notices(effects), row.notices);
    });
  }

  it('when the flow starts, then it rings the agent with the ring timeout and a safety timer, and does not dial the customer', () => {
    const { effects } = run(agentFirstFlow(ring), [i.start]);
    assert.ok(has(effects, { kind: 'dial', leg: 'agent', target: { kind: 'agent', extension: '1001' }, ringTimeoutSeconds: 20 }));
    assert.ok(has(effects, { kind: 'startTimer', timer: 'agentRing', ms: 25_000 }));
    assert.equal(effects.filter((e) => e.kind === 'dial').length, 1);
  });

  it('when the agent answers, then the agent is parked in the call bridge and the customer is dialled with caller ID', () => {
    const { last } = run(agentFirstFlow(ring), agentUp);
    assert.ok(has(last, { kind: 'addToBridge', leg: 'agent', bridge: { kind: 'own', name: 'call' } }));
    assert.ok(has(last, { kind: 'dial', leg: 'customer', target: { kind: 'customer', number: '09010001', amd: false, callerId: { number: '02812345', name: 'ACME' } }, ringTimeoutSeconds: 15 }));
  });

  it('when recording is on and the customer answers, then the call bridge is recorded; on a line it is stopped at the end', () => {
    const own = run(agentFirstFlow({ ...ring, record: true }), connected);
    assert.ok(has(own.last, { kind: 'startRecording', bridge: { kind: 'own', name: 'call' } }));
    const onLine = run(agentFirstFlow({ ...viaLine, record: true }), [i.start, i.answered('customer'), i.ended('customer', sig.answeredHangup())]);
    assert.ok(has(onLine.effects, { kind: 'startRecording', bridge: { kind: 'line', bridgeId: line.bridgeId } }));
    assert.deepEqual(released(onLine.last), ['stopRecording']);
  });

  it('when the flow is done, then later inputs change nothing', () => {
    const flow = agentFirstFlow(ring);
    const { state } = run(flow, [...connected, i.ended('customer', sig.answeredHangup())]);
    assert.deepEqual(flow.decide(state, i.ended('agent', sig.answeredHangup())), []);
    assert.equal(flow.isFinal(flow.evolve(state, i.cancel)), true);
  });

  it('when the WebSocket drops, then the flow keeps its state and does nothing until told what happened', () => {
    const flow = agentFirstFlow(ring);
    const { state } = run(flow, connected);
    assert.deepEqual(flow.decide(state, i.lost), []);
    assert.deepEqual(flow.evolve(state, i.lost), state);
  });
});
