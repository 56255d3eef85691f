import type { Db } from '../database';

/** A note on a contact: who wrote it, when, and for which call (if any). */
export interface ContactNote {
  id: number;
  contactId: number;
  agentId: number | null;
  agentName: string | null;
  callRecordId: number | null;
  /** The call the note was written for, as recorded (null without a call). */
  call: { flow: string; phoneNumber: string | null; dialAt: string | null; bridgeAt: string | null; endAt: string; outcome: string | null } | null;
  body: string;
  createdAt: string;
}

interface Row {
  id: number; contact_id: number; agent_id: number | null; agent_name: string | null; call_record_id: number | null; body: string; created_at: string;
  flow: string | null; phone_number: string | null; dial_at: string | null; bridge_at: string | null; end_at: string | null; outcome: string | null;
}

/** contact_notes (migration 044) and the note column of call_records. */
export class ContactNoteRepository {
  private readonly insertStmt;
  private readonly listStmt;
  private readonly callNoteStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare('INSERT INTO contact_notes (contact_id, agent_id, call_record_id, body, created_at) VALUES (?, ?, ?, ?, ?)');
    this.listStmt = db.prepare<[number], Row>(`SELECT n.id, n.contact_id, n.agent_id, u.display_name AS agent_name, n.call_record_id, n.body, n.created_at,
        c.flow, c.phone_number, c.dial_at, c.bridge_at, c.end_at, c.outcome
      FROM contact_notes n LEFT JOIN users u ON u.id = n.agent_id LEFT JOIN call_records c ON c.id = n.call_record_id
      WHERE n.contact_id = ? ORDER BY n.created_at DESC, n.id DESC`);
    this.callNoteStmt = db.prepare('UPDATE call_records SET note = ? WHERE id = ?');
  }

  /** Stores the note on the call record and, when there is a contact, on the contact: both or neither. */
  saveCallNote(n: { contactId: number | null; agentId: number; callRecordId: number; body: string; at: Date }): number | null {
    return this.db.transaction(() => {
      this.callNoteStmt.run(n.body, n.callRecordId);
      if (n.contactId === null) return null;
      return Number(this.insertStmt.run(n.contactId, n.agentId, n.callRecordId, n.body, n.at.toISOString()).lastInsertRowid);
    }).immediate();
  }

  forContact(contactId: number): ContactNote[] {
    return this.listStmt.all(contactId).map((r) => ({
      id: r.id, contactId: r.contact_id, agentId: r.agent_id, agentName: r.agent_name, callRecordId: r.call_record_id, body: r.body, createdAt: r.created_at,
      call: r.call_record_id !== null && r.flow !== null && r.end_at !== null
        ? { flow: r.flow, phoneNumber: r.phone_number, dialAt: r.dial_at, bridgeAt: r.bridge_at, endAt: r.end_at, outcome: r.outcome } : null,
    }));
  }
}
