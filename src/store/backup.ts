import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './database';

export type TableCounts = Record<string, number>;

/** Rows per user table, for the operator to see what a backup holds. */
export function tableCounts(db: Db): TableCounts {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts: TableCounts = {};
  for (const t of tables) counts[t] = db.prepare(`SELECT COUNT(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return counts;
}

/**
 * SQLite online backup of a live database: one consistent snapshot even while the dialer writes.
 * All pages are copied in one step, so a writer in another process cannot make the copy restart forever.
 */
export async function backupDatabase(sourceFile: string, targetFile: string): Promise<TableCounts> {
  if (!existsSync(sourceFile)) throw new Error(`no database at ${sourceFile}`);
  if (existsSync(targetFile)) throw new Error(`${targetFile} already exists; not overwriting`);
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(targetFile, { progress: () => 1_000_000_000 });
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; a rollback journal keeps the backup one self-contained file.
  const copy = new Database(targetFile, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();
  return verifyDialerDatabase(targetFile);
}

/** Throws unless the file is an intact SQLite database of this product; returns its counts. */
export function verifyDialerDatabase(file: string): TableCounts {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new Error(`${file} is not a SQLite database: ${(err as Error).message}`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') throw new Error(`${file} fails integrity_check: ${integrity}`);
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasMigrations) throw new Error(`${file} is not a dialer database (no schema_migrations)`);
    return tableCounts(db);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new Error(`${file} is not a SQLite database`);
    throw err;
  } finally {
    db.close();
  }
}

/** Replaces the database atomically: copy next to it, drop the old WAL and shared memory, rename over. */
export function restoreDatabase(backupFile: string, targetFile: string): TableCounts {
  const counts = verifyDialerDatabase(backupFile);
  mkdirSync(path.dirname(targetFile), { recursive: true });
  const temp = `${targetFile}.restore-${process.pid}`;
  copyFileSync(backupFile, temp);
  try {
    // A WAL left from the old database would be replayed onto the restored one.
    rmSync(`${targetFile}-wal`, { force: true });
    rmSync(`${targetFile}-shm`, { force: true });
    renameSync(temp, targetFile);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  return counts;
}

export function formatCounts(counts: TableCounts): string {
  return Object.entries(counts).map(([t, n]) => `  ${t}: ${n}`).join('\n');
}
