import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { readHead } from '../spreadsheet/read-file-head';
import path from 'node:path';
import type { Logger } from 'winston';
import type { Clock } from '../domain/clock';
import { foldText } from '../domain/fold-text';
import { canManageContactLists } from '../domain/contact-permissions';
import { normalizeTags } from '../domain/contact-draft';
import type { ImportJob, ImportKind, ImportOptions, ImportRejection, OnExisting } from '../domain/import-job';
import { IMPORT_FIELDS, normalizeHeaders, suggestMapping, type ColumnMapping, type ImportCell, type ImportField } from '../domain/import-mapping';
import type { Actor } from '../domain/roles';
import { DialerError, forbidden, notFound } from '../errors';
import { sniffFormat, type SpreadsheetFormat } from '../spreadsheet/sniff-format';
import { readSheetHeadOffThread } from './read-sheet-head-off-thread';
import type { ImportJobRepository } from '../store/import-job-repository';
import type { ImportRunner } from './import-runner';
import { rejectedRowsReport, type DownloadFile } from './import-templates';

export interface SheetPreview {
  sheet: string;
  sheets: string[];
  headers: string[];
  rows: { row: number; cells: ImportCell[] }[];
  /** Header of the column each field most likely is in. */
  suggestedMapping: Record<string, string>;
}

export type ColumnRef = string | number;

export interface StartImportRequest {
  sheet?: string;
  /** Field → column header (or 0-based index). Contacts: phone required; block lists: phone and reason. Default: the suggestion. */
  mapping?: Record<string, ColumnRef>;
  /** Custom field name → column. */
  customFields?: Record<string, ColumnRef>;
  onExisting?: OnExisting;
  tags?: string[];
  source?: string;
  reason?: string;
  campaignId?: number;
}

export interface ImportSettings {
  uploadDir: string;
  region: string;
  batchRows: number;
  maxReportRows: number;
}

const PREVIEW_ROWS = 10;
const BLOCK_FIELDS = ['phone', 'reason'] as const;
const REASON_HEADERS = ['reason', 'ly do', 'ghi chu', 'note', 'notes'];

/** Import jobs: the upload and its preview, the mapping, the background run, progress and the rejected rows. */
export class ImportService {
  private readonly active = new Map<number, Promise<void>>();

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly runner: ImportRunner,
    private readonly clock: Clock,
    private readonly settings: ImportSettings,
    private readonly log: Logger,
    /** Checks a campaign may receive contacts (campaign lists plug in here). */
    private readonly nameIndex: { restore(): void },
    private readonly checkCampaign: (actor: Actor, campaignId: number) => void = () => {
      throw new DialerError('E_VALIDATION', 'campaign lists are not available', 'campaignId');
    },
  ) {
    mkdirSync(settings.uploadDir, { recursive: true });
  }

  /** Where the API streams an upload before `register` looks at it. */
  newUploadPath(): string {
    return path.join(this.settings.uploadDir, `upload-${randomUUID()}`);
  }

  /** Takes a saved upload: finds its real format, reads its sheets and a preview, and records the job. */
  async register(actor: Actor, kind: ImportKind, fileName: string, filePath: string, bytes: number): Promise<{ job: ImportJob; preview: SheetPreview }> {
    try {
      this.mustManage(actor);
      const format = sniffFormat(await readHead(filePath, 4096));
      const preview = await this.previewOf(filePath, format, undefined, kind);
      const job = this.jobs.create({ kind, fileName, filePath, format, fileBytes: bytes, createdBy: actor.id }, this.now());
      this.log.info('import uploaded', { importId: job.id, kind, format, bytes });
      return { job, preview };
    } catch (err) {
      await rm(filePath, { force: true });
      throw err;
    }
  }

  async preview(actor: Actor, id: number, sheet: string | undefined): Promise<SheetPreview> {
    const job = this.get(actor, id);
    return this.previewOf(this.fileOf(job), job.format, sheet, job.kind);
  }

  /** Settles sheet and mapping, then runs the job in the background; progress is read with `get`. */
  async start(actor: Actor, id: number, req: StartImportRequest): Promise<ImportJob> {
    const job = this.get(actor, id);
    if (job.status !== 'uploaded') throw new DialerError('E_IMPORT_STATE', `import ${id} is ${job.status}; upload the file again to re-run it`);
    const preview = await this.previewOf(this.fileOf(job), job.format, req.sheet, job.kind);
    const options = this.options(job.kind, preview, req);
    if (options.campaignId !== null) this.checkCampaign(actor, options.campaignId);
    if (!this.jobs.start(id, options, this.now())) throw new DialerError('E_IMPORT_STATE', `import ${id} was started already`);
    this.launch(id);
    return this.jobs.get(id)!;
  }

  get(actor: Actor, id: number): ImportJob {
    this.mustManage(actor);
    const job = this.jobs.get(id);
    if (!job) throw notFound('import', id);
    return job;
  }

  list(actor: Actor): ImportJob[] {
    this.mustManage(actor);
    return this.jobs.recent(100);
  }

  rejections(actor: Actor, id: number, offset: number, limit: number): { items: ImportRejection[]; total: number } {
    const job = this.get(actor, id);
    const stored = Math.min(job.counts.rejected + job.counts.duplicate, this.settings.maxReportRows);
    return { items: this.jobs.rejections(id, offset, limit), total: stored };
  }

  /** The rejected and duplicate rows as an .xlsx file. */
  rejectedReport(actor: Actor, id: number): Promise<DownloadFile> {
    const job = this.get(actor, id);
    return rejectedRowsReport(job, this.jobs.rejections(id, 0, this.settings.maxReportRows));
  }

  /** Forgets an import that was never started, with its file. */
  async discard(actor: Actor, id: number): Promise<void> {
    const job = this.get(actor, id);
    if (job.status === 'running') throw new DialerError('E_IMPORT_STATE', `import ${id} is running`);
    const file = this.jobs.filePath(id);
    if (file) await rm(file, { force: true });
    this.jobs.delete(id);
  }

  /** Marks jobs a stopped process left running as failed; their committed batches stay. Call once at start-up. */
  recoverInterrupted(): void {
    this.nameIndex.restore();
    for (const job of this.jobs.running()) {
      this.jobs.finish(job.id, 'failed', 'the dialer stopped during the import; rows of committed batches are kept', this.now());
      const file = this.jobs.filePath(job.id);
      if (file) for (const f of [file, `${file}.rows`]) rmSync(f, { force: true });
      this.jobs.clearFile(job.id);
      this.log.warn('import interrupted by a restart', { importId: job.id, rowsDone: job.rowsDone });
    }
  }

  /** Resolves when the job (if running in this process) has ended. */
  async waitFor(id: number): Promise<void> {
    await this.active.get(id);
  }

  /** Imports running now (their connection checkpoints the WAL at its own pace meanwhile). */
  get running(): number { return this.runner.running; }

  async stop(): Promise<void> {
    await this.runner.stopAll();
    await Promise.all(this.active.values());
  }

  private launch(id: number): void {
    const log = this.log.child({ importId: id });
    log.info('import started');
    const settings = { region: this.settings.region, batchRows: this.settings.batchRows, maxReportRows: this.settings.maxReportRows, now: this.now() };
    const done = this.runner.run(id, settings).then(async (outcome) => {
      this.jobs.finish(id, outcome.ok ? 'done' : 'failed', outcome.ok ? null : outcome.error, this.now());
      const file = this.jobs.filePath(id);
      if (file) await rm(file, { force: true });
      this.jobs.clearFile(id);
      const job = this.jobs.get(id);
      if (outcome.ok) log.info('import done', { rowsDone: job?.rowsDone, ...job?.counts });
      else log.warn('import failed', { error: outcome.error, rowsDone: job?.rowsDone });
    }).catch((err: unknown) => { log.error('import bookkeeping failed', { err }); })
      .finally(() => this.active.delete(id));
    this.active.set(id, done);
  }

  private fileOf(job: ImportJob): string {
    const file = this.jobs.filePath(job.id);
    if (!file) throw new DialerError('E_IMPORT_STATE', `the file of import ${job.id} is gone (the import ended)`);
    return file;
  }

  /** The named sheet, or else the first sheet that has data rows. */
  private async previewOf(file: string, format: SpreadsheetFormat, sheetName: string | undefined, kind: ImportKind): Promise<SheetPreview> {
    const head = await readSheetHeadOffThread(file, format, sheetName, PREVIEW_ROWS + 1);
    if (head.sheet === null) {
      const where = sheetName === undefined ? 'the file has' : `sheet "${sheetName}" has`;
      throw new DialerError('E_IMPORT_EMPTY', `${where} no data rows under a header row`, sheetName === undefined ? 'body' : 'sheet');
    }
    const headers = normalizeHeaders(head.rows[0]!.cells);
    const data = head.rows.slice(1).filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
    const suggested: Record<string, string> = kind === 'contacts' ? { ...suggestMapping(headers) } : blockSuggestion(headers);
    return {
      sheet: head.sheet, sheets: head.sheetNames, headers,
      rows: data.map((r) => ({ row: r.number, cells: padCells(r.cells, headers.length) })), suggestedMapping: suggested,
    };
  }

  private options(kind: ImportKind, preview: SheetPreview, req: StartImportRequest): ImportOptions {
    const given = req.mapping ?? preview.suggestedMapping;
    const allowed: readonly string[] = kind === 'contacts' ? IMPORT_FIELDS : BLOCK_FIELDS;
    const mapping: ColumnMapping = { fields: {}, custom: {} };
    for (const [field, ref] of Object.entries(given)) {
      if (!allowed.includes(field)) throw new DialerError('E_VALIDATION', `mapping.${field}: not a field (use ${allowed.join(', ')})`, `mapping.${field}`);
      const col = columnIndex(preview.headers, ref, `mapping.${field}`);
      if (field === 'reason') mapping.reason = col;
      else mapping.fields[field as ImportField] = col;
    }
    if (mapping.fields.phone === undefined) {
      throw new DialerError('E_IMPORT_NO_PHONE_COLUMN', `no column is mapped to phone; the columns are ${preview.headers.map((h) => `"${h}"`).join(', ')}`, 'mapping.phone');
    }
    for (const [key, ref] of Object.entries(req.customFields ?? {})) mapping.custom[key] = columnIndex(preview.headers, ref, `customFields.${key}`);
    return {
      sheet: preview.sheet, headers: preview.headers, mapping, onExisting: req.onExisting ?? 'skip', tags: normalizeTags(req.tags ?? []),
      source: req.source?.trim() || null, reason: req.reason?.trim() || null, campaignId: req.campaignId ?? null,
    };
  }

  /** Refuses before anything is read, so an agent's upload is never written to disk. */
  mustManage(actor: Actor): void {
    if (!canManageContactLists(actor)) throw forbidden('only owners and admins import and export');
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function padCells(cells: ImportCell[], length: number): ImportCell[] {
  return cells.length >= length ? cells : [...cells, ...new Array<ImportCell>(length - cells.length).fill(null)];
}

function columnIndex(headers: readonly string[], ref: ColumnRef, field: string): number {
  const i = typeof ref === 'number' ? ref : headers.indexOf(ref);
  if (i < 0 || i >= headers.length) throw new DialerError('E_VALIDATION', `${field}: the sheet has no column ${JSON.stringify(ref)}`, field);
  return i;
}

function blockSuggestion(headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const phone = suggestMapping(headers).phone;
  if (phone) out.phone = phone;
  const reason = headers.find((h) => REASON_HEADERS.includes(foldText(h)));
  if (reason) out.reason = reason;
  return out;
}

