import type { CallOutcome } from '../call-outcome';
import type { AmdStatus, LegSignals } from '../call-outcome-rules';
import type { BridgeId, LegId } from '../telephony-ids';

/**
 * The vocabulary shared by every call flow. A flow is a pure decider:
 *   decide(state, input) → Effect[]    what to do
 *   evolve(state, input) → state       what it becomes
 * Flows name their legs, bridges, timers and playbacks locally ('customer', 'hold', 'ring');
 * the runner (src/telephony/flow-runner.ts) maps them to ids and ARI calls.
 */
export type LegName = 'agent' | 'customer';
/** Bridges a flow creates and destroys itself. */
export type OwnBridge = 'call' | 'hold';
/** A bridge a flow uses: its own, or the bridge of an agent line it was given. */
export type BridgeRef = { kind: 'own'; name: OwnBridge } | { kind: 'line'; bridgeId: BridgeId };
export type TimerName = 'agentRing' | 'ring' | 'amd' | 'hold' | 'prompt' | 'question' | 'message' | 'queue' | 'retry';

export type DialTarget =
  | { kind: 'customer'; number: string; amd: boolean; callerId?: CallerId }
  | { kind: 'agent'; extension: string; callerId?: CallerId };

export interface CallerId {
  number: string;
  name?: string;
}

/** An agent's line: one answered agent channel parked alone in the agent's own mixing bridge. */
export interface AgentLine {
  lineId: string;
  agentId: number;
  bridgeId: BridgeId;
  /** The agent's channel; a flow that uses the line sees it as its 'agent' leg but never hangs it up. */
  agentLeg: LegId;
}

/** What a flow tells the engine while it runs (the runner adds ids and times). */
export type FlowNotice =
  | { kind: 'agentRinging' }
  | { kind: 'agentAnswered' }
  /** The agent phone was busy, rang out or failed: the engine sets the agent not ready. */
  | { kind: 'agentUnreachable'; reason: 'busy' | 'no_answer' | 'failed' }
  | { kind: 'customerRinging' }
  | { kind: 'customerAnswered' }
  | { kind: 'waitingForAgent' }
  | { kind: 'connected' }
  /** The agent is free of this call (it ended or never reached them). */
  | { kind: 'agentReleased' }
  | { kind: 'lineReady' }
  /** The line is gone; `byPbx` when the PBX took it away (restart, unreachable) rather than the agent or the session. */
  | { kind: 'lineClosed'; byPbx?: boolean }
  | { kind: 'answerStored'; questionId: string; answer: string | null }
  | { kind: 'callbackRequested'; number: string }
  /** Inbound: the caller is in the queue (greeting over, music on). */
  | { kind: 'inboundQueued' }
  /** Inbound: this agent's phone rings with the caller. */
  | { kind: 'inboundOffered'; agentId: number }
  /** Inbound: the agent answered and is bridged with the caller. */
  | { kind: 'inboundAnswered'; agentId: number }
  /** Inbound: the offered agent did not take the call (rang out, busy, declined); the next one is tried. */
  | { kind: 'inboundNotTaken'; agentId: number };

/** An agent the engine chose for an inbound call. */
export interface InboundAgent {
  agentId: number;
  extension: string;
}

export type Effect =
  | { kind: 'dial'; leg: LegName; target: DialTarget; ringTimeoutSeconds: number }
  | { kind: 'createBridge'; bridge: OwnBridge; type: 'mixing' | 'holding' }
  | { kind: 'destroyBridge'; bridge: OwnBridge }
  | { kind: 'addToBridge'; leg: LegName; bridge: BridgeRef }
  | { kind: 'startMoh'; bridge: OwnBridge; mohClass: string }
  | { kind: 'play'; leg: LegName; playback: string; media: readonly string[] }
  | { kind: 'stopPlayback'; playback: string }
  | { kind: 'startRecording'; bridge: BridgeRef }
  | { kind: 'stopRecording' }
  | { kind: 'hangup'; leg: LegName }
  /** From now on the flow's 'agent' leg is this line's agent channel (watched, not owned). */
  | { kind: 'attachLine'; line: AgentLine }
  | { kind: 'startTimer'; timer: TimerName; ms: number }
  | { kind: 'cancelTimer'; timer: TimerName }
  /** Ask for a free agent line: the runner answers with agentAssigned or noAgentFree. */
  | { kind: 'requestAgent' }
  /** Leave the FIFO of customers waiting for an agent. */
  | { kind: 'withdrawAgentRequest' }
  /** A line arrived after the flow stopped waiting for one: hand it back to the dispatcher. */
  | { kind: 'declineLine'; line: AgentLine }
  /** Inbound: ask the engine for an agent to ring (ON, idle, longest idle first), not one of `tried`; answered with agentPicked. */
  | { kind: 'pickAgent'; tried: readonly number[] }
  | { kind: 'notify'; notice: FlowNotice }
  | { kind: 'done'; result: FlowResult };

/** Why a call ended, in more detail than the outcome (kept in the call record). */
export type EndReason =
  | 'customer_hangup' | 'agent_hangup' | 'not_reached' | 'agent_unreachable' | 'machine'
  | 'abandoned' | 'ivr_complete' | 'callback_requested' | 'line_closed' | 'cancelled' | 'telephony_error'
  /** Inbound: the caller hung up while waiting for an agent (a missed call). */
  | 'queue_hangup'
  /** Inbound: no agent took the call in time (or none was ON): the caller heard the closing message. */
  | 'no_agent';

/**
 * Why a call ended when one of its legs did: the flow's reason, unless the PBX took the leg away (it shut down,
 * or could not take the call at all), which is nobody's hang-up.
 */
export function legEndReason(signals: LegSignals, reason: EndReason): EndReason {
  return signals.pbxShutdown || signals.unavailable ? 'telephony_error' : reason;
}

export interface FlowResult {
  /** What the customer call came to; null when the customer was never dialled. */
  outcome: CallOutcome | null;
  endReason: EndReason;
  /** The customer leg as last observed (cause, Dial status, AMD). */
  customer?: LegSignals;
}

export type FlowInput =
  | { kind: 'start' }
  | { kind: 'ringing'; leg: LegName }
  | { kind: 'answered'; leg: LegName }
  | { kind: 'amd'; leg: LegName; status: AmdStatus; cause: string }
  /** The leg is gone (hung up, failed, or found missing after a reconnect). */
  | { kind: 'legEnded'; leg: LegName; signals: LegSignals }
  | { kind: 'dtmf'; leg: LegName; digit: string }
  | { kind: 'playbackFinished'; playback: string; failed: boolean }
  | { kind: 'timer'; timer: TimerName }
  | { kind: 'agentAssigned'; line: AgentLine }
  | { kind: 'noAgentFree' }
  /** The engine's answer to pickAgent: the agent to ring, or none (`anyOn`: some agent is ON but busy). */
  | { kind: 'agentPicked'; agent: InboundAgent | null; anyOn: boolean }
  /** A command other than dial/play failed for a reason that is not an expected race. */
  | { kind: 'commandFailed'; command: Effect['kind']; code: string }
  /** The ARI WebSocket dropped; events may be lost until the runner resynchronises. */
  | { kind: 'connectionLost' }
  /** Stop the call; `by: 'agent'` when the agent ended it from their page (recorded as their hang-up). */
  | { kind: 'cancel'; by?: 'agent' };

/** A flow as the runner sees it. */
export interface FlowDefinition<S> {
  readonly name: string;
  readonly initial: S;
  decide(state: S, input: FlowInput): Effect[];
  evolve(state: S, input: FlowInput): S;
  /** True once the flow has emitted done: the runner stops feeding it. */
  isFinal(state: S): boolean;
}

/** A flow written as one step function; decide and evolve are its two halves. */
export interface Step<S> {
  state: S;
  effects: Effect[];
}

export function defineFlow<S>(name: string, initial: S, step: (state: S, input: FlowInput) => Step<S>, isFinal: (s: S) => boolean): FlowDefinition<S> {
  return {
    name,
    initial,
    decide: (state, input) => step(state, input).effects,
    evolve: (state, input) => step(state, input).state,
    isFinal,
  };
}
