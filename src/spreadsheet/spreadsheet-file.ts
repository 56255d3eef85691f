import type { ImportCell } from '../domain/import-mapping';
import { DialerError } from '../errors';
import { CsvFile } from './csv-file';
import type { SpreadsheetFormat } from './sniff-format';
import { WorkbookFile } from './workbook-file';

/** One row with the number the spreadsheet shows for it (the header is row 1). */
export interface SheetRow {
  number: number;
  cells: ImportCell[];
}

/** The one sheet of a CSV file. */
export const CSV_SHEET = 'CSV';

/** Any supported file behind one interface: sheets, a preview, a row count, and rows in batches. */
export class SpreadsheetFile {
  private constructor(private readonly csv: CsvFile | undefined, private readonly book: WorkbookFile | undefined) {}

  static async open(path: string, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    return format === 'csv' ? new SpreadsheetFile(await CsvFile.open(path), undefined) : new SpreadsheetFile(undefined, await WorkbookFile.open(path));
  }

  get sheetNames(): string[] {
    return this.book ? this.book.sheetNames : [CSV_SHEET];
  }

  /** The sheet to read: the one asked for, or the first. */
  sheet(name: string | undefined): string {
    if (name === undefined) return this.sheetNames[0]!;
    if (!this.sheetNames.includes(name)) throw new DialerError('E_VALIDATION', `sheet "${name}" does not exist; the file has ${this.sheetNames.map((s) => `"${s}"`).join(', ')}`, 'sheet');
    return name;
  }

  async head(sheet: string, limit: number): Promise<SheetRow[]> {
    return this.book ? this.book.head(sheet, limit) : this.csv!.head(limit);
  }

  /** The data rows (below the header row) in batches, with their number known before the first batch. */
  async dataRows(sheet: string, batchSize: number): Promise<{ total: number; batches: AsyncIterable<SheetRow[]> | Iterable<SheetRow[]> }> {
    if (this.csv) return { total: Math.max(0, (await this.csv.countRecords()) - 1), batches: this.csv.batches(batchSize, 2) };
    return this.book!.dataRows(sheet, batchSize);
  }
}
