import type { Logger } from 'winston';
import type { LegSignals } from '../domain/call-outcome-rules';
import type { CallRecord } from '../domain/call-record';
import type { Clock } from '../domain/clock';
import type { CallMeta, CallNotice } from '../domain/flows/call-handle';
import type {
  AgentLine, BridgeRef, Effect, FlowDefinition, FlowInput, FlowNotice, InboundAgent, LegName, OwnBridge, TimerName,
} from '../domain/flows/flow-types';
import type { BridgeId, LegId, PlaybackId } from '../domain/telephony-ids';
import type { LineDispatcher, LineWaiter } from './line-dispatcher';
import type { LegEvent, LegRole, TelephonyPort, Unsubscribe } from './telephony-port';
import type { Timers } from '../domain/clock';

/** The engine's names for these are CallMeta and CallNotice (src/domain/flows/call-handle.ts). */
export type FlowMeta = CallMeta;
export type FlowEvent = CallNotice;

export interface RunnerDeps {
  port: TelephonyPort;
  timers: Timers;
  clock: Clock;
  log: Logger;
  dispatcher: LineDispatcher;
  onNotice(e: FlowEvent): void;
  onFinished(record: CallRecord, flowId: string): void;
  /** Inbound calls: the agent to ring (none without it). */
  pickAgent?(flowId: string, meta: CallMeta, tried: readonly number[]): { agent: InboundAgent | null; anyOn: boolean };
}

const LEG_END_WAIT_MS = 5000;
const EXPECTED_RACES = new Set(['E_CHANNEL_GONE', 'E_BRIDGE_GONE', 'E_PLAYBACK_GONE', 'E_RECORDING_GONE', 'E_NOT_IN_STASIS']);

/**
 * One flow in motion: feeds it inputs one at a time, applies its effects through the port in
 * order, owns its timers and its listeners, and drops them all when the flow is done.
 */
export class RunningFlow<S> implements LineWaiter {
  private state: S;
  private readonly queue: FlowInput[] = [];
  private busy = false;
  private over = false;
  readonly legs = new Map<LegName, LegId>();
  private readonly attached = new Set<LegName>();
  private readonly bridges = new Map<OwnBridge, BridgeId>();
  private readonly timers = new Map<TimerName, unknown>();
  private readonly playbacks = new Map<string, PlaybackId>();
  private readonly unsubscribe: Unsubscribe[] = [];
  private recordingName: string | null = null;
  private line: AgentLine | undefined;
  /** Owned legs not yet reported ended: the record waits for them (their cause, our channels gone). */
  private readonly open = new Set<LegName>();
  private lastCustomer: LegSignals | undefined;
  private completeTimer: unknown;
  private completed = false;
  private readonly record: CallRecord;
  private readonly log: Logger;
  private resolveFinished!: (r: CallRecord) => void;
  readonly finished = new Promise<CallRecord>((resolve) => { this.resolveFinished = resolve; });

  constructor(readonly id: string, private readonly flow: FlowDefinition<S>, readonly meta: FlowMeta, private readonly d: RunnerDeps) {
    this.state = flow.initial;
    this.log = d.log.child({ flow: flow.name, flowId: id, attemptId: meta.attemptId, agentId: meta.agentId });
    this.record = {
      flow: flow.name, attemptId: meta.attemptId ?? null, campaignId: meta.campaignId ?? null, contactId: meta.contactId ?? null,
      agentId: meta.agentId ?? null, phoneNumber: meta.phoneNumber ?? null, dialAt: null, answerAt: null, bridgeAt: null,
      endAt: d.clock.now(), hangupCause: null, dialStatus: null, amdStatus: null, outcome: null, endReason: 'cancelled',
      recordingName: null, answers: [],
    };
  }

  get done(): boolean { return this.over; }
  get currentState(): S { return this.state; }

  /** Makes a leg that already exists (an inbound call) this flow's leg before it starts. */
  adopt(name: LegName, leg: LegId, owned = true): void {
    this.legs.set(name, leg);
    if (owned) this.open.add(name);
    this.unsubscribe.push(this.d.port.watchLeg(leg, (e) => this.onLegEvent(name, e)));
  }

  input(i: FlowInput): void {
    if (this.over) {
      if (i.kind === 'agentAssigned') this.d.dispatcher.giveBack(i.line);
      return;
    }
    this.queue.push(i);
    if (!this.busy) void this.drain();
  }

  deliver(line: AgentLine): void { this.input({ kind: 'agentAssigned', line }); }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (!this.over) {
        const i = this.queue.shift();
        if (!i) break;
        const effects = this.flow.decide(this.state, i);
        this.state = this.flow.evolve(this.state, i);
        this.observe(i);
        for (const e of effects) await this.apply(e);
      }
    } catch (err) {
      this.log.error('flow runner failed', { err });
    } finally {
      this.busy = false;
    }
  }

  /** What the call record keeps from the inputs. */
  private observe(i: FlowInput): void {
    if (i.kind === 'answered' && i.leg === 'customer' && !this.record.answerAt) this.record.answerAt = this.d.clock.now();
    if (i.kind === 'amd') this.record.amdStatus = i.status;
    if (i.kind === 'legEnded') this.legGone(i.leg, i.signals);
  }

  private legGone(name: LegName, signals: LegSignals): void {
    this.open.delete(name);
    if (name === 'customer') this.lastCustomer = signals;
  }

  private onLegEvent(name: LegName, e: LegEvent): void {
    if (this.over) {
      if (e.kind !== 'ended') return;
      this.legGone(name, e.signals);
      if (this.open.size === 0) this.complete();
      return;
    }
    switch (e.kind) {
      case 'ringing': return this.input({ kind: 'ringing', leg: name });
      case 'answered': return this.input({ kind: 'answered', leg: name });
      case 'amd': return this.input({ kind: 'amd', leg: name, status: e.status, cause: e.cause });
      case 'dtmf': return this.input({ kind: 'dtmf', leg: name, digit: e.digit });
      case 'ended': return this.input({ kind: 'legEnded', leg: name, signals: e.signals });
    }
  }

  private bridgeOf(ref: BridgeRef): BridgeId | undefined {
    return ref.kind === 'line' ? ref.bridgeId : this.bridges.get(ref.name);
  }

  private failed(command: Effect['kind'], r: { ok: boolean; code?: string; message?: string }, fatal: boolean): void {
    if (r.ok || !r.code || EXPECTED_RACES.has(r.code)) return;
    this.log.warn('telephony command failed', { command, code: r.code, reason: r.message });
    if (fatal) this.input({ kind: 'commandFailed', command, code: r.code });
  }

  private async apply(e: Effect): Promise<void> {
    const port = this.d.port;
    switch (e.kind) {
      case 'dial': {
        const role: LegRole = e.leg === 'customer' ? 'customer' : this.flow.name === 'agent-line' ? 'line' : 'agent';
        const leg = port.newLegId(role, this.meta.ref);
        this.adopt(e.leg, leg);
        if (e.leg === 'customer') {
          this.record.dialAt = this.d.clock.now();
          if (e.target.kind === 'customer') this.record.phoneNumber ??= e.target.number;
        }
        const target = e.target.kind === 'customer' ? { kind: 'customer' as const, number: e.target.number } : { kind: 'agent' as const, extension: e.target.extension };
        await port.dial({ leg, role, ref: this.meta.ref, target, amd: e.target.kind === 'customer' && e.target.amd, callerId: e.target.callerId, ringTimeoutSeconds: e.ringTimeoutSeconds, variables: this.meta.variables });
        return;
      }
      case 'hangup': {
        const leg = this.legs.get(e.leg);
        if (!leg) return;
        if (this.attached.has(e.leg)) { this.log.error('refusing to hang up an agent line from a customer flow', { leg }); return; }
        this.failed('hangup', await port.hangup(leg), false);
        return;
      }
      case 'attachLine':
        this.line = e.line;
        this.attached.add('agent');
        this.record.agentId = e.line.agentId;
        this.adopt('agent', e.line.agentLeg, false);
        return;
      case 'createBridge': {
        const bridge = port.newBridgeId(this.meta.ref);
        this.bridges.set(e.bridge, bridge);
        this.failed('createBridge', await port.createBridge(bridge, e.type), true);
        return;
      }
      case 'destroyBridge': {
        const bridge = this.bridges.get(e.bridge);
        this.bridges.delete(e.bridge);
        if (bridge) this.failed('destroyBridge', await port.destroyBridge(bridge), false);
        return;
      }
      case 'addToBridge': {
        const bridge = this.bridgeOf(e.bridge);
        const leg = this.legs.get(e.leg);
        if (bridge && leg) this.failed('addToBridge', await port.addToBridge(bridge, leg), true);
        return;
      }
      case 'startMoh': {
        const bridge = this.bridges.get(e.bridge);
        if (bridge) this.failed('startMoh', await port.startMoh(bridge, e.mohClass), false);
        return;
      }
      case 'play': return this.play(e.leg, e.playback, e.media);
      case 'stopPlayback': {
        const pb = this.playbacks.get(e.playback);
        if (pb) this.failed('stopPlayback', await port.stopPlayback(pb), false);
        return;
      }
      case 'startRecording': {
        const bridge = this.bridgeOf(e.bridge);
        if (!bridge) return;
        const name = port.newRecordingName(this.meta.ref);
        const r = await port.startRecording(bridge, name);
        if (r.ok) this.recordingName = name;
        this.failed('startRecording', r, false);
        return;
      }
      case 'stopRecording':
        if (this.recordingName) this.failed('stopRecording', await port.stopRecording(this.recordingName), false);
        return;
      case 'startTimer': return this.startTimer(e.timer, e.ms);
      case 'cancelTimer': return this.cancelTimer(e.timer);
      case 'requestAgent': {
        const line = this.d.dispatcher.request(this);
        this.input(line ? { kind: 'agentAssigned', line } : { kind: 'noAgentFree' });
        return;
      }
      case 'withdrawAgentRequest': return this.d.dispatcher.withdraw(this);
      case 'declineLine': return this.d.dispatcher.giveBack(e.line);
      case 'pickAgent': {
        const picked = this.d.pickAgent?.(this.id, this.meta, e.tried) ?? { agent: null, anyOn: false };
        this.input({ kind: 'agentPicked', agent: picked.agent, anyOn: picked.anyOn });
        return;
      }
      case 'notify': return this.notify(e.notice);
      case 'done': return this.finish(e.result);
    }
  }

  private async play(leg: LegName, name: string, media: readonly string[]): Promise<void> {
    const legId = this.legs.get(leg);
    if (!legId) return this.input({ kind: 'playbackFinished', playback: name, failed: true });
    const pb = this.d.port.newPlaybackId(this.meta.ref);
    this.playbacks.set(name, pb);
    const r = await this.d.port.play(legId, pb, media, (failed) => {
      this.playbacks.delete(name);
      this.input({ kind: 'playbackFinished', playback: name, failed });
    });
    if (!r.ok) {
      this.playbacks.delete(name);
      this.failed('play', r, false);
      this.input({ kind: 'playbackFinished', playback: name, failed: true });
    }
  }

  private startTimer(timer: TimerName, ms: number): void {
    this.cancelTimer(timer);
    this.timers.set(timer, this.d.timers.setTimeout(() => {
      this.timers.delete(timer);
      this.input({ kind: 'timer', timer });
    }, ms));
  }

  private cancelTimer(timer: TimerName): void {
    if (!this.timers.has(timer)) return;
    this.d.timers.clearTimeout(this.timers.get(timer));
    this.timers.delete(timer);
  }

  private notify(notice: FlowNotice): void {
    const at = this.d.clock.now();
    if (notice.kind === 'connected' && !this.record.bridgeAt) this.record.bridgeAt = at;
    if (notice.kind === 'inboundAnswered') this.record.agentId = notice.agentId;
    if (notice.kind === 'answerStored') this.record.answers.push({ questionId: notice.questionId, answer: notice.answer });
    const event: FlowEvent = { flowId: this.id, flow: this.flow.name, meta: this.meta, notice, legs: Object.fromEntries(this.legs), at };
    if (this.line) event.line = this.line;
    if (notice.kind === 'lineReady') {
      const bridge = this.bridges.get('call');
      const agentLeg = this.legs.get('agent');
      if (bridge && agentLeg) event.line = { lineId: this.id, agentId: this.meta.agentId ?? 0, bridgeId: bridge, agentLeg };
    }
    if (notice.kind === 'lineClosed') this.d.dispatcher.removeLine(this.id);
    this.d.onNotice(event);
  }

  private finish(result: Extract<Effect, { kind: 'done' }>['result']): void {
    this.over = true;
    for (const t of [...this.timers.keys()]) this.cancelTimer(t);
    // Legs that ended while the last effects were applied are queued, not yet seen.
    for (const q of this.queue.splice(0)) if (q.kind === 'legEnded') this.legGone(q.leg, q.signals);
    this.d.dispatcher.withdraw(this);
    if (result.customer) this.lastCustomer = { ...this.lastCustomer, ...result.customer };
    Object.assign(this.record, { endAt: this.d.clock.now(), outcome: result.outcome, endReason: result.endReason, recordingName: this.recordingName });
    this.log.info('call ended', { outcome: result.outcome, endReason: result.endReason });
    if (this.open.size === 0) return this.complete();
    this.completeTimer = this.d.timers.setTimeout(() => {
      this.log.warn('legs not reported ended after the flow finished', { legs: [...this.open] });
      this.complete();
    }, LEG_END_WAIT_MS);
  }

  /** Writes the record once every owned leg is gone (or after LEG_END_WAIT_MS) and lets go of everything. */
  private complete(): void {
    if (this.completed) return;
    this.completed = true;
    this.d.timers.clearTimeout(this.completeTimer);
    for (const u of this.unsubscribe.splice(0)) u();
    const c = this.lastCustomer;
    Object.assign(this.record, { hangupCause: c?.cause ?? null, dialStatus: c?.dialStatus ?? null, amdStatus: c?.amd ?? this.record.amdStatus });
    try {
      this.d.onFinished(this.record, this.id);
    } catch (err) {
      this.log.error('could not hand over the call record', { err });
    }
    this.resolveFinished(this.record);
  }
}
