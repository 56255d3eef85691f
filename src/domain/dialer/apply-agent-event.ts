import type { UserId } from '../roles';
import {
  NOT_READY_JOINED,
  NOT_READY_NO_ANSWER,
  NOT_READY_TELEPHONY_LOST,
  type AgentEvent,
  type AgentRejectionCode,
  type AgentState,
  type AgentTransition,
  type ResumeTarget,
} from './agent-session-state';

type Step = AgentState | { reject: AgentRejectionCode; message?: string };
type InCall = Extract<AgentState, { kind: 'ringing' | 'talking' | 'wrap_up' }>;

const illegal: Step = { reject: 'illegal_transition' };
const notReady = (reason: string): AgentState => ({ kind: 'not_ready', reason });
const fromTarget = (t: ResumeTarget): AgentState => (t.kind === 'ready' ? { kind: 'ready' } : notReady(t.reason));
/** Where a call's end leads: the target, or paused holding it when the campaign paused meanwhile. */
const afterCall = (s: InCall, target: ResumeTarget): AgentState => (s.pauseAfterCall ? { kind: 'paused', resumeTo: target } : fromTarget(target));
const isInCall = (s: AgentState): s is InCall => s.kind === 'ringing' || s.kind === 'talking' || s.kind === 'wrap_up';

/**
 * The agent session state machine. Pure: `at` is the time of the event, and an illegal event comes back as a
 * typed rejection, never a throw. The caller stores `record` so reports can sum time per state.
 */
export function applyAgentEvent(agentId: UserId, state: AgentState, event: AgentEvent, at: Date): AgentTransition {
  const next = step(state, event);
  if ('reject' in next) {
    const message = next.message ?? `${event.type} is not allowed while ${state.kind}`;
    return { ok: false, rejection: { code: next.reject, state: state.kind, event: event.type, message } };
  }
  const reason = (s: AgentState): string | null => (s.kind === 'not_ready' ? s.reason : null);
  const visible = next.kind !== state.kind || reason(next) !== reason(state);
  const leadId = 'leadId' in next ? next.leadId : 'leadId' in state ? state.leadId : null;
  const record = visible ? { agentId, at, from: state.kind, to: next.kind, reason: reason(next), leadId, event: event.type } : null;
  return { ok: true, state: next, record };
}

function step(s: AgentState, e: AgentEvent): Step {
  if (s.kind === 'offline') return e.type === 'join' ? notReady(NOT_READY_JOINED) : illegal;
  switch (e.type) {
    case 'join':
      return illegal;
    case 'leave':
      return e.force || !isInCall(s) ? { kind: 'offline' } : illegal;
    case 'setReady':
      return setTarget(s, { kind: 'ready' });
    case 'setNotReady':
      if (e.reason.trim() === '') return { reject: 'reason_required', message: 'a not-ready reason is required' };
      return setTarget(s, { kind: 'not_ready', reason: e.reason.trim() });
    case 'customerHandedOver':
      return s.kind === 'ready' ? { kind: 'previewing', leadId: e.leadId } : illegal;
    case 'customerReleased':
      if (s.kind !== 'previewing') return illegal;
      return s.leadId === e.leadId ? { kind: 'ready' } : wrongCustomer(s.leadId, e.leadId);
    case 'callStarted':
      return callStarted(s, e.leadId, e.customerConnected === true);
    case 'agentAnswered':
    case 'customerConnected':
      return s.kind === 'ringing' ? connectSide(s, e.type) : illegal;
    case 'agentNoAnswer':
      return s.kind === 'ringing' && !s.agentAnswered ? afterCall(s, { kind: 'not_ready', reason: NOT_READY_NO_ANSWER }) : illegal;
    case 'callEnded':
      return callEnded(s);
    case 'wrapUpEnded':
      return s.kind === 'wrap_up' ? afterCall(s, { kind: 'ready' }) : illegal;
    case 'campaignPaused':
      return campaignPaused(s);
    case 'campaignResumed':
      return campaignResumed(s);
    case 'telephonyLost':
      if (s.kind === 'paused') return { kind: 'paused', resumeTo: { kind: 'not_ready', reason: NOT_READY_TELEPHONY_LOST } };
      return notReady(NOT_READY_TELEPHONY_LOST);
  }
}

/** Ready / not ready: from idle states directly; from wrap-up it ends the wrap-up; while paused it sets the resume target. */
function setTarget(s: AgentState, target: ResumeTarget): Step {
  switch (s.kind) {
    case 'ready':
    case 'not_ready': {
      const same = target.kind === 'ready' ? s.kind === 'ready' : s.kind === 'not_ready' && s.reason === target.reason;
      return same ? illegal : fromTarget(target);
    }
    case 'wrap_up':
      return target.kind === 'not_ready' ? afterCall(s, target) : illegal;
    case 'paused':
      return { kind: 'paused', resumeTo: target };
    default:
      return illegal;
  }
}

function callStarted(s: AgentState, leadId: number, customerConnected: boolean): Step {
  if (s.kind === 'previewing' && s.leadId !== leadId) return wrongCustomer(s.leadId, leadId);
  if (s.kind !== 'previewing' && s.kind !== 'ready') return illegal;
  return { kind: 'ringing', leadId, agentAnswered: false, customerConnected, pauseAfterCall: false };
}

function connectSide(s: Extract<AgentState, { kind: 'ringing' }>, side: 'agentAnswered' | 'customerConnected'): Step {
  const next = { ...s, [side]: true };
  if (s[side]) return illegal;
  return next.agentAnswered && next.customerConnected ? { kind: 'talking', leadId: s.leadId, pauseAfterCall: s.pauseAfterCall } : next;
}

/** A call the agent never picked up leaves nothing to wrap up; one the agent was on goes to wrap-up. */
function callEnded(s: AgentState): Step {
  if (s.kind === 'talking') return { kind: 'wrap_up', leadId: s.leadId, pauseAfterCall: s.pauseAfterCall };
  if (s.kind !== 'ringing') return illegal;
  if (s.agentAnswered) return { kind: 'wrap_up', leadId: s.leadId, pauseAfterCall: s.pauseAfterCall };
  return afterCall(s, { kind: 'ready' });
}

/** A pause stops new calls, not live ones: idle agents pause now, agents on a call after it. */
function campaignPaused(s: AgentState): Step {
  switch (s.kind) {
    case 'ready':
    case 'previewing':
      return { kind: 'paused', resumeTo: { kind: 'ready' } };
    case 'not_ready':
      return { kind: 'paused', resumeTo: { kind: 'not_ready', reason: s.reason } };
    case 'ringing':
    case 'talking':
    case 'wrap_up':
      return s.pauseAfterCall ? illegal : { ...s, pauseAfterCall: true };
    default:
      return illegal;
  }
}

function campaignResumed(s: AgentState): Step {
  if (s.kind === 'paused') return fromTarget(s.resumeTo);
  if (isInCall(s) && s.pauseAfterCall) return { ...s, pauseAfterCall: false };
  return illegal;
}

function wrongCustomer(expected: number, got: number): Step {
  return { reject: 'wrong_customer', message: `the agent has customer ${expected}, not ${got}` };
}
