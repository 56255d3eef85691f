import type { LegSignals } from '../call-outcome-rules';
import {
  defineFlow, legEndReason, type EndReason, type Effect, type FlowDefinition, type FlowInput, type InboundAgent, type Step,
} from './flow-types';
import { MESSAGE_TIMEOUT_MS } from './customer-call-state';

/**
 * Inbound call to the agents: the dialplan (context dialer-inbound) answered a DID and handed the caller to us
 * with `inbound,<did>`. The caller hears the greeting, then music in a holding bridge while the engine picks an
 * agent (pickAgent → agentPicked: ON, idle, longest idle first); that agent's phone rings with the caller's
 * number; on answer both are bridged. An agent who does not answer within agentRingSeconds is let go and the
 * next one is tried. After maxWaitSeconds in all, or at once when no agent is ON, the caller hears the closing
 * message, or the callback offer (press 1 → a callback request, as in dialer-inbound-callback).
 */
export interface InboundOptions {
  /** The caller's number (CALLERID(num)); empty when withheld. */
  number: string;
  greetingMedia: readonly string[];
  closingMedia: readonly string[];
  /** Empty: no offer, the closing message only. */
  callbackOfferMedia: readonly string[];
  callbackConfirmationMedia: readonly string[];
  mohClass: string;
  agentRingSeconds: number;
  maxWaitSeconds: number;
  /** While every ON agent is busy: how long before the engine is asked again. */
  retryMs: number;
}

type Phase = 'idle' | 'greeting' | 'picking' | 'waiting' | 'ringing' | 'releasing' | 'connected' | 'closing' | 'offering' | 'confirming' | 'done';

export interface InboundState {
  opts: InboundOptions;
  phase: Phase;
  callerAlive: boolean;
  agentAlive: boolean;
  holdBridge: boolean;
  callBridge: boolean;
  /** The agent being rung, or bridged. */
  agent: InboundAgent | null;
  /** Agents rung in this round (the engine offers others first). */
  tried: number[];
  /** Set once the queue time ran out: after releasing the ringing agent, the closing message. */
  timedOut: boolean;
  caller: LegSignals;
}

/** How long a key may take after the callback offer ends. */
export const OFFER_WAIT_MS = 5000;
/** Our timer on an agent leg we hung up: its end should be reported long before this. */
const RELEASE_WAIT_MS = 5000;

const stay = (s: InboundState): Step<InboundState> => ({ state: s, effects: [] });

function release(s: InboundState): Effect[] {
  const out: Effect[] = (['agentRing', 'queue', 'retry', 'message', 'prompt'] as const).map((timer) => ({ kind: 'cancelTimer', timer }));
  if (s.agentAlive) out.push({ kind: 'hangup', leg: 'agent' });
  if (s.callerAlive) out.push({ kind: 'hangup', leg: 'customer' });
  if (s.holdBridge) out.push({ kind: 'destroyBridge', bridge: 'hold' });
  if (s.callBridge) out.push({ kind: 'destroyBridge', bridge: 'call' });
  return out;
}

function finish(s: InboundState, endReason: EndReason): Step<InboundState> {
  const connected = s.phase === 'connected';
  const effects = release(s);
  if (connected) effects.push({ kind: 'notify', notice: { kind: 'agentReleased' } });
  const outcome = connected ? 'answered' : 'abandoned';
  effects.push({ kind: 'done', result: { outcome, endReason, customer: s.caller } });
  return {
    state: { ...s, phase: 'done', callerAlive: false, agentAlive: false, holdBridge: false, callBridge: false },
    effects,
  };
}

function start(s: InboundState): Step<InboundState> {
  const o = s.opts;
  const next: InboundState = { ...s, callerAlive: true, caller: { ...s.caller, answered: true } };
  const queue: Effect = { kind: 'startTimer', timer: 'queue', ms: o.maxWaitSeconds * 1000 };
  if (o.greetingMedia.length === 0) {
    const q = enqueue(next);
    return { state: q.state, effects: [queue, ...q.effects] };
  }
  return {
    state: { ...next, phase: 'greeting' },
    effects: [
      queue,
      { kind: 'play', leg: 'customer', playback: 'greeting', media: o.greetingMedia },
      { kind: 'startTimer', timer: 'message', ms: MESSAGE_TIMEOUT_MS },
    ],
  };
}

/** Greeting over: the holding bridge with music, and the first agent asked for. */
function enqueue(s: InboundState): Step<InboundState> {
  return {
    state: { ...s, phase: 'picking', holdBridge: true },
    effects: [
      { kind: 'cancelTimer', timer: 'message' },
      { kind: 'createBridge', bridge: 'hold', type: 'holding' },
      { kind: 'addToBridge', leg: 'customer', bridge: { kind: 'own', name: 'hold' } },
      { kind: 'startMoh', bridge: 'hold', mohClass: s.opts.mohClass },
      { kind: 'notify', notice: { kind: 'inboundQueued' } },
      { kind: 'pickAgent', tried: s.tried },
    ],
  };
}

function picked(s: InboundState, input: Extract<FlowInput, { kind: 'agentPicked' }>): Step<InboundState> {
  const a = input.agent;
  if (a) {
    const o = s.opts;
    return {
      state: { ...s, phase: 'ringing', agent: a, agentAlive: true, tried: [...s.tried, a.agentId] },
      effects: [
        { kind: 'notify', notice: { kind: 'inboundOffered', agentId: a.agentId } },
        {
          kind: 'dial', leg: 'agent', ringTimeoutSeconds: o.agentRingSeconds,
          target: { kind: 'agent', extension: a.extension, callerId: o.number ? { number: o.number } : undefined },
        },
        { kind: 'startTimer', timer: 'agentRing', ms: o.agentRingSeconds * 1000 },
      ],
    };
  }
  if (!input.anyOn) return close(s);
  // Everyone ON is busy (or was tried this round): wait, then ask again with a fresh round.
  return { state: { ...s, phase: 'waiting', tried: [] }, effects: [{ kind: 'startTimer', timer: 'retry', ms: s.opts.retryMs }] };
}

/** The closing message (or the callback offer), played while the caller is still in the holding bridge. */
function close(s: InboundState): Step<InboundState> {
  const o = s.opts;
  const offer = o.callbackOfferMedia.length > 0;
  return {
    state: { ...s, phase: offer ? 'offering' : 'closing' },
    effects: [
      { kind: 'cancelTimer', timer: 'queue' },
      { kind: 'cancelTimer', timer: 'retry' },
      { kind: 'play', leg: 'customer', playback: offer ? 'offer' : 'closing', media: offer ? o.callbackOfferMedia : o.closingMedia },
      { kind: 'startTimer', timer: 'message', ms: MESSAGE_TIMEOUT_MS },
    ],
  };
}

function answered(s: InboundState): Step<InboundState> {
  const agent = s.agent!;
  const call = { kind: 'own', name: 'call' } as const;
  return {
    state: { ...s, phase: 'connected', callBridge: true, holdBridge: false },
    effects: [
      { kind: 'cancelTimer', timer: 'agentRing' },
      { kind: 'cancelTimer', timer: 'queue' },
      { kind: 'createBridge', bridge: 'call', type: 'mixing' },
      { kind: 'addToBridge', leg: 'customer', bridge: call },
      { kind: 'addToBridge', leg: 'agent', bridge: call },
      { kind: 'destroyBridge', bridge: 'hold' },
      { kind: 'notify', notice: { kind: 'inboundAnswered', agentId: agent.agentId } },
      { kind: 'notify', notice: { kind: 'connected' } },
    ],
  };
}

/** The rung agent did not take the call: let their phone go, then try the next (or close when time is up). */
function notTaken(s: InboundState, agentGone: boolean, timedOut = s.timedOut): Step<InboundState> {
  const agentId = s.agent?.agentId ?? 0;
  const effects: Effect[] = [{ kind: 'cancelTimer', timer: 'agentRing' }, { kind: 'notify', notice: { kind: 'inboundNotTaken', agentId } }];
  const next: InboundState = { ...s, agent: null, timedOut };
  if (!agentGone) {
    // Wait for the leg to end before a new 'agent' leg is dialled, so its end is not taken for the next one's.
    effects.push({ kind: 'hangup', leg: 'agent' }, { kind: 'startTimer', timer: 'agentRing', ms: RELEASE_WAIT_MS });
    return { state: { ...next, phase: 'releasing' }, effects };
  }
  const after = afterRelease({ ...next, agentAlive: false });
  return { state: after.state, effects: [...effects, ...after.effects] };
}

function afterRelease(s: InboundState): Step<InboundState> {
  if (s.timedOut) return close(s);
  return { state: { ...s, phase: 'picking' }, effects: [{ kind: 'pickAgent', tried: s.tried }] };
}

function onQueueInput(s: InboundState, input: FlowInput): Step<InboundState> {
  const queueOver = input.kind === 'timer' && input.timer === 'queue';
  switch (s.phase) {
    case 'greeting':
      if ((input.kind === 'playbackFinished' && input.playback === 'greeting') || (input.kind === 'timer' && input.timer === 'message')) return enqueue(s);
      if (queueOver) return close({ ...s, timedOut: true });
      return stay(s);
    case 'picking':
      if (input.kind === 'agentPicked') return picked(s, input);
      if (queueOver) return { state: { ...s, timedOut: true }, effects: [] };
      return stay(s);
    case 'waiting':
      if (input.kind === 'timer' && input.timer === 'retry') return { state: { ...s, phase: 'picking' }, effects: [{ kind: 'pickAgent', tried: s.tried }] };
      if (queueOver) return close({ ...s, timedOut: true });
      return stay(s);
    case 'ringing':
      if (input.kind === 'answered' && input.leg === 'agent') return answered(s);
      if (input.kind === 'legEnded' && input.leg === 'agent') return notTaken({ ...s, agentAlive: false }, true);
      if (input.kind === 'timer' && input.timer === 'agentRing') return notTaken(s, false);
      if (queueOver) return notTaken(s, false, true);
      return stay(s);
    case 'releasing':
      if ((input.kind === 'legEnded' && input.leg === 'agent') || (input.kind === 'timer' && input.timer === 'agentRing')) {
        return afterRelease({ ...s, agentAlive: false });
      }
      if (queueOver) return { state: { ...s, timedOut: true }, effects: [] };
      return stay(s);
    default:
      return stay(s);
  }
}

function onClosing(s: InboundState, input: FlowInput): Step<InboundState> {
  const over = (name: string) => (input.kind === 'playbackFinished' && input.playback === name) || (input.kind === 'timer' && input.timer === 'message');
  const o = s.opts;
  switch (s.phase) {
    case 'closing':
      return over('closing') ? finish(s, 'no_agent') : stay(s);
    case 'offering':
      if (input.kind === 'dtmf' && input.leg === 'customer' && input.digit === '1') {
        return {
          state: { ...s, phase: 'confirming' },
          effects: [
            { kind: 'stopPlayback', playback: 'offer' },
            { kind: 'cancelTimer', timer: 'prompt' },
            { kind: 'notify', notice: { kind: 'callbackRequested', number: o.number } },
            { kind: 'play', leg: 'customer', playback: 'confirmation', media: o.callbackConfirmationMedia },
            { kind: 'startTimer', timer: 'message', ms: MESSAGE_TIMEOUT_MS },
          ],
        };
      }
      if (over('offer')) return { state: s, effects: [{ kind: 'cancelTimer', timer: 'message' }, { kind: 'startTimer', timer: 'prompt', ms: OFFER_WAIT_MS }] };
      if (input.kind === 'timer' && input.timer === 'prompt') return finish(s, 'no_agent');
      return stay(s);
    case 'confirming':
      return over('confirmation') ? finish(s, 'callback_requested') : stay(s);
    default:
      return stay(s);
  }
}

function step(s: InboundState, input: FlowInput): Step<InboundState> {
  if (s.phase === 'done') return stay(s);
  if (input.kind === 'cancel') return finish(s, input.by === 'agent' ? 'agent_hangup' : 'cancelled');
  if (input.kind === 'commandFailed') return finish(s, 'telephony_error');
  if (s.phase === 'idle') return input.kind === 'start' ? start(s) : stay(s);
  if (input.kind === 'legEnded' && input.leg === 'customer') {
    const gone = { ...s, callerAlive: false, caller: { ...s.caller, ...input.signals, answered: true } };
    if (s.phase === 'connected') return finish(gone, legEndReason(input.signals, 'customer_hangup'));
    const inQueue = s.phase !== 'closing' && s.phase !== 'offering' && s.phase !== 'confirming';
    return finish(gone, legEndReason(input.signals, inQueue ? 'queue_hangup' : s.phase === 'confirming' ? 'callback_requested' : 'no_agent'));
  }
  if (s.phase === 'connected') {
    if (input.kind === 'legEnded' && input.leg === 'agent') return finish({ ...s, agentAlive: false }, legEndReason(input.signals, 'agent_hangup'));
    return stay(s);
  }
  if (s.phase === 'closing' || s.phase === 'offering' || s.phase === 'confirming') {
    if (input.kind === 'legEnded' && input.leg === 'agent') return { state: { ...s, agentAlive: false }, effects: [] };
    return onClosing(s, input);
  }
  return onQueueInput(s, input);
}

export const INBOUND_FLOW = 'inbound';

export function initialInbound(opts: InboundOptions): InboundState {
  return {
    opts, phase: 'idle', callerAlive: false, agentAlive: false, holdBridge: false, callBridge: false,
    agent: null, tried: [], timedOut: false, caller: { answered: false },
  };
}

export function inboundFlow(opts: InboundOptions): FlowDefinition<InboundState> {
  return defineFlow(INBOUND_FLOW, initialInbound(opts), step, (s) => s.phase === 'done');
}
