import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportRunSettings } from './import-job-runner';
import { batchHeapMb, YOUNG_MB } from './import-reader';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker';

export type ImportOutcome = { ok: true; rowsDone: number } | { ok: false; error: string };

/** Runs a started import job somewhere that does not block the caller. */
export interface ImportRunner {
  run(jobId: number, settings: ImportRunSettings): Promise<ImportOutcome>;
  /** Stops running jobs (shutdown); their open batch rolls back. */
  stopAll(): Promise<void>;
  /** Jobs running now. */
  readonly running: number;
}

const WORKER_FILE = path.join(__dirname, 'import-worker.js');

/** One worker thread per job, with its own SQLite connection to the same database file. */
export class WorkerImportRunner implements ImportRunner {
  private readonly workers = new Set<Worker>();

  constructor(private readonly dbFile: string, private readonly cacheMb: number) {}

  get running(): number { return this.workers.size; }

  run(jobId: number, settings: ImportRunSettings): Promise<ImportOutcome> {
    const data: ImportWorkerData = { marker: 'dialer-import', dbFile: this.dbFile, jobId, cacheMb: this.cacheMb, settings };
    return new Promise((resolve) => {
      let outcome: ImportOutcome | undefined;
      // The writer holds a few batches and its statements; its SQLite page cache is outside the V8 heap.
      const worker = new Worker(WORKER_FILE, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: batchHeapMb(settings.batchRows), maxYoungGenerationSizeMb: YOUNG_MB } });
      this.workers.add(worker);
      worker.on('message', (m: ImportWorkerMessage) => {
        outcome = m.type === 'done' ? { ok: true, rowsDone: m.rowsDone } : { ok: false, error: m.error };
      });
      worker.on('error', (err) => { outcome ??= { ok: false, error: err.message }; });
      worker.on('exit', (code) => {
        this.workers.delete(worker);
        resolve(outcome ?? { ok: false, error: `the import stopped (worker exit code ${code})` });
      });
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}
