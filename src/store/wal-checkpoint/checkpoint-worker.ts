import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * The checkpoint thread: its own connection to the database folds the WAL back into the main file when
 * the main thread asks (PASSIVE: it never waits for, nor blocks, the dialer's writers), so no commit on
 * the call path pays for a checkpoint. Answers each checkpoint with its result.
 */
const { file } = workerData as { file: string };
const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');

parentPort?.on('message', (m: { type: string }) => {
  if (m.type === 'checkpoint') {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    parentPort?.postMessage({ type: 'checkpointed', log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 });
  } else if (m.type === 'stop') {
    db.close();
    parentPort?.postMessage({ type: 'stopped' });
  }
});
