import type { Db } from './database';
import type { Role, UserId } from '../domain/roles';

export interface User {
  id: UserId;
  username: string;
  displayName: string;
  role: Role;
  extension: string | null;
  language: 'en' | 'vi';
  active: boolean;
  leadReceiving: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  extension?: string | null;
  language?: 'en' | 'vi';
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  passwordHash?: string;
  extension?: string | null;
  language?: 'en' | 'vi';
  active?: boolean;
  leadReceiving?: boolean;
}

interface UserRow {
  id: number; username: string; display_name: string; role: Role; extension: string | null;
  language: 'en' | 'vi'; active: number; lead_receiving: number; created_at: string; updated_at: string;
}

const COLUMNS = 'id, username, display_name, role, extension, language, active, lead_receiving, created_at, updated_at';

function toUser(r: UserRow): User {
  return {
    id: r.id, username: r.username, displayName: r.display_name, role: r.role, extension: r.extension,
    language: r.language, active: r.active === 1, leadReceiving: r.lead_receiving === 1,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export class UserRepository {
  private readonly byId;
  private readonly byUsername;
  private readonly hashByUsername;
  private readonly all;
  private readonly insertStmt;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[number], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.byUsername = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
    this.hashByUsername = db.prepare<[string], UserRow & { password_hash: string }>(`SELECT ${COLUMNS}, password_hash FROM users WHERE username = ?`);
    this.all = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY id`);
    this.insertStmt = db.prepare(`INSERT INTO users (username, display_name, role, password_hash, extension, language, created_at, updated_at)
      VALUES (@username, @displayName, @role, @passwordHash, @extension, @language, @now, @now)`);
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  }

  get(id: UserId): User | undefined {
    const row = this.byId.get(id);
    return row && toUser(row);
  }

  findByUsername(username: string): User | undefined {
    const row = this.byUsername.get(username);
    return row && toUser(row);
  }

  findCredentials(username: string): { user: User; passwordHash: string } | undefined {
    const row = this.hashByUsername.get(username);
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  list(): User[] {
    return this.all.all().map(toUser);
  }

  count(): number {
    return this.countStmt.get()!.n;
  }

  create(user: NewUser, now: Date): User {
    const info = this.insertStmt.run({
      username: user.username, displayName: user.displayName, role: user.role, passwordHash: user.passwordHash,
      extension: user.extension ?? null, language: user.language ?? 'en', now: now.toISOString(),
    });
    return this.get(Number(info.lastInsertRowid))!;
  }

  update(id: UserId, patch: UserPatch, now: Date): User | undefined {
    const columns: Record<keyof UserPatch, string> = {
      displayName: 'display_name', role: 'role', passwordHash: 'password_hash', extension: 'extension',
      language: 'language', active: 'active', leadReceiving: 'lead_receiving',
    };
    const sets: string[] = [];
    const values: Record<string, unknown> = { id, now: now.toISOString() };
    for (const [key, column] of Object.entries(columns) as [keyof UserPatch, string][]) {
      const v = patch[key];
      if (v === undefined) continue;
      sets.push(`${column} = @${key}`);
      values[key] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    if (sets.length) this.db.prepare(`UPDATE users SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run(values);
    return this.get(id);
  }

  delete(id: UserId): boolean {
    return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes === 1;
  }
}
