import type { DialingMode } from '../dialing-mode';
import { dialingModeRules } from './dialing-mode-rules';
import type { TimerEffect } from './flow-timer';
import type { LeadId } from './lead-snapshot';

export const WRAP_UP_TIMER = 'wrap_up';

export type WrapUpState =
  | { kind: 'idle' }
  | { kind: 'wrapping_up'; leadId: LeadId; mode: DialingMode }
  | { kind: 'ended'; leadId: LeadId };

export type WrapUpInput =
  | { type: 'callEnded'; leadId: LeadId; mode: DialingMode; wrapUpMs: number }
  /** The agent pressed "next customer". */
  | { type: 'nextCustomer' }
  | { type: 'timerFired'; name: string }
  /** The agent went not-ready or left, or the campaign paused: wrap-up ends and no customer follows. */
  | { type: 'cancel' };

export type WrapUpEndCause = 'expired' | 'next_customer' | 'cancelled';

export type WrapUpEffect =
  | TimerEffect
  | { kind: 'wrapUpEnded'; leadId: LeadId; cause: WrapUpEndCause; deliverNextCustomer: boolean }
  | { kind: 'rejected'; input: WrapUpInput['type']; reason: 'already_wrapping_up' | 'not_wrapping_up' };

export const initialWrapUp: WrapUpState = { kind: 'idle' };

export function decide(state: WrapUpState, input: WrapUpInput): WrapUpEffect[] {
  return step(state, input).effects;
}

export function evolve(state: WrapUpState, input: WrapUpInput): WrapUpState {
  return step(state, input).state;
}

type Step = { state: WrapUpState; effects: WrapUpEffect[] };

function end(leadId: LeadId, cause: WrapUpEndCause, deliverNextCustomer: boolean, withCancel: boolean): Step {
  const effects: WrapUpEffect[] = withCancel ? [{ kind: 'cancelTimer', name: WRAP_UP_TIMER }] : [];
  effects.push({ kind: 'wrapUpEnded', leadId, cause, deliverNextCustomer });
  return { state: { kind: 'ended', leadId }, effects };
}

/**
 * The wrap-up countdown. "Next customer" ends it early and always asks for the next customer; at zero the next
 * one comes by itself only where the mode says so (not in manual). A late timer after an early end is ignored.
 */
function step(state: WrapUpState, input: WrapUpInput): Step {
  switch (input.type) {
    case 'callEnded': {
      if (state.kind === 'wrapping_up') return { state, effects: [{ kind: 'rejected', input: input.type, reason: 'already_wrapping_up' }] };
      const auto = dialingModeRules(input.mode).nextCustomerAfterWrapUp;
      if (input.wrapUpMs <= 0) return end(input.leadId, 'expired', auto, false);
      return {
        state: { kind: 'wrapping_up', leadId: input.leadId, mode: input.mode },
        effects: [{ kind: 'startTimer', name: WRAP_UP_TIMER, ms: input.wrapUpMs }],
      };
    }
    case 'nextCustomer':
      if (state.kind !== 'wrapping_up') return { state, effects: [{ kind: 'rejected', input: input.type, reason: 'not_wrapping_up' }] };
      return end(state.leadId, 'next_customer', true, true);
    case 'timerFired':
      if (state.kind !== 'wrapping_up' || input.name !== WRAP_UP_TIMER) return { state, effects: [] };
      return end(state.leadId, 'expired', dialingModeRules(state.mode).nextCustomerAfterWrapUp, false);
    case 'cancel':
      if (state.kind !== 'wrapping_up') return { state, effects: [] };
      return end(state.leadId, 'cancelled', false, true);
  }
}
