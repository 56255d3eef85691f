import { DialerError } from '../errors';

/** Limits on what an .xlsx (a zip) may unpack to before SheetJS is allowed to inflate it in memory. */
export interface InflationLimits {
  maxInflatedBytes: number;
  /** Unpacked ÷ packed; only judged once the unpacked size is past `ratioFromBytes` (small files compress well too). */
  maxRatio: number;
  ratioFromBytes: number;
}

export const XLSX_INFLATION_LIMITS: InflationLimits = { maxInflatedBytes: 256 * 1024 * 1024, maxRatio: 150, ratioFromBytes: 32 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Sum of the unpacked sizes the zip's central directory declares; undefined when it is not a readable zip. */
export function declaredInflatedBytes(buf: Buffer): number | undefined {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) return undefined;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return undefined;
    const size = buf.readUInt32LE(at + 24);
    // Zip64 keeps the real size elsewhere; no spreadsheet we accept needs an entry of 4 GiB.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}

/** Refuses a zip bomb (a small file that unpacks to gigabytes) with 413 before anything is inflated. */
export function checkZipInflation(buf: Buffer, limits: InflationLimits = XLSX_INFLATION_LIMITS): void {
  const inflated = declaredInflatedBytes(buf);
  if (inflated === undefined) return; // not a zip we can read: SheetJS reports that itself
  const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
  if (inflated > limits.maxInflatedBytes) {
    throw new DialerError('E_IMPORT_INFLATED', `the workbook unpacks to ${Number.isFinite(inflated) ? mib(inflated) : 'more than 4 GiB'}, more than the ${mib(limits.maxInflatedBytes)} accepted; split it or save it as CSV`, 'body');
  }
  if (inflated > limits.ratioFromBytes && inflated / buf.length > limits.maxRatio) {
    throw new DialerError('E_IMPORT_INFLATED', `the workbook unpacks to ${Math.round(inflated / buf.length)} times its size, which no real spreadsheet does`, 'body');
  }
}
