import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'winston';
import type { Db } from '../database';

export interface CheckpointStats {
  checkpoints: number;
  /** WAL frames at the last checkpoint, and how many of them it moved into the database file. */
  lastLogFrames: number;
  lastCheckpointed: number;
}

/** SQLite's own default: a commit that finds the WAL at this many pages checkpoints it. */
const DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * Moves WAL checkpoints off the main thread. With autocheckpoint on, every thousandth page a commit
 * writes makes that commit fold the WAL into the database (about 15 ms with an fsync on a busy disk),
 * and the commit can be any claim or call record on the call path. The main connection stops
 * checkpointing; every `intervalMs` the main thread asks a worker thread with its own connection to
 * checkpoint, unless `skip()` says not now (an import is running: its connection checkpoints at its own,
 * slower pace, so index pages it rewrites batch after batch are copied back once). Should the worker
 * die, the main connection checkpoints on its own again, so the WAL never grows without bound.
 */
export class OffThreadCheckpoints {
  private readonly worker: Worker;
  private stopped = false;
  private exited = false;
  readonly stats: CheckpointStats = { checkpoints: 0, lastLogFrames: 0, lastCheckpointed: 0 };

  private readonly timer: NodeJS.Timeout;
  private inFlight = false;

  constructor(private readonly db: Db, log: Logger, opts: { intervalMs?: number; skip?: () => boolean } = {}) {
    db.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(path.join(__dirname, 'checkpoint-worker.js'), { workerData: { file: db.name } });
    this.worker.unref();
    this.timer = setInterval(() => {
      if (this.inFlight || this.exited || opts.skip?.()) return;
      this.inFlight = true;
      this.worker.postMessage({ type: 'checkpoint' });
    }, opts.intervalMs ?? 1000);
    this.timer.unref();
    this.worker.on('message', (m: { type: string; log?: number; checkpointed?: number }) => {
      if (m.type !== 'checkpointed') return;
      this.inFlight = false;
      this.stats.checkpoints++;
      this.stats.lastLogFrames = m.log ?? 0;
      this.stats.lastCheckpointed = m.checkpointed ?? 0;
    });
    const fallBack = (why: string) => {
      if (this.stopped) return;
      log.warn('the checkpoint thread stopped: commits checkpoint the WAL themselves again', { why });
      if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
    };
    this.worker.on('error', (err) => fallBack(err.message));
    this.worker.on('exit', (code) => { this.exited = true; clearInterval(this.timer); fallBack(`exit code ${code}`); });
  }

  /** Stops the thread (before the main connection closes, which then checkpoints what is left). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    if (!this.exited) await new Promise<void>((resolve) => {
      const done = () => resolve();
      this.worker.once('exit', done);
      this.worker.once('message', (m: { type: string }) => { if (m.type === 'stopped') void this.worker.terminate().then(done, done); });
      this.worker.postMessage({ type: 'stop' });
      setTimeout(() => { void this.worker.terminate().then(done, done); }, 2000).unref();
    });
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
  }
}
