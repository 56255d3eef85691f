import type { ImportCell } from '../../domain/import-mapping';
import { DialerError } from '../../errors';
import { XLSX_EXPORT_MAX_ROWS, yieldToEvents } from '../../services/contact-export-service';
import { customerResultCells, customerResultsHeader } from '../../services/customer-results/customer-results-export';
import type { CustomerResultsService } from '../../services/customer-results/customer-results-service';
import { CSV_BOM, CSV_TYPE, XLSX_TYPE } from '../../services/import-templates';
import { writeXlsxOffThread } from '../../services/write-xlsx-off-thread';
import { csvLine } from '../../spreadsheet/csv-line';
import { STAFF, defineRoute, type RouteSpec } from '../route';
import {
  customerHistoryDto, customerResultsExportQuery, customerResultsPageDto, customerResultsQuery, entryParams,
} from '../schemas/customer-results-schemas';
import { sendFile, startDownload } from '../send-file';

const WHO = 'owners see every campaign, admins those they created or manage (403 for another); agents have their own performance and call log instead';

/** The customer results of a campaign, one contact's history, and the export (issue 14 item 2). */
export function customerResultsRoutes(results: CustomerResultsService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reports/customers', tag: 'reports', roles: STAFF, query: customerResultsQuery, response: customerResultsPageDto,
      summary: `One row per contact of a campaign with its status, attempts, last call, disposition, callback, agent and script answers as columns: ${WHO}`,
      handler: ({ actor, query }) => {
        const { limit, offset, ...q } = query;
        return results.page(actor, q, limit, offset);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/reports/customers/export', tag: 'reports', roles: STAFF, query: customerResultsExportQuery,
      produces: 'application/octet-stream',
      summary: `The filtered customer results as CSV (streamed) or .xlsx (built off the main thread, up to ${XLSX_EXPORT_MAX_ROWS} rows), headers in the user's language; cells never carry formulas`,
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const lang = actor.user.language;
        const plan = results.plan(actor, q);
        const header = customerResultsHeader(lang, plan.columns);
        const name = `customers-campaign-${q.campaignId}`;
        if (format === 'xlsx') {
          const rows: ImportCell[][] = [header];
          for await (const batch of results.exportBatches(plan)) {
            if (rows.length - 1 + batch.length > XLSX_EXPORT_MAX_ROWS) {
              throw new DialerError('E_EXPORT_TOO_LARGE', `more than ${XLSX_EXPORT_MAX_ROWS} contacts match: export them as CSV or narrow the filter`);
            }
            for (const r of batch) rows.push(customerResultCells(r, lang, plan.columns));
            await yieldToEvents();
          }
          const body = await writeXlsxOffThread([{ name: 'Customers', rows }]);
          return sendFile(res, { fileName: `${name}.xlsx`, contentType: XLSX_TYPE, body });
        }
        const download = startDownload(res, `${name}.csv`, CSV_TYPE);
        await download.write(CSV_BOM + csvLine(header));
        for await (const batch of results.exportBatches(plan)) {
          await download.write(batch.map((r) => csvLine(customerResultCells(r, lang, plan.columns))).join(''));
          await yieldToEvents();
        }
        download.end();
      },
    }),
    defineRoute({
      method: 'get', path: '/api/reports/customers/:entryId/history', tag: 'reports', roles: STAFF, params: entryParams, response: customerHistoryDto,
      summary: `Every attempt and call of one contact in its campaign (times, outcome, agent, disposition, answers, recording): ${WHO}`,
      handler: ({ actor, params }) => results.history(actor, params.entryId),
    }),
  ];
}
