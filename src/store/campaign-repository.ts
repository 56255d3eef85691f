import type { Campaign, CampaignEvent, CampaignSortField } from '../domain/campaign';
import type { CampaignAction, CampaignState } from '../domain/campaign-lifecycle';
import type { CampaignSettings } from '../domain/campaign-settings';
import type { UserId } from '../domain/roles';
import type { Db } from './database';
import type { Page, Paged } from './page';
import { SETTINGS_COLUMNS, settingsParams, toCampaign, type CampaignRelations, type CampaignRow } from './campaign-row';

const SORT_COLUMNS: Record<CampaignSortField, string> = { id: 'c.id', name: 'c.name', state: 'c.state', startAt: 'c.start_at', createdAt: 'c.created_at' };

export interface CampaignListQuery extends Page {
  state?: CampaignState;
  /** Only running campaigns this agent works, directly or through a group. */
  agentId?: UserId;
  sort: CampaignSortField;
  order: 'asc' | 'desc';
}

/** What a transition records besides the new state; absent keys keep their column. */
export interface TransitionStamps {
  reviewNote?: string | null;
  reviewedBy?: UserId | null;
  reviewedAt?: string;
  activatedAt?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface EventInput {
  action: CampaignAction | 'create';
  actorId: UserId | null;
  note: string | null;
  at: string;
}

const STAMPS: [keyof TransitionStamps, string][] = [
  ['reviewNote', 'review_note'], ['reviewedBy', 'reviewed_by'], ['reviewedAt', 'reviewed_at'],
  ['activatedAt', 'activated_at'], ['startedAt', 'started_at'], ['endedAt', 'ended_at'],
];

const AGENT_WORKS = `(EXISTS (SELECT 1 FROM campaign_agents a WHERE a.campaign_id = c.id AND a.user_id = @agentId)
  OR EXISTS (SELECT 1 FROM campaign_groups g JOIN agent_group_members m ON m.group_id = g.group_id
             WHERE g.campaign_id = c.id AND m.user_id = @agentId))`;

export class CampaignRepository {
  private readonly byId;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly transitionStmt;
  private readonly deleteStmt;
  private readonly eventStmt;
  private readonly eventsStmt;
  private readonly eventCountStmt;
  private readonly relationStmts;
  private readonly assignedStmt;
  private readonly dueStartStmt;
  private readonly dueFinishStmt;
  private readonly nextDueStmt;
  private readonly listStmts = new Map<string, { rows: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }>();

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[number], CampaignRow>('SELECT * FROM campaigns WHERE id = ?');
    const cols = SETTINGS_COLUMNS.map(([c]) => c).join(', ');
    const params = SETTINGS_COLUMNS.map(([, p]) => `@${p}`).join(', ');
    this.insertStmt = db.prepare(`INSERT INTO campaigns (${cols}, state, created_by, created_at, updated_at)
      VALUES (${params}, 'draft', @createdBy, @now, @now)`);
    const sets = SETTINGS_COLUMNS.map(([c, p]) => `${c} = @${p}`).join(', ');
    this.updateStmt = db.prepare(`UPDATE campaigns SET ${sets}, state = @next, updated_at = @now WHERE id = @id AND state = @expected`);
    const stampSets = STAMPS.map(([p, c]) => `${c} = CASE WHEN @set_${p} = 1 THEN @${p} ELSE ${c} END`).join(', ');
    this.transitionStmt = db.prepare(`UPDATE campaigns SET state = @next, updated_at = @now, ${stampSets} WHERE id = @id AND state = @expected`);
    this.deleteStmt = db.prepare('DELETE FROM campaigns WHERE id = ? AND state = ?');
    this.eventStmt = db.prepare(`INSERT INTO campaign_events (campaign_id, action, from_state, to_state, actor_id, note, at)
      VALUES (@campaignId, @action, @fromState, @toState, @actorId, @note, @at)`);
    this.eventsStmt = db.prepare<[number, number, number], { id: number; campaign_id: number; action: CampaignEvent['action']; from_state: CampaignState | null; to_state: CampaignState; actor_id: number | null; note: string | null; at: string }>(
      'SELECT * FROM campaign_events WHERE campaign_id = ? ORDER BY id LIMIT ? OFFSET ?');
    this.eventCountStmt = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM campaign_events WHERE campaign_id = ?');
    this.assignedStmt = db.prepare(`SELECT 1 AS x FROM campaigns c WHERE c.id = @campaignId AND ${AGENT_WORKS}`);
    // Instants are stored in one UTC text form, so comparing them as text compares the times.
    this.dueStartStmt = db.prepare<[{ now: string }], { id: number }>(
      "SELECT id FROM campaigns WHERE state = 'scheduled' AND start_at <= @now AND (end_at IS NULL OR end_at > @now) ORDER BY start_at, id");
    this.dueFinishStmt = db.prepare<[{ now: string }], { id: number }>(
      "SELECT id FROM campaigns WHERE state IN ('scheduled', 'running', 'paused') AND end_at <= @now ORDER BY end_at, id");
    this.nextDueStmt = db.prepare<[{ now: string }], { at: string | null }>(`SELECT MIN(at) AS at FROM (
        SELECT start_at AS at FROM campaigns WHERE state = 'scheduled' AND start_at > @now
        UNION ALL SELECT end_at AS at FROM campaigns WHERE state IN ('scheduled', 'running', 'paused') AND end_at > @now) due`);
    const relation = (table: string, column: string) => ({
      select: db.prepare<[number], { v: number }>(`SELECT ${column} AS v FROM ${table} WHERE campaign_id = ? ORDER BY ${column}`),
      clear: db.prepare(`DELETE FROM ${table} WHERE campaign_id = ?`),
      add: db.prepare(`INSERT INTO ${table} (campaign_id, ${column}) VALUES (?, ?)`),
    });
    this.relationStmts = {
      managerIds: relation('campaign_managers', 'user_id'),
      agentIds: relation('campaign_agents', 'user_id'),
      agentGroupIds: relation('campaign_groups', 'group_id'),
    };
  }

  private relations(id: number): CampaignRelations {
    const read = (k: keyof CampaignRelations) => this.relationStmts[k].select.all(id).map((r) => r.v);
    return { managerIds: read('managerIds'), agentIds: read('agentIds'), agentGroupIds: read('agentGroupIds') };
  }

  private writeRelations(id: number, s: CampaignRelations): void {
    for (const key of ['managerIds', 'agentIds', 'agentGroupIds'] as const) {
      const stmts = this.relationStmts[key];
      stmts.clear.run(id);
      for (const v of new Set(s[key])) stmts.add.run(id, v);
    }
  }

  private addEvent(campaignId: number, from: CampaignState | null, to: CampaignState, e: EventInput): void {
    this.eventStmt.run({ campaignId, action: e.action, fromState: from, toState: to, actorId: e.actorId, note: e.note, at: e.at });
  }

  get(id: number): Campaign | undefined {
    const row = this.byId.get(id);
    return row && toCampaign(row, this.relations(id));
  }

  create(settings: CampaignSettings, createdBy: UserId, now: Date): Campaign {
    const at = now.toISOString();
    const id = this.db.transaction(() => {
      const newId = Number(this.insertStmt.run({ ...settingsParams(settings), createdBy, now: at }).lastInsertRowid);
      this.writeRelations(newId, settings);
      this.addEvent(newId, null, 'draft', { action: 'create', actorId: createdBy, note: null, at });
      return newId;
    }).immediate();
    return this.get(id)!;
  }

  /** Replaces the settings if the campaign is still in `expected`; false when someone else changed its state first. */
  update(id: number, expected: CampaignState, next: CampaignState, settings: CampaignSettings, event: EventInput): boolean {
    return this.db.transaction(() => {
      const won = this.updateStmt.run({ ...settingsParams(settings), id, expected, next, now: event.at }).changes === 1;
      if (won) {
        this.writeRelations(id, settings);
        this.addEvent(id, expected, next, event);
      }
      return won;
    }).immediate();
  }

  /** Moves the campaign from `expected` to `next` with one conditional UPDATE and an audit row; false when it lost a race. */
  transition(id: number, expected: CampaignState, next: CampaignState, stamps: TransitionStamps, event: EventInput): boolean {
    const params: Record<string, unknown> = { id, expected, next, now: event.at };
    for (const [key] of STAMPS) {
      params[`set_${key}`] = key in stamps ? 1 : 0;
      params[key] = stamps[key] ?? null;
    }
    return this.db.transaction(() => {
      const won = this.transitionStmt.run(params).changes === 1;
      if (won) this.addEvent(id, expected, next, event);
      return won;
    }).immediate();
  }

  delete(id: number, expected: CampaignState): boolean {
    return this.deleteStmt.run(id, expected).changes === 1;
  }

  list(q: CampaignListQuery): Paged<Campaign> {
    const key = `${q.sort}:${q.order}:${q.state ? 's' : ''}:${q.agentId !== undefined ? 'a' : ''}`;
    let stmts = this.listStmts.get(key);
    if (!stmts) {
      const where = ['1 = 1'];
      if (q.state) where.push('c.state = @state');
      if (q.agentId !== undefined) where.push(AGENT_WORKS);
      const column = SORT_COLUMNS[q.sort];
      const dir = q.order === 'desc' ? 'DESC' : 'ASC';
      // NULLs sort last in both directions, spelled out because SQLite and PostgreSQL disagree by default.
      const order = `CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END, ${column} ${dir}, c.id ${dir}`;
      const filter = where.join(' AND ');
      stmts = {
        rows: this.db.prepare(`SELECT c.* FROM campaigns c WHERE ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`),
        count: this.db.prepare(`SELECT COUNT(*) AS n FROM campaigns c WHERE ${filter}`),
      };
      this.listStmts.set(key, stmts);
    }
    const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
    if (q.state) params.state = q.state;
    if (q.agentId !== undefined) params.agentId = q.agentId;
    const { limit: _l, offset: _o, ...countParams } = params;
    const rows = stmts.rows.all(params) as CampaignRow[];
    const total = (stmts.count.get(countParams) as { n: number }).n;
    return { items: rows.map((r) => toCampaign(r, this.relations(r.id))), total };
  }

  /** Whether the agent works this campaign, directly or through one of their groups. */
  isAgentAssigned(campaignId: number, agentId: UserId): boolean {
    return this.assignedStmt.get({ campaignId, agentId }) !== undefined;
  }

  /** Ids of activated campaigns whose start time has come (and whose end has not). */
  dueToStart(now: Date): number[] {
    return this.dueStartStmt.all({ now: now.toISOString() }).map((r) => r.id);
  }

  /** Ids of activated, running or paused campaigns whose end time has come. */
  dueToFinish(now: Date): number[] {
    return this.dueFinishStmt.all({ now: now.toISOString() }).map((r) => r.id);
  }

  /** The next start or end time after `now` that the scheduler must act on, if any. */
  nextScheduledAfter(now: Date): Date | undefined {
    const r = this.nextDueStmt.get({ now: now.toISOString() });
    return r?.at ? new Date(r.at) : undefined;
  }

  events(campaignId: number, page: Page): Paged<CampaignEvent> {
    const items = this.eventsStmt.all(campaignId, page.limit, page.offset).map((r) => ({
      id: r.id, campaignId: r.campaign_id, action: r.action, fromState: r.from_state, toState: r.to_state,
      actorId: r.actor_id, note: r.note, at: r.at,
    }));
    return { items, total: this.eventCountStmt.get(campaignId)!.n };
  }
}
