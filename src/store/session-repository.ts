import type { Db } from './database';
import type { UserId } from '../domain/roles';

export interface SessionRecord {
  tokenHash: string;
  userId: UserId;
  expiresAt: string;
}

export class SessionRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly touchStmt;
  private readonly deleteStmt;
  private readonly deleteUserStmt;
  private readonly purgeStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)');
    this.getStmt = db.prepare<[string], { token_hash: string; user_id: number; expires_at: string }>(
      'SELECT token_hash, user_id, expires_at FROM sessions WHERE token_hash = ?');
    this.touchStmt = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?');
    this.deleteStmt = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteUserStmt = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.purgeStmt = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  }

  create(tokenHash: string, userId: UserId, now: Date, expiresAt: Date): void {
    this.insertStmt.run(tokenHash, userId, now.toISOString(), now.toISOString(), expiresAt.toISOString());
  }

  get(tokenHash: string): SessionRecord | undefined {
    const r = this.getStmt.get(tokenHash);
    return r && { tokenHash: r.token_hash, userId: r.user_id, expiresAt: r.expires_at };
  }

  touch(tokenHash: string, now: Date, expiresAt: Date): void {
    this.touchStmt.run(now.toISOString(), expiresAt.toISOString(), tokenHash);
  }

  delete(tokenHash: string): void {
    this.deleteStmt.run(tokenHash);
  }

  deleteForUser(userId: UserId): void {
    this.deleteUserStmt.run(userId);
  }

  purgeExpired(now: Date): number {
    return this.purgeStmt.run(now.toISOString()).changes;
  }
}
