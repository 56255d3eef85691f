import type { Db } from './database';

export interface CallbackRequest {
  id: number;
  phoneNumber: string;
  requestedAt: Date;
  status: 'pending' | 'taken' | 'done';
  campaignId: number | null;
}

interface Row { id: number; phone_number: string; requested_at: string; status: CallbackRequest['status']; campaign_id: number | null }

const toRequest = (r: Row): CallbackRequest => ({
  id: r.id, phoneNumber: r.phone_number, requestedAt: new Date(r.requested_at), status: r.status, campaignId: r.campaign_id,
});

/** Callback requests from inbound callers, first in, first out. */
export class CallbackRequestRepository {
  private readonly addStmt;
  private readonly oldestStmt;
  private readonly takeStmt;
  private readonly pendingStmt;

  constructor(private readonly db: Db) {
    this.addStmt = db.prepare('INSERT INTO callback_requests (phone_number, requested_at, campaign_id) VALUES (?, ?, ?)');
    this.oldestStmt = db.prepare<[], Row>("SELECT * FROM callback_requests WHERE status = 'pending' ORDER BY id LIMIT 1");
    this.takeStmt = db.prepare("UPDATE callback_requests SET status = 'taken', taken_at = ? WHERE id = ? AND status = 'pending'");
    this.pendingStmt = db.prepare<[], Row>("SELECT * FROM callback_requests WHERE status = 'pending' ORDER BY id");
  }

  add(phoneNumber: string, at: Date, campaignId: number | null = null): number {
    return Number(this.addStmt.run(phoneNumber, at.toISOString(), campaignId).lastInsertRowid);
  }

  /** Claims the oldest pending request; undefined when none is left. */
  takeOldest(at: Date): CallbackRequest | undefined {
    return this.db.transaction(() => {
      const row = this.oldestStmt.get();
      if (!row || this.takeStmt.run(at.toISOString(), row.id).changes !== 1) return undefined;
      return toRequest({ ...row, status: 'taken' });
    }).immediate();
  }

  pending(): CallbackRequest[] {
    return this.pendingStmt.all().map(toRequest);
  }
}
