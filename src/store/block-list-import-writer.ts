import type { BlockListName } from '../domain/block-list';
import { emptyCounts, type ImportCounts } from '../domain/import-job';
import type { PreparedBlockRow } from '../domain/prepare-import-row';
import type { UserId } from '../domain/roles';
import type { BlockListRepository } from './block-list-repository';
import type { Db } from './database';
import { cellsJson, type ImportJobRepository, type RejectionRow } from './import-job-repository';

/** Writes one batch of a DNC or blacklist import in one immediate transaction, progress included. */
export class BlockListImportWriter {
  private reported = 0;

  constructor(
    private readonly db: Db,
    private readonly blocks: BlockListRepository,
    private readonly jobs: ImportJobRepository,
    private readonly settings: { jobId: number; list: BlockListName; source: string; createdBy: UserId | null; now: string; maxReportRows: number },
  ) {}

  write(rows: readonly PreparedBlockRow[]): ImportCounts {
    const result = this.db.transaction(() => {
      const counts = emptyCounts();
      const rejections: RejectionRow[] = [];
      const reject = (row: PreparedBlockRow, kind: 'rejected' | 'duplicate', reason: string) => {
        counts[kind]++;
        if (this.reported + rejections.length < this.settings.maxReportRows) rejections.push({ row: row.number, kind, reason, cellsJson: cellsJson(row) });
      };
      for (const row of rows) {
        if (row.kind === 'blank') continue;
        if (row.kind === 'rejected') { reject(row, 'rejected', row.reason); continue; }
        const s = this.settings;
        if (this.blocks.add({ e164: row.e164, list: s.list, reason: row.reason, source: s.source, createdBy: s.createdBy }, s.now)) {
          counts.imported++;
          continue;
        }
        // Entries this job wrote carry its source and start time: a hit on one is a repeat inside the file.
        const entry = this.blocks.get(s.list, row.e164);
        const inFile = entry?.source === s.source && entry.createdAt === s.now;
        reject(row, 'duplicate', inFile ? `phone ${row.e164} repeats an earlier row` : `phone ${row.e164} is already on the ${s.list === 'dnc' ? 'DNC list' : 'blacklist'}`);
      }
      this.jobs.addRejections(this.settings.jobId, rejections);
      this.jobs.addProgress(this.settings.jobId, rows.length, counts);
      return { counts, reported: this.reported + rejections.length };
    }).immediate();
    this.reported = result.reported;
    return result.counts;
  }
}
