import type { CallOutcome } from '../domain/call-outcome';
import type { ContactStatus } from '../domain/contact-status';
import { customerAccess, type CustomerAccess } from '../domain/dialer/customer-access';
import type { DialAttempt, ScriptAnswer } from '../domain/dialer/dial-attempt';
import type { Disposition } from '../domain/disposition';
import type { Script } from '../domain/script';
import type { UserId } from '../domain/roles';
import { DialerError } from '../errors';
import type { CampaignRunner } from './campaign-runner';

/** One customer this agent received in the current session, with what the agent may still do with it. */
export interface ReceivedCustomer {
  leadId: number;
  attemptId: number;
  name: string;
  phones: string[];
  status: ContactStatus | null;
  outcome: CallOutcome | null;
  disposition: Disposition | null;
  callbackAt: string | null;
  access: CustomerAccess;
  answers: ScriptAnswer[];
}

const REASONS: Record<string, string> = {
  disposition_needs_answer: 'this disposition needs an answered call',
  disposition_required: 'a disposition is required',
  callback_time_required: 'a callback needs a date and time',
  callback_in_past: 'the callback time has passed',
  callback_after_campaign_end: 'the callback time is after the campaign ends',
  callback_outside_calling_hours: 'the callback time is outside the calling hours at the customer',
  skip_only_in_manual: 'skip exists in manual mode only',
  not_in_progress: 'this customer was already settled',
  lead_changed: 'this customer was changed meanwhile',
};

/** The agent's customers: dispositions, script answers (autosaved), and the list with access per customer. */
export class AgentCustomers {
  constructor(private readonly r: CampaignRunner, private readonly onCallback: () => void) {}

  dispose(agentId: UserId, attemptId: number, disposition: Disposition, callbackAt?: Date): { status: ContactStatus } {
    const r = this.r;
    if (disposition === 'skip') {
      const current = r.session(agentId).work;
      if (current?.attempt.id !== attemptId) throw new DialerError('E_CONFLICT', 'not your current customer');
      r.skip(agentId);
      return { status: r.d.leads.get(current.lead.id)?.status ?? 'not_started' };
    }
    const s = r.session(agentId);
    const w = s.work;
    if (!w || w.attempt.id !== attemptId) throw new DialerError('E_CONFLICT', 'not your current customer');
    if (w.call) throw new DialerError('E_TRANSITION_DENIED', 'the call is still going on: hang up first');
    if (!w.awaitingDisposition || w.outcome === null) throw new DialerError('E_TRANSITION_DENIED', 'this customer needs no disposition now');
    const res = r.results.dispose(r.campaign, attemptId, w.lead.id, w.outcome, disposition, callbackAt);
    if (!res.ok) {
      throw new DialerError(res.reason === 'lead_changed' || res.reason === 'not_in_progress' ? 'E_CONFLICT' : 'E_VALIDATION',
        REASONS[res.reason] ?? res.reason.replace(/_/g, ' '), res.field);
    }
    w.awaitingDisposition = false;
    w.lead = r.d.leads.get(w.lead.id) ?? w.lead;
    if (disposition === 'callback') this.onCallback();
    r.changed(s);
    return { status: res.status };
  }

  /** Calls an earlier customer again: only one in `manual` access (the agent reached max quota, or the list ran out). */
  callEarlier(agentId: UserId, leadId: number, phoneIndex = 0): void {
    const access = this.accessTo(agentId, leadId);
    if (access === 'none') throw new DialerError('E_NOT_FOUND', `customer ${leadId} is not one of yours in this session`);
    if (access === 'active') throw new DialerError('E_TRANSITION_DENIED', 'this is the customer in hand: use call now');
    if (access === 'read_only') throw new DialerError('E_TRANSITION_DENIED', 'this customer is read-only now: earlier customers can be called again once your quota is reached or the list is exhausted');
    this.r.callEarlier(agentId, leadId, phoneIndex);
  }

  private attemptOf(agentId: UserId, attemptId: number): DialAttempt {
    const a = this.r.d.attempts.get(attemptId);
    if (!a || a.campaignId !== this.r.id || a.agentId !== agentId) throw new DialerError('E_NOT_FOUND', `attempt ${attemptId} not found`);
    return a;
  }

  private accessTo(agentId: UserId, leadId: number): CustomerAccess {
    const s = this.r.session(agentId);
    const handed = this.r.d.attempts.handedOver(agentId, this.r.id, s.joinedAt).map((a) => a.leadId);
    return customerAccess({
      leadId, handedOver: handed, mode: this.r.campaign.dialingMode, agentAtMaxQuota: this.r.work.atMaxQuota(s), listExhausted: s.noCustomerSince !== null,
    });
  }

  saveAnswers(agentId: UserId, attemptId: number, answers: readonly ScriptAnswer[]): ScriptAnswer[] {
    const a = this.attemptOf(agentId, attemptId);
    const access = this.accessTo(agentId, a.leadId);
    if (access === 'read_only' || access === 'none') throw new DialerError('E_TRANSITION_DENIED', 'this customer is read-only now');
    const scriptId = this.r.campaign.scriptId;
    const script = scriptId === null ? undefined : this.r.d.scripts.get(scriptId);
    if (!script) throw new DialerError('E_VALIDATION', 'this campaign has no script', 'answers');
    answers.forEach((answer, i) => checkAnswer(script, answer, i));
    this.r.d.attempts.saveAnswers(attemptId, answers, this.r.d.clock.now());
    return this.r.d.attempts.answers(attemptId);
  }

  answers(agentId: UserId, attemptId: number): ScriptAnswer[] {
    return this.r.d.attempts.answers(this.attemptOf(agentId, attemptId).id);
  }

  /** The customers received in this session, oldest first, each once (its latest attempt). */
  received(agentId: UserId): ReceivedCustomer[] {
    const s = this.r.session(agentId);
    const latest = new Map<number, DialAttempt>();
    for (const a of this.r.d.attempts.handedOver(agentId, this.r.id, s.joinedAt)) {
      latest.delete(a.leadId);
      latest.set(a.leadId, a);
    }
    return [...latest.values()].map((a) => {
      const lead = this.r.d.leads.get(a.leadId);
      return {
        leadId: a.leadId, attemptId: a.id, name: lead?.name ?? '', phones: lead?.phones ?? [], status: lead?.status ?? null,
        outcome: a.outcome, disposition: a.disposition, callbackAt: a.callbackAt?.toISOString() ?? null,
        access: this.accessTo(agentId, a.leadId), answers: this.r.d.attempts.answers(a.id),
      };
    });
  }
}

function checkAnswer(script: Script, answer: ScriptAnswer, i: number): void {
  const q = script.questions.find((x) => x.id === answer.questionId);
  const bad = (message: string) => new DialerError('E_VALIDATION', message, `answers.${i}`);
  if (!q) throw bad(`question ${answer.questionId} is not in this campaign's script`);
  const v = answer.value;
  if (q.kind === 'free_text') {
    if (typeof v !== 'string') throw bad('a free-text answer is one string');
    return;
  }
  if (q.kind === 'single_choice') {
    if (typeof v !== 'string' || (v !== '' && !q.options.includes(v))) throw bad('the answer must be one of the question\'s options');
    return;
  }
  if (!Array.isArray(v) || v.some((o) => !q.options.includes(o)) || new Set(v).size !== v.length) {
    throw bad('the answer must be a list of the question\'s options, each once');
  }
}
