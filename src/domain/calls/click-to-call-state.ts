import type { CallOutcome } from '../call-outcome';
import type { AgentStateKind } from '../dialer/agent-session-state';
import type { EndReason, FlowNotice } from '../flows/flow-types';

/** What the agent's call pop-up shows: ringing the agent, ringing the customer, talking, ended. */
export type ClickToCallPhase = 'ringing_agent' | 'ringing_customer' | 'talking' | 'ended';

/** The phase after one of the flow's notices (unchanged by notices that do not move the call on). */
export function phaseAfter(phase: ClickToCallPhase, notice: FlowNotice): ClickToCallPhase {
  if (phase === 'ended') return phase;
  switch (notice.kind) {
    case 'agentAnswered': return 'ringing_customer';
    case 'customerRinging': return 'ringing_customer';
    case 'connected': return 'talking';
    default: return phase;
  }
}

/** Why an ended click-to-call ended, for the pop-up (a short stable word; the page translates it). */
export type ClickToCallEnd = 'completed' | 'busy' | 'no_answer' | 'agent_no_answer' | 'agent_busy' | 'failed' | 'cancelled';

export function endOf(outcome: CallOutcome | null, endReason: EndReason, agentUnreachable?: 'busy' | 'no_answer' | 'failed'): ClickToCallEnd {
  if (endReason === 'agent_unreachable') return agentUnreachable === 'busy' ? 'agent_busy' : agentUnreachable === 'failed' ? 'failed' : 'agent_no_answer';
  if (outcome === 'answered') return 'completed';
  // The agent pressed End (or hung up) before the customer answered: not the customer's doing.
  if (endReason === 'agent_hangup' || endReason === 'cancelled') return 'cancelled';
  if (outcome === 'busy') return 'busy';
  if (outcome === 'no_answer') return 'no_answer';
  return 'failed';
}

/** What stops an agent from placing a click-to-call; checked before anything is dialled. */
export interface ClickToCallAgent {
  /** users.lead_receiving: the agent switched themselves OFF (no inbound, no outbound calls). */
  receiving: boolean;
  extension: string | null;
  /** The agent's state in the campaign they are joined to; null when not joined. */
  campaignState: AgentStateKind | null;
  /** The agent's phone is held as a predictive/IVR line (parked in its bridge between customers). */
  hasLine: boolean;
  /** Paused with their campaign, and ready again (customers coming) the moment it resumes. */
  resumesReady?: boolean;
  /** The agent already has a click-to-call open (live, or ended and not yet closed). */
  openCall: boolean;
}

export type ClickToCallRefusal = 'off' | 'no_extension' | 'campaign_call' | 'wrap_up' | 'campaign_ready' | 'line_open' | 'call_open';

export const REFUSAL_MESSAGES: Record<ClickToCallRefusal, string> = {
  off: 'the agent is switched OFF: no calls in or out until they switch ON',
  no_extension: 'the agent has no phone extension to ring',
  campaign_call: 'the agent is on a campaign call',
  wrap_up: 'the agent is in wrap-up after a campaign call',
  campaign_ready: 'the agent is ready in a campaign and may get a customer at any moment: set not ready (pause) first',
  line_open: 'the agent\'s phone is held as a campaign line: pause or leave the campaign first',
  call_open: 'the agent already has a call open: end it and save and close it first',
};

/**
 * Whether the agent may place a click-to-call now. A campaign customer must never reach an agent who is on a
 * click-to-call, so an agent joined to a campaign may call only while not ready or paused (and with no line
 * held); the engine in turn refuses `ready` while a click-to-call is live.
 */
export function clickToCallRefusal(a: ClickToCallAgent): ClickToCallRefusal | null {
  if (!a.receiving) return 'off';
  if (a.openCall) return 'call_open';
  if (a.campaignState === 'ringing' || a.campaignState === 'talking') return 'campaign_call';
  if (a.campaignState === 'wrap_up') return 'wrap_up';
  if (a.campaignState === 'ready' || a.campaignState === 'previewing' || (a.campaignState === 'paused' && a.resumesReady)) return 'campaign_ready';
  if (a.hasLine) return 'line_open';
  if (!a.extension) return 'no_extension';
  return null;
}
