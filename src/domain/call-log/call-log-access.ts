import { canSeeCampaignPerformance, type ReportCampaign } from '../agent-performance/agent-performance-access';
import type { Actor } from '../roles';

/**
 * Who sees a call in the call log (issue 14 item 5): owners every call; admins the calls of campaigns they
 * created or manage (the same rule as every other report); agents only the calls they were on. A call of no
 * campaign (an inbound callback request, say) is the owners' and its agent's only. `campaign` is the call's
 * campaign, undefined when it has none (or it was deleted).
 */
export function canSeeCall(actor: Actor, call: { agentId: number | null }, campaign: ReportCampaign | undefined): boolean {
  if (actor.role === 'owner') return true;
  if (actor.role === 'agent') return call.agentId === actor.id;
  return campaign !== undefined && canSeeCampaignPerformance(actor, campaign);
}
