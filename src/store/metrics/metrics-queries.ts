import type { Db } from '../database';
import { LeadRepository } from '../lead-repository';

/** A finished call as the answer→bridge histogram needs it. */
export interface BridgedCall {
  id: number;
  campaignId: number | null;
  flow: string;
  answerAt: string | null;
  bridgeAt: string | null;
}

export interface ImportRowTotals {
  jobId: number;
  kind: string;
  imported: number;
  updated: number;
  duplicate: number;
  rejected: number;
}


/**
 * The reads /metrics makes at scrape time. Each one is bounded by an index or by what happened since the
 * last scrape, so a scrape stays cheap on millions of call records.
 */
export class MetricsQueries {
  private readonly s;
  private readonly leads: LeadRepository;

  constructor(db: Db) {
    this.leads = new LeadRepository(db);
    this.s = {
      maxId: db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM call_records'),
      after: db.prepare<[number, number], { id: number; campaign_id: number | null; flow: string; answer_at: string | null; bridge_at: string | null }>(
        'SELECT id, campaign_id, flow, answer_at, bridge_at FROM call_records WHERE id > ? ORDER BY id LIMIT ?'),
      // (campaign_id, end_at) is indexed: only the window's rows are read.
      outcomesSince: db.prepare<[number, string], { outcome: string | null; n: number }>(
        'SELECT outcome, COUNT(*) AS n FROM call_records WHERE campaign_id = ? AND end_at >= ? GROUP BY outcome'),
      imports: db.prepare<[], ImportRowTotals>('SELECT id AS jobId, kind, imported, updated, duplicate, rejected FROM import_jobs'),
    };
  }

  maxCallRecordId(): number {
    return this.s.maxId.get()?.id ?? 0;
  }

  /** Call records after `id`, oldest first, at most `limit`. */
  callRecordsAfter(id: number, limit: number): BridgedCall[] {
    return this.s.after.all(id, limit).map((r) => ({ id: r.id, campaignId: r.campaign_id, flow: r.flow, answerAt: r.answer_at, bridgeAt: r.bridge_at }));
  }

  /** The campaign's call records that ended at or after `since`, counted by outcome. */
  outcomesSince(campaignId: number, since: Date): Map<string | null, number> {
    return new Map(this.s.outcomesSince.all(campaignId, since.toISOString()).map((r) => [r.outcome, r.n]));
  }

  /** Entries of the campaign's list in a callable status whose next call time has come (what lead selection starts from). */
  dueLeads(campaignId: number, now: Date): number {
    return this.leads.dueCount(campaignId, now);
  }

  /** The rows each import job has handled so far (a running import's grow as its batches commit). */
  importRows(): ImportRowTotals[] {
    return this.s.imports.all();
  }
}
