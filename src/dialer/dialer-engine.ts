import type { Logger } from 'winston';
import type { CallRecord } from '../domain/call-record';
import { applyAgentEvent } from '../domain/dialer/apply-agent-event';
import type { Campaign } from '../domain/campaign';
import type { ScriptAnswer } from '../domain/dialer/dial-attempt';
import type { Disposition } from '../domain/disposition';
import type { UserId } from '../domain/roles';
import { DialerError, notFound } from '../errors';
import { AgentCustomers, type ReceivedCustomer } from './agent-customers';
import { offlineView, type AgentView } from './agent-view';
import { CallResults } from './call-results';
import { AgentPresence } from './agent-presence';
import { CallbackReminders, type CallbackReminder } from './callback-reminders';
import type { AgentSession } from './agent-session';
import { busyWithACall, CampaignRunner } from './campaign-runner';
import type { StoredSession } from './dialer-ports';
import type { CallNotice, OrphanChannels, TelephonyStatus } from './dialer-telephony';
import type { EngineDeps } from './engine-deps';
import { LeadSelector } from './lead-selector';
import { LivePublisher } from './live-publisher';
import { liveSnapshot, type LiveSnapshot } from './live-snapshot';
import { Recovery } from './recovery';
import { ClickToCallDesk } from './click-to-call/click-to-call-desk';
import { InboundDesk } from './inbound/inbound-desk';

/** The not-ready reason a joined agent is given while an inbound call has them. */
export const INBOUND_NOT_READY = 'inbound call';

const SYNC_INTERVAL_MS = 60_000;

/**
 * The dialer engine: one runner per running (or paused) campaign, the agents' sessions inside them, recovery
 * at start-up, callback reminders and the supervisors' live view. Everything it needs comes in through
 * EngineDeps; nothing here touches ARI, SQL or HTTP.
 */
export class DialerEngine {
  private readonly runners = new Map<number, CampaignRunner>();
  private readonly agentCampaign = new Map<UserId, number>();
  private readonly selector: LeadSelector;
  private readonly results: CallResults;
  private readonly recovery: Recovery;
  private readonly reminders: CallbackReminders;
  private readonly presence: AgentPresence;
  private readonly live: LivePublisher;
  /** The agents' click-to-calls (outside campaigns). */
  readonly calls: ClickToCallDesk;
  /** Inbound calls to the agents. */
  readonly inbound: InboundDesk;
  private readonly log: Logger;
  private readonly unsubscribe: (() => void)[] = [];
  private syncTimer: unknown;
  private started = false;

  constructor(private readonly d: EngineDeps) {
    this.log = d.log.child({ component: 'dialer' });
    this.selector = new LeadSelector({
      leads: d.leads, attempts: d.attempts, blocks: d.blocks, random: d.random, log: this.log,
      hopper: { size: d.settings.hopperSize, refreshMs: d.settings.hopperRefreshMs, timers: d.timers, now: () => d.clock.now() },
    });
    this.results = new CallResults({ leads: d.leads, attempts: d.attempts, clock: d.clock, log: this.log });
    this.recovery = new Recovery(d, this.results, this.log, () => this.wakeAll());
    this.reminders = new CallbackReminders(d, this.log);
    this.presence = new AgentPresence(d.timers, d.settings.agentAwayMs, (id) => this.leaveIfIdle(id));
    this.live = new LivePublisher(d, (id) => this.snapshotOf(id));
    this.calls = new ClickToCallDesk({
      telephony: d.telephony, blocks: d.blocks, agents: d.agents, notifier: d.notifier, clock: d.clock, log: this.log.child({ component: 'click-to-call' }),
      settings: {
        ringTimeoutSeconds: d.settings.ringTimeoutSeconds, agentRingTimeoutSeconds: d.settings.agentRingTimeoutSeconds,
        callerId: d.settings.clickToCallCallerId ? { number: d.settings.clickToCallCallerId } : undefined,
      },
      campaignOf: (agentId) => {
        const j = this.joined(agentId);
        const st = j?.session.state;
        return j && st ? { state: st.kind, hasLine: j.session.line !== null, resumesReady: st.kind === 'paused' && st.resumeTo.kind === 'ready' } : null;
      },
    });
    this.inbound = new InboundDesk({
      directory: d.inbound ?? { receivingAgents: () => [], contactByPhone: () => undefined },
      notifier: d.notifier, telephony: d.telephony, clock: d.clock, log: this.log.child({ component: 'inbound' }),
      normalizePhone: (raw) => d.normalizePhone?.(raw) ?? raw,
      busyElsewhere: (agentId) => this.calls.isLive(agentId) || this.busyInCampaign(agentId),
      holdInCampaign: (agentId, held) => this.holdForInbound(agentId, held),
    });
  }

  /** Joined to a campaign and not ready and idle there (on a call, in wrap-up, previewing, paused, holding a line). */
  private busyInCampaign(agentId: UserId): boolean {
    const j = this.joined(agentId);
    if (!j) return false;
    return j.session.state?.kind !== 'ready' || j.session.line !== null;
  }

  /** A joined agent rung for an inbound call is not ready in their campaign (the pacer counts them busy) until it is over. */
  private holdForInbound(agentId: UserId, held: boolean): void {
    const j = this.joined(agentId);
    if (!j) return;
    try {
      if (held) j.runner.setNotReady(agentId, INBOUND_NOT_READY, true);
      else if (j.session.state?.kind === 'not_ready' && j.session.state.reason === INBOUND_NOT_READY) j.runner.setReady(agentId);
    } catch (err) {
      this.log.warn('could not change the campaign state for an inbound call', { agentId, err });
    }
  }

  /** Start before telephony connects, so the first orphan report reaches recovery. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe.push(
      this.d.telephony.onOrphans((r) => this.orphans(r)),
      this.d.telephony.onStatus((s) => this.telephonyStatus(s)),
      this.d.campaigns.onChange(() => this.sync()),
    );
    this.sync();
    this.restoreSessions();
    this.recovery.begin();
    this.reminders.arm();
    this.armSync();
  }

  /** Stops timers and listeners; live calls are telephony's to end (Telephony.stop hangs them up). */
  stop(): void {
    for (const u of this.unsubscribe.splice(0)) u();
    this.d.timers.clearTimeout(this.syncTimer);
    this.reminders.stop();
    this.presence.stop();
    this.selector.stop();
    this.live.stop();
    for (const r of this.runners.values()) {
      r.pool?.stop();
      for (const s of r.sessions.values()) s.clearTimers();
    }
  }

  private armSync(): void {
    this.syncTimer = this.d.timers.setTimeout(() => { this.sync(); this.armSync(); }, SYNC_INTERVAL_MS);
  }

  get recovered(): boolean { return this.recovery.done; }

  /** Brings the runners in line with the campaigns: new ones for running or paused campaigns, ended ones closed. */
  sync(): void {
    const active = new Map(this.d.campaigns.active().map((c) => [c.id, c]));
    for (const [id, r] of this.runners) {
      if (active.has(id)) continue;
      r.end();
      this.runners.delete(id);
      this.selector.forget(id);
      this.log.info('campaign closed in the engine', { campaignId: id });
    }
    for (const c of active.values()) {
      let r = this.runners.get(c.id);
      if (!r) {
        r = new CampaignRunner(c, this.d, this.selector, this.results, {
          engineReady: () => this.recovery.done,
          viewChanged: (s, view) => this.d.notifier.toUser(s.agentId, { type: 'agent.view', key: 'agent.view', view }),
          liveChanged: (id) => this.live.changed(id),
          sessionClosed: (agentId) => this.agentCampaign.delete(agentId),
        });
        this.runners.set(c.id, r);
        this.log.info('campaign opened in the engine', { campaignId: c.id, mode: c.dialingMode });
      }
      if (c.dialingMode === 'callback') this.feedCallbacks(c);
      r.refresh(c);
    }
  }

  private restoreSessions(): void {
    for (const stored of this.d.sessions.sessions()) {
      const r = this.runners.get(stored.campaignId);
      if (!r) {
        this.closeStored(stored);
        continue;
      }
      const s = r.join(stored.agentId, stored);
      // The phone call the agent was on (if any) died with the old process: not ready until they say otherwise.
      s.apply({ type: 'telephonyLost' });
      this.agentCampaign.set(stored.agentId, r.id);
      // No page is connected to a new process yet: an agent whose page does not come back leaves in time.
      this.presence.disconnected(stored.agentId);
    }
  }

  /** A session of a campaign that no longer runs: closed, with the offline change reports need. */
  private closeStored(stored: StoredSession): void {
    const now = this.d.clock.now();
    const t = applyAgentEvent(stored.agentId, stored.state, { type: 'leave', force: true }, now);
    if (!t.ok) return;
    this.d.sessions.record(stored.campaignId, t.record, { agentId: stored.agentId, joinedAt: stored.joinedAt, state: t.state, since: now });
  }

  private wakeAll(): void {
    for (const r of this.runners.values()) r.wake();
  }

  private telephonyStatus(s: TelephonyStatus): void {
    if (s === 'ready') {
      this.recovery.telephonyReady();
      this.wakeAll();
    } else if (s === 'degraded') {
      for (const r of this.runners.values()) r.telephonyLost();
    }
    // Supervisors see the telephony state with each campaign.
    for (const r of this.runners.values()) r.changed();
  }

  private orphans(r: OrphanChannels): void {
    this.recovery.orphans(r);
  }

  onNotice(n: CallNotice): void {
    if (this.calls.isOurs(n)) return this.calls.onNotice(n);
    if (this.inbound.isOurs(n)) return this.inbound.onNotice(n);
    const r = n.meta.campaignId === undefined ? undefined : this.runners.get(n.meta.campaignId);
    r?.onNotice(n);
  }

  /** Every finished flow's call record, stored before its attempt is settled (a crash in between keeps it). */
  onCallRecord(record: CallRecord, flowId?: string): void {
    const id = this.d.records.insert(record);
    this.calls.recorded(record, id);
    this.inbound.recorded(record, flowId, id);
  }

  /** An inbound caller asked to be called back: queued, and taken by a running callback campaign if there is one. */
  onCallbackRequest(number: string, at: Date): void {
    this.d.callbacks.add(number, at, null);
    this.callbacksQueued();
  }

  /** Requests were queued (by a caller, or a supervisor sending a missed call): a running callback campaign takes them now. */
  callbacksQueued(): void {
    for (const r of this.runners.values()) {
      if (r.campaign.dialingMode !== 'callback' || r.campaign.state !== 'running') continue;
      this.feedCallbacks(r.campaign);
      r.wake();
      return;
    }
  }

  private feedCallbacks(c: Campaign): void {
    if (c.state !== 'running') return;
    const now = this.d.clock.now();
    for (let req = this.d.callbacks.takeOldest(now); req; req = this.d.callbacks.takeOldest(now)) {
      const phone = this.d.normalizePhone?.(req.phoneNumber) ?? req.phoneNumber;
      // Tied to the contact known by the number, or a new one, so the agent who calls back sees who it is.
      const contact = phone ? this.d.inbound?.contactForCallback?.(phone) : undefined;
      this.d.leads.add({ campaignId: c.id, contactId: contact?.id ?? null, name: contact?.name ?? '', phones: [phone], status: 'callback_scheduled', callbackAt: req.requestedAt }, now);
      this.log.info('callback request queued', { campaignId: c.id, requestId: req.id });
    }
  }

  // ---- the agent's requests (API) -------------------------------------------------------------

  /** The running campaigns this agent works, and which one they are joined to. */
  campaignsFor(agentId: UserId): { campaign: Campaign; joined: boolean }[] {
    return this.d.campaigns.active()
      .filter((c) => c.state === 'running' && this.d.campaigns.isAgentAssigned(c.id, agentId))
      .map((campaign) => ({ campaign, joined: this.agentCampaign.get(agentId) === campaign.id }));
  }

  join(agentId: UserId, campaignId: number): AgentView {
    const c = this.d.campaigns.get(campaignId);
    if (!c || !this.d.campaigns.isAgentAssigned(campaignId, agentId)) throw notFound('campaign', campaignId);
    const current = this.agentCampaign.get(agentId);
    if (current === campaignId) return this.view(agentId);
    if (current !== undefined) throw new DialerError('E_CONFLICT', `already working campaign ${current}: leave it first`);
    const r = this.runners.get(campaignId);
    if (!r || c.state !== 'running') throw new DialerError('E_TRANSITION_DENIED', 'the campaign is not running');
    r.join(agentId);
    this.agentCampaign.set(agentId, campaignId);
    return this.view(agentId);
  }

  /** The agent's page connected (their first WebSocket). */
  agentConnected(agentId: UserId): void {
    this.presence.connected(agentId);
  }

  /** The agent's last page connection closed: unless one comes back in time, they leave their campaign. */
  agentDisconnected(agentId: UserId): void {
    this.presence.disconnected(agentId);
  }

  private leaveIfIdle(agentId: UserId): boolean {
    const joined = this.joined(agentId);
    if (!joined) return true;
    if (busyWithACall(joined.session)) return false;
    this.log.info('agent left: their page has been closed', { agentId, campaignId: joined.runner.id, state: joined.session.kind });
    // Nobody is at the page: the agent leaves now, as before, rather than waiting for customers in flight.
    joined.runner.leave(agentId, true);
    return true;
  }

  /** The agent's session and the runner it lives in, when the agent is joined to a campaign. */
  private joined(agentId: UserId): { runner: CampaignRunner; session: AgentSession } | undefined {
    const id = this.agentCampaign.get(agentId);
    const runner = id === undefined ? undefined : this.runners.get(id);
    const session = runner?.sessions.get(agentId);
    return runner && session ? { runner, session } : undefined;
  }

  /** The runner of the campaign the agent is joined to; `campaignId` must name it. */
  private runnerOf(agentId: UserId, campaignId?: number): CampaignRunner {
    const id = this.agentCampaign.get(agentId);
    const r = id === undefined ? undefined : this.runners.get(id);
    if (!r || (campaignId !== undefined && campaignId !== id)) throw new DialerError('E_CONFLICT', 'not joined to this campaign');
    return r;
  }

  private act(agentId: UserId, campaignId: number, fn: (r: CampaignRunner) => void): AgentView {
    fn(this.runnerOf(agentId, campaignId));
    return this.view(agentId);
  }

  /** Like act, for requests that may hand the agent a customer: not while their click-to-call goes on. */
  private actFree(agentId: UserId, campaignId: number, fn: (r: CampaignRunner) => void): AgentView {
    if (this.calls.isLive(agentId)) throw new DialerError('E_CONFLICT', 'the agent is on a click-to-call: end it first');
    fn(this.runnerOf(agentId, campaignId));
    return this.view(agentId);
  }

  leave(agentId: UserId, campaignId: number, force = false): AgentView { return this.act(agentId, campaignId, (r) => r.leave(agentId, force)); }
  ready(agentId: UserId, campaignId: number): AgentView { return this.actFree(agentId, campaignId, (r) => r.setReady(agentId)); }
  notReady(agentId: UserId, campaignId: number, reason: string, force = false): AgentView {
    return this.act(agentId, campaignId, (r) => r.setNotReady(agentId, reason, force));
  }
  nextCustomer(agentId: UserId, campaignId: number): AgentView { return this.actFree(agentId, campaignId, (r) => r.nextCustomer(agentId)); }
  callNow(agentId: UserId, campaignId: number, phoneIndex?: number): AgentView { return this.actFree(agentId, campaignId, (r) => r.callNow(agentId, phoneIndex)); }
  skip(agentId: UserId, campaignId: number): AgentView { return this.act(agentId, campaignId, (r) => r.skip(agentId)); }
  hangup(agentId: UserId, campaignId: number): AgentView { return this.act(agentId, campaignId, (r) => r.hangup(agentId)); }

  dispose(agentId: UserId, attemptId: number, disposition: Disposition, callbackAt?: Date): { status: string; view: AgentView } {
    const r = this.runnerOf(agentId);
    const { status } = new AgentCustomers(r, () => this.reminders.arm()).dispose(agentId, attemptId, disposition, callbackAt);
    return { status, view: this.view(agentId) };
  }

  saveAnswers(agentId: UserId, attemptId: number, answers: readonly ScriptAnswer[]): ScriptAnswer[] {
    return new AgentCustomers(this.runnerOf(agentId), () => undefined).saveAnswers(agentId, attemptId, answers);
  }

  answers(agentId: UserId, attemptId: number): ScriptAnswer[] {
    return new AgentCustomers(this.runnerOf(agentId), () => undefined).answers(agentId, attemptId);
  }

  /** Callbacks this agent set that are due and not yet called back: shown again when their page loads. */
  dueCallbacks(agentId: UserId): CallbackReminder[] {
    return this.reminders.dueFor(agentId);
  }

  callEarlier(agentId: UserId, campaignId: number, leadId: number, phoneIndex?: number): AgentView {
    return this.actFree(agentId, campaignId, (r) => new AgentCustomers(r, () => undefined).callEarlier(agentId, leadId, phoneIndex));
  }

  customers(agentId: UserId, campaignId: number): ReceivedCustomer[] {
    return new AgentCustomers(this.runnerOf(agentId, campaignId), () => undefined).received(agentId);
  }

  view(agentId: UserId): AgentView {
    const joined = this.joined(agentId);
    return joined ? joined.runner.view(joined.session) : offlineView();
  }

  /** The supervisor view; a campaign that is not running or paused shows its list only. */
  snapshotOf(campaignId: number): LiveSnapshot | undefined {
    const r = this.runners.get(campaignId);
    return r ? liveSnapshot(r, this.d.clock.now()) : undefined;
  }

  /** The supervisor view of every running or paused campaign (for /metrics). */
  snapshots(): LiveSnapshot[] {
    const now = this.d.clock.now();
    return [...this.runners.values()].map((r) => liveSnapshot(r, now));
  }
}
