import type { BlockListName } from './block-list';
import type { Campaign } from './campaign';
import type { CallOutcome } from './call-outcome';
import type { ContactStatus } from './contact-status';
import type { Disposition } from './disposition';
import type { Actor, UserId } from './roles';

/** One contact in one campaign's list. */
export interface CampaignEntry {
  id: number;
  campaignId: number;
  contactId: number;
  /** The contact's name, for lists. */
  name: string;
  /** E.164 dialled for this entry. */
  phone: string;
  status: ContactStatus;
  attempts: number;
  nextCallAt: string | null;
  callbackAt: string | null;
  doNotCallUntil: string | null;
  lastAbandonedAt: string | null;
  lastOutcome: CallOutcome | null;
  lastDisposition: Disposition | null;
  /** The agent in charge of this contact in this campaign. */
  agentId: UserId | null;
  /** Kept on purpose although its phone repeats in the campaign. */
  duplicateOk: boolean;
  addedBy: UserId | null;
  addedAt: string;
  updatedAt: string;
}

/**
 * The status a contact enters a campaign with: it is never dropped silently. A number on the blacklist
 * makes it `blocked`, on the DNC list (or the contact marked "do not contact") `dnc`; both stay in the
 * list for people to see, and the dialer never calls them.
 */
export function entryStatus(hits: { lists: readonly BlockListName[]; doNotContact: boolean }): ContactStatus {
  if (hits.lists.includes('blacklist')) return 'blocked';
  if (hits.lists.includes('dnc') || hits.doNotContact) return 'dnc';
  return 'not_started';
}

/** Owners, and the admins who created or manage the campaign, build its list; nobody adds to an ended one. */
export function canManageCampaignList(actor: Actor, campaign: Pick<Campaign, 'createdBy' | 'managerIds'>): boolean {
  if (actor.role === 'owner') return true;
  return actor.role === 'admin' && (campaign.createdBy === actor.id || campaign.managerIds.includes(actor.id));
}

export const canAddToCampaign = (campaign: Pick<Campaign, 'state'>): boolean => campaign.state !== 'ended';

/** Where contacts come from when added to a list (a file goes through an import job). */
export type CampaignListSource = 'contacts' | 'filter' | 'saved_filter' | 'group';

export interface AddToListCounts {
  /** Contacts the selection named. */
  selected: number;
  added: number;
  /** Already in this campaign's list. */
  alreadyListed: number;
  /** Left out because another entry of the campaign has the same phone (automatic dedupe). */
  duplicatePhones: number;
  /** Of the added: entered as dnc / blocked. */
  dnc: number;
  blocked: number;
}
