import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DialerError } from '../errors';
import { readSheetHead } from '../spreadsheet/read-sheet-head';
import type { SheetHeadRequest } from './read-sheet-head-off-thread';

// Runs only when started for a preview (see readSheetHeadOffThread); importing this file elsewhere does nothing.
if (!isMainThread && parentPort && (workerData as SheetHeadRequest | undefined)?.marker === 'dialer-sheet-head') {
  const port = parentPort;
  const r = workerData as SheetHeadRequest;
  readSheetHead(r.path, r.format, r.sheet, r.limit).then(
    (head) => port.postMessage({ ok: true, head }),
    (err: unknown) => port.postMessage(err instanceof DialerError
      ? { ok: false, code: err.code, message: err.message, field: err.field }
      : { ok: false, code: 'E_IMPORT_NOT_SPREADSHEET', message: 'the file could not be read as a spreadsheet', field: 'body' }),
  );
}
