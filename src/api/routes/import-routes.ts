import { z } from 'zod';
import { IMPORT_KINDS } from '../../domain/import-job';
import type { ImportService } from '../../services/import-service';
import { CSV_TYPE, importTemplate, XLSX_TYPE } from '../../services/import-templates';
import { saveUpload } from '../read-upload';
import { ANY_USER, STAFF, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { importJobDto, previewBody, rejectionDto, sheetPreviewDto, startImportBody, UPLOAD_TYPES, uploadQuery } from '../schemas/import-schemas';
import { pageQuery } from '../schemas/contact-schemas';
import { pagedOf } from '../schemas/pagination';
import { sendFile } from '../send-file';

export function importRoutes(imports: ImportService, maxFileBytes: number): RouteSpec[] {
  return [
    ...IMPORT_KINDS.flatMap((kind) => (['xlsx', 'csv'] as const).map((format) => defineRoute({
      method: 'get', path: `/api/import-templates/${kind}.${format}`, tag: 'imports', roles: ANY_USER,
      summary: `Download the ${kind} import template as .${format}${format === 'xlsx' ? ' (with an instructions sheet)' : ''}`,
      produces: format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
      handler: ({ res }) => { sendFile(res, importTemplate(kind, format)); },
    }))),
    defineRoute({
      method: 'post', path: '/api/imports', tag: 'imports', roles: STAFF, upload: UPLOAD_TYPES,
      summary: 'Upload a spreadsheet (.xlsx, .xls, .csv) as the raw body; answers with its sheets, a preview and a suggested column mapping',
      query: uploadQuery, response: z.object({ job: importJobDto, preview: sheetPreviewDto }),
      handler: async ({ actor, query, req }) => {
        imports.mustManage(actor);
        const dest = imports.newUploadPath();
        const bytes = await saveUpload(req, dest, maxFileBytes);
        return imports.register(actor, query.kind, query.filename, dest, bytes);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/imports', tag: 'imports', roles: STAFF, summary: 'Recent imports, newest first', response: z.object({ imports: z.array(importJobDto) }),
      handler: ({ actor }) => ({ imports: imports.list(actor) }),
    }),
    defineRoute({
      method: 'get', path: '/api/imports/:id', tag: 'imports', roles: STAFF, summary: 'An import: status, progress (rowsDone / rowsTotal) and counts',
      params: idParams, response: importJobDto,
      handler: ({ actor, params }) => imports.get(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/imports/:id/preview', tag: 'imports', roles: STAFF, status: 200,
      summary: 'Headers, first rows and suggested mapping of a chosen sheet (default: the first sheet with data)',
      params: idParams, body: previewBody, response: sheetPreviewDto,
      handler: ({ actor, params, body }) => imports.preview(actor, params.id, body?.sheet),
    }),
    defineRoute({
      method: 'post', path: '/api/imports/:id/start', tag: 'imports', roles: STAFF, status: 202,
      summary: 'Choose the sheet and map columns to fields, then run the import in the background',
      params: idParams, body: startImportBody, response: importJobDto,
      handler: ({ actor, params, body }) => imports.start(actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/imports/:id/rejections', tag: 'imports', roles: STAFF, summary: 'Rows not written, with row number and reason',
      params: idParams, query: pageQuery, response: pagedOf(rejectionDto),
      handler: ({ actor, params, query }) => ({ ...imports.rejections(actor, params.id, query.offset, query.limit), limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: 'get', path: '/api/imports/:id/rejected.xlsx', tag: 'imports', roles: STAFF, summary: 'Rows not written, with row number and reason, as .xlsx',
      params: idParams, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      handler: async ({ actor, params, res }) => { sendFile(res, await imports.rejectedReport(actor, params.id)); },
    }),
    defineRoute({
      method: 'delete', path: '/api/imports/:id', tag: 'imports', roles: STAFF, summary: 'Discard an import that is not running, with its file', params: idParams,
      handler: async ({ actor, params }) => { await imports.discard(actor, params.id); },
    }),
  ];
}
