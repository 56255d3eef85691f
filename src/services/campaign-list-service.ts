import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Logger } from 'winston';
import type { Campaign } from '../domain/campaign';
import { canAddToCampaign, canManageCampaignList, type AddToListCounts, type CampaignEntry } from '../domain/campaign-list';
import type { Clock } from '../domain/clock';
import type { ContactId } from '../domain/contact';
import { canRemoveLead, pauseLead, resumeLead } from '../domain/dialer/lead-transitions';
import type { LeadSnapshot } from '../domain/dialer/lead-snapshot';
import type { Actor } from '../domain/roles';
import { DialerError, forbidden, notFound } from '../errors';
import type { CampaignListRepository, EntryQuery } from '../store/campaign-list-repository';
import type { CampaignRepository } from '../store/campaign-repository';
import type { ContactSearch } from '../store/contact-search';
import type { Page, Paged } from '../store/page';
import type { ContactQuery, ContactService } from './contact-service';

/** Where the contacts to add come from (a file goes through an import with `campaignId`). */
export type ListSelection =
  | { contactIds: ContactId[] }
  | { filter: ContactQuery }
  | { groupId: number };

const CHUNK = 2000;

const snapshot = (e: CampaignEntry): LeadSnapshot => ({
  status: e.status, attempts: e.attempts, nextCallAt: date(e.nextCallAt), callbackAt: date(e.callbackAt),
  doNotCallUntil: date(e.doNotCallUntil), lastAbandonedAt: date(e.lastAbandonedAt), lastOutcome: e.lastOutcome,
  lastDisposition: e.lastDisposition, onDnc: false, onBlacklist: false, timezone: null, ownerAgentId: e.agentId,
});
const date = (s: string | null) => (s === null ? null : new Date(s));

/** Building and tending a campaign's list: add, search, pause, resume, remove, and duplicate phones. */
export class CampaignListService {
  constructor(
    private readonly entries: CampaignListRepository,
    private readonly campaigns: CampaignRepository,
    private readonly contacts: ContactService,
    private readonly search: ContactSearch,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Throws unless the actor may add to this campaign's list now (also used by imports into a campaign). */
  checkCanAdd(actor: Actor, campaignId: number): Campaign {
    const campaign = this.manageable(actor, campaignId);
    if (!canAddToCampaign(campaign)) throw new DialerError('E_CONFLICT', `campaign ${campaignId} has ended`, 'campaignId');
    return campaign;
  }

  /**
   * Adds the selected contacts in chunks (one transaction each, the event loop free between them). With
   * `dedupe`, a contact whose phone another entry already has is left out; without, such repeats are listed by `duplicates`.
   */
  async add(actor: Actor, campaignId: number, selection: ListSelection, dedupe: boolean): Promise<AddToListCounts> {
    this.checkCanAdd(actor, campaignId);
    const opts = { now: this.clock.now().toISOString(), addedBy: actor.id, dedupe };
    const total: AddToListCounts = { selected: 0, added: 0, alreadyListed: 0, duplicatePhones: 0, dnc: 0, blocked: 0 };
    const addChunk = (ids: ContactId[]) => {
      const c = this.entries.addMany(campaignId, ids, opts);
      for (const k of Object.keys(total) as (keyof AddToListCounts)[]) total[k] += c[k];
    };
    if ('contactIds' in selection) {
      const ids = [...new Set(selection.contactIds)];
      for (let i = 0; i < ids.length; i += CHUNK) addChunk(ids.slice(i, i + CHUNK));
    } else {
      const filter = this.contacts.resolveFilter(actor, 'groupId' in selection ? { groupId: selection.groupId } : selection.filter);
      for (let after = 0; ;) {
        const ids = this.search.idsAfter(filter, after, CHUNK);
        if (ids.length === 0) break;
        addChunk(ids);
        after = ids[ids.length - 1]!;
        await yieldToLoop();
      }
    }
    this.log.info('contacts added to campaign list', { campaignId, ...total });
    return total;
  }

  list(actor: Actor, query: EntryQuery, page: Page): Paged<CampaignEntry> {
    if (query.campaignId !== undefined) this.manageable(actor, query.campaignId);
    else if (actor.role !== 'owner') throw new DialerError('E_VALIDATION', 'campaignId is required (only owners search every campaign)', 'campaignId');
    return this.entries.search(query, page);
  }

  get(actor: Actor, entryId: number): CampaignEntry {
    const entry = this.entries.get(entryId);
    if (!entry) throw notFound('campaign list entry', entryId);
    this.manageable(actor, entry.campaignId);
    return entry;
  }

  pause(actor: Actor, entryId: number): CampaignEntry {
    const entry = this.get(actor, entryId);
    const change = pauseLead(snapshot(entry));
    if (!change.ok) throw new DialerError('E_TRANSITION_DENIED', `entry ${entryId} cannot be paused (${change.reason}, status ${entry.status})`);
    return this.setStatus(entry, change.lead.status);
  }

  resume(actor: Actor, entryId: number): CampaignEntry {
    const entry = this.get(actor, entryId);
    const campaign = this.campaigns.get(entry.campaignId)!;
    const change = resumeLead(snapshot(entry), campaign.maxAttempts);
    if (!change.ok) throw new DialerError('E_TRANSITION_DENIED', `entry ${entryId} cannot be resumed (${change.reason}, status ${entry.status})`);
    return this.setStatus(entry, change.lead.status);
  }

  /** Takes the contact out of this campaign only; refused while a call to it is live. */
  remove(actor: Actor, entryId: number): void {
    const entry = this.get(actor, entryId);
    const check = canRemoveLead(snapshot(entry));
    if (!check.ok || !this.entries.remove(entryId)) throw new DialerError('E_TRANSITION_DENIED', `entry ${entryId} is on a live call`);
    this.log.info('contact removed from campaign list', { campaignId: entry.campaignId, entryId });
  }

  duplicates(actor: Actor, campaignId: number, page: Page): Paged<{ phone: string; entries: CampaignEntry[] }> {
    this.manageable(actor, campaignId);
    return this.entries.duplicates(campaignId, page);
  }

  /** For one repeated phone: keep one entry (the others are removed) or keep them all (no longer listed). */
  resolveDuplicate(actor: Actor, campaignId: number, input: { phone: string; keep: 'one'; entryId: number } | { phone: string; keep: 'all' }): { removed: number; kept: number } {
    this.manageable(actor, campaignId);
    const phone = this.contacts.searchPhone(input.phone);
    const group = this.entries.entriesWithPhone(campaignId, phone);
    if (group.length < 2) throw new DialerError('E_VALIDATION', `phone ${phone} does not repeat in campaign ${campaignId}`, 'phone');
    if (input.keep === 'all') return { removed: 0, kept: this.entries.keepAll(campaignId, phone, this.clock.now().toISOString()) };
    if (!group.some((e) => e.id === input.entryId)) throw new DialerError('E_VALIDATION', `entry ${input.entryId} does not have phone ${phone}`, 'entryId');
    const removed = this.entries.keepOne(campaignId, phone, input.entryId);
    return { removed, kept: group.length - removed };
  }

  /** Removes every repeat of a phone but its earliest entry, across the campaign. */
  dedupe(actor: Actor, campaignId: number): { removed: number } {
    this.manageable(actor, campaignId);
    const removed = this.entries.dedupe(campaignId);
    this.log.info('campaign list deduplicated', { campaignId, removed });
    return { removed };
  }

  private setStatus(entry: CampaignEntry, next: CampaignEntry['status']): CampaignEntry {
    if (!this.entries.setStatus(entry.id, entry.status, next, this.clock.now().toISOString())) {
      throw new DialerError('E_CONFLICT', `entry ${entry.id} changed meanwhile (the dialer may have claimed it); try again`);
    }
    return this.entries.get(entry.id)!;
  }

  private manageable(actor: Actor, campaignId: number): Campaign {
    const campaign = this.campaigns.get(campaignId);
    if (!campaign) throw notFound('campaign', campaignId);
    if (!canManageCampaignList(actor, campaign)) throw forbidden('only owners and the admins who created or manage the campaign handle its list');
    return campaign;
  }
}
