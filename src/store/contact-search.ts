import type { Statement } from 'better-sqlite3';
import type { ContactId } from '../domain/contact';
import type { ContactFilter, ContactSort } from '../domain/contact-filter';
import { all, planSearch, smallest, testsBesides, type SearchPlan, type SizeProbes, type SqlCondition } from './contact-search-plan';
import type { Db } from './database';

export type { SqlCondition } from './contact-search-plan';

export interface SearchPage {
  offset: number;
  limit: number;
  sort: ContactSort;
  order: 'asc' | 'desc';
}

export interface SearchResult {
  ids: ContactId[];
  /** Exact when `totalExact`; otherwise at least this many (the cap), or an estimate when counting all would be slow. */
  total: number;
  totalExact: boolean;
}

/** A driver of at most this many contacts is read whole and sorted for a page; a larger one is walked in sort order. */
const SORTABLE = 5000;
/** A count examines at most this many candidates, then extrapolates. */
const COUNT_BUDGET = 2000;
/** Indexed columns are counted up to this many (enough to compare them and to extrapolate a count). */
const SIZE_CAP = 20_000;
const SAMPLE = 2000;
const STATEMENT_CACHE = 300;

export interface SearchTuning {
  sortable?: number;
  countBudget?: number;
  rareNameShare?: number;
}

/**
 * Contact searches that stay fast at millions of rows. A page walks the sort order (created or name
 * index) testing each contact — quick whenever matches are common — unless a selective filter (a phone,
 * a rare name through the word index, a small tag, group, agent or stage) gives a short list to read and
 * sort. A count streams the most selective index, stops at the cap, and past a budget of examined
 * contacts extrapolates. Indexes are those of migration 010; all of it is plain SQL except FTS5.
 * `tuning` is for tests, to force each strategy on small tables.
 */
export class ContactSearch {
  private readonly statements = new Map<string, Statement>();
  private readonly probes: SizeProbes;
  private readonly maxId;

  private readonly short: number;

  constructor(private readonly db: Db, private readonly tuning: SearchTuning = {}) {
    this.short = tuning.sortable ?? SORTABLE;
    this.maxId = db.prepare<[], number | null>('SELECT max(id) FROM contacts').pluck();
    this.probes = {
      sampleSize: SAMPLE,
      nameInSample: (test) => this.prepare(`SELECT count(*) FROM (SELECT name_folded FROM contacts ORDER BY id DESC LIMIT ${SAMPLE}) c WHERE ${test.sql}`)
        .pluck().get(...test.params) as number,
      count: (from, where) => this.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${where.sql} LIMIT ${SIZE_CAP})`).pluck().get(...where.params) as number,
      ids: (from, id, where) => this.ids(`SELECT ${id} FROM ${from} WHERE ${where.sql} LIMIT ?`, ...where.params, this.short + 1),
      short: this.short,
    };
  }

  search(filter: ContactFilter, page: SearchPage, countCap: number): SearchResult {
    const plan = this.plan(filter);
    return { ids: this.pageIds(plan, page), ...this.count(plan, countCap) };
  }

  /**
   * Matching ids in id order after `afterId`, one page at a time: exports and bulk adds walk a whole
   * result without keeping a statement open across awaits (better-sqlite3 would refuse other queries).
   */
  idsAfter(filter: ContactFilter, afterId: ContactId, limit: number): ContactId[] {
    const plan = this.plan(filter);
    const d = smallest(plan.drivers.filter((x) => !x.column));
    if (d) {
      const rest = all(testsBesides(plan, d));
      return this.ids(`SELECT c.id FROM ${d.from} CROSS JOIN contacts c ON c.id = ${d.id} WHERE ${d.where.sql} AND ${d.id} > ? AND ${rest.sql}
        ORDER BY ${d.id} LIMIT ?`, ...d.where.params, afterId, ...rest.params, limit);
    }
    const rest = all(testsBesides(plan, undefined), true);
    return this.ids(`SELECT c.id FROM contacts c WHERE c.id > ? AND ${rest.sql} ORDER BY c.id LIMIT ?`, afterId, ...rest.params, limit);
  }

  /** The filter as one condition on `contacts c`, tested per contact, for INSERT … SELECT and joins elsewhere in the store. */
  where(filter: ContactFilter): SqlCondition {
    return all(testsBesides(this.plan(filter), undefined));
  }

  private plan(filter: ContactFilter): SearchPlan {
    return planSearch(filter, this.probes, this.tuning.rareNameShare);
  }

  private pageIds(plan: SearchPlan, page: SearchPage): number[] {
    const dir = page.order === 'asc' ? 'ASC' : 'DESC';
    const order = page.sort === 'name' ? `ORDER BY c.name_folded ${dir}, c.id ${dir}` : `ORDER BY c.created_at ${dir}, c.id ${dir}`;
    const d = smallest(plan.drivers);
    const short = d?.shortIds();
    if (d && short) {
      const rest = all(testsBesides(plan, d));
      return this.ids(`SELECT c.id FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?)) AND ${rest.sql} ${order} LIMIT ? OFFSET ?`,
        JSON.stringify(short), ...rest.params, page.limit, page.offset);
    }
    if (d?.column && d.size() <= this.short) {
      const where = all(testsBesides(plan, undefined));
      return this.ids(`SELECT c.id FROM contacts c WHERE ${where.sql} ${order} LIMIT ? OFFSET ?`, ...where.params, page.limit, page.offset);
    }
    // By created time SQLite walks the best index in order (agent and stage indexes end with created_at);
    // by name the column indexes are kept out of its choice, so the name index is walked.
    const where = all(testsBesides(plan, undefined), page.sort === 'name');
    return this.ids(`SELECT c.id FROM contacts c WHERE ${where.sql} ${order} LIMIT ? OFFSET ?`, ...where.params, page.limit, page.offset);
  }

  /** Counts up to the cap, examining at most the budget of candidates from the most selective index, then extrapolates. */
  private count(plan: SearchPlan, cap: number): { total: number; totalExact: boolean } {
    const budget = this.tuning.countBudget ?? COUNT_BUDGET;
    const d = smallest(plan.drivers);
    const rest = all(testsBesides(plan, d));
    const short = d?.shortIds();
    let found: number;
    let streamSize: number;
    if (d && short) {
      found = rest.params.length === 0 && plan.tests.length === 1 ? short.length
        : this.one(`SELECT count(*) FROM (SELECT 1 FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?)) AND ${rest.sql} LIMIT ?)`, JSON.stringify(short), ...rest.params, cap + 1);
      streamSize = short.length;
    } else if (d && !d.column) {
      found = this.one(`SELECT count(*) FROM (SELECT 1 FROM (SELECT ${d.id} AS id FROM ${d.from} WHERE ${d.where.sql} LIMIT ?) w
        CROSS JOIN contacts c ON c.id = w.id WHERE ${rest.sql} LIMIT ?)`, ...d.where.params, budget, ...rest.params, cap + 1);
      streamSize = d.size();
    } else {
      // The candidates come from a column index, or from the table in id order (read straight, no lookups).
      const source = d ? { sql: d.where.sql.replace(/\bd\./g, 'c.'), params: d.where.params } : { sql: '1 = 1 ORDER BY c.id', params: [] };
      found = this.one(`SELECT count(*) FROM (SELECT 1 FROM (SELECT * FROM contacts c WHERE ${source.sql} LIMIT ?) c WHERE ${rest.sql} LIMIT ?)`,
        ...source.params, budget, ...rest.params, cap + 1);
      streamSize = d ? d.size() : (this.maxId.get() ?? 0);
    }
    if (found > cap) return { total: cap, totalExact: false };
    if (streamSize <= budget) return { total: found, totalExact: true };
    return { total: Math.max(found, Math.min(cap, Math.round((found * streamSize) / budget))), totalExact: false };
  }

  private one(sql: string, ...params: unknown[]): number {
    return this.prepare(sql).pluck().get(...params) as number;
  }

  private ids(sql: string, ...params: unknown[]): number[] {
    return this.prepare(sql).pluck().all(...params) as number[];
  }

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value!);
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
