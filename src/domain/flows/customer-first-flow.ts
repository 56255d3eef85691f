import { defineFlow, legEndReason, type FlowDefinition, type FlowInput, type Step } from './flow-types';
import { SAFETY_MARGIN_MS } from './agent-first-flow';
import {
  AMD_TIMEOUT_MS, customerGone, finish, MESSAGE_TIMEOUT_MS, stay, type CustomerCallOptions, type CustomerCallState,
} from './customer-call-state';
import { beginIvr, stepIvr } from './ivr-steps';
import { beginReachAgent, stepReachAgent } from './reach-agent-steps';

/**
 * Customer first (predictive): dial the customer through the dialplan's AMD context; a machine
 * gets the configured message or is hung up; a human goes to a free agent line at once, else
 * waits on music on hold, and is abandoned with the safe-harbor prompt after holdMaxSeconds.
 * With an IVR script the human answers the questions first (see ivr-flow.ts).
 */
function start(s: CustomerCallState): Step<CustomerCallState> {
  const o = s.opts;
  return {
    state: { ...s, phase: 'dialing', customerAlive: true },
    effects: [
      { kind: 'dial', leg: 'customer', target: { kind: 'customer', number: o.number, amd: o.amd, callerId: o.callerId }, ringTimeoutSeconds: o.ringTimeoutSeconds },
      { kind: 'startTimer', timer: 'ring', ms: o.ringTimeoutSeconds * 1000 + SAFETY_MARGIN_MS },
    ],
  };
}

/** A human (or AMD unsure): answer the questions if there are any, else go to an agent. */
function human(s: CustomerCallState): Step<CustomerCallState> {
  const next = s.opts.ivr ? beginIvr(s) : beginReachAgent(s);
  return { state: next.state, effects: [{ kind: 'cancelTimer', timer: 'amd' }, ...next.effects] };
}

function machine(s: CustomerCallState): Step<CustomerCallState> {
  const m = s.opts.machine;
  const marked = { ...s, customer: { ...s.customer, amd: 'MACHINE' as const } };
  if (m.kind === 'hangup') return finish(marked, 'machine');
  return {
    state: { ...marked, phase: 'machineMessage' },
    effects: [
      { kind: 'cancelTimer', timer: 'amd' },
      { kind: 'play', leg: 'customer', playback: 'machineMessage', media: m.media },
      { kind: 'startTimer', timer: 'message', ms: MESSAGE_TIMEOUT_MS },
    ],
  };
}

function onDialing(s: CustomerCallState, input: FlowInput): Step<CustomerCallState> {
  if (input.kind === 'ringing' && input.leg === 'customer') return { state: s, effects: [{ kind: 'notify', notice: { kind: 'customerRinging' } }] };
  if (input.kind === 'answered' && input.leg === 'customer') {
    const answered = { ...s, customer: { ...s.customer, answered: true } };
    const effects = [{ kind: 'cancelTimer', timer: 'ring' }, { kind: 'notify', notice: { kind: 'customerAnswered' } }] as const;
    if (!s.opts.amd) {
      const next = human(answered);
      return { state: next.state, effects: [...effects, ...next.effects] };
    }
    return { state: { ...answered, phase: 'amd' }, effects: [...effects, { kind: 'startTimer', timer: 'amd', ms: AMD_TIMEOUT_MS }] };
  }
  if (input.kind === 'legEnded' && input.leg === 'customer') return finish(customerGone(s, input.signals), legEndReason(input.signals, 'not_reached'));
  if (input.kind === 'timer' && input.timer === 'ring') return finish(s, 'not_reached');
  return stay(s);
}

function onAmd(s: CustomerCallState, input: FlowInput): Step<CustomerCallState> {
  if (input.kind === 'amd' && input.leg === 'customer') {
    const withAmd = { ...s, customer: { ...s.customer, amd: input.status } };
    return input.status === 'MACHINE' ? machine(withAmd) : human(withAmd);
  }
  // AMD took longer than it can: treat as NOTSURE, which is a human for us.
  if (input.kind === 'timer' && input.timer === 'amd') return human({ ...s, customer: { ...s.customer, amd: 'NOTSURE' } });
  if (input.kind === 'legEnded' && input.leg === 'customer') return finish(customerGone(s, input.signals), legEndReason(input.signals, 'customer_hangup'));
  return stay(s);
}

function onMachineMessage(s: CustomerCallState, input: FlowInput): Step<CustomerCallState> {
  const over = (input.kind === 'playbackFinished' && input.playback === 'machineMessage') || (input.kind === 'timer' && input.timer === 'message');
  if (over) return finish(s, 'machine');
  if (input.kind === 'legEnded' && input.leg === 'customer') return finish(customerGone(s, input.signals), legEndReason(input.signals, 'machine'));
  return stay(s);
}

export function stepCustomerCall(s: CustomerCallState, input: FlowInput): Step<CustomerCallState> {
  if (s.phase === 'done') {
    return input.kind === 'agentAssigned' ? { state: s, effects: [{ kind: 'declineLine', line: input.line }] } : stay(s);
  }
  if (input.kind === 'cancel') return finish(s, input.by === 'agent' ? 'agent_hangup' : 'cancelled');
  if (input.kind === 'commandFailed') return finish(s, 'telephony_error');
  switch (s.phase) {
    case 'idle': return input.kind === 'start' ? start(s) : stay(s);
    case 'dialing': return onDialing(s, input);
    case 'amd': return onAmd(s, input);
    case 'machineMessage': return onMachineMessage(s, input);
    case 'asking':
    case 'goodbye': return stepIvr(s, input);
    default: return stepReachAgent(s, input);
  }
}

export function initialCustomerCall(opts: CustomerCallOptions): CustomerCallState {
  return {
    opts, phase: 'idle', customer: { answered: false }, customerAlive: false, holdBridge: false, queued: false,
    line: null, recording: false, ivr: { index: 0, tries: 0, playback: null, answers: {} },
  };
}

export type CustomerFirstOptions = Omit<CustomerCallOptions, 'ivr' | 'agent'> & { agent: NonNullable<CustomerCallOptions['agent']> };

export function customerFirstFlow(opts: CustomerFirstOptions): FlowDefinition<CustomerCallState> {
  return defineFlow('customer-first', initialCustomerCall(opts), stepCustomerCall, (s) => s.phase === 'done');
}
