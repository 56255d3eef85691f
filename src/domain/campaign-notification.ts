import type { CampaignAction, CampaignState, TransitionTarget } from './campaign-lifecycle';
import type { UserId } from './roles';

export const NOTIFICATION_KINDS = ['campaign_submitted', 'campaign_approved', 'campaign_rejected', 'campaign_started', 'campaign_ended'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Which notification a transition produces, if any (pauses, resumes, edits and scheduling produce none). */
export function notificationKindFor(action: CampaignAction, from: CampaignState, to: TransitionTarget): NotificationKind | undefined {
  if (action === 'submit') return 'campaign_submitted';
  if (action === 'approve') return 'campaign_approved';
  if (action === 'reject') return 'campaign_rejected';
  if (to === 'running' && (from === 'approved' || from === 'scheduled')) return 'campaign_started';
  if (to === 'ended') return 'campaign_ended';
  return undefined;
}

export interface CampaignPeople {
  creatorId: UserId;
  managerIds: readonly UserId[];
  ownerIds: readonly UserId[];
  /** The user who caused the transition (not told about their own act); undefined for the scheduler. */
  actorId?: UserId;
}

/** Submissions go to every owner; approvals, rejections, starts and ends to the creator and the managers. */
export function notificationRecipients(kind: NotificationKind, people: CampaignPeople): UserId[] {
  const to = kind === 'campaign_submitted' ? people.ownerIds : [people.creatorId, ...people.managerIds];
  return [...new Set(to)].filter((id) => id !== people.actorId).sort((a, b) => a - b);
}
