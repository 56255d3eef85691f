import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { createLogger } from '../../src/logger';
import { OffThreadCheckpoints } from '../../src/store/wal-checkpoint/off-thread-checkpoints';
import { openTestDb } from '../support/test-db';

const log = createLogger({ level: 'error', console: false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const walBytes = (file: string) => { try { return statSync(`${file}-wal`).size; } catch { return 0; } };

describe('WAL checkpoints on a thread of their own', () => {
  let t: ReturnType<typeof openTestDb>;
  beforeEach(() => { t = openTestDb(); t.db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'); });
  afterEach(() => t.close());

  const write = (rows: number) => {
    const insert = t.db.prepare('INSERT INTO filler (body) VALUES (?)');
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(2000));
  };

  it('when the dialer commits, then its connection never checkpoints and the thread folds the WAL back into the database', async () => {
    const c = new OffThreadCheckpoints(t.db, log, { intervalMs: 50 });
    try {
      assert.equal(t.db.pragma('wal_autocheckpoint', { simple: true }), 0);
      write(3000); // about 1,500 pages: past SQLite's 1,000-page autocheckpoint
      const deadline = Date.now() + 5000;
      while (c.stats.lastCheckpointed < 1000 && Date.now() < deadline) await sleep(20);
      assert.ok(c.stats.checkpoints > 0, 'the thread checkpointed');
      assert.ok(c.stats.lastCheckpointed >= 1000, `${c.stats.lastCheckpointed} frames moved into the database file`);
      // The WAL is reused from its start once checkpointed: more writes do not grow it without bound.
      const before = walBytes(t.db.name);
      for (let round = 0; round < 3; round++) {
        write(1000);
        await sleep(150);
      }
      assert.ok(walBytes(t.db.name) <= before * 1.5, `WAL ${walBytes(t.db.name)} bytes after 3,000 more rows (was ${before})`);
      assert.equal((t.db.prepare('SELECT COUNT(*) AS n FROM filler').get() as { n: number }).n, 6000);
    } finally {
      await c.stop();
    }
    assert.equal(t.db.pragma('wal_autocheckpoint', { simple: true }), 1000, 'stopped: the connection checkpoints on its own again');
  });

  it('when told to skip (an import is running), then no checkpoint is made until it is over', async () => {
    let importing = true;
    const c = new OffThreadCheckpoints(t.db, log, { intervalMs: 30, skip: () => importing });
    try {
      write(500);
      await sleep(200);
      assert.equal(c.stats.checkpoints, 0);
      importing = false;
      const deadline = Date.now() + 3000;
      while (c.stats.checkpoints === 0 && Date.now() < deadline) await sleep(20);
      assert.ok(c.stats.checkpoints > 0 && c.stats.lastCheckpointed > 0);
    } finally {
      await c.stop();
    }
  });

  it('when the thread dies, then the connection goes back to checkpointing on commit', async () => {
    const c = new OffThreadCheckpoints(t.db, log, { intervalMs: 50 });
    await (c as unknown as { worker: Worker }).worker.terminate();
    await sleep(20);
    assert.equal(t.db.pragma('wal_autocheckpoint', { simple: true }), 1000);
    await c.stop();
  });
});
