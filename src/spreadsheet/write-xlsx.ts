import type { ImportCell } from '../domain/import-mapping';
import { sheetjs } from './load-sheetjs';

export interface SheetData {
  name: string;
  rows: ImportCell[][];
  /** Column widths in characters. */
  widths?: number[];
}

/** An .xlsx file (SheetJS) from rows of cells; text stays text, so phone numbers keep their leading + or 0. */
export function writeXlsx(sheets: readonly SheetData[]): Buffer {
  const XLSX = sheetjs();
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(s.rows, { dense: true });
    if (s.widths) sheet['!cols'] = s.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(book, sheet, s.name.slice(0, 31));
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
