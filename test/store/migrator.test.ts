import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/store/database';
import { DatabaseTooNewError, migrate, readMigrations } from '../../src/store/migrator';

describe('migrations', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dialer-mig-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when applied to an empty database, then all run, are recorded, and the pragmas are on', () => {
    const db = openDatabase(path.join(dir, 'x.db'));
    const all = readMigrations();
    const { applied, version } = migrate(db);
    assert.deepEqual(applied, all.map((m) => m.version));
    assert.equal(db.pragma('user_version', { simple: true }), version);
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    assert.deepEqual(rows.map((r) => r.version), applied);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    db.close();
  });

  it('when run again, then nothing is applied twice', () => {
    const db = openDatabase(path.join(dir, 'x.db'));
    migrate(db);
    assert.deepEqual(migrate(db).applied, []);
    db.close();
  });

  it('when a migration fails, then its changes are rolled back and the version stays', () => {
    const db = openDatabase(path.join(dir, 'x.db'));
    const bad = [{ version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' }, { version: 2, name: 'bad', sql: 'CREATE TABLE b (y INTEGER); SELECT * FROM nope;' }];
    assert.throws(() => migrate(db, bad));
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    assert.equal((db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'b'").get() as { n: number }).n, 0);
    db.close();
  });

  it('when the database is newer than the code, then start-up is refused', () => {
    const db = openDatabase(path.join(dir, 'x.db'));
    migrate(db);
    db.pragma('user_version = 999');
    assert.throws(() => migrate(db), DatabaseTooNewError);
    db.close();
  });
});
