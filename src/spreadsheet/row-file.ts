import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { SheetRow } from './spreadsheet-file';

/**
 * Rows kept on disk as JSON lines, `[rowNumber, cells]`: a workbook is converted to this once (SheetJS
 * holds a whole workbook in memory; the thread doing that ends and gives its memory back), then read
 * as a stream like a CSV. Cell types survive (a number stays a number, e.g. an Excel date serial).
 */
export async function writeRowFile(path: string, batches: Iterable<SheetRow[]> | AsyncIterable<SheetRow[]>): Promise<number> {
  const out = createWriteStream(path);
  let count = 0;
  for await (const rows of batches) {
    const text = rows.map((r) => JSON.stringify([r.number, r.cells])).join('\n') + '\n';
    count += rows.length;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return count;
}

export async function* readRowFile(path: string, batchSize: number): AsyncGenerator<SheetRow[]> {
  let pending = '';
  let batch: SheetRow[] = [];
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) {
    const lines = (pending + (chunk as string)).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === '') continue;
      const [number, cells] = JSON.parse(line) as [number, SheetRow['cells']];
      batch.push({ number, cells });
      if (batch.length >= batchSize) { yield batch; batch = []; }
    }
  }
  if (pending !== '') {
    const [number, cells] = JSON.parse(pending) as [number, SheetRow['cells']];
    batch.push({ number, cells });
  }
  if (batch.length) yield batch;
}
