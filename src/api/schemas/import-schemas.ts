import { z } from 'zod';
import { IMPORT_KINDS, IMPORT_STATUSES } from '../../domain/import-job';

export const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
  'application/csv',
  'text/plain',
] as const;

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importJobDto = z.object({
  id: z.number(), kind: z.enum(IMPORT_KINDS), status: z.enum(IMPORT_STATUSES), fileName: z.string(), format: z.enum(['csv', 'xlsx', 'xls']),
  fileBytes: z.number(),
  options: z.object({
    sheet: z.string(), headers: z.array(z.string()),
    mapping: z.object({ fields: z.record(z.string(), z.number()), custom: z.record(z.string(), z.number()), reason: z.number().optional() }),
    onExisting: z.enum(['skip', 'update']), tags: z.array(z.string()), source: z.string().nullable(), reason: z.string().nullable(),
    campaignId: z.number().nullable(),
  }).nullable(),
  rowsTotal: z.number().nullable().describe('Data rows of the sheet (header excluded), known once the job reads the file'),
  rowsDone: z.number(),
  counts: z.object({ imported: z.number(), updated: z.number(), duplicate: z.number(), rejected: z.number(), blockedHits: z.number(), listed: z.number() }),
  error: z.string().nullable(), createdBy: z.number().nullable(), createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
});

export const sheetPreviewDto = z.object({
  sheet: z.string(), sheets: z.array(z.string()), headers: z.array(z.string()),
  rows: z.array(z.object({ row: z.number(), cells: z.array(cell) })),
  suggestedMapping: z.record(z.string(), z.string()),
});

export const uploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS).default('contacts'),
  filename: z.string().trim().min(1).max(255).default('upload').describe('The file\'s name, for people (its content decides the format)'),
}).strict();

const columnRef = z.union([z.string().min(1).max(200), z.number().int().min(0).max(16383)]);
export const startImportBody = z.object({
  sheet: z.string().max(200).optional(),
  mapping: z.record(z.string(), columnRef).optional().describe('Field → column header or 0-based index (phone required). Default: the suggested mapping'),
  customFields: z.record(z.string().min(1).max(100), columnRef).optional().describe('Custom field name → column'),
  onExisting: z.enum(['skip', 'update']).optional().describe('A phone a contact already has: skip the row as duplicate (default) or update that contact'),
  tags: z.array(z.string().max(50)).max(20).optional().describe('Tags added to every imported contact'),
  source: z.string().max(100).optional().describe('Source of rows that have none (contacts) / of every entry (block lists)'),
  reason: z.string().max(500).optional().describe('Block lists: reason of rows that have none'),
  campaignId: z.number().int().positive().optional().describe('Also add every imported or matched contact to this campaign\'s list'),
}).strict();

export const rejectionDto = z.object({ row: z.number(), kind: z.enum(['rejected', 'duplicate']), reason: z.string(), cells: z.array(cell) });
export const previewBody = z.object({ sheet: z.string().max(200).optional() }).strict().optional();
