import { callLogCells, callLogHeader } from '../../services/call-log/call-log-export';
import type { CallLogService } from '../../services/call-log/call-log-service';
import { callLogXlsx } from '../../services/call-log/call-log-xlsx';
import { XLSX_EXPORT_MAX_ROWS, yieldToEvents } from '../../services/contact-export-service';
import { CSV_BOM, CSV_TYPE, XLSX_TYPE } from '../../services/import-templates';
import { DialerError } from '../../errors';
import { csvLine } from '../../spreadsheet/csv-line';
import { ANY_USER, defineRoute, type RouteSpec } from '../route';
import { callLogExportQuery, callLogPageDto, callLogQuery, callStatsDto, callStatsQuery, recordingQuery } from '../schemas/call-log-schemas';
import { idParams } from '../schemas/common';
import { sendFile, startDownload } from '../send-file';

const WHO = 'owners see every call, admins the calls of campaigns they created or manage, agents only their own; a campaign the user may not see is 403';

/** The call log, its statistics, its export and the recordings (issue 14 item 4). */
export function callLogRoutes(log: CallLogService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reports/calls', tag: 'reports', roles: ANY_USER, query: callLogQuery, response: callLogPageDto,
      summary: `The call log, newest first, filtered by range, campaign, agent, outcome, cause and number: ${WHO}`,
      handler: ({ actor, query }) => {
        const { limit, offset, page, ...q } = query;
        if (page !== undefined && offset !== undefined) throw new DialerError('E_VALIDATION', 'give page or offset, not both', 'page');
        return log.page(actor, q, limit, offset ?? ((page ?? 1) - 1) * limit);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/reports/calls/stats', tag: 'reports', roles: ANY_USER, query: callStatsQuery, response: callStatsDto,
      summary: 'Answer rate by local hour, a talk-time histogram and hangup causes (Q.850 names) of the calls the same filters select',
      handler: ({ actor, query }) => log.stats(actor, query),
    }),
    defineRoute({
      method: 'get', path: '/api/reports/calls/export', tag: 'reports', roles: ANY_USER, query: callLogExportQuery, produces: 'application/octet-stream',
      summary: `The filtered call log as CSV (streamed) or .xlsx (built off the main thread, up to ${XLSX_EXPORT_MAX_ROWS} calls), headers in the user's language; cells never carry formulas`,
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const lang = actor.user.language;
        const plan = log.planExport(actor, q);
        const name = `calls-${q.from}-${q.to}`;
        if (format === 'xlsx') {
          const { body } = await callLogXlsx(log, plan, lang);
          return sendFile(res, { fileName: `${name}.xlsx`, contentType: XLSX_TYPE, body });
        }
        const download = startDownload(res, `${name}.csv`, CSV_TYPE);
        await download.write(CSV_BOM + csvLine(callLogHeader(lang)));
        for await (const batch of log.exportBatches(plan)) {
          await download.write(batch.map((e) => csvLine(callLogCells(e, lang))).join(''));
          await yieldToEvents();
        }
        download.end();
      },
    }),
    defineRoute({
      method: 'get', path: '/api/reports/calls/:id/recording', tag: 'reports', roles: ANY_USER, params: idParams, query: recordingQuery,
      produces: 'audio/wav',
      summary: 'The recording of a call (WAV, byte ranges for seeking), for whoever may see the call; 404 when it was not recorded or the file is gone',
      handler: async ({ actor, params, query, res, log: logger }) => {
        const file = await log.recording(actor, Number(params.id));
        logger.info('call recording served', { callId: Number(params.id), userId: actor.id, download: query.download === '1' });
        await new Promise<void>((resolve, reject) => {
          res.sendFile(file.path, {
            dotfiles: 'deny', lastModified: true,
            headers: {
              'Content-Type': 'audio/wav', 'Cache-Control': 'private, no-store',
              'Content-Disposition': `${query.download === '1' ? 'attachment' : 'inline'}; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
            },
          }, (err) => (err && !res.headersSent ? reject(new DialerError('E_RECORDING_GONE', `the recording of call ${params.id} could not be read`)) : resolve()));
        });
      },
    }),
  ];
}
