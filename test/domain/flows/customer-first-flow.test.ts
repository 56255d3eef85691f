import assert from 'node:assert/strict';
import { customerFirstFlow, type CustomerFirstOptions } from '../../../src/domain/flows/customer-first-flow';
import type { FlowInput } from '../../../src/domain/flows/flow-types';
import { has, i, line, notices, released, resultOf, run, sig } from './flow-harness';

const opts: CustomerFirstOptions = {
  number: '09010001', ringTimeoutSeconds: 15, amd: true, record: false,
  machine: { kind: 'hangup' },
  agent: { holdMaxSeconds: 2, mohClass: 'default', safeHarborMedia: ['sound:sorry'] },
};
const withMessage: CustomerFirstOptions = { ...opts, machine: { kind: 'message', media: ['sound:vm-goodbye'] } };

const human = [i.start, i.ringing('customer'), i.answered('customer'), i.amd('HUMAN')];
const holding = [...human, i.noAgent];
const connected = [...human, i.assigned];

interface Row { when: string; opts?: CustomerFirstOptions; inputs: FlowInput[]; outcome: string | null; endReason: string; released: string[] }

const rows: Row[] = [
  { when: 'a human answers, a line is free, and the customer hangs up', inputs: [...connected, i.ended('customer', sig.answeredHangup())], outcome: 'answered', endReason: 'customer_hangup', released: [] },
  { when: 'a human is connected and the agent hangs up first', inputs: [...connected, i.ended('agent', sig.answeredHangup())], outcome: 'answered', endReason: 'agent_hangup', released: ['hangup:customer'] },
  { when: 'nobody is free, then a line frees up, then the customer hangs up', inputs: [...holding, i.assigned, i.ended('customer', sig.answeredHangup())], outcome: 'answered', endReason: 'customer_hangup', released: [] },
  { when: 'nobody frees up within holdMaxSeconds: safe-harbor prompt, then hang up', inputs: [...holding, i.timer('hold'), i.played('safeHarbor')], outcome: 'abandoned', endReason: 'abandoned', released: ['hangup:customer', 'destroy:hold'] },
  { when: 'the customer hangs up while on hold', inputs: [...holding, i.ended('customer', sig.answeredHangup())], outcome: 'abandoned', endReason: 'customer_hangup', released: ['withdraw', 'destroy:hold'] },
  { when: 'the customer hangs up during the safe-harbor prompt', inputs: [...holding, i.timer('hold'), i.ended('customer', sig.answeredHangup())], outcome: 'abandoned', endReason: 'abandoned', released: ['destroy:hold'] },
  { when: 'the customer hangs up while a line is being looked for', inputs: [...human, i.ended('customer', sig.answeredHangup())], outcome: 'abandoned', endReason: 'customer_hangup', released: ['withdraw'] },
  { when: 'a machine answers and the campaign hangs up on machines', inputs: [i.start, i.answered('customer'), i.amd('MACHINE')], outcome: 'machine', endReason: 'machine', released: ['hangup:customer'] },
  { when: 'a machine answers and gets the message', opts: withMessage, inputs: [i.start, i.answered('customer'), i.amd('MACHINE'), i.played('machineMessage')], outcome: 'machine', endReason: 'machine', released: ['hangup:customer'] },
  { when: 'the machine hangs up during the message', opts: withMessage, inputs: [i.start, i.answered('customer'), i.amd('MACHINE'), i.ended('customer', sig.answeredHangup())], outcome: 'machine', endReason: 'machine', released: [] },
  { when: 'the customer hangs up during AMD', inputs: [i.start, i.answered('customer'), i.ended('customer', sig.answeredHangup())], outcome: 'answered', endReason: 'customer_hangup', released: [] },
  { when: 'the customer is busy', inputs: [i.start, i.ringing('customer'), i.ended('customer', sig.busy())], outcome: 'busy', endReason: 'not_reached', released: [] },
  { when: 'the network is congested', inputs: [i.start, i.ended('customer', sig.congestion())], outcome: 'congestion', endReason: 'not_reached', released: [] },
  { when: 'the number is unallocated', inputs: [i.start, i.ended('customer', sig.unallocated())], outcome: 'invalid_number', endReason: 'not_reached', released: [] },
  { when: 'the customer rings out', inputs: [i.start, i.ringing('customer'), i.ended('customer', sig.noAnswer())], outcome: 'no_answer', endReason: 'not_reached', released: [] },
  { when: 'the ring safety timer fires', inputs: [i.start, i.ringing('customer'), i.timer('ring')], outcome: 'no_answer', endReason: 'not_reached', released: ['hangup:customer'] },
  { when: 'connected and the agent ends the call from their page', inputs: [...connected, i.agentEnds], outcome: 'answered', endReason: 'agent_hangup', released: ['hangup:customer'] },
  { when: 'cancelled while on hold', inputs: [...holding, i.cancel], outcome: 'answered', endReason: 'cancelled', released: ['withdraw', 'hangup:customer', 'destroy:hold'] },
  { when: 'the WebSocket drops while on hold and the customer is found gone', inputs: [...holding, i.lost, i.ended('customer', { answered: true })], outcome: 'abandoned', endReason: 'customer_hangup', released: ['withdraw', 'destroy:hold'] },
  { when: 'the WebSocket drops while connected and the customer is found gone', inputs: [...connected, i.lost, i.ended('customer', { answered: true })], outcome: 'answered', endReason: 'customer_hangup', released: [] },
  { when: 'the call is refused because the PBX is going away', inputs: [i.start, i.ended('customer', sig.unavailable())], outcome: null, endReason: 'telephony_error', released: [] },
  { when: 'the PBX restarts while a human is connected', inputs: [...connected, i.ended('customer', sig.pbxShutdown())], outcome: 'answered', endReason: 'telephony_error', released: [] },
  { when: 'the PBX restarts while a human is on hold', inputs: [...holding, i.ended('customer', sig.pbxShutdown())], outcome: 'abandoned', endReason: 'telephony_error', released: ['withdraw', 'destroy:hold'] },
  { when: 'the WebSocket drops while ringing and the leg is found gone', inputs: [i.start, i.lost, i.ended('customer', { answered: false })], outcome: 'failed', endReason: 'not_reached', released: [] },
];

describe('customer-first flow', () => {
  for (const row of rows) {
    it(`when ${row.when}, then ${row.outcome} (${row.endReason}) and what it held is released`, () => {
      const { effects, last, state } = run(customerFirstFlow(row.opts ?? opts), row.inputs);
      const result = resultOf(effects);
      assert.ok(result);
      assert.equal(result.outcome, row.outcome);
      assert.equal(result.endReason, row.endReason);
      assert.deepEqual(released(last).sort(), [...row.released].sort());
      assert.equal(state.phase, 'done');
    });
  }

  it('when dialling, then the customer goes through the AMD context with a ring timeout', () => {
    const { effects } = run(customerFirstFlow(opts), [i.start]);
    assert.ok(has(effects, { kind: 'dial', leg: 'customer', target: { kind: 'customer', number: '09010001', amd: true, callerId: undefined }, ringTimeoutSeconds: 15 }));
  });

  it('when a human answers and a line is free, then the customer joins the agent line bridge at once', () => {
    const { last, state } = run(customerFirstFlow({ ...opts, record: true }), connected);
    assert.ok(has(last, { kind: 'attachLine', line }));
    assert.ok(has(last, { kind: 'addToBridge', leg: 'customer', bridge: { kind: 'line', bridgeId: line.bridgeId } }));
    assert.ok(has(last, { kind: 'startRecording', bridge: { kind: 'line', bridgeId: line.bridgeId } }));
    assert.equal(state.phase, 'connected');
  });

  it('when nobody is free, then the customer waits in a holding bridge with music and a hold timer', () => {
    const { last } = run(customerFirstFlow(opts), holding);
    assert.ok(has(last, { kind: 'createBridge', bridge: 'hold', type: 'holding' }));
    assert.ok(has(last, { kind: 'startMoh', bridge: 'hold', mohClass: 'default' }));
    assert.ok(has(last, { kind: 'startTimer', timer: 'hold', ms: 2000 }));
    assert.deepEqual(notices(last), ['waitingForAgent']);
  });

  it('when a line frees up during hold, then the customer moves to it and the holding bridge is destroyed', () => {
    const { last } = run(customerFirstFlow(opts), [...holding, i.assigned]);
    assert.ok(has(last, { kind: 'addToBridge', leg: 'customer', bridge: { kind: 'line', bridgeId: line.bridgeId } }));
    assert.ok(has(last, { kind: 'destroyBridge', bridge: 'hold' }));
    assert.ok(has(last, { kind: 'cancelTimer', timer: 'hold' }));
  });

  it('when the hold time runs out, then the request is withdrawn and the safe-harbor prompt plays in the holding bridge', () => {
    const { last } = run(customerFirstFlow(opts), [...holding, i.timer('hold')]);
    assert.ok(has(last, { kind: 'withdrawAgentRequest' }));
    assert.ok(!last.some((e) => e.kind === 'destroyBridge'), 'the customer stays in the holding bridge during the prompt');
    assert.ok(has(last, { kind: 'play', leg: 'customer', playback: 'safeHarbor', media: ['sound:sorry'] }));
  });

  it('when a line arrives after the customer was abandoned or finished, then it is declined', () => {
    const flow = customerFirstFlow(opts);
    const abandoning = run(flow, [...holding, i.timer('hold')]).state;
    assert.deepEqual(flow.decide(abandoning, i.assigned), [{ kind: 'declineLine', line }]);
    const done = run(flow, [...holding, i.timer('hold'), i.played('safeHarbor')]).state;
    assert.deepEqual(flow.decide(done, i.assigned), [{ kind: 'declineLine', line }]);
  });

  it('when AMD never reports, then the call is treated as a human (NOTSURE)', () => {
    const { last, state } = run(customerFirstFlow(opts), [i.start, i.answered('customer'), i.timer('amd')]);
    assert.ok(has(last, { kind: 'requestAgent' }));
    assert.equal(state.customer.amd, 'NOTSURE');
  });
});
