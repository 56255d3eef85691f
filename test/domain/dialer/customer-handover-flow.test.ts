import assert from 'node:assert/strict';
import type { DialingMode } from '../../../src/domain/dialing-mode';
import { decide, evolve, initialHandover, type HandoverEffect, type HandoverInput, type HandoverState } from '../../../src/domain/dialer/customer-handover-flow';

const handedOver = (mode: DialingMode, previewMs = 10_000): HandoverInput => ({ type: 'handedOver', leadId: 7, mode, previewMs, phoneCount: 2, defaultPhoneIndex: 0 });
const previewing: HandoverState = { kind: 'previewing', leadId: 7, defaultPhoneIndex: 0 };
const waiting: HandoverState = { kind: 'waiting_for_agent', leadId: 7, phoneCount: 2, defaultPhoneIndex: 0 };
const calling: HandoverState = { kind: 'calling', leadId: 7, phoneIndex: 0 };
const released: HandoverState = { kind: 'released', leadId: 7 };

type Row = [string, HandoverState, HandoverInput, HandoverEffect[], HandoverState['kind']];
const rows: Row[] = [
  ['a preview customer is handed over', initialHandover, handedOver('preview'), [{ kind: 'startTimer', name: 'preview', ms: 10_000 }], 'previewing'],
  ['a preview customer is handed over with no countdown', initialHandover, handedOver('preview', 0), [{ kind: 'startCall', leadId: 7, phoneIndex: 0 }], 'calling'],
  ['a progressive customer is handed over', initialHandover, handedOver('progressive'), [{ kind: 'startCall', leadId: 7, phoneIndex: 0 }], 'calling'],
  ['a callback customer is handed over', initialHandover, handedOver('callback'), [{ kind: 'startCall', leadId: 7, phoneIndex: 0 }], 'calling'],
  ['a manual customer is taken', initialHandover, handedOver('manual'), [], 'waiting_for_agent'],
  ['a predictive customer is handed over', initialHandover, handedOver('predictive'), [{ kind: 'rejected', input: 'handedOver', reason: 'mode_has_no_handover' }], 'idle'],
  ['an IVR customer is handed over', initialHandover, handedOver('ivr'), [{ kind: 'rejected', input: 'handedOver', reason: 'mode_has_no_handover' }], 'idle'],
  ['a next customer comes after a call started', calling, handedOver('progressive'), [{ kind: 'startCall', leadId: 7, phoneIndex: 0 }], 'calling'],
  ['a next customer comes after a skip', released, handedOver('manual'), [], 'waiting_for_agent'],
  ['a second customer comes during a preview', previewing, handedOver('preview'), [{ kind: 'rejected', input: 'handedOver', reason: 'customer_already_handed_over' }], 'previewing'],
  ['the preview countdown reaches zero', previewing, { type: 'timerFired', name: 'preview' }, [{ kind: 'startCall', leadId: 7, phoneIndex: 0 }], 'calling'],
  ['the agent presses call now during a preview', previewing, { type: 'callNow' },
    [{ kind: 'cancelTimer', name: 'preview' }, { kind: 'startCall', leadId: 7, phoneIndex: 0 }], 'calling'],
  ['the agent picks a number during a preview', previewing, { type: 'callNow', phoneIndex: 1 }, [{ kind: 'rejected', input: 'callNow', reason: 'number_choice_not_allowed' }], 'previewing'],
  ['the agent tries to skip during a preview', previewing, { type: 'skip' }, [{ kind: 'rejected', input: 'skip', reason: 'skip_not_allowed' }], 'previewing'],
  ['the preview is cancelled', previewing, { type: 'cancel' },
    [{ kind: 'cancelTimer', name: 'preview' }, { kind: 'releaseCustomer', leadId: 7, reason: 'cancelled' }], 'released'],
  ['a manual agent dials the second number', waiting, { type: 'callNow', phoneIndex: 1 }, [{ kind: 'startCall', leadId: 7, phoneIndex: 1 }], 'calling'],
  ['a manual agent dials without choosing', waiting, { type: 'callNow' }, [{ kind: 'startCall', leadId: 7, phoneIndex: 0 }], 'calling'],
  ['a manual agent dials a number the contact does not have', waiting, { type: 'callNow', phoneIndex: 2 }, [{ kind: 'rejected', input: 'callNow', reason: 'no_such_number' }], 'waiting_for_agent'],
  ['a manual agent skips', waiting, { type: 'skip' }, [{ kind: 'releaseCustomer', leadId: 7, reason: 'skipped' }], 'released'],
  ['a manual hand-over is cancelled', waiting, { type: 'cancel' }, [{ kind: 'releaseCustomer', leadId: 7, reason: 'cancelled' }], 'released'],
  ['a manual agent sees no timer, and one fires anyway', waiting, { type: 'timerFired', name: 'preview' }, [], 'waiting_for_agent'],
  ['the preview timer fires after call now', calling, { type: 'timerFired', name: 'preview' }, [], 'calling'],
  ['another timer fires during a preview', previewing, { type: 'timerFired', name: 'wrap_up' }, [], 'previewing'],
  ['cancel comes after the call started', calling, { type: 'cancel' }, [], 'calling'],
  ['call now with no customer', initialHandover, { type: 'callNow' }, [{ kind: 'rejected', input: 'callNow', reason: 'no_customer' }], 'idle'],
  ['skip with no customer', calling, { type: 'skip' }, [{ kind: 'rejected', input: 'skip', reason: 'no_customer' }], 'calling'],
];

describe('customer hand-over decider', () => {
  for (const [what, state, input, effects, next] of rows) {
    it(`when ${what}, then ${effects.length ? effects.map((e) => e.kind).join(' + ') : 'nothing happens'} and the state is ${next}`, () => {
      assert.deepEqual(decide(state, input), effects);
      assert.equal(evolve(state, input).kind, next);
    });
  }

  it('when a preview runs to the end, then every timer started is either fired or cancelled and one call starts', () => {
    let state = initialHandover;
    const effects: HandoverEffect[] = [];
    for (const input of [handedOver('preview'), { type: 'callNow' }, { type: 'timerFired', name: 'preview' }] as HandoverInput[]) {
      effects.push(...decide(state, input));
      state = evolve(state, input);
    }
    assert.deepEqual(effects.map((e) => e.kind), ['startTimer', 'cancelTimer', 'startCall']);
  });
});
