import { strongestBlock, type BlockCheck, type BlockListName } from '../domain/block-list';
import type { UserId } from '../domain/roles';
import type { Db } from './database';

export interface BlockedNumber {
  e164: string;
  list: BlockListName;
  reason: string;
  source: string;
  createdBy: UserId | null;
  createdAt: string;
}

interface Row { e164: string; list: BlockListName; reason: string; source: string; created_by: number | null; created_at: string }

const toEntry = (r: Row): BlockedNumber => ({ e164: r.e164, list: r.list, reason: r.reason, source: r.source, createdBy: r.created_by, createdAt: r.created_at });

/** The DNC list and the blacklist. `check` is one primary-key probe: the dialer calls it before every dial. */
export class BlockListRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      add: db.prepare(`INSERT INTO blocked_numbers (e164, list, reason, source, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (e164, list) DO NOTHING`),
      remove: db.prepare('DELETE FROM blocked_numbers WHERE list = ? AND e164 = ?'),
      removeBySource: db.prepare('DELETE FROM blocked_numbers WHERE list = ? AND source = ?'),
      check: db.prepare<[string], { list: BlockListName; reason: string }>('SELECT list, reason FROM blocked_numbers WHERE e164 = ?'),
      any: db.prepare<[string], number>('SELECT 1 FROM blocked_numbers WHERE e164 = ? LIMIT 1').pluck(),
      get: db.prepare<[string, string], Row>('SELECT * FROM blocked_numbers WHERE list = ? AND e164 = ?'),
      page: db.prepare<[string, number, number], Row>('SELECT * FROM blocked_numbers WHERE list = ? ORDER BY created_at DESC, e164 LIMIT ? OFFSET ?'),
      count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM blocked_numbers WHERE list = ?'),
    };
  }

  /** False when the number was already on the list (the first reason is kept). */
  add(entry: { e164: string; list: BlockListName; reason: string; source: string; createdBy: UserId | null }, now: string): boolean {
    return this.s.add.run(entry.e164, entry.list, entry.reason, entry.source, entry.createdBy, now).changes === 1;
  }

  remove(list: BlockListName, e164: string): boolean {
    return this.s.remove.run(list, e164).changes === 1;
  }

  removeBySource(list: BlockListName, source: string): number {
    return this.s.removeBySource.run(list, source).changes;
  }

  /** On either list: one index probe, nothing allocated. */
  isBlocked(e164: string): boolean {
    return this.s.any.get(e164) !== undefined;
  }

  check(e164: string): BlockCheck {
    return strongestBlock(this.s.check.all(e164));
  }

  get(list: BlockListName, e164: string): BlockedNumber | undefined {
    const r = this.s.get.get(list, e164);
    return r && toEntry(r);
  }

  page(list: BlockListName, offset: number, limit: number): { entries: BlockedNumber[]; total: number } {
    return { entries: this.s.page.all(list, limit, offset).map(toEntry), total: this.s.count.get(list)!.n };
  }
}
