import type { MixEntry, NumberPattern, RuleScope } from './behaviour-book';
import { emitDtmf } from './channel-events';
import type { EventObserver } from './event-hub';
import type { FaultMatch, FaultResponse } from './fault-injector';
import { farEndHangup } from './hangup';
import { placeInboundCall, type InboundCallRequest } from './inbound-callback-dialplan';
import type { BehaviourSpec } from './party-behaviour';
import type { SimWorld } from './sim-world';

/** What a test (or demo mode) can do to the simulated Asterisk besides speaking ARI to it. */
export interface AriSimulatorControl {
  readonly clockMode: 'virtual' | 'real';
  /** Simulated time, epoch ms. */
  now(): number;
  /** Virtual clock: moves time forward, letting clients react after each step. Real clock: waits. */
  advance(ms: number): Promise<void>;
  /** Steps time until `done()` holds (or `maxMs` passed); resolves to whether it holds. */
  runUntil(done: () => boolean, maxMs?: number): Promise<boolean>;
  /** Runs every pending timer (agents' hour-long calls included), up to `maxMs` of simulated time. */
  runUntilIdle(maxMs?: number): Promise<void>;
  /** Waits until clients have stopped sending requests (no time passes). */
  settle(): Promise<void>;
  /**
   * Virtual clock: time does not move while `busy()` returns true (e.g. the code under test still
   * has work queued). Returns a function that removes the condition.
   */
  holdTimeWhile(busy: () => boolean): () => void;

  setBehaviour(pattern: NumberPattern, behaviour: BehaviourSpec, scope?: RuleScope): void;
  setRandomMix(pattern: NumberPattern, mix: readonly MixEntry[], scope?: RuleScope): void;
  clearBehaviours(): void;
  /** Makes a sound exist (and last `ms`). */
  setSound(name: string, ms: number): void;

  /** The far end of an answered call hangs up now. */
  hangUpFarEnd(channelId: string, cause?: number): void;
  /**
   * A caller reaches the project's `dialer-inbound-callback` context from a trunk and presses
   * `keys` at the offer (default '1': a callback request). Returns the caller's channel id.
   */
  placeInboundCall(request: InboundCallRequest): string;
  /** The far end presses keys now (ChannelDtmfReceived on our channel). */
  pressKeys(channelId: string, digits: string, gapMs?: number): void;

  /** Cuts every event WebSocket (clients see 1006); calls, bridges and apps stay (reference point 17). */
  dropWebSockets(): void;
  /** `core restart now` (reference point 18). Resolves when the simulator accepts connections again. */
  restart(): Promise<void>;
  /** Answers the next matching REST request with an error instead of handling it. */
  failNext(match: FaultMatch, response: FaultResponse, times?: number): void;
  /**
   * The next DELETE /channels/{id} answers 404 "Channel not found"; by default the far end hangs
   * up just before, which is the race that produces this answer on a real server.
   */
  failNextHangup(channelId?: string, farEndHangsUpFirst?: boolean): void;
  /** Holds StasisStart back by `ms` (simulated), so requests in between meet "not in Stasis". */
  setStasisDelay(ms: number): void;
  /**
   * Sends the events a request sets off at once (Dial, StasisStart of a created channel,
   * PlaybackStarted, …) before its HTTP reply, as the real server sometimes does.
   */
  setEventsBeforeReply(on: boolean): void;

  /** Sees every event delivered to a socket; returns an unsubscribe function. */
  onEvent(observer: EventObserver): () => void;
  /** Unexpected errors inside the simulator (bugs); tests assert it stays empty. */
  readonly errors: readonly unknown[];
  snapshot(): { channels: number; bridges: number; apps: string[]; sockets: number; pendingTimers: number; eventsDelivered: number };
}

export interface ControlDeps {
  readonly world: SimWorld;
  readonly errors: unknown[];
  readonly sockets: { dropAll(): void; readonly size: number };
  readonly faults: { add(match: FaultMatch, response: FaultResponse, times?: number): void };
  readonly clock: {
    advance(ms: number): Promise<void>;
    runUntil(done: () => boolean, maxMs: number): Promise<boolean>;
    settle(): Promise<void>;
  };
  restart(): Promise<void>;
  readonly holds: Set<() => boolean>;
}

export function createControl(d: ControlDeps): AriSimulatorControl {
  const w = d.world;
  const answeredCall = (channelId: string) => {
    const call = w.channels.get(channelId)?.call;
    if (!call || call.phase !== 'answered') throw new Error(`channel ${channelId} has no answered call`);
    return call;
  };
  return {
    clockMode: w.options.clock,
    now: () => w.clock.now(),
    advance: (ms) => d.clock.advance(ms),
    runUntil: (done, maxMs = 3_600_000) => d.clock.runUntil(done, maxMs),
    runUntilIdle: async (maxMs = 2 * 3_600_000) => { await d.clock.runUntil(() => w.clock.pending() === 0, maxMs); },
    settle: () => d.clock.settle(),
    holdTimeWhile: (busy) => {
      d.holds.add(busy);
      return () => d.holds.delete(busy);
    },
    setBehaviour: (pattern, behaviour, scope) => w.behaviours.set(pattern, behaviour, scope),
    setRandomMix: (pattern, mix, scope) => w.behaviours.setMix(pattern, mix, scope),
    clearBehaviours: () => w.behaviours.clear(),
    setSound: (name, ms) => w.sounds.set(name, ms),
    hangUpFarEnd: (channelId, cause = 16) => farEndHangup(w, answeredCall(channelId), cause),
    placeInboundCall: (request) => placeInboundCall(w, request).id,
    pressKeys: (channelId, digits, gapMs = 350) => {
      const call = answeredCall(channelId);
      [...digits].forEach((digit, i) => {
        call.timers.push(w.clock.after(i * gapMs, () => { if (call.near.alive) emitDtmf(w.hub, call.near, digit); }));
      });
    },
    dropWebSockets: () => d.sockets.dropAll(),
    restart: () => d.restart(),
    failNext: (match, response, times) => d.faults.add(match, response, times),
    failNextHangup: (channelId, farEndHangsUpFirst = true) => d.faults.add(
      { method: 'DELETE', nickname: 'hangup', path: channelId ? { channelId } : undefined },
      {
        status: 404, message: 'Channel not found',
        before: (path) => {
          const call = w.channels.get(path.channelId ?? '')?.call;
          if (farEndHangsUpFirst && call?.phase === 'answered') farEndHangup(w, call, 16);
        },
      },
    ),
    setStasisDelay: (ms) => { w.stasisDelayMs = Math.max(0, ms); },
    setEventsBeforeReply: (on) => { w.eventsBeforeReply = on; },
    onEvent: (observer) => w.hub.observe(observer),
    errors: d.errors,
    snapshot: () => ({
      channels: w.channels.size, bridges: w.bridges.size, apps: [...w.hub.apps.keys()], sockets: d.sockets.size,
      pendingTimers: w.clock.pending(), eventsDelivered: w.hub.delivered,
    }),
  };
}
