import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export const defaultMigrationsDir = path.resolve(__dirname, '..', '..', '..', 'migrations');

export function readMigrations(dir: string = defaultMigrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = FILE_PATTERN.exec(f);
      if (!m) throw new Error(`migration file name ${f} must look like 001_name.sql`);
      return { version: Number(m[1]), name: m[2]!, sql: readFileSync(path.join(dir, f), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    const prev = migrations[i - 1];
    if (prev && prev.version === m.version) throw new Error(`two migrations are numbered ${m.version}`);
  });
  return migrations;
}

export class DatabaseTooNewError extends Error {
  constructor(readonly dbVersion: number, readonly codeVersion: number) {
    super(`database schema version ${dbVersion} is newer than this code knows (${codeVersion}); upgrade the dialer or restore a matching backup`);
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Applies the pending migrations, each in its own transaction, and records them both in
 * PRAGMA user_version (what start-up checks) and in schema_migrations (when and what, for people).
 */
export function migrate(db: Db, migrations: Migration[] = readMigrations()): { applied: number[]; version: number } {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return { applied, version: Math.max(current, latest) };
}
