import type { LoggedCall } from '../../domain/call-log/cdr/cdr-agreement';
import type { Db } from '../database';

export interface DialledCallFilter {
  campaignId?: number;
  /** Dialled at or after, and before (ISO instants). */
  from?: string;
  to?: string;
}

/** Campaign calls the dialer placed (a customer channel was created), as the CDR comparison reads them. */
export class DialledCalls {
  constructor(private readonly db: Db) {}

  list(f: DialledCallFilter): LoggedCall[] {
    const rows = this.db.prepare<[{ c: number | null; from: string | null; to: string | null }], {
      id: number; attempt_id: number; phone_number: string | null; dial_at: string; answer_at: string | null; end_at: string;
    }>(`SELECT id, attempt_id, phone_number, dial_at, answer_at, end_at FROM call_records
      WHERE attempt_id IS NOT NULL AND dial_at IS NOT NULL AND flow <> 'agent-line'
        AND (@c IS NULL OR campaign_id = @c) AND (@from IS NULL OR dial_at >= @from) AND (@to IS NULL OR dial_at < @to)
      ORDER BY id`).all({ c: f.campaignId ?? null, from: f.from ?? null, to: f.to ?? null });
    return rows.map((r) => ({
      callRecordId: r.id, ref: String(r.attempt_id), phoneNumber: r.phone_number,
      dialAt: new Date(r.dial_at), answerAt: r.answer_at ? new Date(r.answer_at) : null, endAt: new Date(r.end_at),
    }));
  }

  /** Whether attempt `ref` was dialled within the filter: the CDR legs the log should account for. */
  belongs(f: DialledCallFilter): (ref: string) => boolean {
    const ids = new Set(this.db.prepare<[{ c: number | null; from: string | null; to: string | null }], { id: number }>(`SELECT id FROM dial_attempts
      WHERE dialing_at IS NOT NULL AND (@c IS NULL OR campaign_id = @c) AND (@from IS NULL OR dialing_at >= @from) AND (@to IS NULL OR dialing_at < @to)`)
      .all({ c: f.campaignId ?? null, from: f.from ?? null, to: f.to ?? null }).map((r) => String(r.id)));
    return (ref) => ids.has(ref);
  }
}
