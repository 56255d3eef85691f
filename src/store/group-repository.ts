import type { Db } from './database';
import type { UserId } from '../domain/roles';

export interface AgentGroup {
  id: number;
  name: string;
  description: string;
  memberIds: UserId[];
  createdAt: string;
}

interface GroupRow { id: number; name: string; description: string; created_at: string }

export class GroupRepository {
  constructor(private readonly db: Db) {}

  private members(groupId: number): UserId[] {
    return this.db.prepare<[number], { user_id: number }>('SELECT user_id FROM agent_group_members WHERE group_id = ? ORDER BY user_id')
      .all(groupId).map((r) => r.user_id);
  }

  private toGroup(r: GroupRow): AgentGroup {
    return { id: r.id, name: r.name, description: r.description, memberIds: this.members(r.id), createdAt: r.created_at };
  }

  list(): AgentGroup[] {
    return this.db.prepare<[], GroupRow>('SELECT * FROM agent_groups ORDER BY name').all().map((r) => this.toGroup(r));
  }

  get(id: number): AgentGroup | undefined {
    const r = this.db.prepare<[number], GroupRow>('SELECT * FROM agent_groups WHERE id = ?').get(id);
    return r && this.toGroup(r);
  }

  findByName(name: string): AgentGroup | undefined {
    const r = this.db.prepare<[string], GroupRow>('SELECT * FROM agent_groups WHERE name = ?').get(name);
    return r && this.toGroup(r);
  }

  save(group: { id?: number; name: string; description: string; memberIds: UserId[] }, now: Date): AgentGroup {
    return this.db.transaction(() => {
      let id = group.id;
      if (id === undefined) {
        id = Number(this.db.prepare('INSERT INTO agent_groups (name, description, created_at) VALUES (?, ?, ?)')
          .run(group.name, group.description, now.toISOString()).lastInsertRowid);
      } else {
        this.db.prepare('UPDATE agent_groups SET name = ?, description = ? WHERE id = ?').run(group.name, group.description, id);
        this.db.prepare('DELETE FROM agent_group_members WHERE group_id = ?').run(id);
      }
      const add = this.db.prepare('INSERT INTO agent_group_members (group_id, user_id) VALUES (?, ?)');
      for (const userId of new Set(group.memberIds)) add.run(id, userId);
      return this.get(id)!;
    }).immediate();
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM agent_groups WHERE id = ?').run(id).changes === 1;
  }

  /** Agent ids of all members of the given groups. */
  memberIdsOf(groupIds: number[]): UserId[] {
    const ids = new Set<UserId>();
    for (const g of groupIds) for (const m of this.members(g)) ids.add(m);
    return [...ids];
  }
}
