import path from 'node:path';
import { DialerError } from '../errors';
import type { SheetData } from '../spreadsheet/write-xlsx';
import { oneAnswerFromWorker } from './one-shot-worker';

export interface XlsxWriteRequest {
  marker: 'dialer-xlsx-writer';
  sheets: readonly SheetData[];
}

type Answer = { ok: true; body: Uint8Array } | { ok: false; message: string };

const WORKER_FILE = path.join(__dirname, 'xlsx-writer-worker.js');

/** Heap for building a workbook of `cells` cells in memory (SheetJS keeps every cell as an object, then zips). */
export function xlsxHeapMb(cells: number): number {
  return Math.min(2048, Math.ceil(96 + cells * 0.0004));
}

/**
 * An .xlsx file built in a short-lived worker thread. SheetJS builds a 100,000-row workbook for seconds on
 * end: on the main thread that would hold up every call event meanwhile. The rows go to the worker and the
 * file comes back as copies (tens of MB at most, milliseconds).
 */
export async function writeXlsxOffThread(sheets: readonly SheetData[]): Promise<Buffer> {
  const cells = sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
  const request: XlsxWriteRequest = { marker: 'dialer-xlsx-writer', sheets };
  const answer = await oneAnswerFromWorker<Answer>(WORKER_FILE, request, xlsxHeapMb(cells), 'the workbook writer',
    (err) => new DialerError('E_EXPORT_TOO_LARGE', `the workbook could not be built (${err.message}): export CSV instead`));
  if (!answer.ok) throw new Error(`the workbook could not be built: ${answer.message}`);
  return Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
}
