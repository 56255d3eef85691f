import { callOutcome, type LegSignals } from '../call-outcome-rules';
import {
  defineFlow, type AgentLine, type BridgeRef, type CallerId, type Effect, type EndReason, type FlowDefinition,
  type FlowInput, type Step, legEndReason,
} from './flow-types';

/**
 * Agent first (preview, progressive, callback): ring the agent; when they answer, dial the
 * customer; when the customer answers, bridge them. Either side hanging up ends both. With an
 * agent line (the agent is already parked in their own bridge) the agent is not rung.
 */
export interface AgentFirstOptions {
  customer: { number: string; callerId?: CallerId };
  agent: { kind: 'ring'; extension: string; ringTimeoutSeconds: number } | { kind: 'line'; line: AgentLine };
  ringTimeoutSeconds: number;
  record: boolean;
}

type Phase = 'idle' | 'ringingAgent' | 'dialingCustomer' | 'connected' | 'done';

export interface AgentFirstState {
  opts: AgentFirstOptions;
  phase: Phase;
  customer: LegSignals;
  alive: { agent: boolean; customer: boolean };
  bridgeCreated: boolean;
  recording: boolean;
}

/** Our own timers fire this long after Asterisk's dial timeout should have ended the ringing. */
export const SAFETY_MARGIN_MS = 5000;

function callBridge(s: AgentFirstState): BridgeRef {
  return s.opts.agent.kind === 'line' ? { kind: 'line', bridgeId: s.opts.agent.line.bridgeId } : { kind: 'own', name: 'call' };
}

function release(s: AgentFirstState): Effect[] {
  const out: Effect[] = [{ kind: 'cancelTimer', timer: 'agentRing' }, { kind: 'cancelTimer', timer: 'ring' }];
  if (s.recording && s.opts.agent.kind === 'line') out.push({ kind: 'stopRecording' });
  if (s.alive.customer) out.push({ kind: 'hangup', leg: 'customer' });
  if (s.alive.agent && s.opts.agent.kind === 'ring') out.push({ kind: 'hangup', leg: 'agent' });
  if (s.bridgeCreated) out.push({ kind: 'destroyBridge', bridge: 'call' });
  return out;
}

function finish(s: AgentFirstState, endReason: EndReason, extra: Effect[] = []): Step<AgentFirstState> {
  // A customer request the PBX could not take at all was never dialled: the attempt goes back untouched.
  const customerDialled = (s.phase === 'dialingCustomer' || s.phase === 'connected') && !s.customer.unavailable;
  const customer: LegSignals = s.alive.customer && !s.customer.answered ? { ...s.customer, withdrawn: true } : s.customer;
  const effects: Effect[] = [...release(s), ...extra];
  if (endReason !== 'agent_unreachable') effects.push({ kind: 'notify', notice: { kind: 'agentReleased' } });
  effects.push({
    kind: 'done',
    result: customerDialled ? { outcome: callOutcome(customer), endReason, customer } : { outcome: null, endReason },
  });
  return { state: { ...s, phase: 'done', customer, alive: { agent: false, customer: false }, bridgeCreated: false, recording: false }, effects };
}

function dialCustomer(s: AgentFirstState): Effect[] {
  return [
    { kind: 'dial', leg: 'customer', target: { kind: 'customer', number: s.opts.customer.number, amd: false, callerId: s.opts.customer.callerId }, ringTimeoutSeconds: s.opts.ringTimeoutSeconds },
    { kind: 'startTimer', timer: 'ring', ms: s.opts.ringTimeoutSeconds * 1000 + SAFETY_MARGIN_MS },
  ];
}

function start(s: AgentFirstState): Step<AgentFirstState> {
  const agent = s.opts.agent;
  if (agent.kind === 'line') {
    return {
      state: { ...s, phase: 'dialingCustomer', alive: { agent: true, customer: true } },
      effects: [{ kind: 'attachLine', line: agent.line }, ...dialCustomer(s)],
    };
  }
  return {
    state: { ...s, phase: 'ringingAgent', alive: { agent: true, customer: false } },
    effects: [
      { kind: 'dial', leg: 'agent', target: { kind: 'agent', extension: agent.extension }, ringTimeoutSeconds: agent.ringTimeoutSeconds },
      { kind: 'startTimer', timer: 'agentRing', ms: agent.ringTimeoutSeconds * 1000 + SAFETY_MARGIN_MS },
      { kind: 'notify', notice: { kind: 'agentRinging' } },
    ],
  };
}

function agentUnreachable(s: AgentFirstState, signals: LegSignals | undefined): Step<AgentFirstState> {
  // Not the agent's doing: the PBX refused or dropped the ring (restart, unreachable), so the agent stays ready.
  if (signals && legEndReason(signals, 'agent_unreachable') === 'telephony_error') {
    return finish({ ...s, alive: { ...s.alive, agent: false } }, 'telephony_error');
  }
  const reason = signals?.dialStatus === 'BUSY' || signals?.cause === 17 ? 'busy' : signals?.requestFailed ? 'failed' : 'no_answer';
  const ended = signals ? { ...s, alive: { ...s.alive, agent: false } } : s;
  return finish(ended, 'agent_unreachable', [{ kind: 'notify', notice: { kind: 'agentUnreachable', reason } }]);
}

function onRingingAgent(s: AgentFirstState, input: FlowInput): Step<AgentFirstState> {
  if (input.kind === 'answered' && input.leg === 'agent') {
    return {
      state: { ...s, phase: 'dialingCustomer', bridgeCreated: true, alive: { agent: true, customer: true } },
      effects: [
        { kind: 'cancelTimer', timer: 'agentRing' },
        { kind: 'notify', notice: { kind: 'agentAnswered' } },
        { kind: 'createBridge', bridge: 'call', type: 'mixing' },
        { kind: 'addToBridge', leg: 'agent', bridge: { kind: 'own', name: 'call' } },
        ...dialCustomer(s),
      ],
    };
  }
  if (input.kind === 'legEnded' && input.leg === 'agent') return agentUnreachable(s, input.signals);
  if (input.kind === 'timer' && input.timer === 'agentRing') return agentUnreachable(s, undefined);
  return { state: s, effects: [] };
}

function onDialingCustomer(s: AgentFirstState, input: FlowInput): Step<AgentFirstState> {
  if (input.kind === 'ringing' && input.leg === 'customer') {
    return { state: s, effects: [{ kind: 'notify', notice: { kind: 'customerRinging' } }] };
  }
  if (input.kind === 'answered' && input.leg === 'customer') {
    const effects: Effect[] = [
      { kind: 'cancelTimer', timer: 'ring' },
      { kind: 'notify', notice: { kind: 'customerAnswered' } },
      { kind: 'addToBridge', leg: 'customer', bridge: callBridge(s) },
      { kind: 'notify', notice: { kind: 'connected' } },
    ];
    if (s.opts.record) effects.push({ kind: 'startRecording', bridge: callBridge(s) });
    return { state: { ...s, phase: 'connected', customer: { ...s.customer, answered: true }, recording: s.opts.record }, effects };
  }
  if (input.kind === 'legEnded' && input.leg === 'customer') {
    return finish({ ...s, customer: { ...input.signals }, alive: { ...s.alive, customer: false } }, legEndReason(input.signals, 'not_reached'));
  }
  if (input.kind === 'legEnded' && input.leg === 'agent') return finish({ ...s, alive: { ...s.alive, agent: false } }, legEndReason(input.signals, 'agent_hangup'));
  if (input.kind === 'timer' && input.timer === 'ring') return finish(s, 'not_reached');
  return { state: s, effects: [] };
}

function onConnected(s: AgentFirstState, input: FlowInput): Step<AgentFirstState> {
  if (input.kind === 'legEnded' && input.leg === 'customer') {
    return finish({ ...s, customer: { ...input.signals, answered: true }, alive: { ...s.alive, customer: false } }, legEndReason(input.signals, 'customer_hangup'));
  }
  if (input.kind === 'legEnded' && input.leg === 'agent') return finish({ ...s, alive: { ...s.alive, agent: false } }, legEndReason(input.signals, 'agent_hangup'));
  return { state: s, effects: [] };
}

function step(s: AgentFirstState, input: FlowInput): Step<AgentFirstState> {
  if (s.phase === 'done') return { state: s, effects: [] };
  if (input.kind === 'cancel') return finish(s, input.by === 'agent' ? 'agent_hangup' : 'cancelled');
  if (input.kind === 'commandFailed') return finish(s, 'telephony_error');
  switch (s.phase) {
    case 'idle': return input.kind === 'start' ? start(s) : { state: s, effects: [] };
    case 'ringingAgent': return onRingingAgent(s, input);
    case 'dialingCustomer': return onDialingCustomer(s, input);
    case 'connected': return onConnected(s, input);
  }
}

export function agentFirstFlow(opts: AgentFirstOptions): FlowDefinition<AgentFirstState> {
  const initial: AgentFirstState = {
    opts, phase: 'idle', customer: { answered: false }, alive: { agent: false, customer: false }, bridgeCreated: false, recording: false,
  };
  return defineFlow('agent-first', initial, step, (s) => s.phase === 'done');
}
