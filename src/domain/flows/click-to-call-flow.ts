import { agentFirstFlow, type AgentFirstState } from './agent-first-flow';
import type { CallerId, FlowDefinition } from './flow-types';

/**
 * Click-to-call: an agent calls a contact (or a typed-in number) from the contact pages or their own page,
 * outside any campaign. It is the agent-first call of the campaigns, step for step — the agent's phone rings,
 * when the agent answers the customer is dialled, when the customer answers both are bridged, either side
 * hanging up ends both — so it reuses that decider and only names itself differently: the call record's flow
 * is 'click-to-call' (with no campaign and no attempt), and the engine routes its notices by that name.
 */
export interface ClickToCallOptions {
  number: string;
  callerId?: CallerId;
  extension: string;
  agentRingTimeoutSeconds: number;
  ringTimeoutSeconds: number;
}

export const CLICK_TO_CALL_FLOW = 'click-to-call';

export function clickToCallFlow(o: ClickToCallOptions): FlowDefinition<AgentFirstState> {
  const flow = agentFirstFlow({
    customer: { number: o.number, callerId: o.callerId },
    agent: { kind: 'ring', extension: o.extension, ringTimeoutSeconds: o.agentRingTimeoutSeconds },
    ringTimeoutSeconds: o.ringTimeoutSeconds,
    record: false,
  });
  return { ...flow, name: CLICK_TO_CALL_FLOW };
}
