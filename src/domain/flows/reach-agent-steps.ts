import { legEndReason, type AgentLine, type Effect, type FlowInput, type Step } from './flow-types';
import { customerGone, finish, MESSAGE_TIMEOUT_MS, stay, type CustomerCallState, type ReachAgentOptions } from './customer-call-state';

/**
 * An answered human on its way to an agent: a free agent line at once, else the holding bridge
 * with music on hold (FIFO, the dispatcher keeps the order); after holdMaxSeconds the call is
 * abandoned with the safe-harbor prompt.
 */
export function beginReachAgent(s: CustomerCallState): Step<CustomerCallState> {
  if (!s.opts.agent) return finish(s, 'telephony_error');
  return { state: { ...s, phase: 'seekingAgent', queued: true }, effects: [{ kind: 'requestAgent' }] };
}

function connect(s: CustomerCallState, line: AgentLine): Step<CustomerCallState> {
  const bridge = { kind: 'line', bridgeId: line.bridgeId } as const;
  const effects: Effect[] = [
    { kind: 'cancelTimer', timer: 'hold' },
    { kind: 'attachLine', line },
    { kind: 'addToBridge', leg: 'customer', bridge },
  ];
  if (s.holdBridge) effects.push({ kind: 'destroyBridge', bridge: 'hold' });
  effects.push({ kind: 'notify', notice: { kind: 'connected' } });
  if (s.opts.record) effects.push({ kind: 'startRecording', bridge });
  return { state: { ...s, phase: 'connected', line, queued: false, holdBridge: false, recording: s.opts.record }, effects };
}

function hold(s: CustomerCallState, agent: ReachAgentOptions): Step<CustomerCallState> {
  return {
    state: { ...s, phase: 'holding', holdBridge: true },
    effects: [
      { kind: 'createBridge', bridge: 'hold', type: 'holding' },
      { kind: 'addToBridge', leg: 'customer', bridge: { kind: 'own', name: 'hold' } },
      { kind: 'startMoh', bridge: 'hold', mohClass: agent.mohClass },
      { kind: 'startTimer', timer: 'hold', ms: agent.holdMaxSeconds * 1000 },
      { kind: 'notify', notice: { kind: 'waitingForAgent' } },
    ],
  };
}

function abandon(s: CustomerCallState, agent: ReachAgentOptions): Step<CustomerCallState> {
  // The prompt plays while the customer is still in the holding bridge: on Asterisk 22 a playback
  // started right after the bridge was destroyed was sometimes accepted and then never played.
  return {
    state: { ...s, phase: 'abandoning', queued: false },
    effects: [
      { kind: 'withdrawAgentRequest' },
      { kind: 'play', leg: 'customer', playback: 'safeHarbor', media: agent.safeHarborMedia },
      { kind: 'startTimer', timer: 'message', ms: MESSAGE_TIMEOUT_MS },
    ],
  };
}

/** A line that arrives when the flow no longer waits for one goes back to the dispatcher. */
function decline(s: CustomerCallState, line: AgentLine): Step<CustomerCallState> {
  return { state: s, effects: [{ kind: 'declineLine', line }] };
}

export function stepReachAgent(s: CustomerCallState, input: FlowInput): Step<CustomerCallState> {
  const agent = s.opts.agent;
  if (!agent) return stay(s);
  const customerEnded = input.kind === 'legEnded' && input.leg === 'customer';
  switch (s.phase) {
    case 'seekingAgent':
    case 'holding':
      if (input.kind === 'agentAssigned') return connect(s, input.line);
      if (input.kind === 'noAgentFree' && s.phase === 'seekingAgent') return hold(s, agent);
      if (input.kind === 'timer' && input.timer === 'hold') return abandon(s, agent);
      if (customerEnded) return finish(customerGone(s, input.signals), legEndReason(input.signals, 'customer_hangup'), { abandoned: true });
      return stay(s);
    case 'connected':
      if (customerEnded) return finish(customerGone(s, input.signals), legEndReason(input.signals, 'customer_hangup'));
      if (input.kind === 'legEnded' && input.leg === 'agent') return finish(s, legEndReason(input.signals, 'agent_hangup'));
      if (input.kind === 'agentAssigned') return decline(s, input.line);
      return stay(s);
    case 'abandoning':
      if ((input.kind === 'playbackFinished' && input.playback === 'safeHarbor') || (input.kind === 'timer' && input.timer === 'message')) {
        return finish(s, 'abandoned', { abandoned: true });
      }
      if (customerEnded) return finish(customerGone(s, input.signals), 'abandoned', { abandoned: true });
      if (input.kind === 'agentAssigned') return decline(s, input.line);
      return stay(s);
    default:
      return stay(s);
  }
}
