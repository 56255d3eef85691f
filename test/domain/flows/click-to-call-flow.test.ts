import assert from 'node:assert/strict';
import { clickToCallFlow } from '../../../src/domain/flows/click-to-call-flow';
import type { FlowInput } from '../../../src/domain/flows/flow-types';
import { has, i, notices, released, resultOf, run, sig } from './flow-harness';

const flow = () => clickToCallFlow({ number: '+84901234567', callerId: { number: '02812345' }, extension: '1001', agentRingTimeoutSeconds: 20, ringTimeoutSeconds: 15 });
const agentUp = [i.start, i.answered('agent')];
const connected = [...agentUp, i.ringing('customer'), i.answered('customer')];

interface Row { when: string; inputs: FlowInput[]; outcome: string | null; endReason: string; released: string[]; notices?: string[] }

const rows: Row[] = [
  { when: 'the agent answers, the customer answers, the customer hangs up', inputs: [...connected, i.ended('customer', sig.answeredHangup())],
    outcome: 'answered', endReason: 'customer_hangup', released: ['hangup:agent', 'destroy:call'],
    notices: ['agentRinging', 'agentAnswered', 'customerRinging', 'customerAnswered', 'connected', 'agentReleased'] },
  { when: 'connected and the agent hangs up', inputs: [...connected, i.ended('agent', sig.answeredHangup())], outcome: 'answered', endReason: 'agent_hangup', released: ['hangup:customer', 'destroy:call'] },
  { when: 'connected and the agent presses End', inputs: [...connected, i.agentEnds], outcome: 'answered', endReason: 'agent_hangup', released: ['hangup:customer', 'hangup:agent', 'destroy:call'] },
  { when: 'the customer is busy', inputs: [...agentUp, i.ended('customer', sig.busy())], outcome: 'busy', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the customer does not answer', inputs: [...agentUp, i.ringing('customer'), i.ended('customer', sig.noAnswer())], outcome: 'no_answer', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the customer rings past the safety timer', inputs: [...agentUp, i.ringing('customer'), i.timer('ring')], outcome: 'no_answer', endReason: 'not_reached', released: ['hangup:customer', 'hangup:agent', 'destroy:call'] },
  { when: 'the agent presses End while the customer rings', inputs: [...agentUp, i.ringing('customer'), i.agentEnds], outcome: 'no_answer', endReason: 'agent_hangup', released: ['hangup:customer', 'hangup:agent', 'destroy:call'] },
  { when: 'the agent does not answer their phone', inputs: [i.start, i.ended('agent', sig.noAnswer())], outcome: null, endReason: 'agent_unreachable', released: [], notices: ['agentRinging', 'agentUnreachable'] },
  { when: 'the agent phone rings past the safety timer', inputs: [i.start, i.timer('agentRing')], outcome: null, endReason: 'agent_unreachable', released: ['hangup:agent'] },
  { when: 'the agent presses End while their phone rings', inputs: [i.start, i.agentEnds], outcome: null, endReason: 'agent_hangup', released: ['hangup:agent'] },
  { when: 'the ARI WebSocket drops while talking and the customer hangs up after it is back', inputs: [...connected, i.lost, i.ended('customer', sig.answeredHangup())],
    outcome: 'answered', endReason: 'customer_hangup', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the ARI WebSocket drops while the agent phone rings and it rings out', inputs: [i.start, i.lost, i.timer('agentRing')], outcome: null, endReason: 'agent_unreachable', released: ['hangup:agent'] },
  { when: 'the customer leg vanishes without a cause while ringing (found missing after a reconnect)', inputs: [...agentUp, i.ringing('customer'), i.lost, i.ended('customer', sig.gone())], outcome: 'failed', endReason: 'not_reached', released: ['hangup:agent', 'destroy:call'] },
  { when: 'the PBX shuts down while talking', inputs: [...connected, i.ended('customer', sig.pbxShutdown())], outcome: 'answered', endReason: 'telephony_error', released: ['hangup:agent', 'destroy:call'] },
];

describe('click-to-call flow', () => {
  for (const r of rows) {
    it(`when ${r.when}, then ${r.outcome ?? 'no outcome'} / ${r.endReason} and everything is released`, () => {
      const { effects } = run(flow(), r.inputs);
      const result = resultOf(effects);
      assert.equal(result?.outcome ?? null, r.outcome);
      assert.equal(result?.endReason, r.endReason);
      const end = effects.findIndex((e) => e.kind === 'cancelTimer');
      assert.deepEqual(released(effects.slice(Math.max(0, end))), r.released);
      if (r.notices) assert.deepEqual(notices(effects), r.notices);
    });
  }

  it('when it starts, then it names itself click-to-call and rings the agent first; the customer is dialled with the caller ID only after the agent answers', () => {
    const f = flow();
    assert.equal(f.name, 'click-to-call');
    const first = run(f, [i.start]).effects;
    assert.ok(has(first, { kind: 'dial', leg: 'agent', target: { kind: 'agent', extension: '1001' }, ringTimeoutSeconds: 20 }));
    assert.ok(!first.some((e) => e.kind === 'dial' && e.leg === 'customer'));
    const next = run(f, agentUp).last;
    assert.ok(has(next, { kind: 'dial', leg: 'customer', target: { kind: 'customer', number: '+84901234567', amd: false, callerId: { number: '02812345' } }, ringTimeoutSeconds: 15 }));
    assert.ok(has(next, { kind: 'addToBridge', leg: 'agent', bridge: { kind: 'own', name: 'call' } }));
  });

  it('when the call has ended, then later inputs do nothing and it never records', () => {
    const { state, effects } = run(flow(), [...connected, i.ended('customer', sig.answeredHangup()), i.ended('agent', sig.answeredHangup()), i.agentEnds]);
    assert.equal(flow().isFinal(state), true);
    assert.ok(!effects.some((e) => e.kind === 'startRecording'));
  });
});
