import { statSync } from 'node:fs';
import path from 'node:path';
import { DialerError, type ErrorCode } from '../errors';
import { readSheetHead, type SheetHead } from '../spreadsheet/read-sheet-head';
import type { SpreadsheetFormat } from '../spreadsheet/sniff-format';
import { workbookHeapMb } from './import-reader';
import { oneAnswerFromWorker } from './one-shot-worker';

export interface SheetHeadRequest {
  marker: 'dialer-sheet-head';
  path: string;
  format: SpreadsheetFormat;
  sheet: string | undefined;
  limit: number;
}

type Answer = { ok: true; head: SheetHead } | { ok: false; code: ErrorCode; message: string; field?: string };

const WORKER_FILE = path.join(__dirname, 'sheet-head-worker.js');

/**
 * The head of a sheet without blocking the event loop: a CSV is read in place (one chunk); a workbook is
 * parsed by SheetJS in a short-lived worker thread, which takes the parse's seconds and memory with it.
 */
export async function readSheetHeadOffThread(file: string, format: SpreadsheetFormat, sheet: string | undefined, limit: number): Promise<SheetHead> {
  if (format === 'csv') return readSheetHead(file, format, sheet, limit);
  const request: SheetHeadRequest = { marker: 'dialer-sheet-head', path: file, format, sheet, limit };
  const answer = await oneAnswerFromWorker<Answer>(WORKER_FILE, request, workbookHeapMb(statSync(file).size), 'the preview');
  if (!answer.ok) throw new DialerError(answer.code, answer.message, answer.field);
  return answer.head;
}
