const DAY_MS = 86_400_000;
// Excel counts days from 1899-12-30 (its serial 60 is the non-existent 1900-02-29; real birthdays are later).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A birthday as YYYY-MM-DD, from ISO text, day-first text (17/05/1990, 17-05-1990, 17.05.1990 — the
 * order Vietnamese spreadsheets use) or an Excel date serial number. Null when it is not a real date.
 */
export function parseBirthday(value: string | number): string | null {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 61 || value > 80_000) return null;
    const d = new Date(EXCEL_EPOCH_MS + value * DAY_MS);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const t = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{5}$/.test(t)) return parseBirthday(Number(t));
  return null;
}
