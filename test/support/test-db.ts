import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';

/** A migrated database in a temp directory, for store tests. */
export function openTestDb(): { db: Db; dir: string; close(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialer-store-'));
  const db = openDatabase(path.join(dir, 'dialer.db'));
  migrate(db);
  return { db, dir, close: () => { db.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Inserts a user row directly (store tests need owners and agents without hashing passwords). */
export function insertUser(db: Db, username: string, role: 'owner' | 'admin' | 'agent', leadReceiving = true): number {
  const now = '2026-01-01T00:00:00.000Z';
  return Number(db.prepare(`INSERT INTO users (username, display_name, role, password_hash, lead_receiving, created_at, updated_at)
    VALUES (?, ?, ?, 'x', ?, ?, ?)`).run(username, username, role, leadReceiving ? 1 : 0, now, now).lastInsertRowid);
}
