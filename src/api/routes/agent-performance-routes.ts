import type { AgentPerformanceService } from '../../services/agent-performance/agent-performance-service';
import { agentPerformanceRows } from '../../services/agent-performance/agent-performance-export';
import { XLSX_TYPE } from '../../services/import-templates';
import { writeXlsxOffThread } from '../../services/write-xlsx-off-thread';
import { ANY_USER, defineRoute, type RouteSpec } from '../route';
import { agentPerformanceDto, agentPerformanceExportQuery, agentPerformanceQuery } from '../schemas/agent-performance-schemas';
import { sendCsvRows, sendFile } from '../send-file';

/** The agent performance report and its export; agents get their own ("my performance"). */
export function agentPerformanceRoutes(perf: AgentPerformanceService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reports/agent-performance', tag: 'reports', roles: ANY_USER, query: agentPerformanceQuery, response: agentPerformanceDto,
      summary: 'Agent performance per agent and local day, with totals: owners see all, admins the agents of campaigns they created or '
        + 'manage, agents only themselves; a campaign the user may not see is 403',
      handler: ({ actor, query }) => perf.report(actor, query),
    }),
    defineRoute({
      method: 'get', path: '/api/reports/agent-performance/export', tag: 'reports', roles: ANY_USER, query: agentPerformanceExportQuery,
      produces: 'application/octet-stream',
      summary: 'The same report as CSV (streamed) or .xlsx (built off the main thread), headers in the user\'s language; cells never carry formulas',
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const rows = agentPerformanceRows(perf.report(actor, q), actor.user.language);
        const name = `agent-performance-${q.from}-${q.to}`;
        if (format === 'xlsx') {
          const body = await writeXlsxOffThread([{ name: 'Agent performance', rows }]);
          return sendFile(res, { fileName: `${name}.xlsx`, contentType: XLSX_TYPE, body });
        }
        await sendCsvRows(res, `${name}.csv`, rows);
      },
    }),
  ];
}
