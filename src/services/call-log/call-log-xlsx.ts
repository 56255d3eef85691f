import type { ImportCell } from '../../domain/import-mapping';
import { DialerError } from '../../errors';
import { XLSX_EXPORT_MAX_ROWS, yieldToEvents } from '../contact-export-service';
import { writeXlsxOffThread } from '../write-xlsx-off-thread';
import { callLogCells, callLogHeader } from './call-log-export';
import type { CallLogPlan, CallLogService } from './call-log-service';

/**
 * The .xlsx of a checked call-log export: the calls read a thousand at a time (yielding to other events between
 * batches), then the workbook built in the worker thread. More than XLSX_EXPORT_MAX_ROWS calls is E_EXPORT_TOO_LARGE.
 * What `GET /api/reports/calls/export?format=xlsx` sends, and what `npm run bench:reports` times.
 */
export async function callLogXlsx(log: CallLogService, plan: CallLogPlan, lang: 'en' | 'vi'): Promise<{ body: Buffer; rows: number }> {
  const rows: ImportCell[][] = [callLogHeader(lang)];
  for await (const batch of log.exportBatches(plan)) {
    if (rows.length - 1 + batch.length > XLSX_EXPORT_MAX_ROWS) {
      throw new DialerError('E_EXPORT_TOO_LARGE', `more than ${XLSX_EXPORT_MAX_ROWS} calls match: export them as CSV or narrow the filter`);
    }
    for (const e of batch) rows.push(callLogCells(e, lang));
    await yieldToEvents();
  }
  return { body: await writeXlsxOffThread([{ name: 'Calls', rows }]), rows: rows.length - 1 };
}
