import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DialerError } from '../errors';
import type { SheetData } from '../spreadsheet/write-xlsx';

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
  const answer = await new Promise<Answer>((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { marker: 'dialer-xlsx-writer', sheets } satisfies XlsxWriteRequest,
      resourceLimits: { maxOldGenerationSizeMb: xlsxHeapMb(cells) },
    });
    worker.once('message', (m: Answer) => { resolve(m); void worker.terminate(); });
    worker.once('error', (err) => reject(new DialerError('E_EXPORT_TOO_LARGE', `the workbook could not be built (${err.message}): export CSV instead`)));
    worker.once('exit', (code) => reject(new Error(`the workbook writer stopped (exit code ${code})`)));
  });
  if (!answer.ok) throw new Error(`the workbook could not be built: ${answer.message}`);
  return Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
}
