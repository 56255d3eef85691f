import type { ContactId } from '../domain/contact';
import type { ContactDraft } from '../domain/contact-draft';
import { emptyCounts, type ImportCounts, type OnExisting } from '../domain/import-job';
import { assignLead } from '../domain/lead-assignment';
import { mergeForUpdate, sameContact } from '../domain/merge-contact';
import { isMobileType } from '../domain/phone-number';
import type { PreparedContactRow } from '../domain/prepare-import-row';
import type { Actor } from '../domain/roles';
import type { BlockListRepository } from './block-list-repository';
import type { ContactRepository, PhoneHolder } from './contact-repository';
import type { Db } from './database';
import { cellsJson, type ImportJobRepository, type RejectionRow } from './import-job-repository';
import type { LeadRotationRepository } from './lead-rotation-repository';

export interface ContactImportSettings {
  jobId: number;
  creator: Actor;
  onExisting: OnExisting;
  now: string;
  /** Rejected and duplicate rows kept for the report; beyond, only counted. */
  maxReportRows: number;
}

/** What a campaign list made of a row's contact. */
export type ListOutcome = { listed: true; blocked: boolean } | { listed: false; reason: string };

/**
 * Called for each contact a row created or matched, inside the batch transaction: imports into a campaign
 * add it to the campaign's list here. With a hook, rows matching existing contacts are listed, not skipped.
 */
export type RowHook = (contactId: ContactId, row: number) => ListOutcome;

/**
 * Writes one batch of prepared rows of a contacts import in one immediate transaction: contacts,
 * phones, tags, lead owners, the rotation, the rejected rows and the job's progress commit together,
 * so a failed batch leaves nothing and a committed one leaves only complete rows. One writer per job.
 */
export class ContactImportWriter {
  private readonly updatedByRow = new Map<ContactId, number>();
  private reported = 0;

  constructor(
    private readonly db: Db,
    private readonly contacts: ContactRepository,
    private readonly rotation: LeadRotationRepository,
    private readonly blocks: BlockListRepository,
    private readonly jobs: ImportJobRepository,
    private readonly settings: ContactImportSettings,
    private readonly onContact?: RowHook,
  ) {}

  /**
   * Prepares (pure: mapping, E.164, checks) and writes each row inside the batch's transaction, one row
   * at a time: the prepared objects die young, which keeps the garbage collector cheap on big files.
   */
  write<R>(rows: readonly R[], prepare: (row: R) => PreparedContactRow): ImportCounts {
    const { counts, reported, updated } = this.db.transaction(() => this.writeInTransaction(rows, prepare)).immediate();
    this.reported = reported;
    for (const [id, row] of updated) this.updatedByRow.set(id, row);
    return counts;
  }

  private writeInTransaction<R>(rows: readonly R[], prepare: (row: R) => PreparedContactRow) {
    const counts = emptyCounts();
    const rejections: RejectionRow[] = [];
    const updated = new Map<ContactId, number>();
    const s = this.settings;
    const receiving = s.creator.role === 'agent' ? [] : this.rotation.receivingAgentIds();
    const startLast = this.rotation.lastAssigned();
    let last = startLast;
    const reject = (row: PreparedContactRow, kind: 'rejected' | 'duplicate', reason: string) => {
      counts[kind]++;
      if (this.reported + rejections.length < s.maxReportRows) rejections.push({ row: row.number, kind, reason, cellsJson: cellsJson(row) });
    };
    for (const raw of rows) {
      const row = prepare(raw);
      if (row.kind === 'blank') continue;
      if (row.kind === 'rejected') { reject(row, 'rejected', row.reason); continue; }
      const holder = this.firstHolder(row.draft);
      let contactId: ContactId;
      if (holder) {
        const earlier = holder.importId === s.jobId ? holder.importRow : (updated.get(holder.contactId) ?? this.updatedByRow.get(holder.contactId));
        if (earlier !== undefined && earlier !== null) { reject(row, 'duplicate', `phone ${holder.e164} repeats row ${earlier}`); continue; }
        contactId = holder.contactId;
        let changed = false;
        if (s.onExisting === 'update') {
          const existing = this.contacts.get(holder.contactId)!;
          const merged = mergeForUpdate(existing, row.draft, row.setsTimezone);
          updated.set(holder.contactId, row.number);
          changed = !sameContact(existing, merged);
          if (changed) { this.contacts.replace(holder.contactId, merged, s.now); counts.updated++; }
        }
        if (!this.onContact && !changed) {
          const reason = s.onExisting === 'update' ? `contact ${holder.contactId} already has these values` : `phone ${holder.e164} already belongs to contact ${holder.contactId}`;
          reject(row, 'duplicate', reason);
          continue;
        }
      } else {
        let ownerId = row.ownerId;
        if (ownerId === null) {
          const a = assignLead({ creator: s.creator, hasMobile: row.draft.phones.some((p) => isMobileType(p.type)), receivingAgentIds: receiving, lastAssignedId: last });
          ownerId = a.ownerId;
          last = a.lastAssignedId;
        }
        contactId = this.contacts.insert(row.draft, { ownerId, createdBy: s.creator.id, now: s.now, importId: s.jobId, importRow: row.number, nameFolded: row.nameFolded });
        counts.imported++;
      }
      if (!this.onContact) {
        if (row.draft.phones.some((p) => this.blocks.isBlocked(p.e164))) counts.blockedHits++;
        continue;
      }
      const listed = this.onContact(contactId, row.number);
      if (!listed.listed) { reject(row, 'duplicate', listed.reason); continue; }
      counts.listed++;
      if (listed.blocked) counts.blockedHits++;
    }
    if (last !== startLast) this.rotation.setLastAssigned(last);
    this.jobs.addRejections(s.jobId, rejections);
    this.jobs.addProgress(s.jobId, rows.length, counts);
    return { counts, reported: this.reported + rejections.length, updated };
  }

  private firstHolder(draft: ContactDraft): (PhoneHolder & { e164: string }) | undefined {
    for (const p of draft.phones) {
      const h = this.contacts.firstHolderOf(p.e164);
      if (h) return { ...h, e164: p.e164 };
    }
    return undefined;
  }
}
