import type { CallRecord } from '../domain/call-record';
import * as handover from '../domain/dialer/customer-handover-flow';
import type { HandoverInput, HandoverRejection } from '../domain/dialer/customer-handover-flow';
import * as wrapUp from '../domain/dialer/wrap-up-flow';
import type { WrapUpInput } from '../domain/dialer/wrap-up-flow';
import { agentFirstFlow } from '../domain/flows/agent-first-flow';
import type { FlowNotice } from '../domain/flows/flow-types';
import type { ActiveCall, AgentSession } from './agent-session';
import type { Claimed } from './lead-selector';
import { agentQuotaStatus } from './campaign-policies';
import type { RunnerContext } from './runner-context';

/**
 * The agent's side of every mode: getting a customer (agent-first modes), the hand-over countdown, placing
 * the agent-first call, following it, and the wrap-up that ends with the next customer. The deciders in
 * src/domain/dialer/ say what happens; this class carries it out with the store, timers and telephony.
 */
export class AgentWork {
  constructor(private readonly x: RunnerContext) {}

  /** Whether the agent reached the quota's maximum (then no new customer comes). */
  atMaxQuota(s: AgentSession): boolean {
    const c = this.x.campaign;
    // Without a quota there is nothing to count (this runs before every hand-over).
    if (c.quota.kind === 'none') return false;
    return agentQuotaStatus(c, s.agentId, this.x.d.clock.now(), this.x.d.attempts).atMax;
  }

  /** An answered call nobody disposed of stops being the agent's to dispose once another customer comes. */
  settlePrevious(s: AgentSession): void {
    const w = s.work;
    if (!w) return;
    if (w.awaitingDisposition) this.x.results.reachedWithoutDisposition(this.x.campaign, w.attempt.id, w.lead.id);
    s.work = null;
  }

  /** Claims the next customer for a ready agent and hands it over; false when there is none now. */
  deliverNext(s: AgentSession): boolean {
    s.cancelTimer('idle');
    if (s.kind !== 'ready' || !this.x.canDial()) return false;
    const now = this.x.d.clock.now();
    if (this.atMaxQuota(s)) {
      this.x.agentEvent(s, 'quota_reached');
      this.x.changed(s);
      return false;
    }
    const claimed = this.x.selector.claimNext(this.x.campaign, s.agentId, now);
    if (!claimed) {
      s.noCustomerSince ??= now;
      this.x.agentEvent(s, 'no_customer');
      this.x.changed(s);
      this.retryLater(s);
      return false;
    }
    s.noCustomerSince = null;
    this.handOver(s, claimed);
    const c = this.x.campaign;
    const previewMs = c.previewSeconds === null ? 0 : c.previewSeconds * 1000;
    // A preview campaign without preview seconds lets the agent decide when to call: no countdown.
    const mode = c.dialingMode === 'preview' && c.previewSeconds === null ? 'manual' : c.dialingMode;
    this.handover(s, { type: 'handedOver', leadId: claimed.lead.id, mode, previewMs, phoneCount: claimed.lead.phones.length });
    return true;
  }

  /** An earlier customer the agent calls again: handed over as in manual mode and dialled at once on their number. */
  callEarlier(s: AgentSession, claimed: Claimed, phoneIndex: number): void {
    this.handOver(s, claimed);
    this.handover(s, { type: 'handedOver', leadId: claimed.lead.id, mode: 'manual', previewMs: 0, phoneCount: claimed.lead.phones.length });
    this.handover(s, { type: 'callNow', phoneIndex });
  }

  private handOver(s: AgentSession, claimed: Claimed): void {
    this.settlePrevious(s);
    s.work = { lead: claimed.lead, attempt: claimed.attempt, call: null, awaitingDisposition: false, outcome: null };
    s.handover = handover.initialHandover;
    s.apply({ type: 'customerHandedOver', leadId: claimed.lead.id });
    this.x.agentEvent(s, 'customer_handed_over', { leadId: claimed.lead.id, attemptId: claimed.attempt.id });
  }

  /** Looks again when the next contact falls due, or after idleRetryMs at most. */
  private retryLater(s: AgentSession): void {
    const now = this.x.d.clock.now().getTime();
    const due = this.x.d.leads.nextDueAt(this.x.campaign.id, new Date(now));
    const wait = Math.min(this.x.d.settings.idleRetryMs, due ? Math.max(due.getTime() - now, 0) + 1 : Infinity);
    s.startTimer('idle', wait, () => { if (s.kind === 'ready' && !s.work?.call) this.deliverNext(s); });
  }

  /** Feeds the hand-over decider and carries out what it says; a refusal comes back for the API to report. */
  handover(s: AgentSession, input: HandoverInput): HandoverRejection | null {
    const effects = handover.decide(s.handover, input);
    s.handover = handover.evolve(s.handover, input);
    for (const e of effects) {
      switch (e.kind) {
        case 'startTimer':
          s.deadlines.preview = new Date(this.x.d.clock.now().getTime() + e.ms);
          s.startTimer('preview', e.ms, () => this.handover(s, { type: 'timerFired', name: e.name }));
          break;
        case 'cancelTimer':
          s.deadlines.preview = null;
          s.cancelTimer('preview');
          break;
        case 'startCall':
          s.deadlines.preview = null;
          this.dial(s, e.phoneIndex);
          break;
        case 'releaseCustomer':
          this.release(s, e.reason);
          break;
        case 'rejected':
          return e.reason;
      }
    }
    this.x.changed(s);
    return null;
  }

  /** The hand-over gave the customer back: skipped (manual) or cancelled (left, paused, telephony lost). */
  private release(s: AgentSession, reason: 'skipped' | 'cancelled'): void {
    const w = s.work;
    if (!w) return;
    if (reason === 'skipped') {
      this.x.d.attempts.end(w.attempt.id, null, 'skipped', this.x.d.clock.now());
      this.x.results.dispose(this.x.campaign, w.attempt.id, w.lead.id, 'not_dialed', 'skip');
    } else {
      this.x.results.release(this.x.campaign, w.attempt.id, w.lead.id, 'not_dialed');
    }
    s.work = null;
    if (s.kind === 'previewing') s.apply({ type: 'customerReleased', leadId: w.lead.id });
    this.x.agentEvent(s, 'customer_released', { leadId: w.lead.id, reason });
  }

  /** Places the agent-first call: DNC/blacklist again, then the one claimed → dialing change, then the originate. */
  private dial(s: AgentSession, phoneIndex: number): void {
    const w = s.work;
    if (!w) return;
    const { d, campaign: c } = this.x;
    const number = w.lead.phones[phoneIndex] ?? w.lead.phones[0];
    const agent = d.agents.get(s.agentId);
    const list = number ? d.blocks.check(number) : null;
    if (!number || list || !agent?.extension || !this.x.canDial()) {
      if (list) this.x.results.blocked(w.attempt.id, w.lead.id, list);
      else this.x.results.release(c, w.attempt.id, w.lead.id, 'not_dialed');
      this.x.log.warn('customer not dialled', { attemptId: w.attempt.id, reason: list ?? (!number ? 'no number' : !agent?.extension ? 'agent has no extension' : 'cannot dial now') });
      s.work = null;
      s.apply({ type: 'customerReleased', leadId: w.lead.id });
      this.x.agentEvent(s, list ? 'customer_blocked' : 'customer_released', { leadId: w.lead.id });
      if (list) this.x.becameReady(s, false);
      return;
    }
    const now = d.clock.now();
    if (!d.attempts.markDialing(w.attempt.id, number, now)) {
      this.x.log.error('attempt was no longer claimed; not dialling it', { attemptId: w.attempt.id });
      s.work = null;
      s.apply({ type: 'customerReleased', leadId: w.lead.id });
      return;
    }
    s.apply({ type: 'callStarted', leadId: w.lead.id });
    const flow = agentFirstFlow({
      customer: { number, callerId: c.callerId ? { number: c.callerId } : undefined },
      agent: { kind: 'ring', extension: agent.extension, ringTimeoutSeconds: d.settings.agentRingTimeoutSeconds },
      ringTimeoutSeconds: d.settings.ringTimeoutSeconds,
      record: c.recordCalls,
    });
    const handle = d.telephony.start(flow, {
      ref: String(w.attempt.id), attemptId: w.attempt.id, campaignId: c.id, contactId: w.lead.contactId ?? undefined, agentId: s.agentId, phoneNumber: number,
    });
    const call: ActiveCall = { attemptId: w.attempt.id, driver: 'agent_first', lead: w.lead, handle, agentId: s.agentId, phase: 'agent_ringing', dialedAt: now, answeredAt: null, connectedAt: null };
    w.call = call;
    this.x.calls.set(call.attemptId, call);
    void handle.finished.then((record) => this.finished(s, call, record), (err: unknown) => this.x.log.error('call failed', { err, attemptId: call.attemptId }));
  }

  onNotice(s: AgentSession | undefined, call: ActiveCall, notice: FlowNotice): void {
    const tracked = this.x.calls.get(call.attemptId) === call ? call : undefined;
    const now = this.x.d.clock.now();
    switch (notice.kind) {
      case 'agentAnswered':
        if (tracked) tracked.phase = 'dialing';
        s?.apply({ type: 'agentAnswered' });
        break;
      case 'customerRinging':
        if (tracked) tracked.phase = 'customer_ringing';
        break;
      case 'customerAnswered':
        if (tracked) tracked.answeredAt = now;
        this.x.d.attempts.markAnswered(call.attemptId, now);
        break;
      case 'connected':
        if (tracked) { tracked.phase = 'connected'; tracked.connectedAt = now; }
        this.x.d.attempts.markConnected(call.attemptId, call.agentId, now);
        s?.apply({ type: 'customerConnected' });
        if (s) this.x.agentEvent(s, 'call_connected', { attemptId: call.attemptId, leadId: call.lead.id });
        break;
      default:
        return;
    }
    this.x.changed(s);
  }

  private finished(s: AgentSession, call: ActiveCall, record: CallRecord): void {
    this.x.calls.delete(call.attemptId);
    const { d, campaign: c } = this.x;
    const live = this.x.sessions.get(s.agentId) === s ? s : undefined;
    if (record.outcome === null) {
      this.x.results.release(c, call.attemptId, call.lead.id, 'not_dialed');
      if (live?.work?.attempt.id === call.attemptId) live.work = null;
      if (live && record.endReason === 'agent_unreachable') {
        live.apply({ type: 'agentNoAnswer' });
        this.x.agentEvent(live, 'agent_unreachable', { attemptId: call.attemptId });
      } else if (live) {
        this.afterCall(live, call.lead.id);
      }
      this.x.changed(live);
      return;
    }
    d.attempts.end(call.attemptId, record.outcome, record.endReason, d.clock.now());
    const answered = record.outcome === 'answered';
    if (!answered) this.x.results.outcome(c, call.attemptId, call.lead.id, record.outcome);
    if (live?.work?.attempt.id === call.attemptId) {
      live.work.call = null;
      live.work.outcome = record.outcome;
      live.work.awaitingDisposition = answered;
    } else if (answered) {
      this.x.results.reachedWithoutDisposition(c, call.attemptId, call.lead.id);
    }
    if (live) {
      this.x.agentEvent(live, 'call_ended', { attemptId: call.attemptId, outcome: record.outcome });
      this.afterCall(live, call.lead.id);
    }
  }

  /** The call is over for the agent: wrap-up if they were on it, else straight back to work. */
  afterCall(s: AgentSession, leadId: number): void {
    s.apply({ type: 'callEnded' });
    if (s.kind === 'wrap_up') {
      this.wrapUp(s, { type: 'callEnded', leadId, mode: this.x.campaign.dialingMode, wrapUpMs: this.x.campaign.wrapUpSeconds * 1000 });
    } else if (s.kind === 'ready') {
      this.x.becameReady(s, false);
    }
    this.x.changed(s);
  }

  /** Feeds the wrap-up decider; at its end the agent is ready again and, where the mode says so, gets the next customer. */
  wrapUp(s: AgentSession, input: WrapUpInput): boolean {
    const effects = wrapUp.decide(s.wrapUp, input);
    s.wrapUp = wrapUp.evolve(s.wrapUp, input);
    let ok = true;
    for (const e of effects) {
      if (e.kind === 'startTimer') {
        s.deadlines.wrapUp = new Date(this.x.d.clock.now().getTime() + e.ms);
        s.startTimer('wrap_up', e.ms, () => this.wrapUp(s, { type: 'timerFired', name: e.name }));
      } else if (e.kind === 'cancelTimer') {
        s.cancelTimer('wrap_up');
      } else if (e.kind === 'rejected') {
        ok = false;
      } else if (e.kind === 'wrapUpEnded') {
        s.deadlines.wrapUp = null;
        if (s.kind === 'wrap_up') this.x.wrapUpEnded(this.x.d.clock.now().getTime() - s.since.getTime());
        if (e.cause !== 'cancelled' && s.kind === 'wrap_up') s.apply({ type: 'wrapUpEnded', cause: e.cause });
        if (s.kind === 'ready') this.x.becameReady(s, e.deliverNextCustomer);
      }
    }
    this.x.changed(s);
    return ok;
  }
}
