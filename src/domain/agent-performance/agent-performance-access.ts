import type { Actor, UserId } from '../roles';

export interface ReportCampaign {
  id: number;
  createdBy: UserId;
  managerIds: readonly UserId[];
}

/** Owners see every campaign's agent figures; admins those of campaigns they created or manage; agents none. */
export function canSeeCampaignPerformance(actor: Actor, c: ReportCampaign): boolean {
  if (actor.role === 'owner') return true;
  return actor.role === 'admin' && (c.createdBy === actor.id || c.managerIds.includes(actor.id));
}

/** Agents see only their own performance; owners and admins any agent (limited to the campaigns they may see). */
export function canSeeAgentPerformance(actor: Actor, agentId: UserId): boolean {
  return actor.role !== 'agent' || actor.id === agentId;
}
