import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database';
import { campaignListHook } from './campaign-list-hook';
import { runImportJob, type ImportRunSettings } from './import-job-runner';

/** What the main thread passes to an import worker. */
export interface ImportWorkerData {
  marker: 'dialer-import';
  dbFile: string;
  jobId: number;
  cacheMb: number;
  settings: ImportRunSettings;
}

export type ImportWorkerMessage = { type: 'done'; rowsDone: number } | { type: 'failed'; error: string };

// Runs only when started as an import worker (see WorkerImportRunner); importing this file elsewhere does nothing.
if (!isMainThread && parentPort && (workerData as ImportWorkerData | undefined)?.marker === 'dialer-import') {
  const data = workerData as ImportWorkerData;
  const port = parentPort;
  const db = openDatabase(data.dbFile);
  db.pragma(`cache_size = -${data.cacheMb * 1024}`);
  // Checkpoint every ~80 MB of WAL instead of every 4 MB: index pages rewritten by successive batches are
  // copied back once, not once per batch. This connection only; the WAL is checkpointed when the job ends.
  db.pragma('wal_autocheckpoint = 20000');
  runImportJob(db, data.jobId, data.settings, campaignListHook)
    .then((r) => port.postMessage({ type: 'done', rowsDone: r.rowsDone } satisfies ImportWorkerMessage))
    .catch((err: unknown) => port.postMessage({ type: 'failed', error: err instanceof Error ? err.message : String(err) } satisfies ImportWorkerMessage))
    .finally(() => {
      db.pragma('wal_checkpoint(PASSIVE)');
      db.pragma('optimize');
      db.close();
    });
}
