import type { Actor } from '../domain/roles';
import { blockListOf, type ImportJob, type ImportOptions } from '../domain/import-job';
import type { PreparedBlockRow, PreparedContactRow } from '../domain/prepare-import-row';
import { startReader } from './import-reader';
import { BlockListImportWriter } from '../store/block-list-import-writer';
import { BlockListRepository } from '../store/block-list-repository';
import { ContactImportWriter, type RowHook } from '../store/contact-import-writer';
import { ContactRepository } from '../store/contact-repository';
import type { Db } from '../store/database';
import { ImportJobRepository } from '../store/import-job-repository';
import { LeadRotationRepository } from '../store/lead-rotation-repository';
import { NameIndexBulkLoad } from '../store/name-index-bulk-load';
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
 * Runs a started import on the given connection. A reader thread reads the file and prepares each row
 * (pure: mapping, E.164, checks); this thread writes each prepared batch in one transaction. This runs in
 * a worker thread itself (import-worker.ts), so the API and the dialer never wait for an import.
 */
export async function runImportJob(db: Db, jobId: number, settings: ImportRunSettings, hookFactory?: RowHookFactory): Promise<{ rowsDone: number }> {
  const jobs = new ImportJobRepository(db);
  const job = jobs.get(jobId);
  const filePath = jobs.filePath(jobId);
  if (!job || job.status !== 'running' || !job.options || !filePath) throw new Error(`import ${jobId} is not ready to run`);
  const o = job.options;
  const agents = new UserRepository(db).list().filter((u) => u.role === 'agent' && u.active).map((u): [string, number] => [u.username.toLowerCase(), u.id]);
  const { total, batches } = await startReader<PreparedContactRow & PreparedBlockRow>({
    filePath, format: job.format, sheet: o.sheet, batchRows: settings.batchRows, kind: job.kind, mapping: o.mapping, headers: o.headers,
    region: settings.region, agents, extraTags: o.tags, defaultSource: o.source, defaultReason: o.reason ?? '',
  });
  jobs.setTotal(jobId, total);
  const writeBatch = job.kind === 'contacts' ? contactBatches(db, job, o, settings, hookFactory?.(db, job, settings.now)) : blockBatches(db, job, o, settings);
  const nameIndex = new NameIndexBulkLoad(db);
  const bulk = job.kind === 'contacts' && nameIndex.worthIt(total);
  if (bulk) nameIndex.suspend();
  let rowsDone = 0;
  try {
    let batch: (PreparedContactRow & PreparedBlockRow)[] = [];
    for await (const chunk of batches) {
      for (const row of chunk) batch.push(row);
      if (batch.length < settings.batchRows) continue;
      writeBatch(batch);
      rowsDone += batch.length;
      batch = [];
    }
    if (batch.length) writeBatch(batch);
    rowsDone += batch.length;
  } finally {
    if (bulk) nameIndex.restore();
  }
  jobs.setTotal(jobId, rowsDone);
  return { rowsDone };
}

function contactBatches(db: Db, job: ImportJob, options: ImportOptions, settings: ImportRunSettings, hook: RowHook | undefined): (rows: PreparedContactRow[]) => void {
  const creatorUser = job.createdBy === null ? undefined : new UserRepository(db).get(job.createdBy);
  const creator: Actor = creatorUser ? { id: creatorUser.id, role: creatorUser.role } : { id: 0, role: 'admin' };
  const writer = new ContactImportWriter(db, new ContactRepository(db), new LeadRotationRepository(db), new BlockListRepository(db), new ImportJobRepository(db), {
    jobId: job.id, creator, onExisting: options.onExisting, now: settings.now, maxReportRows: settings.maxReportRows,
  }, hook);
  return (rows) => { writer.write(rows, (r) => r); };
}

function blockBatches(db: Db, job: ImportJob, options: ImportOptions, settings: ImportRunSettings): (rows: PreparedBlockRow[]) => void {
  const writer = new BlockListImportWriter(db, new BlockListRepository(db), new ImportJobRepository(db), {
    jobId: job.id, list: blockListOf(job.kind)!, source: options.source ?? `import:${job.id}`, createdBy: job.createdBy, now: settings.now,
    maxReportRows: settings.maxReportRows,
  });
  return (rows) => { writer.write(rows); };
}
