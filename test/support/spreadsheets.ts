import * as XLSX from '@e965/xlsx';
import type { TestApp } from './test-app';

export type Cells = (string | number | boolean | null)[];

/** A workbook made with SheetJS, as Excel would save it. */
export function workbook(sheets: Record<string, Cells[]>, bookType: 'xlsx' | 'xls' = 'xlsx'): Buffer {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(book, { type: 'buffer', bookType }) as Buffer;
}

/** Reads the first (or the named) sheet of a downloaded workbook as rows of values. */
export function readSheet(buf: Buffer, sheet?: string): Cells[] {
  const book = XLSX.read(buf, { type: 'buffer' });
  const ws = book.Sheets[sheet ?? book.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<Cells>(ws, { header: 1, defval: null, raw: true });
}

export function csv(rows: Cells[], delimiter = ','): string {
  const field = (c: Cells[number]) => {
    const s = c === null ? '' : String(c);
    return /[",;\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n';
}

/** Uploads raw bytes the way the web page does. */
export async function upload(app: TestApp, token: string, body: Buffer | string, query = 'filename=list.xlsx', contentType = 'application/octet-stream') {
  const res = await fetch(`${app.url}/api/imports?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** GETs a file, or POSTs `json` and reads the file answered. */
export async function download(app: TestApp, token: string, path: string, json?: object): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(app.url + path, json === undefined
    ? { headers: { authorization: `Bearer ${token}` } }
    : { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

/** Uploads, starts with the given options, waits for the background job and returns its final state. */
export async function importFile(app: TestApp, token: string, body: Buffer | string, start: object = {}, query?: string) {
  const up = await upload(app, token, body, query);
  if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${JSON.stringify(up.body)}`);
  const started = await app.request('POST', `/api/imports/${up.body.job.id}/start`, { token, body: start });
  if (started.status !== 202) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
  await app.services.crm.imports.waitFor(up.body.job.id);
  return (await app.request('GET', `/api/imports/${up.body.job.id}`, { token })).body;
}
