import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { disposeEverything, numbersOf } from '../dialer/support/campaign-bots';
import { EngineHarness } from '../dialer/support/engine-harness';

const distSrc = path.resolve(__dirname, '..', '..', 'src');

interface Child { status: number | null; stdout: string; stderr: string }

function runNode(script: string, args: string[], env: Record<string, string>, onStdout?: (text: string) => void): { done: Promise<Child>; kill: () => void } {
  const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); onStdout?.(stdout); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const done = new Promise<Child>((resolve) => child.on('exit', (status) => resolve({ status, stdout, stderr })));
  return { done, kill: () => child.kill('SIGTERM') };
}


/** What a table holds, keyed by id: the whole row, as text. */
function rowsById(db: Database.Database, table: string): Map<number, string> {
  return new Map((db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as { id: number }[]).map((r) => [r.id, JSON.stringify(r)]));
}

describe('a backup taken while a campaign is dialing', function () {
  this.timeout(180_000);
  let h: EngineHarness;
  let dir: string;
  before(() => { dir = mkdtempSync(path.join(tmpdir(), 'dialer-backup-live-')); });
  after(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when restored into a new process, then every contact, attempt and call record committed before the backup is there, and the dialer starts on it', async () => {
    h = await EngineHarness.start({});
    const agents = [1, 2, 3].map((i) => h.agent(`agent${i}`, String(1000 + i)));
    const c = h.campaign({ dialingMode: 'predictive', agentIds: agents, wrapUpSeconds: 5, maxLinesPerAgent: 3 });
    h.addLeads(c.id, numbersOf([['0901', 150], ['0902', 20], ['0903', 20]]));
    for (const a of agents) {
      h.bot(a, disposeEverything(h, a));
      h.engine.join(a, c.id);
      h.engine.ready(a, c.id);
    }
    assert.ok(await h.run(() => h.rows('SELECT id FROM call_records').length >= 20, 3600_000), 'the campaign is well under way');

    // Everything committed up to now (better-sqlite3 commits synchronously: what this handle reads is on disk).
    const db = h.proc.db as unknown as Database.Database;
    const before = {
      contacts: rowsById(db, 'contacts'), entries: rowsById(db, 'campaign_contacts'),
      attempts: rowsById(db, 'dial_attempts'), records: rowsById(db, 'call_records'),
    };
    const backupFile = path.join(dir, 'mid-campaign.db');
    const backup = runNode(path.join(distSrc, 'cli', 'backup.js'), ['--to', backupFile], { DIALER_DATA_DIR: h.dir });
    let backupDone: Child | undefined;
    let recordsWhenDone = 0;
    void backup.done.then((r) => { backupDone = r; recordsWhenDone = h.rows('SELECT id FROM call_records').length; });
    // The campaign keeps dialing (and committing) while the backup process copies the database.
    const recordsAtStart = before.records.size;
    await h.run(() => backupDone !== undefined, 3600_000);
    const result = backupDone ?? await backup.done;
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /wrote /);
    if (process.env.DIALER_TEST_VERBOSE) console.log(`call records: ${recordsAtStart} at the backup's start, ${recordsWhenDone} at its end`);
    await h.run(() => h.rows('SELECT id FROM call_records').length > recordsAtStart + 5, 3600_000);
    assert.ok(h.rows('SELECT id FROM call_records').length > recordsAtStart, 'calls went on being recorded');

    const restoredData = path.join(dir, 'restored');
    const restore = await runNode(path.join(distSrc, 'cli', 'restore.js'), [backupFile], { DIALER_DATA_DIR: restoredData }).done;
    assert.equal(restore.status, 0, restore.stderr);

    // A new dialer process on the restored data: it migrates nothing, recovers the calls that were up, and answers.
    let url: string | undefined;
    const proc = runNode(path.join(distSrc, 'main.js'), [], { DIALER_DATA_DIR: restoredData, DIALER_PORT: '0', DIALER_LOG_LEVEL: 'warn' }, (out) => {
      url ??= /running at (http:\/\/\S+)\//.exec(out)?.[1];
    });
    const limit = Date.now() + 30_000;
    while (!url && Date.now() < limit) await new Promise((r) => setTimeout(r, 50));
    assert.ok(url, 'the restored dialer started');
    assert.equal((await fetch(`${url}/health`)).status, 200);
    proc.kill();
    assert.equal((await proc.done).status, 0);

    const restored = new Database(path.join(restoredData, 'dialer.db'), { readonly: true });
    try {
      assert.equal(restored.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(restored.pragma('foreign_key_check'), []);
      const after = {
        contacts: rowsById(restored, 'contacts'), entries: rowsById(restored, 'campaign_contacts'),
        attempts: rowsById(restored, 'dial_attempts'), records: rowsById(restored, 'call_records'),
      };
      for (const table of ['contacts', 'entries', 'attempts', 'records'] as const) {
        const missing = [...before[table].keys()].filter((id) => !after[table].has(id));
        assert.deepEqual(missing, [], `${table} committed before the backup are all there`);
      }
      // Call records and contacts are written once: the restored rows are the very rows committed.
      for (const [id, row] of before.records) assert.equal(after.records.get(id), row, `call record ${id}`);
      for (const [id, row] of before.contacts) assert.equal(after.contacts.get(id), row, `contact ${id}`);
      // Every call record the backup holds points at an attempt it holds too.
      const orphans = restored.prepare('SELECT id FROM call_records WHERE attempt_id IS NOT NULL AND attempt_id NOT IN (SELECT id FROM dial_attempts)').all();
      assert.deepEqual(orphans, []);
    } finally {
      restored.close();
    }
  });
});
