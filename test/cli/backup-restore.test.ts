import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { pidFileOf } from '../../src/store/pid-file';

const cliDir = path.resolve(__dirname, '..', '..', 'src', 'cli');
const writerJs = path.resolve(__dirname, '..', 'support', 'busy-writer.js');

interface Run { status: number | null; stdout: string; stderr: string }

function runCli(name: 'backup' | 'restore', args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(cliDir, `${name}.js`), ...args], { env: { PATH: process.env.PATH ?? '', DIALER_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

function startWriter(dbFile: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerJs, dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (c: Buffer) => { if (c.toString().includes('writing')) resolve(child); });
    child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('npm run backup / npm run restore', () => {
  let dir: string;
  let dataDir: string;
  let dbFile: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dialer-backup-'));
    dataDir = path.join(dir, 'data');
    dbFile = path.join(dataDir, 'dialer.db');
    const db = openDatabase(dbFile);
    migrate(db);
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when another process is busy writing, then the backup holds every row committed before it started and restores intact elsewhere', async () => {
    const writer = await startWriter(dbFile);
    try {
      await sleep(200);
      const probe = new Database(dbFile, { readonly: true });
      const before = probe.prepare('SELECT username FROM users').pluck().all() as string[];
      probe.close();
      assert.ok(before.length > 20, 'the writer has been committing');
      const backupFile = path.join(dir, 'nightly.db');
      const backup = await runCli('backup', ['--to', backupFile], dataDir);
      assert.equal(backup.status, 0, backup.stderr);
      assert.match(backup.stdout, new RegExp(`wrote ${backupFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.match(backup.stdout, /users: \d+/);

      const otherData = path.join(dir, 'elsewhere');
      const restore = await runCli('restore', [backupFile], otherData);
      assert.equal(restore.status, 0, restore.stderr);
      const restored = new Database(path.join(otherData, 'dialer.db'), { readonly: true });
      assert.equal(restored.pragma('integrity_check', { simple: true }), 'ok');
      const names = new Set(restored.prepare('SELECT username FROM users').pluck().all() as string[]);
      const count = restored.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get() as number;
      restored.close();
      assert.ok(count > 0);
      const missing = before.filter((u) => !names.has(u));
      assert.deepEqual(missing, [], 'rows committed before the backup are all there');
      assert.ok(names.size >= before.length);
    } finally {
      await stop(writer);
    }
  });

  it('when arguments are missing or the file is not a dialer database, then it exits non-zero with a message', async () => {
    const noTo = await runCli('backup', [], dataDir);
    assert.notEqual(noTo.status, 0);
    assert.match(noTo.stderr, /usage/);
    const noFile = await runCli('restore', [], dataDir);
    assert.notEqual(noFile.status, 0);
    assert.match(noFile.stderr, /usage/);
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text'.repeat(100));
    const bad = await runCli('restore', [junk], dataDir);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /not a SQLite database/);
    const foreign = path.join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const notOurs = await runCli('restore', [foreign], dataDir);
    assert.notEqual(notOurs.status, 0);
    assert.match(notOurs.stderr, /schema_migrations/);
  });

  it('when a live dialer holds the pid file, then restore refuses; when the pid is dead, then it restores', async () => {
    const backupFile = path.join(dir, 'copy.db');
    assert.equal((await runCli('backup', ['--to', backupFile], dataDir)).status, 0);
    writeFileSync(pidFileOf(dbFile), `${process.pid}\n`);
    const refused = await runCli('restore', [backupFile], dataDir);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /running/);

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(pidFileOf(dbFile), `${dead.stdout}\n`);
    const accepted = await runCli('restore', [backupFile], dataDir);
    assert.equal(accepted.status, 0, accepted.stderr);
    assert.ok(!existsSync(`${dbFile}-wal`));
  });
});
