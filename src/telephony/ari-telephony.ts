import type { Logger } from 'winston';
import type { BridgeId, LegId, PlaybackId } from '../domain/telephony-ids';
import { DialerError } from '../errors';
import { maskPhone } from '../logger';
import type { AriEvent } from './ari/ari-events';
import { AriLegs, type Leg } from './ari-legs';
import { AriTimeoutError, type AriRest } from './ari/ari-rest';
import type { SocketState } from './ari/ari-connection';
import { toDialerError } from './ari/to-dialer-error';
import { endpointFor, type EndpointTemplates } from './endpoint-template';
import { findOrphans } from './find-orphans';
import { PbxWatch, SOFT_HANGUP_SHUTDOWN } from './pbx-watch';
import { TelephonyIds } from './telephony-ids';
import type { Timers } from '../domain/clock';
import type {
  CommandResult, DialRequest, InboundCall, LegEvent, LegRole, OrphanReport, TelephonyPort, TelephonyStatus, Unsubscribe,
} from './telephony-port';

/** The ARI connection as the port needs it (AriConnection, or a stand-in in tests). */
export interface AriLink {
  readonly app: string;
  readonly api: AriRest;
  onEvent(listener: (e: AriEvent) => void): Unsubscribe;
  onState(listener: (s: SocketState) => void): Unsubscribe;
}

export interface AriTelephonyOptions {
  link: AriLink;
  idPrefix: string;
  endpoints: EndpointTemplates;
  /** Dialplan context that runs AMD and re-enters Stasis (dialplan/extensions_dialer.conf). */
  customerContext: string;
  log: Logger;
  timers: Timers;
  /** How long a created channel may take to enter Stasis before we give up on it. */
  stasisStartTimeoutMs?: number;
  /** While Asterisk seems to be going away, look at it this often (default 500 ms). */
  pbxProbeIntervalMs?: number;
  /** After "Allocation failed", look again this much later whether Asterisk is shutting down (default 300 ms). */
  allocationRecheckMs?: number;
}

const ok: CommandResult = { ok: true };
/** Global dialplan variable naming the application inbound callback requests go to. */
const INBOUND_APP_VAR = 'DIALER_INBOUND_APP';
const failure = (err: unknown, operation: string): CommandResult => {
  const e = toDialerError(err, operation);
  return { ok: false, code: e.code, message: e.message };
};

/**
 * TelephonyPort on ARI. Every channel is made with create-then-dial: it is in our application
 * (StasisStart) before it rings, so it can be hung up and heard from at every step. Customers that
 * need AMD are sent, once answered, through the AMD context, which re-enters Stasis with the result.
 */
export class AriTelephony implements TelephonyPort {
  private current: TelephonyStatus = 'connecting';
  private readonly legs: AriLegs;
  private readonly bridges = new Set<BridgeId>();
  private readonly statusListeners = new Set<(s: TelephonyStatus) => void>();
  private readonly inboundListeners = new Set<(c: InboundCall) => void>();
  private readonly orphanListeners = new Set<(r: OrphanReport) => void>();
  private readonly ids: TelephonyIds;
  private readonly log: Logger;
  private readonly unsubscribe: Unsubscribe[];
  private readonly pbx: PbxWatch;
  private startupTime: string | undefined;

  constructor(private readonly o: AriTelephonyOptions) {
    this.ids = new TelephonyIds(o.idPrefix);
    this.log = o.log;
    this.legs = new AriLegs({
      log: o.log,
      continueToAmd: (leg) => void this.run('continue to AMD', () => o.link.api.continueInDialplan(leg, o.customerContext, 'amd', 1)).then((r) => {
        if (!r.ok && r.code !== 'E_CHANNEL_GONE') this.log.error('could not send the call to AMD', { leg, code: r.code });
      }),
      hangup: (leg) => void this.hangup(leg),
      inbound: (call) => { for (const l of [...this.inboundListeners]) l(call); },
      stranger: (id, args) => {
        this.log.warn('unknown call entered the application, hanging it up', { channel: id, args });
        void this.run('hang up stranger', () => o.link.api.hangup(id));
      },
      applicationReplaced: () => {
        this.log.error('another WebSocket took over our application name; no more events will arrive', { app: this.app });
        this.setStatus('degraded');
      },
    });
    this.pbx = new PbxWatch({
      timers: o.timers, intervalMs: o.pbxProbeIntervalMs,
      answers: () => this.answers(),
      back: () => void this.resync(),
    });
    this.unsubscribe = [
      o.link.onEvent((e) => {
        // Before the legs hear of it: by the time a torn-down call ends, no new call may be placed.
        if (e.type === 'ChannelHangupRequest' && e.soft === true && e.cause === SOFT_HANGUP_SHUTDOWN) this.goingAway('Asterisk is shutting down');
        this.legs.onEvent(e);
      }),
      o.link.onState((s) => this.onSocket(s)),
    ];
  }

  get status(): TelephonyStatus { return this.current; }
  get app(): string { return this.o.link.app; }

  onStatus(l: (s: TelephonyStatus) => void): Unsubscribe { this.statusListeners.add(l); return () => this.statusListeners.delete(l); }
  onInbound(l: (c: InboundCall) => void): Unsubscribe { this.inboundListeners.add(l); return () => this.inboundListeners.delete(l); }
  onOrphans(l: (r: OrphanReport) => void): Unsubscribe { this.orphanListeners.add(l); return () => this.orphanListeners.delete(l); }

  newLegId(role: LegRole, ref: string): LegId { return this.ids.leg(role, ref); }
  newBridgeId(ref: string): BridgeId { return this.ids.bridge(ref); }
  newPlaybackId(ref: string): PlaybackId { return this.ids.playback(ref); }
  newRecordingName(ref: string): string { return this.ids.recording(ref); }

  watchLeg(leg: LegId, listener: (e: LegEvent) => void): Unsubscribe { return this.legs.watch(leg, listener); }

  drain(): void { this.setStatus('draining'); }

  stats() { return this.legs.stats(); }

  /**
   * Stops listening to the connection (its owner stops the connection itself), and points inbound
   * callback requests away from us if they still point here, so the dialplan apologises instead of
   * handing callers to an application nobody listens to.
   */
  async close(): Promise<void> {
    for (const u of this.unsubscribe.splice(0)) u();
    this.pbx.stop();
    try {
      if ((await this.o.link.api.getGlobalVar(INBOUND_APP_VAR)) === this.app) await this.o.link.api.setGlobalVar(INBOUND_APP_VAR, '');
    } catch (err) {
      this.log.debug('could not clear the inbound application variable', { err });
    }
  }

  async dial(req: DialRequest): Promise<CommandResult> {
    const leg = this.legs.add(req.leg, req.role, req.amd);
    if (this.current !== 'ready') return this.refuse(leg, new DialerError('E_TELEPHONY_UNAVAILABLE', `telephony is ${this.current}: no new calls`));
    let endpoint: string;
    try {
      endpoint = endpointFor(this.o.endpoints, req.target);
    } catch (err) {
      return this.refuse(leg, err);
    }
    const log = this.log.child({ leg: leg.id });
    log.debug('dialling', req.target.kind === 'customer' ? { number: maskPhone(req.target.number) } : { extension: req.target.extension });
    const started = new Promise<boolean>((resolve) => {
      const timer = this.o.timers.setTimeout(() => resolve(false), this.o.stasisStartTimeoutMs ?? 5000);
      leg.onStasisStart = () => { this.o.timers.clearTimeout(timer); resolve(true); };
    });
    try {
      await this.o.link.api.createChannel({
        endpoint, app: this.app, appArgs: `${req.role},${req.ref}`, channelId: leg.id, variables: this.variables(req),
      });
    } catch (err) {
      const e = toDialerError(err, 'create channel');
      if (e.code === 'E_ALLOCATION_FAILED' && (await this.shuttingDownAfterAllocationFailure())) {
        return this.refuse(leg, new DialerError('E_TELEPHONY_UNAVAILABLE', `${e.message} (Asterisk is shutting down)`));
      }
      return this.refuse(leg, e);
    }
    // Dialling before StasisStart is refused with 422 "Channel not in Stasis application".
    if (!(await started)) {
      await this.hangup(leg.id);
      return this.refuse(leg, new DialerError('E_NOT_IN_STASIS', 'the channel never entered the application'));
    }
    if (!this.legs.get(leg.id)) return ok; // ended at once (no such extension)
    try {
      await this.o.link.api.dial(leg.id, req.ringTimeoutSeconds ?? 15);
      return ok;
    } catch (err) {
      const result = this.failed(err, 'dial');
      if (result.ok === false && result.code !== 'E_CHANNEL_GONE') await this.hangup(leg.id);
      return result;
    }
  }

  private variables(req: DialRequest): Record<string, string> {
    const vars: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.variables ?? {})) if (!k.startsWith('DIALER_')) vars[k] = v;
    Object.assign(vars, { DIALER_APP: this.app, DIALER_ROLE: req.role, DIALER_REF: req.ref });
    if (req.callerId) {
      vars['CALLERID(num)'] = req.callerId.number;
      if (req.callerId.name) vars['CALLERID(name)'] = req.callerId.name;
    }
    return vars;
  }

  private refuse(leg: Leg, err: unknown): CommandResult {
    const result = this.failed(err, 'dial');
    const code = result.ok ? undefined : result.code;
    this.log.warn('dial refused', { leg: leg.id, code, reason: result.ok ? undefined : result.message });
    this.legs.end(leg, code === 'E_TELEPHONY_UNAVAILABLE' ? { requestFailed: true, unavailable: true } : { requestFailed: true });
    return result;
  }

  /**
   * At the start of a shutdown Asterisk refuses new channels for a moment before it answers 503 (and before any
   * soft hangup reaches us when no call was up): look again a little later, so a restart is not blamed on the
   * number or the agent.
   */
  private async shuttingDownAfterAllocationFailure(): Promise<boolean> {
    await new Promise<void>((resolve) => this.o.timers.setTimeout(resolve, this.o.allocationRecheckMs ?? 300));
    if (this.current === 'ready' && !(await this.answers())) {
      this.goingAway('Asterisk refuses new channels and requests');
    }
    return this.current !== 'ready';
  }

  /** Signs that Asterisk cannot take calls (restart, shutdown, unreachable): no new calls until it is back. */
  private goingAway(reason: string, refusedByAsterisk = false): void {
    if (this.current !== 'ready') {
      if (this.pbx.suspected) this.pbx.suspect(refusedByAsterisk);
      return;
    }
    this.pbx.suspect(refusedByAsterisk);
    this.log.warn('Asterisk is going away: no new calls until it is back', { reason });
    this.setStatus('degraded');
  }

  private failed(err: unknown, operation: string): CommandResult {
    const result = failure(err, operation);
    if (result.ok || result.code !== 'E_TELEPHONY_UNAVAILABLE') return result;
    // A slow answer is not a refusal: one look decides, so a single slow request does not pause every agent.
    if (err instanceof AriTimeoutError) void this.answers().then((up) => { if (!up) this.goingAway(result.message); });
    else this.goingAway(result.message, true);
    return result;
  }

  private answers(): Promise<boolean> {
    return this.o.link.api.startupTime().then(() => true, () => false);
  }

  hangup(leg: LegId): Promise<CommandResult> {
    const l = this.legs.get(leg);
    if (l) l.hangingUp = true;
    return this.run('hang up', () => this.o.link.api.hangup(leg));
  }

  async createBridge(bridge: BridgeId, type: 'mixing' | 'holding'): Promise<CommandResult> {
    this.bridges.add(bridge);
    const r = await this.run('create bridge', () => this.o.link.api.createBridge(bridge, type));
    if (!r.ok) this.bridges.delete(bridge);
    return r;
  }

  addToBridge(bridge: BridgeId, leg: LegId): Promise<CommandResult> { return this.run('add to bridge', () => this.o.link.api.addChannel(bridge, leg)); }

  destroyBridge(bridge: BridgeId): Promise<CommandResult> {
    this.bridges.delete(bridge);
    return this.run('destroy bridge', () => this.o.link.api.destroyBridge(bridge));
  }

  startMoh(bridge: BridgeId, mohClass: string): Promise<CommandResult> { return this.run('start music on hold', () => this.o.link.api.startBridgeMoh(bridge, mohClass)); }

  async play(leg: LegId, playback: PlaybackId, media: readonly string[], onFinished: (failed: boolean) => void): Promise<CommandResult> {
    this.legs.expectPlayback(playback, onFinished);
    const r = await this.run('play', () => this.o.link.api.play(leg, playback, media));
    if (!r.ok) this.legs.forgetPlayback(playback);
    return r;
  }

  stopPlayback(playback: PlaybackId): Promise<CommandResult> { return this.run('stop playback', () => this.o.link.api.stopPlayback(playback)); }
  startRecording(bridge: BridgeId, name: string): Promise<CommandResult> { return this.run('record bridge', () => this.o.link.api.recordBridge(bridge, name, 'wav')); }
  stopRecording(name: string): Promise<CommandResult> { return this.run('stop recording', () => this.o.link.api.stopRecording(name)); }

  private async run(operation: string, fn: () => Promise<void>): Promise<CommandResult> {
    try {
      await fn();
      return ok;
    } catch (err) {
      return this.failed(err, operation);
    }
  }

  private setStatus(next: TelephonyStatus): void {
    if (this.current === next || (this.current === 'draining' && next !== 'draining')) return;
    this.log.info(`telephony ${next}`, { from: this.current });
    this.current = next;
    for (const l of [...this.statusListeners]) l(next);
  }

  private onSocket(s: SocketState): void {
    this.pbx.socketChanged(s === 'open');
    if (s === 'open') void this.resync();
    else if (s === 'closed' && this.current !== 'connecting') this.setStatus('degraded');
  }

  /**
   * After every connect (and when Asterisk answers again after going away): compare what Asterisk holds with what
   * we track, then accept calls. A socket that opens belongs to an Asterisk that works (one that is shutting down
   * refuses the upgrade with 503), but it may start shutting down at once: then we wait and look again.
   */
  private async resync(): Promise<void> {
    try {
      await this.o.link.api.setGlobalVar(INBOUND_APP_VAR, this.app);
      const [channels, bridges, startupTime] = await Promise.all([
        this.o.link.api.listChannels(), this.o.link.api.listBridges(), this.o.link.api.startupTime(),
      ]);
      if (this.startupTime !== startupTime) {
        this.log.info(this.startupTime ? 'Asterisk restarted since we last saw it' : 'Asterisk found', { startupTime });
        this.startupTime = startupTime;
      }
      const live = new Map(channels.map((c) => [c.id, c]));
      for (const leg of this.legs.all()) this.legs.catchUp(leg, live.get(leg.id));
      for (const b of [...this.bridges]) if (!bridges.some((x) => x.id === b)) this.bridges.delete(b);
      const report = findOrphans(this.ids, channels, bridges, (id) => this.legs.get(id) !== undefined, (id) => this.bridges.has(id as BridgeId));
      if (report.channels.length || report.bridges.length) {
        this.log.warn('orphans found', { channels: report.channels.length, bridges: report.bridges.length });
        for (const l of [...this.orphanListeners]) l(report);
      }
    } catch (err) {
      const e = toDialerError(err, 'resync');
      if (e.code === 'E_TELEPHONY_UNAVAILABLE') {
        this.log.warn('Asterisk does not answer yet: no calls until it does', { reason: e.message });
        this.pbx.suspect(true);
        if (this.current === 'ready') this.setStatus('degraded');
        return;
      }
      this.log.error('resync failed', { err });
    }
    this.pbx.clear();
    this.setStatus('ready');
  }
}
