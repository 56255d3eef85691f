import { campaignOverviewSections, overviewCsvRows } from '../../services/campaign-overview/campaign-overview-export';
import type { CampaignOverviewService } from '../../services/campaign-overview/campaign-overview-service';
import { XLSX_TYPE } from '../../services/import-templates';
import { writeXlsxOffThread } from '../../services/write-xlsx-off-thread';
import { defineRoute, STAFF, type RouteSpec } from '../route';
import { campaignOverviewDto, campaignOverviewExportQuery, campaignOverviewQuery } from '../schemas/campaign-overview-schemas';
import { sendCsvRows, sendFile } from '../send-file';

/** The campaign overview report and its export: owners see every campaign, admins those they created or manage. */
export function campaignOverviewRoutes(overview: CampaignOverviewService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reports/overview', tag: 'reports', roles: STAFF, query: campaignOverviewQuery, response: campaignOverviewDto,
      summary: 'Overview of one, several or all visible campaigns over local days: list by status, calls and outcomes, rates, times, '
        + 'dispositions, calls by day and hour, quota per agent, IVR answers, dial level; a campaign the user may not see is 403',
      handler: ({ actor, query }) => overview.report(actor, query),
    }),
    defineRoute({
      method: 'get', path: '/api/reports/overview/export', tag: 'reports', roles: STAFF, query: campaignOverviewExportQuery,
      produces: 'application/octet-stream',
      summary: 'The same report as CSV (streamed, one table after another) or .xlsx (a sheet per table, built off the main thread), '
        + 'headers in the user\'s language; cells never carry formulas',
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const sections = campaignOverviewSections(overview.report(actor, q), actor.user.language);
        const name = `campaign-overview-${q.from}-${q.to}`;
        if (format === 'xlsx') {
          const body = await writeXlsxOffThread(sections.map((s) => ({ name: s.title, rows: s.rows })));
          return sendFile(res, { fileName: `${name}.xlsx`, contentType: XLSX_TYPE, body });
        }
        const rows = overviewCsvRows(sections);
        await sendCsvRows(res, `${name}.csv`, rows);
      },
    }),
  ];
}
