import type { ImportKind, ImportJob, ImportRejection } from '../domain/import-job';
import type { ImportCell } from '../domain/import-mapping';
import { csvLine } from '../spreadsheet/csv-line';
import { writeXlsx } from '../spreadsheet/write-xlsx';
import { writeXlsxOffThread } from './write-xlsx-off-thread';

/** Column headers of the contact template and of contact exports (an export imports back as is). */
export const CONTACT_COLUMNS = ['Name', 'Phone', 'Phone 2', 'Phone 3', 'Email', 'Address', 'Birthday', 'Tags', 'Stage', 'Source', 'Timezone', 'Agent'];

const CONTACT_EXAMPLES: ImportCell[][] = [
  ['Nguyễn Văn An', '0912 345 678', '', '', 'an.nguyen@example.vn', '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội', '17/05/1990', 'vip, hà nội', 'new', 'facebook', '', ''],
  ['Trần Thị Bích', '+84 987.654.321', '024 3826 1234', '', '', 'Quận 1, TP. Hồ Chí Minh', '1985-12-01', '', 'contacted', 'website', '', ''],
];

const INSTRUCTIONS: ImportCell[][] = [
  ['Column', 'What to put in it'],
  ['Phone', 'Required. Any usual form: 0912 345 678, 84912345678, +84 912.345.678. Numbers without a country code are read as Vietnamese (setting phone.defaultRegion).'],
  ['Phone 2, Phone 3', 'Optional further numbers of the same person.'],
  ['Birthday', 'YYYY-MM-DD, DD/MM/YYYY or an Excel date.'],
  ['Tags', 'Separated by commas.'],
  ['Timezone', 'Optional IANA zone (Asia/Ho_Chi_Minh); by default it follows the country of the first phone.'],
  ['Agent', 'Optional username of the agent who owns the lead; empty: assigned round robin to agents who are ON.'],
  ['Other columns', 'Map them to custom fields when you start the import.'],
  ['Duplicates', 'A phone that appears twice in the file, or that a contact already has, is reported as duplicate and not imported twice.'],
];

const BLOCK_EXAMPLES: ImportCell[][] = [['0912 345 678', 'customer asked not to be called'], ['+84 24 3826 1234', '']];

export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
// A UTF-8 byte order mark makes Excel read Vietnamese text in a CSV correctly.
export const CSV_BOM = '\ufeff';

/** A downloadable, ready-to-fill import template with example rows. */
export function importTemplate(kind: ImportKind, format: 'xlsx' | 'csv'): DownloadFile {
  const header = kind === 'contacts' ? CONTACT_COLUMNS : ['Phone', 'Reason'];
  const examples = kind === 'contacts' ? CONTACT_EXAMPLES : BLOCK_EXAMPLES;
  const base = kind === 'contacts' ? 'contacts-template' : `${kind}-template`;
  if (format === 'csv') {
    return { fileName: `${base}.csv`, contentType: CSV_TYPE, body: Buffer.from(CSV_BOM + [header, ...examples].map(csvLine).join(''), 'utf8') };
  }
  const sheets = [{ name: kind === 'contacts' ? 'Contacts' : 'Numbers', rows: [header, ...examples], widths: header.map((h) => Math.max(12, h.length + 4)) }];
  if (kind === 'contacts') sheets.push({ name: 'Instructions', rows: INSTRUCTIONS, widths: [18, 110] });
  return { fileName: `${base}.xlsx`, contentType: XLSX_TYPE, body: writeXlsx(sheets) };
}

/** The rows an import did not write, with row number and reason, followed by their original cells. */
export async function rejectedRowsReport(job: ImportJob, rejections: readonly ImportRejection[]): Promise<DownloadFile> {
  const headers = job.options?.headers ?? [];
  const rows: ImportCell[][] = [['Row', 'Result', 'Reason', ...headers]];
  for (const r of rejections) rows.push([r.row, r.kind, r.reason, ...r.cells]);
  const listed = rejections.length;
  const notWritten = job.counts.rejected + job.counts.duplicate;
  if (notWritten > listed) rows.push([null, null, `${notWritten - listed} more rows were not written; the report keeps the first ${listed} (setting import.maxReportRows)`]);
  const summary: ImportCell[][] = [
    ['File', job.fileName], ['Status', job.status], ['Rows', job.rowsTotal], ['Imported', job.counts.imported], ['Updated', job.counts.updated],
    ['Duplicate', job.counts.duplicate], ['Rejected', job.counts.rejected], ['On DNC list or blacklist', job.counts.blockedHits], ['Error', job.error],
  ];
  // Up to import.maxReportRows rows: built off the main thread like the exports.
  const body = await writeXlsxOffThread([
    { name: 'Rejected rows', rows, widths: [8, 10, 60, ...headers.map(() => 18)] },
    { name: 'Summary', rows: summary, widths: [26, 40] },
  ]);
  return { fileName: `import-${job.id}-rejected.xlsx`, contentType: XLSX_TYPE, body };
}
