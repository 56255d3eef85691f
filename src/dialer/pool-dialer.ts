import type { CallRecord } from '../domain/call-record';
import { NOT_READY_NO_ANSWER } from '../domain/dialer/agent-session-state';
import { agentLineFlow } from '../domain/flows/agent-line-flow';
import type { CustomerCallOptions } from '../domain/flows/customer-call-state';
import { customerFirstFlow } from '../domain/flows/customer-first-flow';
import { ivrFlow } from '../domain/flows/ivr-flow';
import type { FlowNotice } from '../domain/flows/flow-types';
import type { UserId } from '../domain/roles';
import type { ActiveCall, AgentSession } from './agent-session';
import type { AgentWork } from './agent-work';
import type { CallNotice } from './dialer-telephony';
import { ivrScriptFor } from './ivr-script';
import { PacingTracker } from './pacing-tracker';
import type { RunnerContext } from './runner-context';

/**
 * Calls placed in one turn of the event loop: each claim and originate costs about a millisecond, and a
 * shift start (every agent's lines at once) would otherwise hold ARI events back for most of a second.
 */
const CALLS_PER_TURN = 25;

export const NOT_READY_LINE_CLOSED = 'line closed';

/**
 * Customer-first dialling for the pool (predictive, IVR): agents keep one answered line each; the pacer
 * (predictive) or the line limit (IVR) says how many customers to dial; an answered human goes to the first
 * free line (the telephony's dispatcher), and the agent's session follows.
 */
export class PoolDialer {
  readonly pacing: PacingTracker;
  private tickTimer: unknown;
  private kicking = false;

  constructor(private readonly x: RunnerContext, private readonly work: AgentWork) {
    this.pacing = new PacingTracker(x.d.attempts.abandonCounts(x.campaign.id), x.d.settings.rollingWindowMinutes * 60_000);
  }

  private get isIvr(): boolean { return this.x.campaign.dialingMode === 'ivr'; }

  /** The agent asked to be ready: at once if their line is up, else once it is. */
  requestReady(s: AgentSession): void {
    s.wantsReady = true;
    if (s.line?.line) {
      if (s.kind !== 'ready') s.apply({ type: 'setReady' });
      this.offer(s);
      return;
    }
    if (!s.line) this.openLine(s);
    this.x.changed(s);
  }

  private openLine(s: AgentSession): void {
    const extension = this.x.d.agents.get(s.agentId)?.extension;
    if (!extension) return;
    const handle = this.x.d.telephony.start(agentLineFlow({ extension, ringTimeoutSeconds: this.x.d.settings.agentRingTimeoutSeconds }), {
      ref: `agent${s.agentId}`, agentId: s.agentId, campaignId: this.x.campaign.id,
    });
    s.line = { handle, line: null, offered: false };
    void handle.finished.then(() => { if (s.line?.handle === handle) s.line = null; });
  }

  closeLine(s: AgentSession): void {
    this.withdraw(s);
    s.line?.handle.input({ kind: 'cancel' });
    s.line = null;
  }

  offer(s: AgentSession): void {
    if (s.kind === 'ready' && !s.line) return this.lineLostDuringCall(s);
    const line = s.line?.line;
    if (s.kind !== 'ready' || !line || s.line?.offered) return;
    if (this.work.atMaxQuota(s)) {
      this.x.agentEvent(s, 'quota_reached');
      return;
    }
    s.line!.offered = true;
    this.x.d.telephony.offerLine(line);
    this.kick();
  }

  /** Back to ready after a call during which the PBX took the line away: a new line first. */
  private lineLostDuringCall(s: AgentSession): void {
    s.apply({ type: 'telephonyLost' });
    s.wantsReady = true;
    if (this.x.canDial()) this.requestReady(s);
    this.x.changed(s);
  }

  withdraw(s: AgentSession): void {
    if (!s.line?.offered || !s.line.line) return;
    s.line.offered = false;
    this.x.d.telephony.removeLine(s.line.line.lineId);
  }

  onLineNotice(s: AgentSession, n: CallNotice): void {
    switch (n.notice.kind) {
      case 'lineReady':
        if (s.line && n.line) s.line.line = n.line;
        this.x.agentEvent(s, 'line_ready');
        if (s.wantsReady) this.requestReady(s);
        break;
      case 'agentUnreachable':
        s.wantsReady = false;
        if (s.kind === 'ready' || s.kind === 'not_ready') s.apply({ type: 'setNotReady', reason: NOT_READY_NO_ANSWER });
        this.x.agentEvent(s, 'agent_unreachable');
        break;
      case 'lineClosed':
        s.line = null;
        if (n.notice.byPbx) {
          // The PBX took the line away (restart, unreachable): the agent still wants to work and gets a new
          // line when telephony is back (the runner's wake). Reopening here would spin while the PBX is down.
          s.wantsReady ||= s.kind !== 'not_ready';
          if (s.kind === 'ready') s.apply({ type: 'telephonyLost' });
        } else {
          s.wantsReady = false;
          if (s.kind === 'ready') s.apply({ type: 'setNotReady', reason: NOT_READY_LINE_CLOSED });
        }
        this.x.agentEvent(s, 'line_closed', n.notice.byPbx ? { byPbx: true } : {});
        break;
      default:
        return;
    }
    this.x.reviewExits(s);
    this.x.changed(s);
  }

  /** Places as many calls as the pacer (or the IVR line limit) allows now; re-looks every pacingIntervalMs. */
  kick(): void {
    if (this.kicking) return;
    this.kicking = true;
    try {
      this.x.d.timers.clearTimeout(this.tickTimer);
      this.tickTimer = undefined;
      if (!this.x.canDial()) return;
      this.x.reviewExits();
      const now = this.x.d.clock.now();
      // An agent who asked to leave or pause is no supply for new calls (those in flight still reach them).
      const sessions = [...this.x.sessions.values()].filter((a) => a.exit.kind === 'none');
      const calls = [...this.x.calls.values()];
      const n = this.isIvr
        ? Math.max(0, this.x.d.settings.ivrMaxLines - calls.length)
        : this.pacing.decide(this.x.campaign, this.x.d.settings, now, sessions, calls).callsToPlace;
      let placed = 0;
      const turn = Math.min(n, CALLS_PER_TURN);
      while (placed < turn && this.place()) placed++;
      const busy = this.isIvr ? calls.length + placed > 0 : [...this.x.sessions.values()].some((a) => a.line?.line && ['ready', 'talking', 'wrap_up'].includes(a.kind));
      // More were wanted than one turn places: look again at once, after the events waiting meanwhile.
      const more = placed === CALLS_PER_TURN && n > CALLS_PER_TURN;
      if (busy || more) this.tickTimer = this.x.d.timers.setTimeout(() => this.kick(), more ? 0 : this.x.d.settings.pacingIntervalMs);
      if (placed > 0) this.x.changed();
    } finally {
      this.kicking = false;
    }
  }

  stop(): void {
    this.x.d.timers.clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
  }

  private place(): boolean {
    const { d, campaign: c } = this.x;
    const now = d.clock.now();
    const claimed = this.x.selector.claimNext(c, null, now);
    if (!claimed) return false;
    const number = claimed.lead.phones[0];
    const list = number ? d.blocks.check(number) : null;
    if (!number || list) {
      if (list) this.x.results.blocked(claimed.attempt.id, claimed.lead.id, list);
      else this.x.results.release(c, claimed.attempt.id, claimed.lead.id, 'not_dialed');
      return true;
    }
    if (!d.attempts.markDialing(claimed.attempt.id, number, now)) return true;
    const opts: CustomerCallOptions = {
      number, callerId: c.callerId ? { number: c.callerId } : undefined, ringTimeoutSeconds: d.settings.ringTimeoutSeconds,
      amd: !this.isIvr, record: c.recordCalls,
      machine: c.machineAction === 'message' && c.machineMessage ? { kind: 'message', media: [`sound:${c.machineMessage}`] } : { kind: 'hangup' },
      agent: this.isIvr && !c.ivr?.agentTransfer ? null : { holdMaxSeconds: d.settings.holdMaxSeconds, mohClass: d.settings.mohClass, safeHarborMedia: d.settings.safeHarborMedia },
    };
    const flow = this.isIvr && c.ivr
      ? ivrFlow({ ...opts, ivr: ivrScriptFor(c.ivr, { invalidMedia: d.settings.ivrInvalidMedia }) })
      : customerFirstFlow({ ...opts, agent: opts.agent! });
    const handle = d.telephony.start(flow, {
      ref: String(claimed.attempt.id), attemptId: claimed.attempt.id, campaignId: c.id, contactId: claimed.lead.contactId ?? undefined, phoneNumber: number,
    });
    const call: ActiveCall = { attemptId: claimed.attempt.id, driver: 'pool', lead: claimed.lead, handle, agentId: null, phase: 'dialing', dialedAt: now, answeredAt: null, connectedAt: null };
    this.x.calls.set(call.attemptId, call);
    void handle.finished.then((r) => this.finished(call.attemptId, r), (err: unknown) => this.x.log.error('call failed', { err, attemptId: call.attemptId }));
    return true;
  }

  onNotice(attemptId: number, n: CallNotice): void {
    const call = this.x.calls.get(attemptId);
    if (!call) return;
    const now = this.x.d.clock.now();
    const notice: FlowNotice = n.notice;
    switch (notice.kind) {
      case 'customerRinging': call.phase = 'customer_ringing'; break;
      case 'customerAnswered':
        call.answeredAt = now;
        call.phase = 'waiting';
        this.x.d.attempts.markAnswered(attemptId, now);
        break;
      case 'waitingForAgent': call.phase = 'waiting'; break;
      case 'connected': this.connected(call, n.legs.agent, now); break;
      default: return;
    }
    this.x.changed();
  }

  private connected(call: ActiveCall, agentLeg: string | undefined, now: Date): void {
    const s = [...this.x.sessions.values()].find((a) => a.line?.line && a.line.line.agentLeg === agentLeg);
    call.phase = 'connected';
    call.connectedAt = now;
    call.agentId = s?.agentId ?? null;
    this.x.d.attempts.markConnected(call.attemptId, call.agentId, now);
    if (!s) {
      this.x.log.error('customer connected to a line no session owns', { attemptId: call.attemptId });
      return;
    }
    s.line!.offered = false;
    this.work.settlePrevious(s);
    const attempt = this.x.d.attempts.get(call.attemptId)!;
    s.work = { lead: call.lead, attempt, call, awaitingDisposition: false, outcome: null };
    s.apply({ type: 'callStarted', leadId: call.lead.id, customerConnected: true });
    s.apply({ type: 'agentAnswered' });
    this.x.agentEvent(s, 'customer_handed_over', { leadId: call.lead.id, attemptId: call.attemptId });
    this.x.agentEvent(s, 'call_connected', { leadId: call.lead.id, attemptId: call.attemptId });
    this.x.callSettled(call.attemptId);
  }

  private finished(attemptId: number, record: CallRecord): void {
    const call = this.x.calls.get(attemptId);
    this.x.calls.delete(attemptId);
    if (!call) return;
    const { d, campaign: c } = this.x;
    const now = d.clock.now();
    this.pacing.callEnded(now, call, record.outcome);
    if (record.outcome === null) {
      this.x.results.release(c, attemptId, call.lead.id, 'not_dialed');
    } else {
      d.attempts.end(attemptId, record.outcome, record.endReason, now);
      const s = call.agentId === null ? undefined : this.x.sessions.get(call.agentId as UserId);
      if (s?.work?.attempt.id === attemptId) {
        s.work.call = null;
        s.work.outcome = record.outcome;
        s.work.awaitingDisposition = record.outcome === 'answered';
        if (record.outcome !== 'answered') this.x.results.outcome(c, attemptId, call.lead.id, record.outcome);
        this.x.agentEvent(s, 'call_ended', { attemptId, outcome: record.outcome });
        this.work.afterCall(s, call.lead.id);
      } else if (record.outcome === 'answered' && !this.isIvr) {
        this.x.results.reachedWithoutDisposition(c, attemptId, call.lead.id);
      } else {
        this.x.results.outcome(c, attemptId, call.lead.id, record.outcome);
      }
    }
    this.x.callSettled(attemptId);
    this.kick();
    this.x.changed();
  }
}
