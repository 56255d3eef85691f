import { createReadStream } from 'node:fs';
import { readHead } from './read-file-head';
import type { ImportCell } from '../domain/import-mapping';
import { CsvParser, detectDelimiter } from './csv-parser';
import { detectEncoding } from './text-decoding';
import type { SheetRow } from './spreadsheet-file';

const SAMPLE_BYTES = 64 * 1024;


/** A CSV file read as a stream: its encoding and delimiter are found from the first 64 KiB. */
export class CsvFile {
  private constructor(
    private readonly path: string,
    readonly encoding: string,
    readonly delimiter: string,
  ) {}

  static async open(path: string): Promise<CsvFile> {
    const head = await readHead(path, SAMPLE_BYTES);
    const encoding = detectEncoding(head);
    const sample = new TextDecoder(encoding).decode(head);
    return new CsvFile(path, encoding, detectDelimiter(sample));
  }

  /** The first `limit` records. */
  async head(limit: number): Promise<SheetRow[]> {
    const rows: SheetRow[] = [];
    for await (const batch of this.batches(limit)) {
      rows.push(...batch);
      break;
    }
    return rows.slice(0, limit);
  }

  /** Records in batches of `size` (from record `firstRow` on), parsed as the file streams in. */
  async *batches(size: number, firstRow = 1): AsyncGenerator<SheetRow[]> {
    const decoder = new TextDecoder(this.encoding);
    let batch: SheetRow[] = [];
    const ready: SheetRow[][] = [];
    const parser = new CsvParser(this.delimiter, (cells, number) => {
      if (number < firstRow) return;
      batch.push({ number, cells: cells as ImportCell[] });
      if (batch.length >= size) { ready.push(batch); batch = []; }
    });
    for await (const chunk of createReadStream(this.path, { highWaterMark: 1024 * 1024 })) {
      parser.push(decoder.decode(chunk as Buffer, { stream: true }));
      while (ready.length) yield ready.shift()!;
    }
    parser.push(decoder.decode());
    parser.end();
    while (ready.length) yield ready.shift()!;
    if (batch.length) yield batch;
  }

  /**
   * Counts records without parsing fields: line breaks outside quotes, read byte by byte. Exact for
   * UTF-8 and the single-byte code page; an estimate for UTF-16 (it is only used for progress).
   */
  async countRecords(): Promise<number> {
    let records = 0;
    let quoted = false;
    let last = 0x0a;
    let crOnly = 0;
    for await (const chunk of createReadStream(this.path, { highWaterMark: 1024 * 1024 })) {
      const buf = chunk as Buffer;
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i]!;
        if (b === 0x22) quoted = !quoted;
        else if (!quoted && b === 0x0a) records++;
        else if (!quoted && b === 0x0d && buf[i + 1] !== 0x0a) crOnly++;
        if (b !== 0x00) last = b;
      }
    }
    if (records === 0) records = crOnly;
    return last === 0x0a || last === 0x0d ? records : records + 1;
  }
}
