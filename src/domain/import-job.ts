import type { BlockListName } from './block-list';
import type { ColumnMapping } from './import-mapping';
import type { UserId } from './roles';

export const IMPORT_KINDS = ['contacts', 'dnc', 'blacklist'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['uploaded', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What to do with a row whose phone belongs to a contact that was there before the import. */
export type OnExisting = 'skip' | 'update';

/** Settled when the import starts: which sheet, which column holds what, and the row policy. */
export interface ImportOptions {
  sheet: string;
  headers: string[];
  mapping: ColumnMapping;
  onExisting: OnExisting;
  /** Tags added to every imported contact. */
  tags: string[];
  /** Source (funnel) of rows that have none. */
  source: string | null;
  /** Block-list imports: reason of rows that have none. */
  reason: string | null;
  /** Contacts imports into a campaign's list. */
  campaignId: number | null;
}

/**
 * What became of the rows. Contacts: imported = new contacts, updated = existing contacts changed,
 * duplicate = phone repeated in the file or (skip) already a contact's — into a campaign: already in its list.
 */
export interface ImportCounts {
  imported: number;
  updated: number;
  duplicate: number;
  rejected: number;
  /** Written rows whose number is on the DNC list or the blacklist (into a campaign: entries that entered as dnc / blocked). */
  blockedHits: number;
  /** Imports into a campaign: entries added to its list (new and existing contacts). */
  listed: number;
}

export const emptyCounts = (): ImportCounts => ({ imported: 0, updated: 0, duplicate: 0, rejected: 0, blockedHits: 0, listed: 0 });

export interface ImportJob {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  format: 'csv' | 'xlsx' | 'xls';
  fileBytes: number;
  options: ImportOptions | null;
  /** Data rows (the header not counted), known once the job reads the file. */
  rowsTotal: number | null;
  rowsDone: number;
  counts: ImportCounts;
  error: string | null;
  createdBy: UserId | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportRejection {
  row: number;
  kind: 'rejected' | 'duplicate';
  reason: string;
  cells: (string | number | boolean | null)[];
}

export const blockListOf = (kind: ImportKind): BlockListName | null => (kind === 'contacts' ? null : kind);
