import type { ContactExportService } from '../../services/contact-export-service';
import { CSV_TYPE } from '../../services/import-templates';
import { defineRoute, type RouteSpec } from '../route';
import { contactFilterFields, contactSearchQuery } from '../schemas/contact-schemas';
import { fileFormatQuery } from '../schemas/import-schemas';
import { sendFile, startDownload } from '../send-file';
import { toContactQuery } from './contact-routes';

export function exportRoutes(exports: ContactExportService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/exports/contacts', tag: 'contacts', produces: 'application/octet-stream',
      summary: 'Export the contacts matching the search parameters: CSV (streamed, any size) or .xlsx (up to 100,000 rows)',
      query: fileFormatQuery.extend({ ...contactFilterFields, savedFilterId: contactSearchQuery.shape.savedFilterId }),
      handler: async ({ actor, query, res }) => {
        const filters = toContactQuery(query);
        if (query.format === 'xlsx') return sendFile(res, exports.xlsx(actor, filters));
        exports.checkAllowed(actor, filters);
        const download = startDownload(res, 'contacts.csv', CSV_TYPE);
        await exports.writeCsv(actor, filters, download);
        download.end();
      },
    }),
  ];
}
