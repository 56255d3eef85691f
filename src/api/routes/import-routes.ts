import { z } from 'zod';
import type { ImportService } from '../../services/import-service';
import { importTemplate } from '../../services/import-templates';
import { saveUpload } from '../read-upload';
import { defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { fileFormatQuery, importJobDto, rejectionDto, sheetPreviewDto, startImportBody, templateParams, UPLOAD_TYPES, uploadQuery } from '../schemas/import-schemas';
import { pageQuery } from '../schemas/contact-schemas';
import { sendFile } from '../send-file';

export function importRoutes(imports: ImportService, maxFileBytes: number): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/import-templates/:kind', tag: 'imports', summary: 'Download an import template (.xlsx with instructions, or .csv)',
      params: templateParams, query: fileFormatQuery, produces: 'application/octet-stream',
      handler: ({ params, query, res }) => { sendFile(res, importTemplate(params.kind, query.format)); },
    }),
    defineRoute({
      method: 'post', path: '/api/imports', tag: 'imports', upload: UPLOAD_TYPES,
      summary: 'Upload a spreadsheet (.xlsx, .xls, .csv) as the raw body; answers with its sheets, a preview and a suggested column mapping',
      query: uploadQuery, response: z.object({ job: importJobDto, preview: sheetPreviewDto }),
      handler: async ({ actor, query, req }) => {
        const dest = imports.newUploadPath();
        const bytes = await saveUpload(req, dest, maxFileBytes);
        return imports.register(actor, query.kind, query.filename, dest, bytes);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/imports', tag: 'imports', summary: 'Recent imports, newest first', response: z.object({ imports: z.array(importJobDto) }),
      handler: ({ actor }) => ({ imports: imports.list(actor) }),
    }),
    defineRoute({
      method: 'get', path: '/api/imports/:id', tag: 'imports', summary: 'An import: status, progress (rowsDone / rowsTotal) and counts',
      params: idParams, response: importJobDto,
      handler: ({ actor, params }) => imports.get(actor, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/imports/:id/preview', tag: 'imports', summary: 'Headers, first rows and suggested mapping of a chosen sheet',
      params: idParams, query: z.object({ sheet: z.string().max(200).optional() }), response: sheetPreviewDto,
      handler: ({ actor, params, query }) => imports.preview(actor, params.id, query.sheet),
    }),
    defineRoute({
      method: 'post', path: '/api/imports/:id/start', tag: 'imports', status: 202,
      summary: 'Choose the sheet and map columns to fields, then run the import in the background',
      params: idParams, body: startImportBody, response: importJobDto,
      handler: ({ actor, params, body }) => imports.start(actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/imports/:id/rejections', tag: 'imports', summary: 'Rows not written, with row number and reason',
      params: idParams, query: pageQuery, response: z.object({ rejections: z.array(rejectionDto) }),
      handler: ({ actor, params, query }) => ({ rejections: imports.rejections(actor, params.id, query.page, query.pageSize) }),
    }),
    defineRoute({
      method: 'get', path: '/api/imports/:id/rejected.xlsx', tag: 'imports', summary: 'Rows not written, with row number and reason, as .xlsx',
      params: idParams, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      handler: ({ actor, params, res }) => { sendFile(res, imports.rejectedReport(actor, params.id)); },
    }),
    defineRoute({
      method: 'delete', path: '/api/imports/:id', tag: 'imports', summary: 'Discard an import that is not running, with its file', params: idParams,
      handler: async ({ actor, params }) => { await imports.discard(actor, params.id); },
    }),
  ];
}
