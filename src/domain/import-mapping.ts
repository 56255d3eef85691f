import type { ContactInput, CustomValue, FieldError } from './contact-draft';
import { foldText } from './fold-text';

/** One spreadsheet cell as the readers hand it over. */
export type ImportCell = string | number | boolean | null;

export const IMPORT_FIELDS = ['name', 'phone', 'phone2', 'phone3', 'email', 'address', 'birthday', 'tags', 'stage', 'source', 'timezone', 'agent'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → column index, plus custom field name → column index. */
export interface ColumnMapping {
  fields: Partial<Record<ImportField, number>>;
  custom: Record<string, number>;
  /** Block-list imports: the column with each number's reason. */
  reason?: number;
}

// Header spellings recognised when suggesting a mapping, compared after folding (case, diacritics, punctuation).
const SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'full name', 'ho ten', 'ho va ten', 'ten', 'ten khach hang', 'khach hang', 'customer', 'customer name', 'contact', 'contact name'],
  phone: ['phone', 'phone number', 'phone 1', 'phone1', 'mobile', 'so dien thoai', 'dien thoai', 'sdt', 'sdt 1', 'sdt1', 'so dt', 'dt', 'di dong', 'tel', 'telephone'],
  phone2: ['phone 2', 'phone2', 'mobile 2', 'so dien thoai 2', 'dien thoai 2', 'sdt 2', 'sdt2'],
  phone3: ['phone 3', 'phone3', 'mobile 3', 'so dien thoai 3', 'dien thoai 3', 'sdt 3', 'sdt3'],
  email: ['email', 'e mail', 'mail', 'thu dien tu'],
  address: ['address', 'dia chi'],
  birthday: ['birthday', 'date of birth', 'dob', 'ngay sinh', 'sinh nhat'],
  tags: ['tags', 'tag', 'nhan', 'the'],
  stage: ['stage', 'giai doan'],
  source: ['source', 'nguon', 'kenh'],
  timezone: ['timezone', 'time zone', 'mui gio'],
  agent: ['agent', 'owner', 'nhan vien', 'nguoi phu trach', 'sale', 'sales'],
};

/** Column headers: trimmed text, blanks named after their letter, repeats numbered, so each is unique. */
export function normalizeHeaders(cells: readonly ImportCell[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    let h = cell === null || cell === undefined ? '' : String(cell).trim();
    if (h === '') h = `Column ${columnLetter(i)}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n > 1 ? `${h} (${n})` : h;
  });
}

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The field each header most likely holds; each field is used once, the leftmost column wins. */
export function suggestMapping(headers: readonly string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const h of headers) {
    const folded = foldText(h);
    const field = IMPORT_FIELDS.find((f) => out[f] === undefined && SYNONYMS[f].includes(folded));
    if (field) out[field] = h;
  }
  return out;
}

const PHONE_FIELDS = ['phone', 'phone2', 'phone3'] as const;

const textOf = (cell: ImportCell | undefined): string => (cell === null || cell === undefined ? '' : String(cell).trim());

export interface MappedRow {
  input: ContactInput;
  /** Username in the agent column, to be resolved by the caller. */
  agent: string | null;
  /** Draft field path → the mapped field it came from, to name the column of an error. */
  phoneFields: ImportField[];
}

const splitTags = (text: string): string[] => (text === '' ? [] : text.split(/[,;|]/));

/** Reads one row through the mapping into a contact input. Empty cells are absent values. */
export function mapRow(cells: readonly ImportCell[], mapping: ColumnMapping): MappedRow {
  const f = mapping.fields;
  const cell = (field: ImportField) => (f[field] === undefined ? undefined : cells[f[field]!]);
  const phones: (string | number)[] = [];
  const phoneFields: ImportField[] = [];
  for (const field of PHONE_FIELDS) {
    const v = cell(field);
    if (field === 'phone' || textOf(v) !== '') {
      phones.push(typeof v === 'number' ? v : textOf(v));
      phoneFields.push(field);
    }
  }
  const custom: Record<string, CustomValue> = {};
  for (const [key, col] of Object.entries(mapping.custom)) {
    const v = cells[col];
    if (v !== null && v !== undefined && textOf(v) !== '') custom[key] = typeof v === 'string' ? v.trim() : v;
  }
  const birthday = cell('birthday');
  const optional = (field: ImportField) => textOf(cell(field)) || undefined;
  const input: ContactInput = {
    name: optional('name'), phones, email: optional('email'), address: optional('address'),
    birthday: typeof birthday === 'number' ? birthday : optional('birthday'),
    tags: splitTags(textOf(cell('tags'))), stage: optional('stage'), source: optional('source'), timezone: optional('timezone'),
    customFields: custom,
  };
  return { input, agent: optional('agent') ?? null, phoneFields };
}

/** Names the column a field error came from: column "SĐT" (B). */
export function describeColumnError(error: FieldError, row: MappedRow, mapping: ColumnMapping, headers: readonly string[]): string {
  let column: number | undefined;
  const phone = /^phones(?:\.(\d+))?$/.exec(error.field);
  if (phone) column = mapping.fields[row.phoneFields[Number(phone[1] ?? 0)] ?? 'phone'];
  else if (error.field.startsWith('customFields.')) column = mapping.custom[error.field.slice('customFields.'.length)];
  else if (error.field.startsWith('tags')) column = mapping.fields.tags;
  else column = mapping.fields[error.field as ImportField];
  if (column === undefined) return error.message;
  return `column "${headers[column] ?? columnLetter(column)}" (${columnLetter(column)}): ${error.message}`;
}
