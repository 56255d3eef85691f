import type { BlockListName } from '../domain/block-list';
import { entryStatus, type AddToListCounts, type CampaignEntry } from '../domain/campaign-list';
import type { ContactId } from '../domain/contact';
import type { ContactStatus } from '../domain/contact-status';
import type { UserId } from '../domain/roles';
import type { ContactSearch } from './contact-search';
import type { Db } from './database';
import type { Page, Paged } from './page';

export interface EntryQuery {
  campaignId?: number;
  contactId?: ContactId;
  /** The contact's name, matched as in the contact search. */
  name?: string;
  /** E.164. */
  phone?: string;
  statuses?: ContactStatus[];
  agentId?: UserId;
  addedFrom?: string;
  addedTo?: string;
}

export type AddOutcome =
  | { kind: 'added'; status: ContactStatus }
  | { kind: 'already_listed' }
  | { kind: 'duplicate_phone'; phone: string }
  | { kind: 'no_contact' };

interface EntryRow {
  id: number; campaign_id: number; contact_id: number; name: string; phone: string; status: ContactStatus; attempts: number;
  next_call_at: string | null; callback_at: string | null; do_not_call_until: string | null; last_abandoned_at: string | null;
  last_outcome: CampaignEntry['lastOutcome']; last_disposition: CampaignEntry['lastDisposition']; agent_id: number | null;
  duplicate_ok: number; added_by: number | null; added_at: string; updated_at: string;
}

const SELECT = 'SELECT e.*, c.name FROM campaign_contacts e JOIN contacts c ON c.id = e.contact_id';

const toEntry = (r: EntryRow): CampaignEntry => ({
  id: r.id, campaignId: r.campaign_id, contactId: r.contact_id, name: r.name, phone: r.phone, status: r.status, attempts: r.attempts,
  nextCallAt: r.next_call_at, callbackAt: r.callback_at, doNotCallUntil: r.do_not_call_until, lastAbandonedAt: r.last_abandoned_at,
  lastOutcome: r.last_outcome, lastDisposition: r.last_disposition, agentId: r.agent_id, duplicateOk: r.duplicate_ok === 1,
  addedBy: r.added_by, addedAt: r.added_at, updatedAt: r.updated_at,
});

/** Campaign lists: adding contacts (blocked and DNC ones enter with that status), search, pause/resume, removal, duplicates. */
export class CampaignListRepository {
  private readonly s;

  constructor(private readonly db: Db, private readonly contacts: ContactSearch) {
    this.s = {
      contact: db.prepare<[number], { id: number; owner_id: number | null; do_not_contact: number; e164: string }>(
        `SELECT c.id, c.owner_id, c.do_not_contact, p.e164 FROM contacts c JOIN contact_phones p ON p.contact_id = c.id AND p.position = 0 WHERE c.id = ?`),
      lists: db.prepare<[number], { list: BlockListName }>(
        'SELECT DISTINCT b.list FROM contact_phones q JOIN blocked_numbers b ON b.e164 = q.e164 WHERE q.contact_id = ?'),
      phoneTaken: db.prepare<[number, string], { id: number }>('SELECT id FROM campaign_contacts WHERE campaign_id = ? AND phone = ? LIMIT 1'),
      insert: db.prepare(`INSERT INTO campaign_contacts (campaign_id, contact_id, phone, status, agent_id, added_by, added_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, contact_id) DO NOTHING`),
      get: db.prepare<[number], EntryRow>(`${SELECT} WHERE e.id = ?`),
      setStatus: db.prepare('UPDATE campaign_contacts SET status = ?, updated_at = ? WHERE id = ? AND status = ?'),
      remove: db.prepare("DELETE FROM campaign_contacts WHERE id = ? AND status <> 'in_progress'"),
      dupPhones: db.prepare<[number, number, number], { phone: string }>(`SELECT phone FROM campaign_contacts WHERE campaign_id = ?
        GROUP BY phone HAVING count(*) > 1 AND min(duplicate_ok) = 0 ORDER BY phone LIMIT ? OFFSET ?`),
      dupCount: db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM (SELECT phone FROM campaign_contacts WHERE campaign_id = ?
        GROUP BY phone HAVING count(*) > 1 AND min(duplicate_ok) = 0)`),
      byPhone: db.prepare<[number, string], EntryRow>(`${SELECT} WHERE e.campaign_id = ? AND e.phone = ? ORDER BY e.id`),
      keepOne: db.prepare("DELETE FROM campaign_contacts WHERE campaign_id = ? AND phone = ? AND id <> ? AND status <> 'in_progress'"),
      keepAll: db.prepare('UPDATE campaign_contacts SET duplicate_ok = 1, updated_at = ? WHERE campaign_id = ? AND phone = ?'),
      dedupe: db.prepare(`DELETE FROM campaign_contacts WHERE campaign_id = ? AND status <> 'in_progress' AND duplicate_ok = 0
        AND EXISTS (SELECT 1 FROM campaign_contacts k WHERE k.campaign_id = campaign_contacts.campaign_id AND k.phone = campaign_contacts.phone
                    AND k.id < campaign_contacts.id)`),
      inProgressOf: db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM campaign_contacts WHERE contact_id = ? AND status = 'in_progress'"),
    };
  }

  /** Adds one contact to a campaign's list; run it inside a transaction (an import batch, or addMany). */
  addOne(campaignId: number, contactId: ContactId, opts: { now: string; addedBy: UserId | null; dedupe: boolean }): AddOutcome {
    const c = this.s.contact.get(contactId);
    if (!c) return { kind: 'no_contact' };
    if (opts.dedupe) {
      const taken = this.s.phoneTaken.get(campaignId, c.e164);
      if (taken) return { kind: 'duplicate_phone', phone: c.e164 };
    }
    const status = entryStatus({ lists: this.s.lists.all(contactId).map((r) => r.list), doNotContact: c.do_not_contact === 1 });
    const added = this.s.insert.run(campaignId, contactId, c.e164, status, c.owner_id, opts.addedBy, opts.now, opts.now).changes === 1;
    return added ? { kind: 'added', status } : { kind: 'already_listed' };
  }

  /** Adds contacts in one immediate transaction and counts what became of them. */
  addMany(campaignId: number, ids: readonly ContactId[], opts: { now: string; addedBy: UserId | null; dedupe: boolean }): AddToListCounts {
    return this.db.transaction(() => {
      const counts: AddToListCounts = { selected: ids.length, added: 0, alreadyListed: 0, duplicatePhones: 0, dnc: 0, blocked: 0 };
      for (const id of ids) {
        const r = this.addOne(campaignId, id, opts);
        if (r.kind === 'added') {
          counts.added++;
          if (r.status === 'dnc') counts.dnc++;
          if (r.status === 'blocked') counts.blocked++;
        } else if (r.kind === 'already_listed') counts.alreadyListed++;
        else if (r.kind === 'duplicate_phone') counts.duplicatePhones++;
        else counts.selected--;
      }
      return counts;
    }).immediate();
  }

  get(id: number): CampaignEntry | undefined {
    const r = this.s.get.get(id);
    return r && toEntry(r);
  }

  /** Entries matching the query, latest added first. */
  search(q: EntryQuery, page: Page): Paged<CampaignEntry> {
    const parts: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => { parts.push(sql); params.push(...values); };
    if (q.campaignId !== undefined) add('e.campaign_id = ?', q.campaignId);
    if (q.contactId !== undefined) add('e.contact_id = ?', q.contactId);
    if (q.phone !== undefined) add('e.phone = ?', q.phone);
    if (q.statuses?.length) add(`e.status IN (${q.statuses.map(() => '?').join(', ')})`, ...q.statuses);
    if (q.agentId !== undefined) add('e.agent_id = ?', q.agentId);
    if (q.addedFrom) add('e.added_at >= ?', q.addedFrom);
    if (q.addedTo) add('e.added_at <= ?', q.addedTo);
    if (q.name) {
      const name = this.contacts.where({ name: q.name });
      add(name.sql, ...name.params);
    }
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const items = this.db.prepare<unknown[], EntryRow>(`${SELECT} ${where} ORDER BY e.added_at DESC, e.id DESC LIMIT ? OFFSET ?`)
      .all(...params, page.limit, page.offset).map(toEntry);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM campaign_contacts e JOIN contacts c ON c.id = e.contact_id ${where}`).get(...params) as { n: number }).n;
    return { items, total };
  }

  /** Entries in id order after `afterId`, for exports. */
  pageAfter(campaignId: number, afterId: number, limit: number): CampaignEntry[] {
    return this.db.prepare<[number, number, number], EntryRow>(`${SELECT} WHERE e.campaign_id = ? AND e.id > ? ORDER BY e.id LIMIT ?`)
      .all(campaignId, afterId, limit).map(toEntry);
  }

  /** Changes the status only if it is still `expected` (the dialer may have claimed the entry meanwhile). */
  setStatus(id: number, expected: ContactStatus, next: ContactStatus, now: string): boolean {
    return this.s.setStatus.run(next, now, id, expected).changes === 1;
  }

  /** Takes an entry out of its campaign (the contact stays); never one whose call is live. */
  remove(id: number): boolean {
    return this.s.remove.run(id).changes === 1;
  }

  /** Phones that more than one entry of the campaign has (and not all kept on purpose), with those entries. */
  duplicates(campaignId: number, page: Page): Paged<{ phone: string; entries: CampaignEntry[] }> {
    const phones = this.s.dupPhones.all(campaignId, page.limit, page.offset);
    return {
      items: phones.map(({ phone }) => ({ phone, entries: this.s.byPhone.all(campaignId, phone).map(toEntry) })),
      total: this.s.dupCount.get(campaignId)!.n,
    };
  }

  entriesWithPhone(campaignId: number, phone: string): CampaignEntry[] {
    return this.s.byPhone.all(campaignId, phone).map(toEntry);
  }

  /** Keeps one entry of a repeated phone and removes the others (not those on a live call). */
  keepOne(campaignId: number, phone: string, keepId: number): number {
    return this.s.keepOne.run(campaignId, phone, keepId).changes;
  }

  /** Keeps every entry of a repeated phone: they are no longer listed as duplicates. */
  keepAll(campaignId: number, phone: string, now: string): number {
    return this.s.keepAll.run(now, campaignId, phone).changes;
  }

  /** Removes every repeat of a phone but its earliest entry (entries kept on purpose and live calls excepted). */
  dedupe(campaignId: number): number {
    return this.db.transaction(() => this.s.dedupe.run(campaignId).changes).immediate();
  }

  /** Whether the contact is on a live call in some campaign. */
  inProgress(contactId: ContactId): boolean {
    return this.s.inProgressOf.get(contactId)!.n > 0;
  }
}
