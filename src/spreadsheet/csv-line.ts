import type { ImportCell } from '../domain/import-mapping';

const NEEDS_QUOTES = /[",\r\n]/;
// A leading = + - @ makes spreadsheet programs run the cell as a formula: prefix a quote (OWASP CSV injection),
// except for phone numbers in E.164 which start with + and are only digits.
const FORMULA = /^[=+\-@\t\r]/;
const E164 = /^\+\d{6,15}$/;

function field(cell: ImportCell): string {
  if (cell === null) return '';
  let s = String(cell);
  if (typeof cell === 'string' && FORMULA.test(s) && !E164.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record (comma-separated, CRLF-terminated as RFC 4180 says). */
export function csvLine(cells: readonly ImportCell[]): string {
  return cells.map(field).join(',') + '\r\n';
}
