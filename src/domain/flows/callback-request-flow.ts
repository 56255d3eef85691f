import { defineFlow, type FlowDefinition, type FlowInput, type Step } from './flow-types';
import { MESSAGE_TIMEOUT_MS } from './customer-call-state';

/**
 * Inbound callback request: the dialplan (context dialer-inbound-callback) offered "press 1 to be
 * called back", the caller pressed 1, and the call entered Stasis already answered. Record the
 * request (the engine queues it FIFO for the callback campaign), thank the caller, hang up.
 */
export interface CallbackRequestOptions {
  /** The caller's number as the dialplan passed it (CALLERID(num)); empty when withheld. */
  number: string;
  confirmationMedia: readonly string[];
}

type Phase = 'idle' | 'confirming' | 'done';

export interface CallbackRequestState {
  opts: CallbackRequestOptions;
  phase: Phase;
  callerAlive: boolean;
}

function end(s: CallbackRequestState, hangup: boolean): Step<CallbackRequestState> {
  return {
    state: { ...s, phase: 'done', callerAlive: false },
    effects: [
      { kind: 'cancelTimer', timer: 'message' },
      ...(hangup && s.callerAlive ? [{ kind: 'hangup', leg: 'customer' } as const] : []),
      { kind: 'done', result: { outcome: 'answered', endReason: 'callback_requested' } },
    ],
  };
}

function step(s: CallbackRequestState, input: FlowInput): Step<CallbackRequestState> {
  if (s.phase === 'done') return { state: s, effects: [] };
  if (input.kind === 'legEnded' && input.leg === 'customer') return end({ ...s, callerAlive: false }, false);
  if (input.kind === 'cancel' || input.kind === 'commandFailed') return end(s, true);
  if (s.phase === 'idle') {
    if (input.kind !== 'start') return { state: s, effects: [] };
    return {
      state: { ...s, phase: 'confirming', callerAlive: true },
      effects: [
        { kind: 'notify', notice: { kind: 'callbackRequested', number: s.opts.number } },
        { kind: 'play', leg: 'customer', playback: 'confirmation', media: s.opts.confirmationMedia },
        { kind: 'startTimer', timer: 'message', ms: MESSAGE_TIMEOUT_MS },
      ],
    };
  }
  const over = (input.kind === 'playbackFinished' && input.playback === 'confirmation') || (input.kind === 'timer' && input.timer === 'message');
  return over ? end(s, true) : { state: s, effects: [] };
}

export function callbackRequestFlow(opts: CallbackRequestOptions): FlowDefinition<CallbackRequestState> {
  return defineFlow('callback-request', { opts, phase: 'idle', callerAlive: false }, step, (s) => s.phase === 'done');
}
