import type { UserId } from '../roles';
import type { LeadId } from './lead-snapshot';

export const AGENT_STATE_KINDS = ['offline', 'ready', 'not_ready', 'previewing', 'ringing', 'talking', 'wrap_up', 'paused'] as const;
export type AgentStateKind = (typeof AGENT_STATE_KINDS)[number];

/** Reasons the dialer itself puts an agent in not-ready with. Agents give their own (break, training…). */
export const NOT_READY_JOINED = 'joined';
export const NOT_READY_NO_ANSWER = 'no answer';
export const NOT_READY_TELEPHONY_LOST = 'telephony lost';

/** Where an agent goes when a paused campaign resumes. */
export type ResumeTarget = { kind: 'ready' } | { kind: 'not_ready'; reason: string };

/**
 * One agent's activity inside one campaign. `ringing` covers the whole set-up of a call: the agent's phone
 * ringing and, in agent-first modes, the customer being dialed after the agent answered; it becomes `talking`
 * once both sides are up. `pauseAfterCall` marks a call that goes on while its campaign is paused: the agent
 * lands in `paused` instead of `ready` when it is over.
 */
export type AgentState =
  | { kind: 'offline' }
  | { kind: 'ready' }
  | { kind: 'not_ready'; reason: string }
  | { kind: 'previewing'; leadId: LeadId }
  | { kind: 'ringing'; leadId: LeadId; agentAnswered: boolean; customerConnected: boolean; pauseAfterCall: boolean }
  | { kind: 'talking'; leadId: LeadId; pauseAfterCall: boolean }
  | { kind: 'wrap_up'; leadId: LeadId; pauseAfterCall: boolean }
  | { kind: 'paused'; resumeTo: ResumeTarget };

export type AgentEvent =
  | { type: 'join' }
  /** `force` (supervisor, session expiry) leaves from any state; otherwise not during a call or wrap-up. */
  | { type: 'leave'; force?: boolean }
  | { type: 'setReady' }
  | { type: 'setNotReady'; reason: string }
  | { type: 'customerHandedOver'; leadId: LeadId }
  /** The handed-over customer went back without a call (manual skip, DNC found at dial time). */
  | { type: 'customerReleased'; leadId: LeadId }
  /** The agent's phone starts ringing; `customerConnected` when the customer is already up (customer-first). */
  | { type: 'callStarted'; leadId: LeadId; customerConnected?: boolean }
  | { type: 'agentAnswered' }
  | { type: 'agentNoAnswer' }
  | { type: 'customerConnected' }
  | { type: 'callEnded' }
  | { type: 'wrapUpEnded'; cause: 'expired' | 'next_customer' }
  | { type: 'campaignPaused' }
  | { type: 'campaignResumed' }
  | { type: 'telephonyLost' };

/** One row for the time-in-state reports: from `at` on, the agent was in `to`. */
export interface AgentStateChange {
  agentId: UserId;
  at: Date;
  from: AgentStateKind;
  to: AgentStateKind;
  /** The not-ready reason when `to` is `not_ready`. */
  reason: string | null;
  leadId: LeadId | null;
  event: AgentEvent['type'];
}

export type AgentRejectionCode = 'illegal_transition' | 'reason_required' | 'wrong_customer';

export interface AgentRejection {
  code: AgentRejectionCode;
  state: AgentStateKind;
  event: AgentEvent['type'];
  message: string;
}

/** `record` is null when only inner details changed (ringing phase, pause flag), not what reports sum. */
export type AgentTransition =
  | { ok: true; state: AgentState; record: AgentStateChange | null }
  | { ok: false; rejection: AgentRejection };
