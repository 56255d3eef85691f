import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { ImportKind } from '../domain/import-job';
import type { ColumnMapping } from '../domain/import-mapping';
import { prepareBlockRow, prepareContactRow, type PreparedBlockRow, type PreparedContactRow } from '../domain/prepare-import-row';
import type { UserId } from '../domain/roles';
import type { SpreadsheetFormat } from '../spreadsheet/sniff-format';
import { readRowFile, writeRowFile } from '../spreadsheet/row-file';
import { SpreadsheetFile, type SheetRow } from '../spreadsheet/spreadsheet-file';

/** What the reader thread needs: the file, and everything preparing a row needs (no database). */
export interface ReaderData {
  marker: 'dialer-import-reader';
  /** convert: turn a workbook's sheet into a row file and end; prepare: read and prepare rows for the writer. */
  mode: 'convert' | 'prepare';
  filePath: string;
  /** Where a workbook's rows are (convert writes it, prepare reads it instead of the file). */
  rowFile?: string;
  /** The number of data rows, known when reading a row file. */
  rowCount?: number;
  format: SpreadsheetFormat;
  sheet: string;
  batchRows: number;
  kind: ImportKind;
  mapping: ColumnMapping;
  headers: string[];
  region: string;
  /** Contacts: lower-cased usernames of active agents and their ids. */
  agents: [string, UserId][];
  extraTags: string[];
  defaultSource: string | null;
  /** Block lists: the reason of rows without one. */
  defaultReason: string;
}

type ReaderMessage = { type: 'total'; total: number } | { type: 'batch'; json: string; cells: string[] } | { type: 'end' } | { type: 'failed'; error: string };

const READER_FILE = path.join(__dirname, 'import-reader-worker.js');

/** Young generation of the import threads: small, so short-lived row objects do not pile up before a scavenge. */
export const YOUNG_MB = 24;

/**
 * The heap limit of the thread converting a workbook. Without limits V8 lets a worker's heap grow lazily
 * far past what it holds; with one it collects sooner. SheetJS holds a whole workbook: about 8 bytes of
 * heap per byte of .xlsx file at the peak of parsing, plus a base.
 */
export function workbookHeapMb(fileBytes: number): number {
  return Math.min(4096, Math.max(128, Math.ceil(80 + (fileBytes / 1e6) * 8)));
}

/** Heap for a thread that holds AHEAD + 1 batches of prepared rows (as JSON, and parsed in the writer): ~2.5 KB a row. */
export function batchHeapMb(batchRows: number): number {
  return Math.ceil(48 + (batchRows * (AHEAD + 1) * 2.5) / 1024);
}
/** Rows per message from the reader: small, so the reader's row objects and strings die young. */
const CHUNK = 500;
/** Batches the reader may run ahead of the writer: memory stays at a few batches. */
const AHEAD = 2;

/**
 * In the reader thread: reads the file, prepares every row (mapping, E.164, checks — pure, no database)
 * and hands batches over as JSON, never more than AHEAD ahead of what the writer has asked for.
 */
export async function readAndPrepare(data: ReaderData, port: MessagePort): Promise<void> {
  if (data.mode === 'convert') {
    const { batches } = await (await SpreadsheetFile.open(data.filePath, data.format)).dataRows(data.sheet, data.batchRows);
    const total = await writeRowFile(data.rowFile!, batches);
    port.postMessage({ type: 'total', total } satisfies ReaderMessage);
    port.postMessage({ type: 'end' } satisfies ReaderMessage);
    return;
  }
  let credits = 0;
  let wake: (() => void) | undefined;
  port.on('message', (m) => { if (m === 'pull') { credits++; wake?.(); } });
  const { total, batches } = data.rowFile
    ? { total: data.rowCount ?? 0, batches: readRowFile(data.rowFile, data.batchRows) }
    : await (await SpreadsheetFile.open(data.filePath, data.format)).dataRows(data.sheet, data.batchRows);
  port.postMessage({ type: 'total', total } satisfies ReaderMessage);
  const prepare = preparer(data);
  for await (const rows of batches) {
    for (let start = 0; start < rows.length; start += CHUNK) {
      // Each row is serialised as soon as it is prepared; its cells travel beside it as one JSON string the
      // writer never parses (it stores them as they are, for the report).
      const parts: string[] = [];
      const cells: string[] = [];
      for (let i = start; i < Math.min(rows.length, start + CHUNK); i++) {
        const p: { cells?: unknown } = prepare(rows[i]!);
        cells.push(JSON.stringify(p.cells));
        p.cells = undefined;
        parts.push(JSON.stringify(p));
      }
      while (credits === 0) await new Promise<void>((resolve) => { wake = resolve; });
      credits--;
      port.postMessage({ type: 'batch', json: `[${parts.join(',')}]`, cells } satisfies ReaderMessage);
    }
  }
  port.postMessage({ type: 'end' } satisfies ReaderMessage);
}

function preparer(data: ReaderData): (row: SheetRow) => PreparedContactRow | PreparedBlockRow {
  if (data.kind === 'contacts') {
    const ctx = { mapping: data.mapping, headers: data.headers, region: data.region, agents: new Map(data.agents), extraTags: data.extraTags, defaultSource: data.defaultSource };
    return (row) => prepareContactRow(row, ctx);
  }
  const ctx = { mapping: data.mapping, headers: data.headers, region: data.region, defaultReason: data.defaultReason };
  return (row) => prepareBlockRow(row, ctx);
}

/**
 * In the writer thread: starts a reader thread and yields its prepared rows in chunks. Reading and preparing
 * (about half the work of a row) then runs on another core while this thread writes to the database.
 * A workbook is first converted to a row file by a thread of its own, which ends before the import
 * starts: SheetJS's memory is gone by the time the database cache fills.
 */
export async function startReader<T>(data: Omit<ReaderData, 'marker' | 'mode' | 'rowFile' | 'rowCount'>): Promise<{ total: number; batches: AsyncGenerator<T[]> }> {
  if (data.format === 'csv') return run<T>({ ...data, marker: 'dialer-import-reader', mode: 'prepare' }, batchHeapMb(data.batchRows));
  const rowFile = `${data.filePath}.rows`;
  try {
    const convert = await run<never>({ ...data, marker: 'dialer-import-reader', mode: 'convert', rowFile }, workbookHeapMb(statSync(data.filePath).size));
    for await (const _ of convert.batches) { /* convert sends none */ }
    const read = await run<T>({ ...data, marker: 'dialer-import-reader', mode: 'prepare', rowFile, rowCount: convert.total }, batchHeapMb(data.batchRows));
    return { total: read.total, batches: removingAfter(read.batches, rowFile) };
  } catch (err) {
    rmSync(rowFile, { force: true });
    throw err;
  }
}

async function* removingAfter<T>(batches: AsyncGenerator<T[]>, file: string): AsyncGenerator<T[]> {
  try {
    yield* batches;
  } finally {
    rmSync(file, { force: true });
  }
}

async function run<T>(data: ReaderData, heapMb: number): Promise<{ total: number; batches: AsyncGenerator<T[]> }> {
  const worker = new Worker(READER_FILE, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB } });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | undefined;
  const push = (m: ReaderMessage) => { queue.push(m); wake?.(); };
  worker.on('message', push);
  worker.on('error', (err) => push({ type: 'failed', error: err.message }));
  worker.on('exit', () => push({ type: 'failed', error: 'the import reader stopped' }));
  const next = async (): Promise<ReaderMessage> => {
    while (queue.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
    return queue.shift()!;
  };
  const first = await next();
  if (first.type !== 'total') {
    await worker.terminate();
    throw new Error(first.type === 'failed' ? first.error : 'the import reader did not start');
  }
  async function* batches(): AsyncGenerator<T[]> {
    try {
      for (let i = 0; i < Math.ceil((AHEAD * data.batchRows) / CHUNK); i++) worker.postMessage('pull');
      for (;;) {
        const m = await next();
        if (m.type === 'end') return;
        if (m.type === 'failed') throw new Error(m.error);
        if (m.type === 'batch') {
          worker.postMessage('pull');
          const rows = JSON.parse(m.json) as (T & { cellsJson?: string })[];
          rows.forEach((r, i) => { r.cellsJson = m.cells[i]; });
          yield rows;
        }
      }
    } finally {
      await worker.terminate();
    }
  }
  return { total: first.total, batches: batches() };
}
