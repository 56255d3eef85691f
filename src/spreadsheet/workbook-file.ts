import { readFile } from 'node:fs/promises';
import type { ImportCell } from '../domain/import-mapping';
import { DialerError } from '../errors';
import { sheetjs, type SheetJS } from './load-sheetjs';
import type { SheetRow } from './spreadsheet-file';
import { checkZipInflation } from './zip-inflation';

const READ_OPTIONS: SheetJS.ParsingOptions = { type: 'buffer', dense: true, cellHTML: false, cellText: false, cellNF: false, cellDates: false, cellStyles: false };

function parse(buf: Buffer, options: SheetJS.ParsingOptions): SheetJS.WorkBook {
  checkZipInflation(buf);
  try {
    return sheetjs().read(buf, { ...READ_OPTIONS, ...options });
  } catch (err) {
    throw new DialerError('E_IMPORT_NOT_SPREADSHEET', 'the file could not be read as a spreadsheet', 'body', { cause: err });
  }
}

function toCell(c: SheetJS.CellObject | undefined): ImportCell {
  if (!c || c.v === undefined || c.t === 'e' || c.t === 'z') return null;
  if (c.v instanceof Date) return c.v.toISOString().slice(0, 10);
  return c.v;
}

function rowsOf(sheet: SheetJS.WorkSheet | undefined, limit?: number): SheetRow[] {
  const data = (sheet?.['!data'] ?? []) as (SheetJS.CellObject[] | undefined)[];
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

  /**
   * The data rows (below the header) of a sheet, in batches. SheetJS parses the whole sheet at once (.xlsx
   * files are bounded by import.maxFileBytes); rows are converted batch by batch and let go once handed over.
   */
  dataRows(sheet: string, batchSize: number): { total: number; batches: Generator<SheetRow[]> } {
    const data = (parse(this.buf, { sheets: [sheet] }).Sheets[sheet]?.['!data'] ?? []) as (SheetJS.CellObject[] | undefined)[];
    function* batches(): Generator<SheetRow[]> {
      for (let start = 1; start < data.length; start += batchSize) {
        const end = Math.min(data.length, start + batchSize);
        const rows: SheetRow[] = [];
        for (let r = start; r < end; r++) {
          const row = data[r];
          rows.push({ number: r + 1, cells: row ? Array.from(row, toCell) : [] });
          data[r] = undefined;
        }
        yield rows;
      }
    }
    return { total: Math.max(0, data.length - 1), batches: batches() };
  }
}
