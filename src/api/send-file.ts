import type { Response } from 'express';
import type { ImportCell } from '../domain/import-mapping';
import { CSV_BOM, CSV_TYPE } from '../services/import-templates';
import { csvLine } from '../spreadsheet/csv-line';

export interface FileBody {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const disposition = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

/** Answers with a whole file as a download. */
export function sendFile(res: Response, file: FileBody): void {
  res.status(200).setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', disposition(file.fileName));
  res.end(file.body);
}

/** Starts a streamed download; `write` waits while the client is slow and fails once it has gone. */
export function startDownload(res: Response, fileName: string, contentType: string): { write(chunk: string): Promise<void>; end(): void } {
  res.status(200).setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', disposition(fileName));
  return {
    write: (chunk) => new Promise((resolve, reject) => {
      if (res.destroyed) return reject(new Error('the client closed the download'));
      if (res.write(chunk)) return resolve();
      const onDrain = () => { res.off('close', onClose); resolve(); };
      const onClose = () => { res.off('drain', onDrain); reject(new Error('the client closed the download')); };
      res.once('drain', onDrain);
      res.once('close', onClose);
    }),
    end: () => res.end(),
  };
}

const CSV_CHUNK = 500;

/** Streams rows already in memory as a CSV download (BOM first, so spreadsheets read UTF-8), a chunk at a time. */
export async function sendCsvRows(res: Response, fileName: string, rows: readonly (readonly ImportCell[])[]): Promise<void> {
  const download = startDownload(res, fileName, CSV_TYPE);
  await download.write(CSV_BOM);
  for (let i = 0; i < rows.length; i += CSV_CHUNK) await download.write(rows.slice(i, i + CSV_CHUNK).map(csvLine).join(''));
  download.end();
}
