import { defineFlow, type FlowDefinition } from './flow-types';
import type { CustomerCallOptions, CustomerCallState, IvrScript } from './customer-call-state';
import { initialCustomerCall, stepCustomerCall } from './customer-first-flow';

/**
 * IVR auto-call: dial the customer (AMD optional: a silent line before the first key looks like a
 * machine to AMD), play the questions, store the answers, and branch — a key marked 'agent' takes
 * the customer-first path to an agent, 'hangup' says goodbye. Without an agent branch `agent` may
 * be null.
 */
export type IvrOptions = Omit<CustomerCallOptions, 'ivr'> & { ivr: IvrScript };

export function ivrFlow(opts: IvrOptions): FlowDefinition<CustomerCallState> {
  return defineFlow('ivr', initialCustomerCall(opts), stepCustomerCall, (s) => s.phase === 'done');
}
