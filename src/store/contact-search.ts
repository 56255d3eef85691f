import type { Statement } from 'better-sqlite3';
import type { ContactId } from '../domain/contact';
import type { ContactFilter, ContactSort } from '../domain/contact-filter';
import { foldTerms } from '../domain/fold-text';
import type { Db } from './database';

export interface SearchPage {
  offset: number;
  limit: number;
  sort: ContactSort;
  order: 'asc' | 'desc';
}

export interface SearchResult {
  ids: ContactId[];
  /** Exact up to the count cap; at the cap `totalExact` is false and the real number is larger. */
  total: number;
  totalExact: boolean;
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * Below this many expected matches a name search reads the word index (cost grows with the matches);
 * above it, walking the sort index and testing each name finds a page sooner (cost shrinks as matches grow).
 */
const WORD_INDEX_MAX_MATCHES = 50_000;
const STATEMENT_CACHE = 200;

/** Builds and runs contact searches; every filter part is served by an index of migration 010. */
export class ContactSearch {
  private readonly vocabDocs;
  private readonly maxId;
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db, private readonly wordIndexMaxMatches = WORD_INDEX_MAX_MATCHES) {
    this.vocabDocs = db.prepare<[string, string], { n: number | null }>(
      'SELECT sum(doc) AS n FROM contacts_fts_vocab WHERE term >= ? AND term < ?');
    this.maxId = db.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM contacts');
  }

  search(filter: ContactFilter, page: SearchPage, countCap: number): SearchResult {
    const where = this.where(filter);
    const ids = this.prepare(`SELECT c.id FROM contacts c WHERE ${where.sql} ${orderBy(page.sort, page.order)} LIMIT ? OFFSET ?`)
      .pluck().all(...where.params, page.limit, page.offset) as number[];
    const counted = (this.prepare(`SELECT count(*) FROM (SELECT 1 FROM contacts c WHERE ${where.sql} LIMIT ?)`)
      .pluck().get(...where.params, countCap + 1) as number);
    return { ids, total: Math.min(counted, countCap), totalExact: counted <= countCap };
  }

  /**
   * Matching ids in id order after `afterId`, one page at a time: exports and bulk adds walk a whole
   * result without keeping a statement open across awaits (better-sqlite3 would refuse other queries).
   */
  idsAfter(filter: ContactFilter, afterId: ContactId, limit: number): ContactId[] {
    const where = this.where(filter);
    return this.prepare(`SELECT c.id FROM contacts c WHERE (${where.sql}) AND c.id > ? ORDER BY c.id LIMIT ?`)
      .pluck().all(...where.params, afterId, limit) as number[];
  }

  /** The filter as a condition on `contacts c`, for searches and INSERT … SELECT elsewhere in the store. */
  where(filter: ContactFilter): SqlCondition {
    const parts: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => { parts.push(sql); params.push(...values); };
    const terms = filter.name ? foldTerms(filter.name) : [];
    if (terms.length) {
      const name = this.nameCondition(terms);
      add(name.sql, ...name.params);
    }
    if (filter.phone) add('c.id IN (SELECT contact_id FROM contact_phones WHERE e164 = ?)', filter.phone);
    for (const tag of filter.tags ?? []) add('c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)', tag);
    if (filter.groupId !== undefined) add('c.id IN (SELECT contact_id FROM contact_group_members WHERE group_id = ?)', filter.groupId);
    if (filter.stage !== undefined) add('c.stage = ?', filter.stage);
    if (filter.ownerId === 'none') add('c.owner_id IS NULL');
    else if (filter.ownerId !== undefined) add('c.owner_id = ?', filter.ownerId);
    if (filter.createdFrom) add('c.created_at >= ?', filter.createdFrom);
    if (filter.createdTo) add('c.created_at <= ?', filter.createdTo);
    if (filter.doNotContact !== undefined) add('c.do_not_contact = ?', filter.doNotContact ? 1 : 0);
    return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
  }

  private nameCondition(terms: string[]): SqlCondition {
    const rows = this.maxId.get()?.n ?? 0;
    let expected = rows;
    for (const t of terms) expected *= rows > 0 ? (this.vocabDocs.get(t, nextPrefix(t))?.n ?? 0) / rows : 0;
    if (expected <= this.wordIndexMaxMatches) {
      // Each word quoted as a prefix query: "nguy"* "an"* — the words are letters and digits only.
      return { sql: 'c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)', params: [terms.map((t) => `"${t}"*`).join(' ')] };
    }
    return { sql: terms.map(() => "(' ' || c.name_folded) LIKE ?").join(' AND '), params: terms.map((t) => `% ${t}%`) };
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

function orderBy(sort: ContactSort, order: 'asc' | 'desc'): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  return sort === 'name' ? `ORDER BY c.name_folded ${dir}, c.id ${dir}` : `ORDER BY c.created_at ${dir}, c.id ${dir}`;
}

/** The smallest string greater than every string starting with `prefix`. */
function nextPrefix(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, -String.fromCodePoint(last).length) + String.fromCodePoint(last + 1);
}
