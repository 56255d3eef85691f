import type { Db } from '../database';

/** A caller who hung up in the inbound queue, as supervisors list it. */
export interface MissedCall {
  callRecordId: number;
  phoneNumber: string | null;
  contactId: number | null;
  contactName: string | null;
  /** When the caller hung up. */
  at: string;
  /** When it was sent to the callback campaign (null: not yet). */
  sentAt: string | null;
}

interface Row { id: number; phone_number: string | null; contact_id: number | null; contact_name: string | null; end_at: string; sent_at: string | null }

const MISSED = "r.flow = 'inbound' AND r.end_reason = 'queue_hangup'";

/** Missed inbound calls (call records of callers who hung up in the queue) and which were sent to the callback campaign. */
export class MissedCallRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    const select = `SELECT r.id, r.phone_number, r.contact_id, c.name AS contact_name, r.end_at, m.sent_at
      FROM call_records r LEFT JOIN contacts c ON c.id = r.contact_id LEFT JOIN inbound_missed_callbacks m ON m.call_record_id = r.id`;
    this.s = {
      list: db.prepare<[number, number], Row>(`${select} WHERE ${MISSED} ORDER BY r.end_at DESC, r.id DESC LIMIT ? OFFSET ?`),
      get: db.prepare<[number], Row>(`${select} WHERE ${MISSED} AND r.id = ?`),
      mark: db.prepare('INSERT OR IGNORE INTO inbound_missed_callbacks (call_record_id, callback_request_id, sent_by, sent_at) VALUES (?, ?, ?, ?)'),
    };
  }

  list(limit: number, offset = 0): MissedCall[] { return this.s.list.all(limit, offset).map(toMissed); }

  get(callRecordId: number): MissedCall | undefined {
    const r = this.s.get.get(callRecordId);
    return r ? toMissed(r) : undefined;
  }

  /** Records the send once; false when it had been sent already (nothing changed). `request` runs in the same transaction. */
  markSent(callRecordId: number, by: number, at: Date, request: () => number): boolean {
    return this.db.transaction(() => {
      if (this.get(callRecordId)?.sentAt) return false;
      const requestId = request();
      return this.s.mark.run(callRecordId, requestId, by, at.toISOString()).changes === 1;
    }).immediate();
  }
}

function toMissed(r: Row): MissedCall {
  return { callRecordId: r.id, phoneNumber: r.phone_number, contactId: r.contact_id, contactName: r.contact_name, at: r.end_at, sentAt: r.sent_at };
}
