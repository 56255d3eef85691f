import type { ContactFilter } from '../domain/contact-filter';
import { foldTerms } from '../domain/fold-text';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * A selective filter that yields its contact ids straight from one index, `d.<id>` over `from d`:
 * a phone, a tag, a group, the name through the word index, or one indexed column (agent, stage,
 * created range, the "do not contact" mark). `size` is counted once, up to a cap.
 */
export interface Driver {
  check: string;
  from: string;
  id: string;
  where: SqlCondition;
  /** An indexed column of contacts (its index is cheap to count); else a list (read once, kept when short). */
  column: boolean;
  /** How many ids, counted up to a cap. */
  size: () => number;
  /** A list's ids when it has at most `short` of them (read once, then reused for the page and the count). */
  shortIds: () => number[] | undefined;
}

/** Everything a filter asks: the tests (each cheap on one contact) and the indexes that could drive. */
export interface SearchPlan {
  tests: { check: string; cond: SqlCondition }[];
  drivers: Driver[];
}

/** How the plan learns sizes; the search supplies these, bound to its prepared statements. */
export interface SizeProbes {
  /** How many of the newest `sampleSize` contacts the name test matches. */
  nameInSample(test: SqlCondition): number;
  sampleSize: number;
  /** How many rows `FROM <from d> WHERE <where>` gives, counted up to a cap (cheap for indexed columns). */
  count(from: string, where: SqlCondition): number;
  /** The ids `SELECT <id> FROM <from d> WHERE <where>` gives, read up to `short + 1` of them. */
  ids(from: string, id: string, where: SqlCondition): number[];
  /** Lists up to this long are kept and sorted for a page. */
  short: number;
}

/** A name matching less than this share of the sample is read from the word index rather than walked. */
const RARE_NAME_SHARE = 0.01;

// Correlated lookups (not IN or EXISTS): SQLite would otherwise build a bloom filter over the whole table per query.
const LOOKUPS = {
  tag: '(SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag = ?) IS NOT NULL',
  phone: '(SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.e164 = ?) IS NOT NULL',
  group: '(SELECT 1 FROM contact_group_members m WHERE m.group_id = ? AND m.contact_id = c.id) IS NOT NULL',
};

/**
 * The name test: every word but the last is a whole word of the name, the last one may be the start of a
 * word (search as you type: "nguyen van a" finds "Nguyễn Văn An"). Case and diacritics never matter.
 */
export function nameTest(terms: readonly string[]): SqlCondition {
  const last = terms.length - 1;
  return {
    sql: terms.map((_, i) => (i < last ? "(' ' || c.name_folded || ' ') LIKE ? ESCAPE '\\'" : "(' ' || c.name_folded) LIKE ? ESCAPE '\\'")).join(' AND '),
    params: terms.map((t, i) => (i < last ? `% ${escapeLike(t)} %` : `% ${escapeLike(t)}%`)),
  };
}

/** A typed % or _ is a character to find, not a wildcard. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function planSearch(filter: ContactFilter, probes: SizeProbes, rareNameShare = RARE_NAME_SHARE): SearchPlan {
  const plan: SearchPlan = { tests: [], drivers: [] };
  const add = (check: string, test: SqlCondition, drive?: { from: string; id: string; where: SqlCondition; column?: boolean; size?: number }) => {
    plan.tests.push({ check, cond: test });
    if (!drive) return;
    const { from, id, where } = drive;
    const column = drive.column ?? false;
    let known = drive.size;
    let ids: number[] | undefined;
    const read = () => (ids ??= probes.ids(from, id, where));
    plan.drivers.push({
      check, from, id, where, column,
      // A list longer than `short` is counted further (up to the count cap) from its index.
      size: () => (known ??= column || read().length > probes.short ? probes.count(from, where) : read().length),
      shortIds: () => {
        if (column) return undefined;
        const list = read();
        return list.length <= probes.short ? list : undefined;
      },
    });
  };
  const same = (sql: string, ...params: unknown[]) => ({ sql, params });
  const terms = filter.name ? foldTerms(filter.name) : [];
  if (terms.length) {
    const test = nameTest(terms);
    // A common name is walked in sort order (matches come quickly); only a rare one is worth the word index.
    const rare = probes.nameInSample(test) < probes.sampleSize * rareNameShare;
    const match = terms.map((t, i) => (i < terms.length - 1 ? `"${t}"` : `"${t}"*`)).join(' ');
    add('name', test, rare ? { from: 'contacts_fts d', id: 'd.rowid', where: same('d.contacts_fts MATCH ?', match) } : undefined);
  } else if (filter.name?.trim()) {
    // Only punctuation (`%`, `_`, `*`): names are searched by their words, so no name has these.
    add('name', same('0'));
  }
  if (filter.phone) add('phone', same(LOOKUPS.phone, filter.phone), { from: 'contact_phones d', id: 'd.contact_id', where: same('d.e164 = ?', filter.phone), size: 1 });
  (filter.tags ?? []).forEach((tag, i) => add(`tag${i}`, same(LOOKUPS.tag, tag), { from: 'contact_tags d', id: 'd.contact_id', where: same('d.tag = ?', tag) }));
  if (filter.groupId !== undefined) {
    add('group', same(LOOKUPS.group, filter.groupId), { from: 'contact_group_members d', id: 'd.contact_id', where: same('d.group_id = ?', filter.groupId) });
  }
  const column = (check: string, sql: string, ...params: unknown[]) =>
    add(check, same(sql, ...params), { from: 'contacts d', id: 'd.id', where: same(sql.replace(/\bc\./g, 'd.'), ...params), column: true });
  if (filter.stage !== undefined) column('stage', 'c.stage = ?', filter.stage);
  if (filter.ownerId === 'none') column('owner', 'c.owner_id IS NULL');
  else if (filter.ownerId !== undefined) column('owner', 'c.owner_id = ?', filter.ownerId);
  const range = [filter.createdFrom ? 'c.created_at >= ?' : '', filter.createdTo ? 'c.created_at <= ?' : ''].filter(Boolean);
  if (range.length) column('created', range.join(' AND '), ...[filter.createdFrom, filter.createdTo].filter(Boolean));
  // Literals, not parameters: only then can SQLite use the partial index of marked contacts (and only for = 1).
  if (filter.doNotContact === true) column('dnc', 'c.do_not_contact = 1');
  if (filter.doNotContact === false) add('dnc', same('c.do_not_contact = 0'));
  return plan;
}

/** All the conditions, ANDed; with `plus`, column references get a unary + so SQLite does not use their indexes. */
export function all(conds: readonly SqlCondition[], plus = false): SqlCondition {
  if (conds.length === 0) return { sql: '1 = 1', params: [] };
  return { sql: conds.map((c) => `(${plus ? c.sql.replace(/\bc\./g, '+c.') : c.sql})`).join(' AND '), params: conds.flatMap((c) => c.params) };
}

/** The tests a driver does not already ensure. */
export function testsBesides(plan: SearchPlan, d: Driver | undefined): SqlCondition[] {
  return plan.tests.filter((t) => t.check !== d?.check).map((t) => t.cond);
}

export function smallest(drivers: readonly Driver[]): Driver | undefined {
  let best: Driver | undefined;
  for (const d of drivers) if (!best || d.size() < best.size()) best = d;
  return best;
}
