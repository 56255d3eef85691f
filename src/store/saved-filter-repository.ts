import type { ContactFilter } from '../domain/contact-filter';
import type { UserId } from '../domain/roles';
import type { Db } from './database';

export interface SavedFilter {
  id: number;
  name: string;
  userId: UserId;
  shared: boolean;
  filter: ContactFilter;
  createdAt: string;
  updatedAt: string;
}

interface Row { id: number; name: string; user_id: number; shared: number; filter: string; created_at: string; updated_at: string }

const toFilter = (r: Row): SavedFilter => ({
  id: r.id, name: r.name, userId: r.user_id, shared: r.shared === 1, filter: JSON.parse(r.filter) as ContactFilter,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export class SavedFilterRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[number], Row>('SELECT * FROM saved_filters WHERE id = ?'),
      visible: db.prepare<[number], Row>('SELECT * FROM saved_filters WHERE user_id = ? OR shared = 1 ORDER BY name, id'),
      byName: db.prepare<[number, string], Row>('SELECT * FROM saved_filters WHERE user_id = ? AND name = ?'),
      insert: db.prepare('INSERT INTO saved_filters (name, user_id, shared, filter, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE saved_filters SET name = ?, shared = ?, filter = ?, updated_at = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM saved_filters WHERE id = ?'),
    };
  }

  get(id: number): SavedFilter | undefined {
    const r = this.s.get.get(id);
    return r && toFilter(r);
  }

  /** The user's own filters and every shared one. */
  visibleTo(userId: UserId): SavedFilter[] {
    return this.s.visible.all(userId).map(toFilter);
  }

  findByName(userId: UserId, name: string): SavedFilter | undefined {
    const r = this.s.byName.get(userId, name);
    return r && toFilter(r);
  }

  create(input: { name: string; userId: UserId; shared: boolean; filter: ContactFilter }, now: string): SavedFilter {
    const id = Number(this.s.insert.run(input.name, input.userId, input.shared ? 1 : 0, JSON.stringify(input.filter), now, now).lastInsertRowid);
    return this.get(id)!;
  }

  update(id: number, input: { name: string; shared: boolean; filter: ContactFilter }, now: string): SavedFilter | undefined {
    this.s.update.run(input.name, input.shared ? 1 : 0, JSON.stringify(input.filter), now, id);
    return this.get(id);
  }

  delete(id: number): boolean {
    return this.s.delete.run(id).changes === 1;
  }
}
