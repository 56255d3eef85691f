import assert from 'node:assert/strict';
import type { Effect, FlowInput } from '../../../src/domain/flows/flow-types';
import { inboundFlow, type InboundOptions } from '../../../src/domain/flows/inbound-flow';
import { has, i, notices, released, resultOf, run, sig } from './flow-harness';

const opts: InboundOptions = {
  number: '0912345678', greetingMedia: ['sound:hello'], closingMedia: ['sound:goodbye'], callbackOfferMedia: [],
  callbackConfirmationMedia: ['sound:auth-thankyou'], mohClass: 'default', agentRingSeconds: 10, maxWaitSeconds: 60, retryMs: 2000,
};
const ann = { agentId: 7, extension: '1007' };
const bob = { agentId: 8, extension: '1008' };
const picked = (agent: typeof ann | null, anyOn = agent !== null): FlowInput => ({ kind: 'agentPicked', agent, anyOn });
const queued = [i.start, i.played('greeting')];
const picks = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'pickAgent' ? [[...e.tried]] : []));
const dials = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'dial' ? [e.target] : []));

describe('inbound flow', () => {
  it('when the call starts, then the greeting plays, then the caller waits on music in a holding bridge while an agent is picked', () => {
    const { effects } = run(inboundFlow(opts), queued);
    assert.ok(has(effects, { kind: 'play', leg: 'customer', playback: 'greeting', media: ['sound:hello'] }));
    assert.ok(has(effects, { kind: 'startTimer', timer: 'queue', ms: 60_000 }));
    assert.ok(has(effects, { kind: 'createBridge', bridge: 'hold', type: 'holding' }));
    assert.ok(has(effects, { kind: 'startMoh', bridge: 'hold', mohClass: 'default' }));
    assert.deepEqual(picks(effects), [[]]);
    assert.deepEqual(notices(effects), ['inboundQueued']);
  });

  it('when an agent is picked, then their phone rings with the caller ID; on answer both are bridged and the hold bridge goes', () => {
    const { effects, last } = run(inboundFlow(opts), [...queued, picked(ann), i.answered('agent')]);
    assert.deepEqual(dials(effects), [{ kind: 'agent', extension: '1007', callerId: { number: '0912345678' } }]);
    assert.ok(has(effects, { kind: 'startTimer', timer: 'agentRing', ms: 10_000 }));
    assert.ok(has(last, { kind: 'addToBridge', leg: 'customer', bridge: { kind: 'own', name: 'call' } }));
    assert.ok(has(last, { kind: 'addToBridge', leg: 'agent', bridge: { kind: 'own', name: 'call' } }));
    assert.ok(has(last, { kind: 'destroyBridge', bridge: 'hold' }));
    assert.deepEqual(notices(effects), ['inboundQueued', 'inboundOffered', 'inboundAnswered', 'connected']);
  });

  for (const [who, end, reason] of [['caller', i.ended('customer', sig.answeredHangup()), 'customer_hangup'], ['agent', i.ended('agent', sig.answeredHangup()), 'agent_hangup']] as const) {
    it(`when the ${who} hangs up on the bridged call, then the other side and the bridge are released, answered (${reason})`, () => {
      const { effects, last } = run(inboundFlow(opts), [...queued, picked(ann), i.answered('agent'), end]);
      assert.equal(resultOf(effects)?.outcome, 'answered');
      assert.equal(resultOf(effects)?.endReason, reason);
      assert.deepEqual(released(last), [who === 'caller' ? 'hangup:agent' : 'hangup:customer', 'destroy:call']);
      assert.ok(notices(last).includes('agentReleased'));
    });
  }

  it('when the first agent does not answer in time, then their phone is let go and, once it has ended, the next agent is rung', () => {
    const f = inboundFlow(opts);
    const ring = run(f, [...queued, picked(ann), i.timer('agentRing')]);
    assert.deepEqual(released(ring.last), ['hangup:agent']);
    assert.deepEqual(picks(ring.effects), [[]], 'no new agent while the old phone still rings');
    const next = run(f, [...queued, picked(ann), i.timer('agentRing'), i.ended('agent', sig.noAnswer()), picked(bob), i.answered('agent')]);
    assert.deepEqual(picks(next.effects), [[], [7]]);
    assert.deepEqual(dials(next.effects).map((d) => d.kind === 'agent' && d.extension), ['1007', '1008']);
    assert.deepEqual(notices(next.effects), ['inboundQueued', 'inboundOffered', 'inboundNotTaken', 'inboundOffered', 'inboundAnswered', 'connected']);
  });

  it('when the rung agent is busy, then the next agent is asked for at once', () => {
    const { effects } = run(inboundFlow(opts), [...queued, picked(ann), i.ended('agent', sig.busy())]);
    assert.deepEqual(picks(effects), [[], [7]]);
  });

  it('when no agent is ON, then the caller hears the closing message and the call ends (no_agent)', () => {
    const { effects, last } = run(inboundFlow(opts), [...queued, picked(null, false), i.played('closing')]);
    assert.ok(has(effects, { kind: 'play', leg: 'customer', playback: 'closing', media: ['sound:goodbye'] }));
    assert.deepEqual(resultOf(effects), { outcome: 'abandoned', endReason: 'no_agent', customer: { answered: true } });
    assert.deepEqual(released(last), ['hangup:customer', 'destroy:hold']);
  });

  it('when every ON agent is busy, then the flow asks again after retryMs, with a fresh round', () => {
    const { effects } = run(inboundFlow(opts), [...queued, picked(ann), i.ended('agent', sig.busy()), picked(null, true), i.timer('retry')]);
    assert.ok(has(effects, { kind: 'startTimer', timer: 'retry', ms: 2000 }));
    assert.deepEqual(picks(effects), [[], [7], []]);
  });

  it('when the wait runs out while an agent rings, then that phone is let go and the closing message plays', () => {
    const { effects } = run(inboundFlow(opts), [...queued, picked(ann), i.timer('queue'), i.ended('agent', sig.noAnswer()), i.played('closing')]);
    assert.deepEqual(picks(effects), [[]]);
    assert.equal(resultOf(effects)?.endReason, 'no_agent');
  });

  for (const [where, inputs] of [
    ['during the greeting', [i.start]],
    ['in the queue', [...queued]],
    ['while waiting to retry', [...queued, picked(null, true)]],
    ['while an agent rings', [...queued, picked(ann)]],
  ] as const) {
    it(`when the caller hangs up ${where}, then it is a missed call (queue_hangup) and everything is released`, () => {
      const { effects, state } = run(inboundFlow(opts), [...inputs, i.ended('customer', sig.answeredHangup())]);
      assert.equal(resultOf(effects)?.endReason, 'queue_hangup');
      assert.equal(resultOf(effects)?.outcome, 'abandoned');
      assert.equal(state.phase, 'done');
      assert.equal(state.agentAlive || state.holdBridge, false);
      if (where === 'while an agent rings') assert.ok(released(effects).includes('hangup:agent'));
    });
  }

  it('when the callback offer is configured and the caller presses 1, then a callback request is noted and confirmed', () => {
    const o = { ...opts, callbackOfferMedia: ['sound:press-1'] };
    const { effects } = run(inboundFlow(o), [...queued, picked(null, false), i.dtmf('1'), i.played('confirmation')]);
    assert.ok(has(effects, { kind: 'notify', notice: { kind: 'callbackRequested', number: '0912345678' } }));
    assert.equal(resultOf(effects)?.endReason, 'callback_requested');
  });

  it('when the callback offer is not taken, then the call ends after the wait for a key', () => {
    const o = { ...opts, callbackOfferMedia: ['sound:press-1'] };
    const { effects } = run(inboundFlow(o), [...queued, picked(null, false), i.played('offer'), i.timer('prompt')]);
    assert.ok(!notices(effects).includes('callbackRequested'));
    assert.equal(resultOf(effects)?.endReason, 'no_agent');
  });

  it('when the runner cancels it while an agent rings, then both legs and the hold bridge are released', () => {
    const { last } = run(inboundFlow(opts), [...queued, picked(ann), i.cancel]);
    assert.deepEqual(released(last), ['hangup:agent', 'hangup:customer', 'destroy:hold']);
  });

  it('when the WebSocket drops, then the flow waits on (its timers still bound every state)', () => {
    const { last, state } = run(inboundFlow(opts), [...queued, picked(ann), i.lost]);
    assert.deepEqual(last, []);
    assert.equal(state.phase, 'ringing');
  });
});
