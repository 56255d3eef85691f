import type { Actor } from '../domain/roles';
import { blockListOf, type ImportJob, type ImportOptions } from '../domain/import-job';
import { prepareBlockRow, prepareContactRow } from '../domain/prepare-import-row';
import { SpreadsheetFile, type SheetRow } from '../spreadsheet/spreadsheet-file';
import { BlockListImportWriter } from '../store/block-list-import-writer';
import { BlockListRepository } from '../store/block-list-repository';
import { ContactImportWriter, type RowHook } from '../store/contact-import-writer';
import { ContactRepository } from '../store/contact-repository';
import type { Db } from '../store/database';
import { ImportJobRepository } from '../store/import-job-repository';
import { LeadRotationRepository } from '../store/lead-rotation-repository';
import { UserRepository } from '../store/user-repository';

export interface ImportRunSettings {
  region: string;
  batchRows: number;
  maxReportRows: number;
  /** The job's start time: created_at of every contact it writes. */
  now: string;
}

/** Extra per-contact work of a contacts import (campaign lists), built on the job's own connection. */
export type RowHookFactory = (db: Db, job: ImportJob, now: string) => RowHook | undefined;

/**
 * Runs a started import on the given connection: reads the file batch by batch, prepares each row
 * (pure: mapping, E.164, checks) outside the transaction, then writes the batch in one transaction.
 * It runs in a worker thread (see import-worker.ts) so the API and the dialer never wait for it.
 */
export async function runImportJob(db: Db, jobId: number, settings: ImportRunSettings, hookFactory?: RowHookFactory): Promise<{ rowsDone: number }> {
  const jobs = new ImportJobRepository(db);
  const job = jobs.get(jobId);
  const filePath = jobs.filePath(jobId);
  if (!job || job.status !== 'running' || !job.options || !filePath) throw new Error(`import ${jobId} is not ready to run`);
  const file = await SpreadsheetFile.open(filePath, job.format);
  const { total, batches } = await file.dataRows(job.options.sheet, settings.batchRows);
  jobs.setTotal(jobId, total);
  const writeBatch = job.kind === 'contacts'
    ? contactBatches(db, job, job.options, settings, hookFactory?.(db, job, settings.now))
    : blockBatches(db, job, job.options, settings);
  let rowsDone = 0;
  for await (const rows of batches) {
    writeBatch(rows);
    rowsDone += rows.length;
  }
  jobs.setTotal(jobId, rowsDone);
  return { rowsDone };
}

function contactBatches(db: Db, job: ImportJob, options: ImportOptions, settings: ImportRunSettings, hook: RowHook | undefined): (rows: SheetRow[]) => void {
  const users = new UserRepository(db);
  const creatorUser = job.createdBy === null ? undefined : users.get(job.createdBy);
  const creator: Actor = creatorUser ? { id: creatorUser.id, role: creatorUser.role } : { id: 0, role: 'admin' };
  const agents = new Map(users.list().filter((u) => u.role === 'agent' && u.active).map((u) => [u.username.toLowerCase(), u.id]));
  const writer = new ContactImportWriter(db, new ContactRepository(db), new LeadRotationRepository(db), new BlockListRepository(db), new ImportJobRepository(db), {
    jobId: job.id, creator, onExisting: options.onExisting, now: settings.now, maxReportRows: settings.maxReportRows,
  }, hook);
  const ctx = { mapping: options.mapping, headers: options.headers, region: settings.region, agents, extraTags: options.tags, defaultSource: options.source };
  return (rows) => { writer.write(rows.map((r) => prepareContactRow(r, ctx))); };
}

function blockBatches(db: Db, job: ImportJob, options: ImportOptions, settings: ImportRunSettings): (rows: SheetRow[]) => void {
  const writer = new BlockListImportWriter(db, new BlockListRepository(db), new ImportJobRepository(db), {
    jobId: job.id, list: blockListOf(job.kind)!, source: options.source ?? `import:${job.id}`, createdBy: job.createdBy, now: settings.now,
    maxReportRows: settings.maxReportRows,
  });
  const ctx = { mapping: options.mapping, headers: options.headers, region: settings.region, defaultReason: options.reason ?? '' };
  return (rows) => { writer.write(rows.map((r) => prepareBlockRow(r, ctx))); };
}
