import type { UserId } from '../roles';

/** Who a campaign is assigned to, and whether it runs: what joining is decided on. */
export interface CampaignAssignment {
  running: boolean;
  agentIds: readonly UserId[];
  groupIds: readonly number[];
}

export type JoinCheck = { ok: true } | { ok: false; reason: 'campaign_not_running' | 'not_assigned' };

/** Only a running campaign's assigned agents (directly or through one of its groups) may join it. */
export function canJoinCampaign(agentId: UserId, agentGroupIds: readonly number[], campaign: CampaignAssignment): JoinCheck {
  if (!campaign.running) return { ok: false, reason: 'campaign_not_running' };
  const assigned = campaign.agentIds.includes(agentId) || agentGroupIds.some((g) => campaign.groupIds.includes(g));
  return assigned ? { ok: true } : { ok: false, reason: 'not_assigned' };
}
