import { normalizeContact, normalizeTags, type ContactDraft } from './contact-draft';
import { foldText } from './fold-text';
import { describeColumnError, mapRow, columnLetter, type ColumnMapping, type ImportCell } from './import-mapping';
import { normalizePhone } from './phone-number';
import type { UserId } from './roles';

interface RowBase { number: number; cells: ImportCell[] }

export type PreparedContactRow = RowBase & (
  | { kind: 'blank' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'contact'; draft: ContactDraft; ownerId: UserId | null; setsTimezone: boolean; nameFolded: string }
);

export type PreparedBlockRow = RowBase & (
  | { kind: 'blank' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'number'; e164: string; reason: string }
);

export interface ContactRowContext {
  mapping: ColumnMapping;
  headers: string[];
  region: string;
  /** Lower-cased usernames of active agents → ids, for the agent column. */
  agents: ReadonlyMap<string, UserId>;
  extraTags: string[];
  defaultSource: string | null;
}

function isBlank(cells: readonly ImportCell[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined || c === '') continue;
    if (typeof c !== 'string' || c.trim() !== '') return false;
  }
  return true;
}

/** One spreadsheet row → a contact draft, or the reason it is rejected, naming the column. */
export function prepareContactRow(row: RowBase, ctx: ContactRowContext): PreparedContactRow {
  if (isBlank(row.cells)) return { number: row.number, cells: row.cells, kind: 'blank' };
  const mapped = mapRow(row.cells, ctx.mapping);
  let ownerId: UserId | null = null;
  if (mapped.agent !== null) {
    const id = ctx.agents.get(mapped.agent.toLowerCase());
    const col = ctx.mapping.fields.agent!;
    if (id === undefined) return { number: row.number, cells: row.cells, kind: 'rejected', reason: `column "${ctx.headers[col]}" (${columnLetter(col)}): no active agent "${mapped.agent}"` };
    ownerId = id;
  }
  if (ctx.extraTags.length) mapped.input.tags = normalizeTags([...(mapped.input.tags ?? []), ...ctx.extraTags]);
  mapped.input.source ??= ctx.defaultSource;
  const result = normalizeContact(mapped.input, ctx.region);
  if (!result.ok) return { number: row.number, cells: row.cells, kind: 'rejected', reason: describeColumnError(result.error, mapped, ctx.mapping, ctx.headers) };
  return { number: row.number, cells: row.cells, kind: 'contact', draft: result.draft, ownerId, setsTimezone: mapped.input.timezone !== undefined, nameFolded: foldText(result.draft.name) };
}

/** One row of a DNC or blacklist file → a number and its reason. */
export function prepareBlockRow(row: RowBase, ctx: { mapping: ColumnMapping; headers: string[]; region: string; defaultReason: string }): PreparedBlockRow {
  if (isBlank(row.cells)) return { ...row, kind: 'blank' };
  const col = ctx.mapping.fields.phone!;
  const cell = row.cells[col];
  const parsed = normalizePhone(typeof cell === 'number' ? cell : String(cell ?? ''), ctx.region);
  if (!parsed.ok) return { ...row, kind: 'rejected', reason: `column "${ctx.headers[col]}" (${columnLetter(col)}): ${parsed.reason}` };
  const reasonCell = ctx.mapping.reason === undefined ? undefined : row.cells[ctx.mapping.reason];
  const reason = reasonCell === null || reasonCell === undefined || String(reasonCell).trim() === '' ? ctx.defaultReason : String(reasonCell).trim().slice(0, 500);
  return { ...row, kind: 'number', e164: parsed.phone.e164, reason };
}
