import type { BridgeId, LegId, PlaybackId } from '../../src/domain/telephony-ids';
import { bridgeId, legId, playbackId } from '../../src/domain/telephony-ids';
import type {
  CommandResult, DialRequest, InboundCall, LegEvent, OrphanReport, TelephonyPort, TelephonyStatus, Unsubscribe,
} from '../../src/telephony/telephony-port';

/** A TelephonyPort in memory: commands are listed, the test plays the far ends. */
export class FakePort implements TelephonyPort {
  status: TelephonyStatus = 'ready';
  readonly commands: string[] = [];
  readonly dialled: DialRequest[] = [];
  readonly fail = new Map<string, string>();
  private n = 0;
  private readonly watchers = new Map<LegId, Set<(e: LegEvent) => void>>();
  private readonly playbacks = new Map<PlaybackId, (failed: boolean) => void>();
  private readonly statusListeners = new Set<(s: TelephonyStatus) => void>();

  onStatus(l: (s: TelephonyStatus) => void): Unsubscribe { this.statusListeners.add(l); return () => this.statusListeners.delete(l); }
  setStatus(s: TelephonyStatus): void { this.status = s; for (const l of [...this.statusListeners]) l(s); }

  newLegId(role: string, ref: string): LegId { return legId(`t.${role}.${ref}.${++this.n}`); }
  newBridgeId(ref: string): BridgeId { return bridgeId(`t.bridge.${ref}.${++this.n}`); }
  newPlaybackId(ref: string): PlaybackId { return playbackId(`t.pb.${ref}.${++this.n}`); }
  newRecordingName(ref: string): string { return `t-${ref}-${++this.n}`; }

  watchLeg(leg: LegId, l: (e: LegEvent) => void): Unsubscribe {
    let s = this.watchers.get(leg);
    if (!s) this.watchers.set(leg, (s = new Set()));
    s.add(l);
    return () => { s!.delete(l); if (s!.size === 0) this.watchers.delete(leg); };
  }

  /** The far end does something on a leg. */
  leg(leg: LegId | undefined, e: LegEvent): void {
    if (!leg) throw new Error('no such leg');
    for (const l of [...(this.watchers.get(leg) ?? [])]) l(e);
  }

  finishPlayback(name: PlaybackId, failed = false): void { const f = this.playbacks.get(name); this.playbacks.delete(name); f?.(failed); }
  get playbackIds(): PlaybackId[] { return [...this.playbacks.keys()]; }

  private cmd(line: string, op: string): Promise<CommandResult> {
    this.commands.push(line);
    const code = this.fail.get(op);
    return Promise.resolve(code ? { ok: false, code, message: `${op} failed` } : { ok: true });
  }

  dial(req: DialRequest): Promise<CommandResult> { this.dialled.push(req); return this.cmd(`dial ${req.role} ${req.target.kind === 'customer' ? req.target.number : req.target.extension}`, 'dial'); }
  hangup(leg: LegId): Promise<CommandResult> { return this.cmd(`hangup ${leg}`, 'hangup'); }
  createBridge(b: BridgeId, type: string): Promise<CommandResult> { return this.cmd(`createBridge ${b} ${type}`, 'createBridge'); }
  addToBridge(b: BridgeId, leg: LegId): Promise<CommandResult> { return this.cmd(`addToBridge ${b} ${leg}`, 'addToBridge'); }
  destroyBridge(b: BridgeId): Promise<CommandResult> { return this.cmd(`destroyBridge ${b}`, 'destroyBridge'); }
  startMoh(b: BridgeId, moh: string): Promise<CommandResult> { return this.cmd(`moh ${b} ${moh}`, 'startMoh'); }
  play(leg: LegId, pb: PlaybackId, media: readonly string[], done: (failed: boolean) => void): Promise<CommandResult> {
    this.playbacks.set(pb, done);
    return this.cmd(`play ${leg} ${media.join(',')}`, 'play');
  }
  stopPlayback(pb: PlaybackId): Promise<CommandResult> { return this.cmd(`stopPlayback ${pb}`, 'stopPlayback'); }
  startRecording(b: BridgeId, name: string): Promise<CommandResult> { return this.cmd(`record ${b} ${name}`, 'startRecording'); }
  stopRecording(name: string): Promise<CommandResult> { return this.cmd(`stopRecording ${name}`, 'stopRecording'); }
  onInbound(_l: (c: InboundCall) => void): Unsubscribe { return () => undefined; }
  onOrphans(_l: (r: OrphanReport) => void): Unsubscribe { return () => undefined; }
  drain(): void { this.setStatus('draining'); }
  stats() { return { legs: 0, watchers: [...this.watchers.values()].reduce((n, s) => n + s.size, 0), playbacks: this.playbacks.size }; }
}
