import assert from 'node:assert/strict';
import { agentLineFlow } from '../../../src/domain/flows/agent-line-flow';
import type { FlowInput } from '../../../src/domain/flows/flow-types';
import { has, i, notices, released, resultOf, run, sig } from './flow-harness';

const opts = { extension: '1001', ringTimeoutSeconds: 20 };

const rows: { when: string; inputs: FlowInput[]; endReason: string; released: string[]; notices: string[] }[] = [
  { when: 'the parked agent hangs up', inputs: [i.start, i.answered('agent'), i.ended('agent', sig.answeredHangup())], endReason: 'agent_hangup', released: ['destroy:call'], notices: ['agentRinging', 'lineReady', 'lineClosed'] },
  { when: 'the session closes the parked line', inputs: [i.start, i.answered('agent'), i.cancel], endReason: 'line_closed', released: ['hangup:agent', 'destroy:call'], notices: ['agentRinging', 'lineReady', 'lineClosed'] },
  { when: 'the agent phone is busy', inputs: [i.start, i.ended('agent', sig.busy())], endReason: 'agent_unreachable', released: [], notices: ['agentRinging', 'agentUnreachable'] },
  { when: 'the agent does not answer', inputs: [i.start, i.ended('agent', sig.noAnswer())], endReason: 'agent_unreachable', released: [], notices: ['agentRinging', 'agentUnreachable'] },
  { when: 'the ring safety timer fires', inputs: [i.start, i.timer('agentRing')], endReason: 'agent_unreachable', released: ['hangup:agent'], notices: ['agentRinging', 'agentUnreachable'] },
  { when: 'the session closes the line while it rings', inputs: [i.start, i.cancel], endReason: 'line_closed', released: ['hangup:agent'], notices: ['agentRinging'] },
  { when: 'the WebSocket drops and the agent is found gone', inputs: [i.start, i.answered('agent'), i.lost, i.ended('agent', { answered: true })], endReason: 'agent_hangup', released: ['destroy:call'], notices: ['agentRinging', 'lineReady', 'lineClosed'] },
  { when: 'the line ring is refused because the PBX is going away', inputs: [i.start, i.ended('agent', sig.unavailable())], endReason: 'telephony_error', released: [], notices: ['agentRinging', 'lineClosed'] },
  { when: 'the PBX restarts with the line parked', inputs: [i.start, i.answered('agent'), i.ended('agent', sig.pbxShutdown())], endReason: 'telephony_error', released: ['destroy:call'], notices: ['agentRinging', 'lineReady', 'lineClosed'] },
  { when: 'bridging the agent fails', inputs: [i.start, i.answered('agent'), { kind: 'commandFailed', command: 'addToBridge', code: 'E_ARI' }], endReason: 'telephony_error', released: ['hangup:agent', 'destroy:call'], notices: ['agentRinging', 'lineReady', 'lineClosed'] },
];

describe('agent-line flow', () => {
  for (const row of rows) {
    it(`when ${row.when}, then it ends (${row.endReason}) releasing what it held`, () => {
      const { effects, last } = run(agentLineFlow(opts), row.inputs);
      assert.deepEqual(resultOf(effects), { outcome: null, endReason: row.endReason });
      assert.deepEqual(released(last).sort(), [...row.released].sort());
      assert.deepEqual(notices(effects), row.notices);
    });
  }

  it('when the PBX takes the line away, then the closing notice says so, and not when the agent hangs up', () => {
    const closing = (inputs: FlowInput[]) => run(agentLineFlow(opts), inputs).effects.flatMap((e) => (e.kind === 'notify' && e.notice.kind === 'lineClosed' ? [e.notice] : []));
    assert.deepEqual(closing([i.start, i.answered('agent'), i.ended('agent', sig.pbxShutdown())]), [{ kind: 'lineClosed', byPbx: true }]);
    assert.deepEqual(closing([i.start, i.ended('agent', sig.unavailable())]), [{ kind: 'lineClosed', byPbx: true }]);
    assert.deepEqual(closing([i.start, i.answered('agent'), i.ended('agent', sig.answeredHangup())]), [{ kind: 'lineClosed' }]);
  });

  it('when the agent answers, then the channel is parked alone in its own mixing bridge and the line is ready', () => {
    const { last, state } = run(agentLineFlow(opts), [i.start, i.answered('agent')]);
    assert.ok(has(last, { kind: 'createBridge', bridge: 'call', type: 'mixing' }));
    assert.ok(has(last, { kind: 'addToBridge', leg: 'agent', bridge: { kind: 'own', name: 'call' } }));
    assert.equal(state.phase, 'parked');
  });

  it('when customers come and go on a parked line, then the line does nothing', () => {
    const flow = agentLineFlow(opts);
    const { state } = run(flow, [i.start, i.answered('agent')]);
    for (const input of [i.ended('customer', sig.answeredHangup()), i.dtmf('1'), i.lost]) assert.deepEqual(flow.decide(state, input), []);
  });
});
