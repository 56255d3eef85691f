import type { ImportJob } from '../domain/import-job';
import { CampaignListRepository } from '../store/campaign-list-repository';
import type { ListOutcome, RowHook } from '../store/contact-import-writer';
import { ContactSearch } from '../store/contact-search';
import type { Db } from '../store/database';

/**
 * For an import into a campaign: adds each row's contact to the campaign's list in the row's batch
 * transaction. A phone the list already has is a duplicate (per campaign, in the file or before it).
 */
export function campaignListHook(db: Db, job: ImportJob, now: string): RowHook | undefined {
  const campaignId = job.options?.campaignId;
  if (campaignId === null || campaignId === undefined) return undefined;
  const lists = new CampaignListRepository(db, new ContactSearch(db));
  return (contactId): ListOutcome => {
    const r = lists.addOne(campaignId, contactId, { now, addedBy: job.createdBy, dedupe: true });
    if (r.kind === 'added') return { listed: true, blocked: r.status === 'dnc' || r.status === 'blocked' };
    if (r.kind === 'duplicate_phone') return { listed: false, reason: `phone ${r.phone} is already in the list of campaign ${campaignId}` };
    return { listed: false, reason: `contact ${contactId} is already in the list of campaign ${campaignId}` };
  };
}
