import type { ContactId } from '../domain/contact';
import type { ContactFilter } from '../domain/contact-filter';
import type { UserId } from '../domain/roles';
import type { ContactSearch } from './contact-search';
import type { Db } from './database';

export interface ContactGroup {
  id: number;
  name: string;
  description: string;
  size: number;
  createdBy: UserId | null;
  createdAt: string;
}

interface Row { id: number; name: string; description: string; created_by: number | null; created_at: string; size: number }

const SELECT = `SELECT g.*, (SELECT count(*) FROM contact_group_members m WHERE m.group_id = g.id) AS size FROM contact_groups g`;
const toGroup = (r: Row): ContactGroup => ({ id: r.id, name: r.name, description: r.description, size: r.size, createdBy: r.created_by, createdAt: r.created_at });

/** Static contact groups: membership is a list of contacts, filled by ids or from a filter. */
export class ContactGroupRepository {
  private readonly s;

  constructor(private readonly db: Db, private readonly search: ContactSearch) {
    this.s = {
      list: db.prepare<[], Row>(`${SELECT} ORDER BY g.name`),
      get: db.prepare<[number], Row>(`${SELECT} WHERE g.id = ?`),
      byName: db.prepare<[string], Row>(`${SELECT} WHERE g.name = ?`),
      insert: db.prepare('INSERT INTO contact_groups (name, description, created_by, created_at) VALUES (?, ?, ?, ?)'),
      update: db.prepare('UPDATE contact_groups SET name = ?, description = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM contact_groups WHERE id = ?'),
      addIds: db.prepare(`INSERT INTO contact_group_members (group_id, contact_id, added_at)
        SELECT ?, c.id, ? FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?)) ON CONFLICT DO NOTHING`),
      removeIds: db.prepare('DELETE FROM contact_group_members WHERE group_id = ? AND contact_id IN (SELECT value FROM json_each(?))'),
    };
  }

  list(): ContactGroup[] {
    return this.s.list.all().map(toGroup);
  }

  get(id: number): ContactGroup | undefined {
    const r = this.s.get.get(id);
    return r && toGroup(r);
  }

  findByName(name: string): ContactGroup | undefined {
    const r = this.s.byName.get(name);
    return r && toGroup(r);
  }

  create(input: { name: string; description: string; createdBy: UserId }, now: string): ContactGroup {
    const id = Number(this.s.insert.run(input.name, input.description, input.createdBy, now).lastInsertRowid);
    return this.get(id)!;
  }

  update(id: number, input: { name: string; description: string }): ContactGroup | undefined {
    this.s.update.run(input.name, input.description, id);
    return this.get(id);
  }

  delete(id: number): boolean {
    return this.s.delete.run(id).changes === 1;
  }

  /** Adds existing contacts; returns how many were not members yet. */
  addContacts(groupId: number, ids: readonly ContactId[], now: string): number {
    return this.s.addIds.run(groupId, now, JSON.stringify(ids)).changes;
  }

  /** Adds every contact matching the filter, in one statement. */
  addMatching(groupId: number, filter: ContactFilter, now: string): number {
    const where = this.search.where(filter);
    return this.db.transaction(() => this.db.prepare(`INSERT INTO contact_group_members (group_id, contact_id, added_at)
      SELECT ?, c.id, ? FROM contacts c WHERE ${where.sql} ON CONFLICT DO NOTHING`).run(groupId, now, ...where.params).changes).immediate();
  }

  removeContacts(groupId: number, ids: readonly ContactId[]): number {
    return this.s.removeIds.run(groupId, JSON.stringify(ids)).changes;
  }
}
