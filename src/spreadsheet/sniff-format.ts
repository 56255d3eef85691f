import { DialerError } from '../errors';

export const SPREADSHEET_FORMATS = ['csv', 'xlsx', 'xls'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (head: Buffer, magic: number[]) => magic.every((b, i) => head[i] === b);

/**
 * What a file really is, from its first bytes (the name may lie): a zip is .xlsx, an OLE2 compound
 * file is .xls, an HTML or XML table (what many systems export as ".xls") is read like .xls, and any
 * other text is CSV. Binary that is none of these is refused.
 */
export function sniffFormat(head: Buffer): SpreadsheetFormat {
  if (head.length === 0) throw new DialerError('E_IMPORT_EMPTY', 'the file is empty', 'body');
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) return 'xls';
  if (head[0] === 0xff && head[1] === 0xfe) return 'csv'; // UTF-16 LE text
  if (head[0] === 0xfe && head[1] === 0xff) return 'csv'; // UTF-16 BE text
  const printable = head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x1a);
  if (!printable) throw new DialerError('E_IMPORT_NOT_SPREADSHEET', 'the file is not a spreadsheet (.xlsx, .xls or .csv)', 'body');
  const text = head.toString('utf8').replace(/^\ufeff/, '').trimStart().slice(0, 200).toLowerCase();
  if (text.startsWith('<')) {
    if (/^<(\?xml|!doctype html|html|table)/.test(text)) return 'xls';
    throw new DialerError('E_IMPORT_NOT_SPREADSHEET', 'the file is markup, not a spreadsheet', 'body');
  }
  if (text.startsWith('%pdf') || text.startsWith('{\\rtf')) throw new DialerError('E_IMPORT_NOT_SPREADSHEET', 'the file is a document, not a spreadsheet', 'body');
  return 'csv';
}
