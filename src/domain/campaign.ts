import type { CampaignAction, CampaignState } from './campaign-lifecycle';
import type { CampaignSettings } from './campaign-settings';
import type { UserId } from './roles';

/** A stored campaign: its settings, where it stands in its lifecycle, and who did what when. */
export interface Campaign extends CampaignSettings {
  id: number;
  state: CampaignState;
  createdBy: UserId;
  createdAt: string;
  updatedAt: string;
  /** The owner's note on the last approval or rejection. */
  reviewNote: string | null;
  reviewedBy: UserId | null;
  reviewedAt: string | null;
  activatedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** One audit row: a lifecycle transition, the creation, or an edit. `actorId` null means the scheduler. */
export interface CampaignEvent {
  id: number;
  campaignId: number;
  action: CampaignAction | 'create';
  fromState: CampaignState | null;
  toState: CampaignState;
  actorId: UserId | null;
  note: string | null;
  at: string;
}

/** The fields a campaign list may be sorted by. */
export const CAMPAIGN_SORT_FIELDS = ['id', 'name', 'state', 'startAt', 'createdAt'] as const;
export type CampaignSortField = (typeof CAMPAIGN_SORT_FIELDS)[number];
