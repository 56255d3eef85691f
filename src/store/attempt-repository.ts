import type { CallOutcome } from '../domain/call-outcome';
import type { ContactStatus } from '../domain/contact-status';
import type { DialingMode } from '../domain/dialing-mode';
import type { Disposition } from '../domain/disposition';
import type { AttemptState, DialAttempt, ScriptAnswer } from '../domain/dialer/dial-attempt';
import type { UserId } from '../domain/roles';
import type { Db } from './database';

interface Row {
  id: number; campaign_id: number; lead_id: number; contact_id: number | null; agent_id: number | null; mode: DialingMode;
  state: AttemptState; phone_number: string | null; claimed_at: string; dialing_at: string | null; answered_at: string | null;
  connected_at: string | null; ended_at: string | null; outcome: CallOutcome | null; end_reason: string | null;
  disposition: Disposition | null; callback_at: string | null; disposed_at: string | null; reminded_at: string | null;
  result_status: ContactStatus | null;
}

export interface NewAttempt {
  campaignId: number;
  leadId: number;
  contactId: number | null;
  agentId: UserId | null;
  mode: DialingMode;
  at: Date;
}

export interface AgentAttemptStats {
  agentId: UserId;
  calls: number;
  talkMs: number;
  dispositions: Partial<Record<Disposition, number>>;
}

const date = (s: string | null): Date | null => (s ? new Date(s) : null);
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

function toAttempt(r: Row): DialAttempt {
  return {
    id: r.id, campaignId: r.campaign_id, leadId: r.lead_id, contactId: r.contact_id, agentId: r.agent_id, mode: r.mode,
    state: r.state, phoneNumber: r.phone_number, claimedAt: new Date(r.claimed_at), dialingAt: date(r.dialing_at),
    answeredAt: date(r.answered_at), connectedAt: date(r.connected_at), endedAt: date(r.ended_at), outcome: r.outcome,
    endReason: r.end_reason, disposition: r.disposition, callbackAt: date(r.callback_at), disposedAt: date(r.disposed_at),
    remindedAt: date(r.reminded_at), resultStatus: r.result_status,
  };
}

/**
 * Dial attempts. The move to `dialing` is one conditional UPDATE made before the originate: whoever wins it
 * (and only once) may dial, which is what keeps one attempt from ever dialling twice.
 */
export class AttemptRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, contact_id, agent_id, mode, state, claimed_at)
        VALUES (?, ?, ?, ?, ?, 'claimed', ?)`),
      get: db.prepare<[number], Row>('SELECT * FROM dial_attempts WHERE id = ?'),
      dialing: db.prepare("UPDATE dial_attempts SET state = 'dialing', dialing_at = ?, phone_number = ? WHERE id = ? AND state = 'claimed'"),
      answered: db.prepare("UPDATE dial_attempts SET answered_at = COALESCE(answered_at, ?) WHERE id = ? AND state = 'dialing'"),
      connected: db.prepare("UPDATE dial_attempts SET connected_at = COALESCE(connected_at, ?), agent_id = COALESCE(?, agent_id) WHERE id = ? AND state = 'dialing'"),
      end: db.prepare("UPDATE dial_attempts SET state = 'ended', ended_at = ?, outcome = ?, end_reason = ? WHERE id = ? AND state <> 'ended'"),
      result: db.prepare('UPDATE dial_attempts SET result_status = ? WHERE id = ?'),
      dispose: db.prepare(`UPDATE dial_attempts SET disposition = ?, callback_at = ?, disposed_at = ?, result_status = ?
        WHERE id = ? AND disposition IS NULL`),
      open: db.prepare<[], Row>("SELECT * FROM dial_attempts WHERE state <> 'ended' ORDER BY id"),
      latestForLead: db.prepare<[number], Row>('SELECT * FROM dial_attempts WHERE lead_id = ? ORDER BY id DESC LIMIT 1'),
      handedOver: db.prepare<[number, number, string], Row>(
        'SELECT * FROM dial_attempts WHERE agent_id = ? AND campaign_id = ? AND claimed_at >= ? ORDER BY id'),
      quota: db.prepare<[number, number, string, string], { n: number }>(`SELECT COUNT(*) AS n FROM dial_attempts
        WHERE agent_id = ? AND campaign_id = ? AND disposition IS NOT NULL AND disposition <> 'skip' AND disposed_at >= ? AND disposed_at < ?`),
      answerUpsert: db.prepare(`INSERT INTO dial_attempt_answers (attempt_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (attempt_id, question_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
      answerDelete: db.prepare('DELETE FROM dial_attempt_answers WHERE attempt_id = ? AND question_id = ?'),
      answers: db.prepare<[number], { question_id: number; value: string }>(
        'SELECT question_id, value FROM dial_attempt_answers WHERE attempt_id = ? ORDER BY question_id'),
      abandonCounts: db.prepare<[number], { answered: number; abandoned: number }>(`SELECT
        COALESCE(SUM(CASE WHEN outcome IN ('answered', 'abandoned') THEN 1 ELSE 0 END), 0) AS answered,
        COALESCE(SUM(CASE WHEN outcome = 'abandoned' THEN 1 ELSE 0 END), 0) AS abandoned
        FROM dial_attempts WHERE campaign_id = ? AND mode = 'predictive'`),
      // julianday is SQLite's date arithmetic (PostgreSQL: EXTRACT(EPOCH FROM ended_at - connected_at) * 1000).
      agentCalls: db.prepare<[number], { agent_id: number; calls: number; talk_ms: number }>(`SELECT agent_id, COUNT(*) AS calls,
        COALESCE(SUM(CASE WHEN connected_at IS NOT NULL AND ended_at IS NOT NULL
          THEN (julianday(ended_at) - julianday(connected_at)) * 86400000 ELSE 0 END), 0) AS talk_ms
        FROM dial_attempts WHERE campaign_id = ? AND agent_id IS NOT NULL AND dialing_at IS NOT NULL GROUP BY agent_id`),
      agentDispositions: db.prepare<[number], { agent_id: number; disposition: Disposition; n: number }>(`SELECT agent_id, disposition,
        COUNT(*) AS n FROM dial_attempts WHERE campaign_id = ? AND agent_id IS NOT NULL AND disposition IS NOT NULL GROUP BY agent_id, disposition`),
      dueReminders: db.prepare<[string], Row>(`SELECT * FROM dial_attempts WHERE disposition = 'callback' AND reminded_at IS NULL
        AND callback_at <= ? AND agent_id IS NOT NULL ORDER BY callback_at, id`),
      nextReminder: db.prepare<[], { at: string | null }>(
        "SELECT MIN(callback_at) AS at FROM dial_attempts WHERE disposition = 'callback' AND reminded_at IS NULL AND agent_id IS NOT NULL"),
      reminded: db.prepare('UPDATE dial_attempts SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL'),
      // The callback is still the contact's (not rescheduled, not yet called back): the same time on the contact.
      dueCallbacksOf: db.prepare<[number, string], Row>(`SELECT a.* FROM dial_attempts a JOIN campaign_contacts c ON c.id = a.lead_id
        WHERE a.agent_id = ? AND a.disposition = 'callback' AND a.callback_at <= ?
          AND c.status = 'callback_scheduled' AND c.callback_at = a.callback_at ORDER BY a.callback_at, a.id`),
    };
  }

  create(a: NewAttempt): DialAttempt {
    const id = Number(this.s.insert.run(a.campaignId, a.leadId, a.contactId, a.agentId, a.mode, a.at.toISOString()).lastInsertRowid);
    return this.get(id)!;
  }

  get(id: number): DialAttempt | undefined {
    const r = this.s.get.get(id);
    return r && toAttempt(r);
  }

  /** claimed → dialing; true for the one caller that may now dial. */
  markDialing(id: number, phoneNumber: string, at: Date): boolean {
    return this.s.dialing.run(at.toISOString(), phoneNumber, id).changes === 1;
  }

  markAnswered(id: number, at: Date): void {
    this.s.answered.run(at.toISOString(), id);
  }

  markConnected(id: number, agentId: UserId | null, at: Date): void {
    this.s.connected.run(at.toISOString(), agentId, id);
  }

  /** Ends a claimed or dialling attempt; false when it had already ended. */
  end(id: number, outcome: CallOutcome | null, endReason: string, at: Date): boolean {
    return this.s.end.run(at.toISOString(), outcome, endReason, id).changes === 1;
  }

  setResult(id: number, status: ContactStatus): void {
    this.s.result.run(status, id);
  }

  /** Stores the agent's disposition once; false when the attempt already had one. */
  dispose(id: number, disposition: Disposition, callbackAt: Date | null, status: ContactStatus, at: Date): boolean {
    return this.s.dispose.run(disposition, iso(callbackAt), at.toISOString(), status, id).changes === 1;
  }

  open(): DialAttempt[] {
    return this.s.open.all().map(toAttempt);
  }

  latestForLead(leadId: number): DialAttempt | undefined {
    const r = this.s.latestForLead.get(leadId);
    return r && toAttempt(r);
  }

  /** The customers handed to this agent in this campaign since `since`, oldest first. */
  handedOver(agentId: UserId, campaignId: number, since: Date): DialAttempt[] {
    return this.s.handedOver.all(agentId, campaignId, since.toISOString()).map(toAttempt);
  }

  /** Customers that count toward the agent's quota in [from, to): disposed, skip excepted. */
  quotaCount(agentId: UserId, campaignId: number, from: Date | null, to: Date | null): number {
    const lo = from ? from.toISOString() : '0000';
    const hi = to ? to.toISOString() : '9999';
    return this.s.quota.get(agentId, campaignId, lo, hi)!.n;
  }

  saveAnswers(attemptId: number, answers: readonly ScriptAnswer[], at: Date): void {
    this.db.transaction(() => {
      for (const a of answers) {
        const empty = Array.isArray(a.value) ? a.value.length === 0 : a.value === '';
        if (empty) this.s.answerDelete.run(attemptId, a.questionId);
        else this.s.answerUpsert.run(attemptId, a.questionId, JSON.stringify(a.value), at.toISOString());
      }
    }).immediate();
  }

  answers(attemptId: number): ScriptAnswer[] {
    return this.s.answers.all(attemptId).map((r) => ({ questionId: r.question_id, value: JSON.parse(r.value) as ScriptAnswer['value'] }));
  }

  /** Predictive answered customers and how many of them were abandoned, over the whole campaign. */
  abandonCounts(campaignId: number): { answered: number; abandoned: number } {
    return this.s.abandonCounts.get(campaignId)!;
  }

  agentStats(campaignId: number): AgentAttemptStats[] {
    const byAgent = new Map<number, AgentAttemptStats>();
    for (const r of this.s.agentCalls.all(campaignId)) {
      byAgent.set(r.agent_id, { agentId: r.agent_id, calls: r.calls, talkMs: Math.round(r.talk_ms), dispositions: {} });
    }
    for (const r of this.s.agentDispositions.all(campaignId)) {
      const s = byAgent.get(r.agent_id) ?? { agentId: r.agent_id, calls: 0, talkMs: 0, dispositions: {} };
      s.dispositions[r.disposition] = r.n;
      byAgent.set(r.agent_id, s);
    }
    return [...byAgent.values()].sort((a, b) => a.agentId - b.agentId);
  }

  /** Callback dispositions whose time has come and whose agent was not reminded yet. */
  dueReminders(now: Date): DialAttempt[] {
    return this.s.dueReminders.all(now.toISOString()).map(toAttempt);
  }

  nextReminderAt(): Date | null {
    return date(this.s.nextReminder.get()?.at ?? null);
  }

  markReminded(id: number, at: Date): boolean {
    return this.s.reminded.run(at.toISOString(), id).changes === 1;
  }

  /** Callbacks this agent set that are due and not yet called back, reminded or not. */
  dueCallbacksOf(agentId: number, now: Date): DialAttempt[] {
    return this.s.dueCallbacksOf.all(agentId, now.toISOString()).map(toAttempt);
  }
}
