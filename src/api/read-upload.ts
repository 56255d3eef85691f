import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Request } from 'express';
import { DialerError } from '../errors';

const tooLarge = (max: number) => new DialerError('E_PAYLOAD_TOO_LARGE', `the file is larger than ${max} bytes (setting import.maxFileBytes)`, 'body');

/**
 * Streams a raw request body to a file, at most `maxBytes` (checked against Content-Length first, then
 * while reading). On refusal the rest of the body is drained so the client still receives the 413.
 */
export function saveUpload(req: Request, dest: string, maxBytes: number): Promise<number> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const out = createWriteStream(dest);
    let bytes = 0;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      out.destroy();
      req.resume();
      rm(dest, { force: true }).finally(() => reject(err));
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(tooLarge(maxBytes));
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => { if (!failed) out.end(() => resolve(bytes)); });
    req.on('error', fail);
    out.on('error', fail);
  });
}
