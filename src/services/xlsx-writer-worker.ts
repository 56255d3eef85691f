import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { writeXlsx } from '../spreadsheet/write-xlsx';
import type { XlsxWriteRequest } from './write-xlsx-off-thread';

// Runs only when started to write a workbook (see writeXlsxOffThread); importing this file elsewhere does nothing.
if (!isMainThread && parentPort && (workerData as XlsxWriteRequest | undefined)?.marker === 'dialer-xlsx-writer') {
  try {
    // Copied, not transferred: a small Buffer may sit in Node's shared pool, which cannot be transferred.
    parentPort.postMessage({ ok: true, body: writeXlsx((workerData as XlsxWriteRequest).sheets) });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
}
