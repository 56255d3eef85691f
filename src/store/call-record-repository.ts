import type { CallOutcome } from '../domain/call-outcome';
import type { CallRecord } from '../domain/call-record';
import type { EndReason } from '../domain/flows/flow-types';
import type { Db } from './database';

interface Row {
  id: number; flow: string; attempt_id: number | null; campaign_id: number | null; contact_id: number | null; agent_id: number | null;
  phone_number: string | null; dial_at: string | null; answer_at: string | null; bridge_at: string | null; end_at: string;
  hangup_cause: number | null; dial_status: string | null; amd_status: string | null; outcome: string | null; end_reason: string;
  recording_name: string | null;
}

export type StoredCallRecord = CallRecord & { id: number };

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null) => (s ? new Date(s) : null);

export class CallRecordRepository {
  private readonly insertStmt;
  private readonly answerStmt;
  private readonly byAttemptStmt;
  private readonly answersStmt;
  private readonly getStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO call_records (flow, attempt_id, campaign_id, contact_id, agent_id, phone_number,
      dial_at, answer_at, bridge_at, end_at, hangup_cause, dial_status, amd_status, outcome, end_reason, recording_name)
      VALUES (@flow, @attempt_id, @campaign_id, @contact_id, @agent_id, @phone_number, @dial_at, @answer_at, @bridge_at, @end_at,
      @hangup_cause, @dial_status, @amd_status, @outcome, @end_reason, @recording_name)`);
    this.answerStmt = db.prepare('INSERT INTO call_ivr_answers (call_record_id, position, question_id, answer) VALUES (?, ?, ?, ?)');
    this.byAttemptStmt = db.prepare<[number], Row>('SELECT * FROM call_records WHERE attempt_id = ? ORDER BY id');
    this.getStmt = db.prepare<[number], Row>('SELECT * FROM call_records WHERE id = ?');
    this.answersStmt = db.prepare<[number], { question_id: string; answer: string | null }>(
      'SELECT question_id, answer FROM call_ivr_answers WHERE call_record_id = ? ORDER BY position');
  }

  insert(r: CallRecord): number {
    return this.db.transaction(() => {
      const id = Number(this.insertStmt.run({
        flow: r.flow, attempt_id: r.attemptId, campaign_id: r.campaignId, contact_id: r.contactId, agent_id: r.agentId,
        phone_number: r.phoneNumber, dial_at: iso(r.dialAt), answer_at: iso(r.answerAt), bridge_at: iso(r.bridgeAt), end_at: iso(r.endAt),
        hangup_cause: r.hangupCause, dial_status: r.dialStatus, amd_status: r.amdStatus, outcome: r.outcome, end_reason: r.endReason,
        recording_name: r.recordingName,
      }).lastInsertRowid);
      r.answers.forEach((a, i) => this.answerStmt.run(id, i, a.questionId, a.answer));
      return id;
    }).immediate();
  }

  /** Calls recorded per campaign and outcome (campaign null: calls of no campaign; outcome null: not settled by an outcome). */
  countsByCampaignOutcome(): { campaignId: number | null; outcome: string | null; count: number }[] {
    return this.db.prepare<[], { campaign_id: number | null; outcome: string | null; n: number }>(
      'SELECT campaign_id, outcome, COUNT(*) AS n FROM call_records GROUP BY campaign_id, outcome').all()
      .map((r) => ({ campaignId: r.campaign_id, outcome: r.outcome, count: r.n }));
  }

  get(id: number): StoredCallRecord | undefined {
    const row = this.getStmt.get(id);
    return row && this.toRecord(row);
  }

  forAttempt(attemptId: number): StoredCallRecord[] {
    return this.byAttemptStmt.all(attemptId).map((row) => this.toRecord(row));
  }

  private toRecord(row: Row): StoredCallRecord {
    return {
      id: row.id, flow: row.flow, attemptId: row.attempt_id, campaignId: row.campaign_id, contactId: row.contact_id, agentId: row.agent_id,
      phoneNumber: row.phone_number, dialAt: date(row.dial_at), answerAt: date(row.answer_at), bridgeAt: date(row.bridge_at),
      endAt: new Date(row.end_at), hangupCause: row.hangup_cause, dialStatus: row.dial_status, amdStatus: row.amd_status,
      outcome: row.outcome as CallOutcome | null, endReason: row.end_reason as EndReason, recordingName: row.recording_name,
      answers: this.answersStmt.all(row.id).map((a) => ({ questionId: a.question_id, answer: a.answer })),
    };
  }
}
