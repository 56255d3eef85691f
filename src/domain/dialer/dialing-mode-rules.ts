import type { DialingMode } from '../dialing-mode';

/** How a mode behaves for the agent: the one table the handover and wrap-up deciders read. */
export interface DialingModeRules {
  /** agent_first: the agent is on the line before the customer is dialed; customer_first: the reverse. */
  flow: 'agent_first' | 'customer_first' | 'no_agent';
  /** When a handed-over customer is dialed: by the agent, when the preview countdown ends, or at once. */
  callStart: 'by_agent' | 'after_preview' | 'at_once' | null;
  agentMaySkip: boolean;
  agentChoosesNumber: boolean;
  callNowAllowed: boolean;
  /** Whether the next customer comes by itself when the wrap-up countdown reaches zero. */
  nextCustomerAfterWrapUp: boolean;
}

const RULES: Record<DialingMode, DialingModeRules> = {
  manual: { flow: 'agent_first', callStart: 'by_agent', agentMaySkip: true, agentChoosesNumber: true, callNowAllowed: true, nextCustomerAfterWrapUp: false },
  preview: { flow: 'agent_first', callStart: 'after_preview', agentMaySkip: false, agentChoosesNumber: false, callNowAllowed: true, nextCustomerAfterWrapUp: true },
  progressive: { flow: 'agent_first', callStart: 'at_once', agentMaySkip: false, agentChoosesNumber: false, callNowAllowed: false, nextCustomerAfterWrapUp: true },
  // A callback campaign works its due requests like progressive: the reminder is the hand-over itself.
  callback: { flow: 'agent_first', callStart: 'at_once', agentMaySkip: false, agentChoosesNumber: false, callNowAllowed: false, nextCustomerAfterWrapUp: true },
  predictive: { flow: 'customer_first', callStart: null, agentMaySkip: false, agentChoosesNumber: false, callNowAllowed: false, nextCustomerAfterWrapUp: true },
  ivr: { flow: 'no_agent', callStart: null, agentMaySkip: false, agentChoosesNumber: false, callNowAllowed: false, nextCustomerAfterWrapUp: false },
};

export function dialingModeRules(mode: DialingMode): DialingModeRules {
  return RULES[mode];
}
