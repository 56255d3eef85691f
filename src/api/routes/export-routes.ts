import { z } from 'zod';
import type { ContactExportService } from '../../services/contact-export-service';
import { CSV_TYPE } from '../../services/import-templates';
import { STAFF, defineRoute, type RouteSpec } from '../route';
import { filterBody } from '../schemas/contact-schemas';
import { sendFile, startDownload } from '../send-file';
import { toContactQuery } from './contact-routes';

export const exportBody = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  filter: filterBody.optional().describe('The contact search filter; none exports every contact'),
  savedFilterId: z.number().int().positive().optional().describe('Start from a saved filter; `filter` refines it'),
}).strict();

export function exportRoutes(exporter: ContactExportService): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/api/exports/contacts', tag: 'contacts', roles: STAFF, produces: 'application/octet-stream', status: 200, body: exportBody,
      summary: 'Download the contacts matching a filter: CSV (streamed, any size) or .xlsx (up to 100,000 rows), in the import template\'s columns',
      handler: async ({ actor, body, res }) => {
        const filters = toContactQuery({ ...(body.filter ?? {}), savedFilterId: body.savedFilterId });
        if (body.format === 'xlsx') return sendFile(res, await exporter.xlsx(actor, filters));
        exporter.checkAllowed(actor, filters);
        const download = startDownload(res, 'contacts.csv', CSV_TYPE);
        await exporter.writeCsv(actor, filters, download);
        download.end();
      },
    }),
  ];
}
