import type { Logger } from 'winston';
import type { Campaign } from '../domain/campaign';
import { NOT_READY_TELEPHONY_LOST, type AgentState } from '../domain/dialer/agent-session-state';
import { dialingModeRules } from '../domain/dialer/dialing-mode-rules';
import type { UserId } from '../domain/roles';
import { DialerError } from '../errors';
import { AgentSession } from './agent-session';
import { AgentExits } from './agent-exits';
import { agentView, offlineView, type AgentView } from './agent-view';
import { AgentWork } from './agent-work';
import type { CallResults } from './call-results';
import type { CallNotice } from './dialer-telephony';
import type { EngineDeps } from './engine-deps';
import type { LeadSelector } from './lead-selector';
import { PoolDialer } from './pool-dialer';
import type { AgentEventName, RunnerContext } from './runner-context';

export interface RunnerHooks {
  /** Recovery done: the engine may place calls. */
  engineReady(): boolean;
  viewChanged(s: AgentSession, view: AgentView): void;
  liveChanged(campaignId: number): void;
  sessionClosed(agentId: UserId): void;
}

const denied = (message: string, field?: string): DialerError => new DialerError('E_TRANSITION_DENIED', message, field);

/** On the phone or finishing a call: an agent here leaves only when forced (the call goes on). */
export const busyWithACall = (s: AgentSession): boolean => s.kind === 'ringing' || s.kind === 'talking' || s.kind === 'wrap_up';

/**
 * One campaign while it runs: its agents' sessions and its calls. Agent requests come in from the API, notices
 * and finished calls from telephony, state changes (pause, resume, end) from the campaign; the mode decides
 * whether work reaches agents through AgentWork (agent-first) or the PoolDialer (customer-first).
 */
export class CampaignRunner implements RunnerContext {
  readonly sessions = new Map<UserId, AgentSession>();
  readonly calls: RunnerContext['calls'] = new Map();
  readonly log: Logger;
  readonly work: AgentWork;
  readonly exits: AgentExits;
  readonly pool: PoolDialer | null;
  private current: Campaign;
  private ending = false;

  constructor(campaign: Campaign, readonly d: EngineDeps, readonly selector: LeadSelector, readonly results: CallResults, private readonly hooks: RunnerHooks) {
    this.current = campaign;
    this.log = d.log.child({ campaignId: campaign.id });
    this.work = new AgentWork(this);
    this.exits = new AgentExits(this);
    const rules = dialingModeRules(campaign.dialingMode);
    this.pool = rules.flow === 'agent_first' ? null : new PoolDialer(this, this.work);
  }

  get campaign(): Campaign { return this.current; }
  get id(): number { return this.current.id; }

  canDial(): boolean {
    return this.current.state === 'running' && !this.ending && this.hooks.engineReady() && this.d.telephony.status === 'ready';
  }

  becameReady(s: AgentSession, asked: boolean): void {
    if (s.kind !== 'ready') return;
    if (this.pool) {
      // Offered first: a customer on hold takes the line at once; with nobody left for them a pending exit completes.
      this.pool.offer(s);
      this.exits.review(s);
      return;
    }
    if (asked || dialingModeRules(this.current.dialingMode).nextCustomerAfterWrapUp) this.work.deliverNext(s);
  }

  changed(s?: AgentSession): void {
    if (s && this.sessions.get(s.agentId) === s) this.hooks.viewChanged(s, this.view(s));
    this.hooks.liveChanged(this.id);
  }

  callSettled(attemptId: number): void { this.exits.settled(attemptId); }

  reviewExits(s?: AgentSession): void { this.exits.review(s); }

  wrapUpEnded(ms: number): void { this.pool?.pacing.wrapUpEnded(this.d.clock.now(), ms); }

  agentEvent(s: AgentSession, event: AgentEventName, extra: Record<string, unknown> = {}): void {
    this.d.notifier.toUser(s.agentId, { type: 'agent.event', event, campaignId: this.id, at: this.d.clock.now().toISOString(), ...extra });
  }

  view(s: AgentSession): AgentView {
    return agentView(s, this.current, this.work.atMaxQuota(s));
  }

  /** A new session (not ready, reason "joined"), or one restored after a restart with the state it was stored in. */
  join(agentId: UserId, restored?: { joinedAt: Date; state: AgentState; since: Date }): AgentSession {
    const now = this.d.clock.now();
    const s = new AgentSession(agentId, this.id, restored?.joinedAt ?? now, restored ?? { state: { kind: 'offline' }, since: now }, {
      store: this.d.sessions, clock: this.d.clock, timers: this.d.timers, log: this.log, changed: (x) => this.changed(x),
    });
    this.sessions.set(agentId, s);
    if (!restored) s.apply({ type: 'join' });
    if (this.current.state === 'paused' && s.kind !== 'paused') s.apply({ type: 'campaignPaused' });
    return s;
  }

  session(agentId: UserId): AgentSession {
    const s = this.sessions.get(agentId);
    if (!s) throw new DialerError('E_CONFLICT', 'not joined to this campaign');
    return s;
  }

  setReady(agentId: UserId): void {
    const s = this.session(agentId);
    // Ready again while a leave or pause waits: the agent stays, and counts as supply again.
    if (this.exits.cancel(s)) {
      this.pool?.kick();
      return;
    }
    if (s.kind === 'paused') { this.must(s.apply({ type: 'setReady' })); return; }
    if (s.kind !== 'not_ready' && s.kind !== 'ready') throw denied(s.kind === 'wrap_up' ? 'in wrap-up: use next customer' : `cannot get ready while ${s.kind}`);
    if (this.pool) {
      if (!this.d.agents.get(agentId)?.extension) throw new DialerError('E_VALIDATION', 'this agent has no phone extension', 'extension');
      this.pool.requestReady(s);
      return;
    }
    this.must(s.apply({ type: 'setReady' }));
    this.becameReady(s, false);
  }

  /**
   * Not ready with a reason. In customer-first modes, while customers dialed for the agent are still in flight, it
   * waits for them ("pausing after this call"); `force` pauses at once.
   */
  setNotReady(agentId: UserId, reason: string, force = false): void {
    this.exits.request(this.session(agentId), { kind: 'not_ready', reason }, force);
  }

  /** Carries out a not-ready (at once, or when a pending pause completes). */
  notReadyNow(s: AgentSession, reason: string): void {
    const wasWrapUp = s.kind === 'wrap_up';
    this.must(s.apply({ type: 'setNotReady', reason }));
    s.wantsReady = false;
    s.cancelTimer('idle');
    if (this.pool) this.pool.withdraw(s);
    if (wasWrapUp) this.work.wrapUp(s, { type: 'cancel' });
    this.changed(s);
  }

  nextCustomer(agentId: UserId): void {
    const s = this.session(agentId);
    if (s.kind === 'wrap_up') {
      if (!this.work.wrapUp(s, { type: 'nextCustomer' })) throw denied('no wrap-up is running');
      return;
    }
    if (s.kind !== 'ready') throw denied(`no next customer while ${s.kind}`);
    if (this.pool) return;
    if (!this.work.deliverNext(s)) throw new DialerError('E_CONFLICT', this.work.atMaxQuota(s) ? 'quota reached' : 'no customer to call now');
  }

  callNow(agentId: UserId, phoneIndex?: number): void {
    const s = this.session(agentId);
    const r = this.work.handover(s, { type: 'callNow', phoneIndex });
    if (r) throw denied(r.replace(/_/g, ' '), r === 'no_such_number' || r === 'number_choice_not_allowed' ? 'phoneIndex' : undefined);
  }

  /**
   * The agent calls one of their earlier customers again (its access must be `manual`, which the caller checks):
   * only when idle and ready, in agent-first modes, under the recall rule (isEligibleForRecall).
   */
  callEarlier(agentId: UserId, leadId: number, phoneIndex: number): void {
    const s = this.session(agentId);
    if (this.pool) throw denied('calling an earlier customer again is for agent-first campaigns (the agent line is busy in this mode)');
    if (s.kind !== 'ready') throw denied(`cannot call while ${s.kind.replace(/_/g, ' ')}: get ready first`);
    if (s.work?.call || s.handover.kind === 'previewing' || s.handover.kind === 'waiting_for_agent') throw denied('finish the customer in hand first');
    if (!this.canDial()) throw new DialerError('E_TELEPHONY_UNAVAILABLE', 'no calls can be placed now');
    const lead = this.d.leads.get(leadId);
    if (!lead || phoneIndex >= lead.phones.length) throw new DialerError('E_VALIDATION', 'this customer has no such number', 'phoneIndex');
    const claimed = this.selector.claimChosen(this.current, leadId, agentId, this.d.clock.now());
    if ('refused' in claimed) throw denied(`this customer cannot be called now: ${claimed.refused.replace(/_/g, ' ')}`);
    this.work.callEarlier(s, claimed, phoneIndex);
  }

  skip(agentId: UserId): void {
    const s = this.session(agentId);
    const r = this.work.handover(s, { type: 'skip' });
    if (r) throw denied(r.replace(/_/g, ' '));
  }

  hangup(agentId: UserId): void {
    const call = this.session(agentId).work?.call;
    if (!call) throw denied('no call to hang up');
    call.handle.input({ kind: 'cancel', by: 'agent' });
  }

  /**
   * Leaves the campaign; during a call only when forced (the call goes on, its result is kept). In customer-first
   * modes the leave waits for the customers dialed for the agent that are still in flight, and for the end of a
   * wrap-up ("leaving after this call"); in agent-first modes it is refused during a wrap-up.
   */
  leave(agentId: UserId, force = false): void {
    this.exits.request(this.session(agentId), { kind: 'leave' }, force);
  }

  /** Carries out a leave (at once, forced, or when a pending leave completes); the agent's page is told. */
  leaveNow(s: AgentSession): void {
    const agentId = s.agentId;
    // The state changes first, so a customer in preview goes back without an extra "ready" in the records.
    this.must(s.apply({ type: 'leave', force: true }));
    this.work.handover(s, { type: 'cancel' });
    if (!s.work?.call) this.work.settlePrevious(s);
    this.pool?.closeLine(s);
    s.clearTimers();
    this.sessions.delete(agentId);
    this.hooks.sessionClosed(agentId);
    this.hooks.viewChanged(s, offlineView());
    this.hooks.liveChanged(this.id);
  }

  private must(r: { ok: true } | { ok: false; rejection: { message: string } }): void {
    if (!r.ok) throw denied(r.rejection.message);
  }

  /** The campaign changed state (running, paused, ended) or was re-read. */
  refresh(c: Campaign): void {
    const before = this.current.state;
    this.current = c;
    if (c.state === 'paused' && before !== 'paused') this.pause();
    if (c.state === 'running' && before === 'paused') this.resume();
    if (c.state === 'running') this.wake();
  }

  private pause(): void {
    this.pool?.stop();
    for (const s of [...this.sessions.values()]) {
      s.apply({ type: 'campaignPaused' });
      this.work.handover(s, { type: 'cancel' });
      if (this.pool) this.pool.withdraw(s);
      s.cancelTimer('idle');
    }
    this.exits.review();
  }

  private resume(): void {
    for (const s of this.sessions.values()) s.apply({ type: 'campaignResumed' });
  }

  /** Gives work to every ready agent and lets the pacer look (after a resume, a reconnect, recovery). */
  wake(): void {
    if (!this.canDial()) return;
    for (const s of this.sessions.values()) {
      if (s.kind === 'not_ready' && s.state.kind === 'not_ready' && s.state.reason === NOT_READY_TELEPHONY_LOST && s.wantsReady) {
        this.setReady(s.agentId);
      } else if (s.kind === 'ready' && !s.work?.call && s.handover.kind !== 'previewing' && s.handover.kind !== 'waiting_for_agent') {
        this.becameReady(s, false);
      }
    }
    this.pool?.kick();
  }

  /** Telephony dropped: no calls can be placed, so idle agents go not ready until it is back. */
  telephonyLost(): void {
    this.pool?.stop();
    for (const s of this.sessions.values()) {
      if (s.kind !== 'ready' && s.kind !== 'previewing') continue;
      s.apply({ type: 'telephonyLost' });
      this.work.handover(s, { type: 'cancel' });
      this.pool?.withdraw(s);
      s.wantsReady = true;
      s.cancelTimer('idle');
    }
    this.exits.review();
  }

  /**
   * The campaign ended: no new calls, and every session closes. Calls still going on finish by themselves and
   * their results are written as usual (an answered one without a disposition counts as reached).
   */
  end(): void {
    this.ending = true;
    this.pool?.stop();
    for (const s of [...this.sessions.values()]) this.leave(s.agentId, true);
  }

  onNotice(n: CallNotice): void {
    if (n.flow === 'agent-line') {
      const s = n.meta.agentId === undefined ? undefined : this.sessions.get(n.meta.agentId);
      if (s && this.pool) this.pool.onLineNotice(s, n);
      return;
    }
    const attemptId = n.meta.attemptId;
    const call = attemptId === undefined ? undefined : this.calls.get(attemptId);
    if (!call || attemptId === undefined) return;
    if (call.driver === 'pool') return this.pool?.onNotice(attemptId, n);
    const s = call.agentId === null ? undefined : this.sessions.get(call.agentId);
    this.work.onNotice(s, call, n.notice);
  }

  /** The joined-campaign text for logs and errors. */
  describe(): string { return `campaign ${this.id} (${this.current.dialingMode}, ${this.current.state})`; }
}
