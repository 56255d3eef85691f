import type { SheetRow } from './spreadsheet-file';
import { SpreadsheetFile } from './spreadsheet-file';
import type { SpreadsheetFormat } from './sniff-format';

export interface SheetHead {
  sheetNames: string[];
  /** The sheet asked for, else the first one with data rows under its header; null when none has any. */
  sheet: string | null;
  /** Its header row and first data rows. */
  rows: SheetRow[];
}

const hasData = (rows: SheetRow[]) => rows.slice(1).some((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));

/** The first `limit` rows of a sheet, for the preview and the mapping (throws DialerError for unreadable files). */
export async function readSheetHead(path: string, format: SpreadsheetFormat, sheetName: string | undefined, limit: number): Promise<SheetHead> {
  const file = await SpreadsheetFile.open(path, format);
  const candidates = sheetName === undefined ? file.sheetNames : [file.sheet(sheetName)];
  for (const sheet of candidates) {
    const rows = await file.head(sheet, limit);
    if (hasData(rows)) return { sheetNames: file.sheetNames, sheet, rows };
  }
  return { sheetNames: file.sheetNames, sheet: null, rows: [] };
}
