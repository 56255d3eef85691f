import assert from 'node:assert/strict';
import type { DialingMode } from '../../../src/domain/dialing-mode';
import { decide, evolve, initialWrapUp, type WrapUpEffect, type WrapUpInput, type WrapUpState } from '../../../src/domain/dialer/wrap-up-flow';

const ended = (mode: DialingMode, wrapUpMs = 30_000): WrapUpInput => ({ type: 'callEnded', leadId: 7, mode, wrapUpMs });
const wrapping = (mode: DialingMode): WrapUpState => ({ kind: 'wrapping_up', leadId: 7, mode });
const start: WrapUpEffect = { kind: 'startTimer', name: 'wrap_up', ms: 30_000 };
const cancelTimer: WrapUpEffect = { kind: 'cancelTimer', name: 'wrap_up' };
const endedBy = (cause: 'expired' | 'next_customer' | 'cancelled', deliverNextCustomer: boolean): WrapUpEffect =>
  ({ kind: 'wrapUpEnded', leadId: 7, cause, deliverNextCustomer });
const fired: WrapUpInput = { type: 'timerFired', name: 'wrap_up' };

type Row = [string, WrapUpState, WrapUpInput, WrapUpEffect[], WrapUpState['kind']];
const rows: Row[] = [
  ['a call ends', initialWrapUp, ended('preview'), [start], 'wrapping_up'],
  ['a call ends in a campaign without wrap-up time', initialWrapUp, ended('progressive', 0), [endedBy('expired', true)], 'ended'],
  ['a manual call ends without wrap-up time', initialWrapUp, ended('manual', 0), [endedBy('expired', false)], 'ended'],
  ['a second call end arrives', wrapping('preview'), ended('preview'), [{ kind: 'rejected', input: 'callEnded', reason: 'already_wrapping_up' }], 'wrapping_up'],
  ['the agent presses next customer in manual mode', wrapping('manual'), { type: 'nextCustomer' }, [cancelTimer, endedBy('next_customer', true)], 'ended'],
  ['the agent presses next customer with no wrap-up running', initialWrapUp, { type: 'nextCustomer' }, [{ kind: 'rejected', input: 'nextCustomer', reason: 'not_wrapping_up' }], 'idle'],
  ['the wrap-up is cancelled', wrapping('predictive'), { type: 'cancel' }, [cancelTimer, endedBy('cancelled', false)], 'ended'],
  ['the wrap-up timer fires after next customer', { kind: 'ended', leadId: 7 }, fired, [], 'ended'],
  ['another timer fires during wrap-up', wrapping('preview'), { type: 'timerFired', name: 'preview' }, [], 'wrapping_up'],
  ['cancel comes when nothing runs', initialWrapUp, { type: 'cancel' }, [], 'idle'],
];
const autoNext: Array<[DialingMode, boolean]> = [['preview', true], ['progressive', true], ['predictive', true], ['callback', true], ['manual', false]];
for (const [mode, deliver] of autoNext) {
  rows.push([`the ${mode} wrap-up countdown reaches zero`, wrapping(mode), fired, [endedBy('expired', deliver)], 'ended']);
  rows.push([`the agent presses next customer in ${mode} mode`, wrapping(mode), { type: 'nextCustomer' }, [cancelTimer, endedBy('next_customer', true)], 'ended']);
}

describe('wrap-up decider', () => {
  for (const [what, state, input, effects, next] of rows) {
    const end = effects.find((e) => e.kind === 'wrapUpEnded');
    const outcome = end && end.kind === 'wrapUpEnded' ? (end.deliverNextCustomer ? 'the next customer comes' : 'no customer is sent') : effects.map((e) => e.kind).join(' + ') || 'nothing happens';
    it(`when ${what}, then ${outcome}`, () => {
      assert.deepEqual(decide(state, input), effects);
      assert.equal(evolve(state, input).kind, next);
    });
  }
});
