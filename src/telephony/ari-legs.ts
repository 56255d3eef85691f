import type { Logger } from 'winston';
import { AMD_STATUSES, type AmdStatus, type LegSignals } from '../domain/call-outcome-rules';
import type { LegId, PlaybackId } from '../domain/telephony-ids';
import { assertNever, type AriChannel, type AriEvent } from './ari/ari-events';
import { isFailedDial, withDestroyed, withDialStatus, withHangupRequest } from './leg-signals';
import type { InboundCall, LegEvent, LegRole, Unsubscribe } from './telephony-port';

/** What the leg registry asks of its owner when events call for an action. */
export interface AriLegsHooks {
  log: Logger;
  /** An answered AMD customer goes to the AMD context. */
  continueToAmd(leg: LegId): void;
  hangup(leg: LegId): void;
  inbound(call: InboundCall): void;
  /** A call we know nothing about entered the application. */
  stranger(channelId: string, args: string[]): void;
  applicationReplaced(): void;
}

export interface Leg {
  id: LegId;
  role: LegRole;
  amd: boolean;
  /** Entered from the dialplan: nothing is heard of it after StasisEnd (README point 7). */
  inbound: boolean;
  signals: LegSignals;
  stasisStarted: boolean;
  onStasisStart?: () => void;
  ringing: boolean;
  answerReported: boolean;
  amdReported: boolean;
  hangingUp: boolean;
}

/**
 * The legs we track and what ARI events do to them: each event is folded into the leg's signals
 * and reported to its watchers as a LegEvent, `ended` exactly once. Events for ids we did not
 * make (Local ";2" halves, other apps' channels) are ignored.
 */
export class AriLegs {
  private readonly legs = new Map<LegId, Leg>();
  private readonly watchers = new Map<LegId, Set<(e: LegEvent) => void>>();
  private readonly playbacks = new Map<PlaybackId, (failed: boolean) => void>();

  constructor(private readonly h: AriLegsHooks) {}

  add(id: LegId, role: LegRole, amd: boolean, inbound = false): Leg {
    const leg: Leg = {
      id, role, amd, inbound, signals: { answered: inbound }, stasisStarted: inbound, ringing: inbound,
      answerReported: inbound, amdReported: inbound, hangingUp: false,
    };
    this.legs.set(id, leg);
    return leg;
  }

  get(id: string): Leg | undefined { return this.legs.get(id as LegId); }
  all(): Leg[] { return [...this.legs.values()]; }

  watch(leg: LegId, listener: (e: LegEvent) => void): Unsubscribe {
    let set = this.watchers.get(leg);
    if (!set) this.watchers.set(leg, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.watchers.get(leg) === set) this.watchers.delete(leg);
    };
  }

  expectPlayback(pb: PlaybackId, done: (failed: boolean) => void): void { this.playbacks.set(pb, done); }
  forgetPlayback(pb: PlaybackId): void { this.playbacks.delete(pb); }

  stats() {
    return { legs: this.legs.size, watchers: [...this.watchers.values()].reduce((n, s) => n + s.size, 0), playbacks: this.playbacks.size };
  }

  private emit(leg: LegId, e: LegEvent): void {
    for (const l of [...(this.watchers.get(leg) ?? [])]) l(e);
  }

  end(leg: Leg, extra: Partial<LegSignals> = {}): void {
    if (!this.legs.delete(leg.id)) return;
    leg.signals = { ...leg.signals, ...extra };
    leg.onStasisStart?.();
    this.emit(leg.id, { kind: 'ended', signals: leg.signals });
  }

  private stasisStarted(leg: Leg): void {
    if (leg.stasisStarted) return;
    leg.stasisStarted = true;
    leg.onStasisStart?.();
    leg.onStasisStart = undefined;
  }

  private ringing(leg: Leg): void {
    if (leg.ringing || leg.signals.answered) return;
    leg.ringing = true;
    this.emit(leg.id, { kind: 'ringing' });
  }

  /** Dial ANSWER, ChannelStateChange Up, or a resync finding it Up: reported once. */
  private answered(leg: Leg): void {
    leg.ringing = true;
    leg.signals = { ...leg.signals, answered: true };
    if (leg.answerReported) return;
    leg.answerReported = true;
    this.emit(leg.id, { kind: 'answered' });
    if (leg.amd) this.h.continueToAmd(leg.id);
  }

  /** Stasis args after AMD: <role>,<ref>,amd,<AMDSTATUS>,<AMDCAUSE>. */
  private amdResult(leg: Leg, args: readonly string[]): void {
    if (leg.amdReported || args[2] !== 'amd') return;
    leg.amdReported = true;
    const status = (AMD_STATUSES as readonly string[]).includes(args[3] ?? '') ? (args[3] as AmdStatus) : 'NOTSURE';
    leg.signals = { ...leg.signals, amd: status };
    this.emit(leg.id, { kind: 'amd', status, cause: args[4] ?? '' });
  }

  /** After a reconnect: what GET /channels says about a leg whose events we may have missed. */
  catchUp(leg: Leg, ch: AriChannel | undefined): void {
    if (!ch) {
      this.h.log.warn('leg gone while disconnected', { leg: leg.id });
      return this.end(leg);
    }
    const inStasis = ch.dialplan?.app_name === 'Stasis';
    if (!inStasis) return;
    this.stasisStarted(leg);
    if (ch.state === 'Up') this.answered(leg);
    if (leg.answerReported) this.amdResult(leg, (ch.dialplan?.app_data ?? '').split(',').slice(1));
  }

  onEvent(e: AriEvent): void {
    switch (e.type) {
      case 'StasisStart': return this.onStasisStart(e.channel.id, e.args, e.channel.caller?.number);
      case 'StasisEnd': {
        const leg = this.get(e.channel.id);
        if (leg?.inbound) this.end(leg);
        return;
      }
      case 'Dial': return this.onDial(e.peer.id, e.dialstatus);
      case 'ChannelStateChange': {
        const leg = this.get(e.channel.id);
        if (leg && e.channel.state === 'Ringing') this.ringing(leg);
        if (leg && e.channel.state === 'Up') this.answered(leg);
        return;
      }
      case 'ChannelHangupRequest': {
        const leg = this.get(e.channel.id);
        if (leg) leg.signals = withHangupRequest(leg.signals, e.cause, e.soft);
        return;
      }
      case 'ChannelDestroyed': {
        const leg = this.get(e.channel.id);
        if (leg) this.end(leg, withDestroyed(leg.signals, e.cause));
        return;
      }
      case 'ChannelDtmfReceived':
        if (this.get(e.channel.id)) this.emit(e.channel.id as LegId, { kind: 'dtmf', digit: e.digit });
        return;
      case 'PlaybackFinished': {
        const done = this.playbacks.get(e.playback.id as PlaybackId);
        this.playbacks.delete(e.playback.id as PlaybackId);
        done?.(e.playback.state === 'failed');
        return;
      }
      case 'RecordingFailed':
        this.h.log.warn('recording failed', { name: e.recording.name, cause: e.recording.cause });
        return;
      case 'ApplicationReplaced': return this.h.applicationReplaced();
      case 'PlaybackStarted': case 'RecordingStarted': case 'RecordingFinished':
      case 'ChannelEnteredBridge': case 'ChannelLeftBridge': case 'BridgeDestroyed':
        return;
      default:
        return assertNever(e);
    }
  }

  private onDial(peer: string, dialstatus: string): void {
    const leg = this.get(peer);
    if (!leg) return;
    if (dialstatus === 'RINGING') return this.ringing(leg);
    leg.signals = withDialStatus(leg.signals, dialstatus);
    if (dialstatus === 'ANSWER') return this.answered(leg);
    // A created channel stays up after BUSY/CONGESTION until the dial timeout: end it now.
    if (isFailedDial(dialstatus) && !leg.hangingUp) {
      leg.hangingUp = true;
      this.h.hangup(leg.id);
    }
  }

  private onStasisStart(id: string, args: string[], callerNumber: string | undefined): void {
    const leg = this.get(id);
    if (leg) {
      if (!leg.stasisStarted) return this.stasisStarted(leg);
      return this.amdResult(leg, args);
    }
    if (args[0] === 'callback-request') {
      const inbound = this.add(id as LegId, 'inbound', false, true);
      return this.h.inbound({ leg: inbound.id, kind: 'callbackRequest', number: args[1] ?? callerNumber ?? '' });
    }
    if (args[0] === 'inbound') {
      const inbound = this.add(id as LegId, 'inbound', false, true);
      return this.h.inbound({ leg: inbound.id, kind: 'agents', number: callerNumber ?? '', did: args[1] ?? '' });
    }
    this.h.stranger(id, args);
  }
}
