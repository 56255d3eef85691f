import type { ImportCounts, ImportJob, ImportKind, ImportOptions, ImportRejection, ImportStatus } from '../domain/import-job';
import type { UserId } from '../domain/roles';
import type { Db } from './database';

interface Row {
  id: number; kind: ImportKind; status: ImportStatus; file_name: string; file_path: string | null; format: 'csv' | 'xlsx' | 'xls';
  file_bytes: number; options: string | null; rows_total: number | null; rows_done: number; imported: number; updated: number;
  duplicate: number; rejected: number; blocked_hits: number; listed: number; error: string | null; created_by: number | null; created_at: string;
  started_at: string | null; finished_at: string | null;
}

const toJob = (r: Row): ImportJob => ({
  id: r.id, kind: r.kind, status: r.status, fileName: r.file_name, format: r.format, fileBytes: r.file_bytes,
  options: r.options ? JSON.parse(r.options) as ImportOptions : null, rowsTotal: r.rows_total, rowsDone: r.rows_done,
  counts: { imported: r.imported, updated: r.updated, duplicate: r.duplicate, rejected: r.rejected, blockedHits: r.blocked_hits, listed: r.listed },
  error: r.error, createdBy: r.created_by, createdAt: r.created_at, startedAt: r.started_at, finishedAt: r.finished_at,
});

/** A rejected or duplicate row to store: its cells as JSON (the reader thread may have serialised them already). */
export interface RejectionRow {
  row: number;
  kind: 'rejected' | 'duplicate';
  reason: string;
  cellsJson: string;
}

/** A prepared row's original cells as JSON: kept from the reader thread when it sent them so, else made now. */
export const cellsJson = (row: { cells?: unknown[]; cellsJson?: string }): string => row.cellsJson ?? JSON.stringify(row.cells ?? []);

/** Import jobs and their rejected rows. Progress is written by the job inside each batch's transaction. */
export class ImportJobRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO import_jobs (kind, status, file_name, file_path, format, file_bytes, created_by, created_at)
        VALUES (?, 'uploaded', ?, ?, ?, ?, ?, ?)`),
      get: db.prepare<[number], Row>('SELECT * FROM import_jobs WHERE id = ?'),
      list: db.prepare<[number], Row>('SELECT * FROM import_jobs ORDER BY id DESC LIMIT ?'),
      start: db.prepare(`UPDATE import_jobs SET status = 'running', options = ?, started_at = ? WHERE id = ? AND status = 'uploaded'`),
      total: db.prepare('UPDATE import_jobs SET rows_total = ? WHERE id = ?'),
      progress: db.prepare(`UPDATE import_jobs SET rows_done = rows_done + ?, imported = imported + ?, updated = updated + ?,
        duplicate = duplicate + ?, rejected = rejected + ?, blocked_hits = blocked_hits + ?, listed = listed + ? WHERE id = ?`),
      reject: db.prepare('INSERT INTO import_rejections (import_id, row_number, kind, reason, cells) VALUES (?, ?, ?, ?, ?)'),
      finish: db.prepare(`UPDATE import_jobs SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'running'`),
      clearFile: db.prepare('UPDATE import_jobs SET file_path = NULL WHERE id = ?'),
      filePath: db.prepare<[number], { file_path: string | null }>('SELECT file_path FROM import_jobs WHERE id = ?'),
      delete: db.prepare('DELETE FROM import_jobs WHERE id = ?'),
      rejections: db.prepare<[number, number, number], { row_number: number; kind: 'rejected' | 'duplicate'; reason: string; cells: string }>(
        'SELECT row_number, kind, reason, cells FROM import_rejections WHERE import_id = ? ORDER BY row_number LIMIT ? OFFSET ?'),
      running: db.prepare<[], Row>("SELECT * FROM import_jobs WHERE status = 'running'"),
    };
  }

  create(input: { kind: ImportKind; fileName: string; filePath: string; format: 'csv' | 'xlsx' | 'xls'; fileBytes: number; createdBy: UserId }, now: string): ImportJob {
    const id = Number(this.s.insert.run(input.kind, input.fileName, input.filePath, input.format, input.fileBytes, input.createdBy, now).lastInsertRowid);
    return this.get(id)!;
  }

  get(id: number): ImportJob | undefined {
    const r = this.s.get.get(id);
    return r && toJob(r);
  }

  filePath(id: number): string | null {
    return this.s.filePath.get(id)?.file_path ?? null;
  }

  recent(limit: number): ImportJob[] {
    return this.s.list.all(limit).map(toJob);
  }

  /** Claims an uploaded job for running; false when it was started already. */
  start(id: number, options: ImportOptions, now: string): boolean {
    return this.s.start.run(JSON.stringify(options), now, id).changes === 1;
  }

  setTotal(id: number, rowsTotal: number): void {
    this.s.total.run(rowsTotal, id);
  }

  /** Adds a committed batch's progress; call inside that batch's transaction. */
  addProgress(id: number, rows: number, c: ImportCounts): void {
    this.s.progress.run(rows, c.imported, c.updated, c.duplicate, c.rejected, c.blockedHits, c.listed, id);
  }

  /** Call inside the batch's transaction. */
  addRejections(id: number, rejections: readonly RejectionRow[]): void {
    for (const r of rejections) this.s.reject.run(id, r.row, r.kind, r.reason, r.cellsJson);
  }

  finish(id: number, status: 'done' | 'failed', error: string | null, now: string): boolean {
    return this.s.finish.run(status, error, now, id).changes === 1;
  }

  clearFile(id: number): void {
    this.s.clearFile.run(id);
  }

  delete(id: number): boolean {
    return this.s.delete.run(id).changes === 1;
  }

  rejections(id: number, offset: number, limit: number): ImportRejection[] {
    return this.s.rejections.all(id, limit, offset).map((r) => ({ row: r.row_number, kind: r.kind, reason: r.reason, cells: JSON.parse(r.cells) as ImportRejection['cells'] }));
  }

  /** Jobs left 'running' by a process that stopped. */
  running(): ImportJob[] {
    return this.s.running.all().map(toJob);
  }
}
