import { statSync } from 'node:fs';
import path from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { ImportKind } from '../domain/import-job';
import type { ColumnMapping } from '../domain/import-mapping';
import { prepareBlockRow, prepareContactRow, type PreparedBlockRow, type PreparedContactRow } from '../domain/prepare-import-row';
import type { UserId } from '../domain/roles';
import type { SpreadsheetFormat } from '../spreadsheet/sniff-format';
import { SpreadsheetFile, type SheetRow } from '../spreadsheet/spreadsheet-file';

/** What the reader thread needs: the file, and everything preparing a row needs (no database). */
export interface ReaderData {
  marker: 'dialer-import-reader';
  filePath: string;
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

type ReaderMessage = { type: 'total'; total: number } | { type: 'batch'; json: string } | { type: 'end' } | { type: 'failed'; error: string };

const READER_FILE = path.join(__dirname, 'import-reader-worker.js');

/** Young generation of the import threads: small, so short-lived row objects do not pile up before a scavenge. */
export const YOUNG_MB = 32;

/**
 * The reader's heap limit. Without one V8 lets a worker's heap grow lazily far past what it holds; with
 * one it collects sooner. A CSV is streamed (little is live); a workbook is held whole by SheetJS, about
 * 15 bytes of heap per byte of .xlsx file at the peak of parsing.
 */
export function heapLimitMb(format: SpreadsheetFormat, fileBytes: number): number {
  if (format === 'csv') return 96;
  return Math.min(4096, Math.max(160, Math.ceil(96 + (fileBytes / 1e6) * 15)));
}
/** Prepared batches the reader may run ahead of the writer: memory stays at a few batches. */
const AHEAD = 2;

/**
 * In the reader thread: reads the file, prepares every row (mapping, E.164, checks — pure, no database)
 * and hands batches over as JSON, never more than AHEAD ahead of what the writer has asked for.
 */
export async function readAndPrepare(data: ReaderData, port: MessagePort): Promise<void> {
  let credits = 0;
  let wake: (() => void) | undefined;
  port.on('message', (m) => { if (m === 'pull') { credits++; wake?.(); } });
  const file = await SpreadsheetFile.open(data.filePath, data.format);
  const { total, batches } = await file.dataRows(data.sheet, data.batchRows);
  port.postMessage({ type: 'total', total } satisfies ReaderMessage);
  const prepare = preparer(data);
  for await (const rows of batches) {
    // Each row is serialised as soon as it is prepared (its objects die young, which keeps the collector cheap).
    // Its cells travel as one JSON string the writer never parses: it stores them as they are, for the report.
    const parts: string[] = [];
    for (const r of rows) {
      const p: { cells?: unknown; cellsJson?: string } = prepare(r);
      p.cellsJson = JSON.stringify(p.cells);
      p.cells = undefined;
      parts.push(JSON.stringify(p));
    }
    const json = `[${parts.join(',')}]`;
    while (credits === 0) await new Promise<void>((resolve) => { wake = resolve; });
    credits--;
    port.postMessage({ type: 'batch', json } satisfies ReaderMessage);
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
 * In the writer thread: starts a reader thread and yields its prepared batches. Reading and preparing
 * (about half the work of a row) then runs on another core while this thread writes to the database.
 */
export async function startReader<T>(data: Omit<ReaderData, 'marker'>): Promise<{ total: number; batches: AsyncGenerator<T[]> }> {
  const worker = new Worker(READER_FILE, {
    workerData: { ...data, marker: 'dialer-import-reader' } satisfies ReaderData,
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb(data.format, statSync(data.filePath).size), maxYoungGenerationSizeMb: YOUNG_MB },
  });
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
      for (let i = 0; i < AHEAD; i++) worker.postMessage('pull');
      for (;;) {
        const m = await next();
        if (m.type === 'end') return;
        if (m.type === 'failed') throw new Error(m.error);
        if (m.type === 'batch') {
          worker.postMessage('pull');
          yield JSON.parse(m.json) as T[];
        }
      }
    } finally {
      await worker.terminate();
    }
  }
  return { total: first.total, batches: batches() };
}
