import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import type { ImportCell } from '../domain/import-mapping';
import { DialerError } from '../errors';
import type { SheetRow } from './spreadsheet-file';

const READ_OPTIONS: XLSX.ParsingOptions = { type: 'buffer', dense: true, cellHTML: false, cellText: false, cellNF: false, cellDates: false, cellStyles: false };

function parse(buf: Buffer, options: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    return XLSX.read(buf, { ...READ_OPTIONS, ...options });
  } catch (err) {
    throw new DialerError('E_IMPORT_NOT_SPREADSHEET', 'the file could not be read as a spreadsheet', 'body', { cause: err });
  }
}

function toCell(c: XLSX.CellObject | undefined): ImportCell {
  if (!c || c.v === undefined || c.t === 'e' || c.t === 'z') return null;
  if (c.v instanceof Date) return c.v.toISOString().slice(0, 10);
  return c.v;
}

function rowsOf(sheet: XLSX.WorkSheet | undefined, limit?: number): SheetRow[] {
  const data = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const out: SheetRow[] = [];
  const end = limit === undefined ? data.length : Math.min(limit, data.length);
  for (let r = 0; r < end; r++) {
    const row = data[r];
    out.push({ number: r + 1, cells: row ? Array.from(row, toCell) : [] });
  }
  return out;
}

/** An .xlsx or .xls workbook (SheetJS): sheet names and previews are read cheaply, whole sheets on demand. */
export class WorkbookFile {
  private constructor(private readonly buf: Buffer, readonly sheetNames: string[]) {}

  static async open(path: string): Promise<WorkbookFile> {
    const buf = await readFile(path);
    const names = parse(buf, { bookSheets: true }).SheetNames;
    if (names.length === 0) throw new DialerError('E_IMPORT_NOT_SPREADSHEET', 'the workbook has no sheets', 'body');
    return new WorkbookFile(buf, names);
  }

  head(sheet: string, limit: number): SheetRow[] {
    return rowsOf(parse(this.buf, { sheets: [sheet], sheetRows: limit }).Sheets[sheet], limit);
  }

  /** The whole sheet (SheetJS holds it in memory; .xlsx files are bounded by import.maxFileBytes). */
  readAll(sheet: string): SheetRow[] {
    return rowsOf(parse(this.buf, { sheets: [sheet] }).Sheets[sheet]);
  }
}
