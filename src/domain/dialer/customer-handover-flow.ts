import type { DialingMode } from '../dialing-mode';
import { dialingModeRules } from './dialing-mode-rules';
import type { TimerEffect } from './flow-timer';
import type { LeadId } from './lead-snapshot';

export const PREVIEW_TIMER = 'preview';

/** What happens between handing a customer to an agent and starting the call, for agent-first modes. */
export type HandoverState =
  | { kind: 'idle' }
  | { kind: 'waiting_for_agent'; leadId: LeadId; phoneCount: number; defaultPhoneIndex: number }
  | { kind: 'previewing'; leadId: LeadId; defaultPhoneIndex: number }
  | { kind: 'calling'; leadId: LeadId; phoneIndex: number }
  | { kind: 'released'; leadId: LeadId };

export type HandoverInput =
  | { type: 'handedOver'; leadId: LeadId; mode: DialingMode; previewMs: number; phoneCount: number; defaultPhoneIndex?: number }
  /** "Call now" in preview; the agent's dial in manual mode, with the number the agent chose. */
  | { type: 'callNow'; phoneIndex?: number }
  | { type: 'skip' }
  | { type: 'timerFired'; name: string }
  /** Agent left or went not-ready, campaign paused, telephony lost: the customer goes back undialed. */
  | { type: 'cancel' };

export type HandoverRejection =
  | 'customer_already_handed_over'
  | 'mode_has_no_handover'
  | 'no_customer'
  | 'skip_not_allowed'
  | 'number_choice_not_allowed'
  | 'no_such_number';

export type HandoverEffect =
  | TimerEffect
  | { kind: 'startCall'; leadId: LeadId; phoneIndex: number }
  | { kind: 'releaseCustomer'; leadId: LeadId; reason: 'skipped' | 'cancelled' }
  | { kind: 'rejected'; input: HandoverInput['type']; reason: HandoverRejection };

export const initialHandover: HandoverState = { kind: 'idle' };

export function decide(state: HandoverState, input: HandoverInput): HandoverEffect[] {
  return step(state, input).effects;
}

export function evolve(state: HandoverState, input: HandoverInput): HandoverState {
  return step(state, input).state;
}

type Step = { state: HandoverState; effects: HandoverEffect[] };

const reject = (state: HandoverState, input: HandoverInput, reason: HandoverRejection): Step =>
  ({ state, effects: [{ kind: 'rejected', input: input.type, reason }] });
const call = (leadId: LeadId, phoneIndex: number, before: HandoverEffect[] = []): Step =>
  ({ state: { kind: 'calling', leadId, phoneIndex }, effects: [...before, { kind: 'startCall', leadId, phoneIndex }] });

/**
 * One step of the hand-over, shared by decide and evolve so they cannot disagree. A preview timer that fires
 * after the call already started is a normal race and is ignored, not rejected.
 */
function step(state: HandoverState, input: HandoverInput): Step {
  switch (input.type) {
    case 'handedOver':
      return handedOver(state, input);
    case 'callNow':
      return callNow(state, input);
    case 'skip':
      if (state.kind === 'waiting_for_agent') {
        return { state: { kind: 'released', leadId: state.leadId }, effects: [{ kind: 'releaseCustomer', leadId: state.leadId, reason: 'skipped' }] };
      }
      return reject(state, input, state.kind === 'previewing' ? 'skip_not_allowed' : 'no_customer');
    case 'timerFired':
      if (state.kind !== 'previewing' || input.name !== PREVIEW_TIMER) return { state, effects: [] };
      return call(state.leadId, state.defaultPhoneIndex);
    case 'cancel':
      return cancel(state);
  }
}

function handedOver(state: HandoverState, input: Extract<HandoverInput, { type: 'handedOver' }>): Step {
  if (state.kind === 'waiting_for_agent' || state.kind === 'previewing') return reject(state, input, 'customer_already_handed_over');
  const { leadId, phoneCount } = input;
  const defaultPhoneIndex = input.defaultPhoneIndex ?? 0;
  switch (dialingModeRules(input.mode).callStart) {
    case 'by_agent':
      return { state: { kind: 'waiting_for_agent', leadId, phoneCount, defaultPhoneIndex }, effects: [] };
    case 'after_preview':
      if (input.previewMs <= 0) return call(leadId, defaultPhoneIndex);
      return { state: { kind: 'previewing', leadId, defaultPhoneIndex }, effects: [{ kind: 'startTimer', name: PREVIEW_TIMER, ms: input.previewMs }] };
    case 'at_once':
      return call(leadId, defaultPhoneIndex);
    case null:
      return reject(state, input, 'mode_has_no_handover');
  }
}

function callNow(state: HandoverState, input: Extract<HandoverInput, { type: 'callNow' }>): Step {
  if (state.kind === 'previewing') {
    if (input.phoneIndex !== undefined) return reject(state, input, 'number_choice_not_allowed');
    return call(state.leadId, state.defaultPhoneIndex, [{ kind: 'cancelTimer', name: PREVIEW_TIMER }]);
  }
  if (state.kind !== 'waiting_for_agent') return reject(state, input, 'no_customer');
  const phoneIndex = input.phoneIndex ?? state.defaultPhoneIndex;
  if (!Number.isInteger(phoneIndex) || phoneIndex < 0 || phoneIndex >= state.phoneCount) return reject(state, input, 'no_such_number');
  return call(state.leadId, phoneIndex);
}

function cancel(state: HandoverState): Step {
  if (state.kind === 'previewing') {
    return {
      state: { kind: 'released', leadId: state.leadId },
      effects: [{ kind: 'cancelTimer', name: PREVIEW_TIMER }, { kind: 'releaseCustomer', leadId: state.leadId, reason: 'cancelled' }],
    };
  }
  if (state.kind === 'waiting_for_agent') {
    return { state: { kind: 'released', leadId: state.leadId }, effects: [{ kind: 'releaseCustomer', leadId: state.leadId, reason: 'cancelled' }] };
  }
  // Once the call started, the call flow owns it; nothing is waiting here.
  return { state, effects: [] };
}
