import type { Db } from '../database';

/** One call with a contact, as its call record keeps it (any flow: campaigns and click-to-call). */
export interface ContactCall {
  id: number;
  flow: string;
  /** Every call of ours is placed by us (inbound callback requests carry no contact). */
  direction: 'outbound' | 'inbound';
  campaignId: number | null;
  agentId: number | null;
  agentName: string | null;
  phoneNumber: string | null;
  dialAt: string | null;
  answerAt: string | null;
  bridgeAt: string | null;
  endAt: string;
  hangupCause: number | null;
  outcome: string | null;
  endReason: string;
  note: string | null;
}

interface Row {
  id: number; flow: string; campaign_id: number | null; agent_id: number | null; agent_name: string | null; phone_number: string | null;
  dial_at: string | null; answer_at: string | null; bridge_at: string | null; end_at: string; hangup_cause: number | null;
  outcome: string | null; end_reason: string; note: string | null;
}

/** A contact's call history (newest first), read from call_records. */
export class ContactCallHistory {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare<[number, number], Row>(`SELECT c.id, c.flow, c.campaign_id, c.agent_id, u.display_name AS agent_name, c.phone_number,
        c.dial_at, c.answer_at, c.bridge_at, c.end_at, c.hangup_cause, c.outcome, c.end_reason, c.note
      FROM call_records c LEFT JOIN users u ON u.id = c.agent_id WHERE c.contact_id = ? ORDER BY c.end_at DESC, c.id DESC LIMIT ?`);
  }

  forContact(contactId: number, limit = 100): ContactCall[] {
    return this.stmt.all(contactId, limit).map((r) => ({
      id: r.id, flow: r.flow, direction: r.flow === 'inbound' ? 'inbound' as const : 'outbound' as const, campaignId: r.campaign_id, agentId: r.agent_id, agentName: r.agent_name,
      phoneNumber: r.phone_number, dialAt: r.dial_at, answerAt: r.answer_at, bridgeAt: r.bridge_at, endAt: r.end_at,
      hangupCause: r.hangup_cause, outcome: r.outcome, endReason: r.end_reason, note: r.note,
    }));
  }
}
