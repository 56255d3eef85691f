import { callOutcome, type LegSignals } from '../call-outcome-rules';
import type { AgentLine, CallerId, Effect, EndReason, Step } from './flow-types';

/**
 * The state shared by the flows that dial a customer first (customer-first / predictive and IVR):
 * dial → AMD → (questions) → reach an agent → connected. Each phase's steps live in their own
 * module; this one holds the shape and the one way such a call ends.
 */
export interface IvrQuestion {
  id: string;
  prompt: readonly string[];
  /** Keys accepted as an answer, e.g. "12345". */
  validDigits: string;
  /** How long to wait for a key once the prompt has finished. */
  timeoutSeconds: number;
  /** How many times the prompt is repeated after a timeout or an invalid key. */
  retries: number;
  /** Keys that leave the questionnaire: to an agent (the customer-first path) or to hang up. */
  branches?: Readonly<Record<string, 'agent' | 'hangup'>>;
}

export interface IvrScript {
  questions: readonly IvrQuestion[];
  invalidMedia: readonly string[];
  goodbyeMedia: readonly string[];
}

export interface ReachAgentOptions {
  holdMaxSeconds: number;
  mohClass: string;
  /** Played to an abandoned customer (who the caller is and how to call back). */
  safeHarborMedia: readonly string[];
}

export interface CustomerCallOptions {
  number: string;
  callerId?: CallerId;
  ringTimeoutSeconds: number;
  /** Dial through the dialplan's AMD context. */
  amd: boolean;
  machine: { kind: 'hangup' } | { kind: 'message'; media: readonly string[] };
  /** null: the call never goes to an agent (a survey without a transfer key). */
  agent: ReachAgentOptions | null;
  record: boolean;
  ivr?: IvrScript;
}

export type CustomerCallPhase =
  | 'idle' | 'dialing' | 'amd' | 'machineMessage' | 'asking' | 'goodbye'
  | 'seekingAgent' | 'holding' | 'connected' | 'abandoning' | 'done';

export interface IvrProgress {
  index: number;
  tries: number;
  /** The playback currently prompting, null once it finished or was stopped. */
  playback: string | null;
  answers: Readonly<Record<string, string | null>>;
}

export interface CustomerCallState {
  opts: CustomerCallOptions;
  phase: CustomerCallPhase;
  customer: LegSignals;
  customerAlive: boolean;
  holdBridge: boolean;
  queued: boolean;
  line: AgentLine | null;
  recording: boolean;
  ivr: IvrProgress;
}

export const AMD_TIMEOUT_MS = 8000;
export const MESSAGE_TIMEOUT_MS = 60_000;

export const stay = (s: CustomerCallState): Step<CustomerCallState> => ({ state: s, effects: [] });

/** Ends the call: releases whatever the current phase holds, then reports the result. */
export function finish(s: CustomerCallState, endReason: EndReason, flags: { abandoned?: boolean } = {}, extra: Effect[] = []): Step<CustomerCallState> {
  const effects: Effect[] = (['ring', 'amd', 'hold', 'prompt', 'question', 'message'] as const).map((timer) => ({ kind: 'cancelTimer', timer }));
  if (s.queued) effects.push({ kind: 'withdrawAgentRequest' });
  if (s.recording && s.line) effects.push({ kind: 'stopRecording' });
  if (s.customerAlive) effects.push({ kind: 'hangup', leg: 'customer' });
  if (s.holdBridge) effects.push({ kind: 'destroyBridge', bridge: 'hold' });
  if (s.phase === 'connected') effects.push({ kind: 'notify', notice: { kind: 'agentReleased' } });
  effects.push(...extra);
  const customer: LegSignals = {
    ...s.customer,
    ...(s.customerAlive && !s.customer.answered ? { withdrawn: true } : {}),
    ...(flags.abandoned ? { abandoned: true } : {}),
  };
  const dialled = s.phase !== 'idle' && !customer.unavailable;
  effects.push({ kind: 'done', result: dialled ? { outcome: callOutcome(customer), endReason, customer } : { outcome: null, endReason } });
  return {
    state: { ...s, phase: 'done', customer, customerAlive: false, holdBridge: false, queued: false, recording: false },
    effects,
  };
}

/** The customer leg is gone: fold its last signals in (it had answered if we saw it answer). */
export function customerGone(s: CustomerCallState, signals: LegSignals): CustomerCallState {
  const amd = signals.amd ?? s.customer.amd;
  return {
    ...s,
    customerAlive: false,
    customer: { ...s.customer, ...signals, answered: s.customer.answered || signals.answered, ...(amd ? { amd } : {}) },
  };
}
