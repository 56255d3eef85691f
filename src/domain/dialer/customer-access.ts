import type { DialingMode } from '../dialing-mode';
import type { LeadId } from './lead-snapshot';

/**
 * What an agent may do with a customer shown in the agent page:
 * - `active`: the current customer: view, edit, call per the mode, set the disposition;
 * - `manual`: view, edit, and call as in manual mode (choose the number, dial, set a disposition);
 * - `read_only`: view only;
 * - `none`: not one of this agent's customers.
 * A `manual` dial still goes through eligibility (DNC, calling hours) and the agent's state (one call at a time).
 */
export type CustomerAccess = 'active' | 'manual' | 'read_only' | 'none';

export interface CustomerAccessInput {
  leadId: LeadId;
  /** The customers handed to this agent in this campaign, oldest first; the last one is the current one. */
  handedOver: readonly LeadId[];
  mode: DialingMode;
  agentAtMaxQuota: boolean;
  listExhausted: boolean;
}

/**
 * After a new customer is handed over, earlier ones become read-only, unless the agent reached the maximum quota
 * or the list is exhausted: then they behave as in manual mode. In a manual campaign they always do, since the
 * agent drives every call there anyway.
 */
export function customerAccess(input: CustomerAccessInput): CustomerAccess {
  const position = input.handedOver.lastIndexOf(input.leadId);
  if (position < 0) return 'none';
  if (position === input.handedOver.length - 1) return 'active';
  if (input.mode === 'manual' || input.agentAtMaxQuota || input.listExhausted) return 'manual';
  return 'read_only';
}
