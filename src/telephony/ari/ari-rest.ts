import { z } from 'zod';
import { ariBridgeSchema, ariChannelSchema, type AriBridge, type AriChannel } from './ari-events';
import type { AriClientLike } from './ari-client-like';
import { DialerError } from '../../errors';
import type { Timers } from '../../domain/clock';
import { toDialerError } from './to-dialer-error';

/** The ARI REST operations the dialer uses, with our types in and out; failures are DialerErrors. */
export interface AriRest {
  createChannel(p: { endpoint: string; app: string; appArgs: string; channelId: string; otherChannelId?: string; variables: Record<string, string> }): Promise<void>;
  dial(channelId: string, timeoutSeconds: number): Promise<void>;
  continueInDialplan(channelId: string, context: string, extension: string, priority: number): Promise<void>;
  hangup(channelId: string): Promise<void>;
  listChannels(): Promise<AriChannel[]>;
  createBridge(bridgeId: string, type: 'mixing' | 'holding'): Promise<void>;
  addChannel(bridgeId: string, channelId: string): Promise<void>;
  destroyBridge(bridgeId: string): Promise<void>;
  listBridges(): Promise<AriBridge[]>;
  startBridgeMoh(bridgeId: string, mohClass: string): Promise<void>;
  play(channelId: string, playbackId: string, media: readonly string[]): Promise<void>;
  stopPlayback(playbackId: string): Promise<void>;
  recordBridge(bridgeId: string, name: string, format: string): Promise<void>;
  stopRecording(name: string): Promise<void>;
  storedRecordingNames(): Promise<string[]>;
  setGlobalVar(variable: string, value: string): Promise<void>;
  getGlobalVar(variable: string): Promise<string>;
  /** When this Asterisk process started (GET /asterisk/info): changes with every restart. */
  startupTime(): Promise<string>;
}

/** A request Asterisk did not answer in time: it may be slow rather than gone (unlike a refusal or a 503). */
export class AriTimeoutError extends DialerError {
  constructor(operation: string, timeoutMs: number) {
    super('E_TELEPHONY_UNAVAILABLE', `${operation}: no answer from Asterisk within ${timeoutMs} ms`);
    this.name = 'AriTimeoutError';
  }
}

/**
 * ari-client (swagger-client over shred) has no request timeout: a request sent to an Asterisk
 * that is shutting down can hang for good, and with it the call flow waiting on it. Give up after
 * timeoutMs; the request itself cannot be aborted and is left to finish or fail on its own.
 */
function withTimeout(timers: Timers, timeoutMs: number) {
  return async function call<T>(operation: string, fn: () => PromiseLike<T>): Promise<T> {
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = timers.setTimeout(() => reject(new AriTimeoutError(operation, timeoutMs)), timeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve(fn()), timeout]);
    } catch (err) {
      throw toDialerError(err, operation);
    } finally {
      timers.clearTimeout(timer);
    }
  };
}

const channelList = z.array(ariChannelSchema);
const bridgeList = z.array(ariBridgeSchema);
const storedList = z.array(z.object({ name: z.string() }));
const variableValue = z.object({ value: z.string() });
const systemStatus = z.object({ status: z.object({ startup_time: z.string() }) });

/** ari-client wraps results in resource objects; their own JSON fields are what we decode. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key.startsWith('_') ? undefined : v)));
}

export function createAriRest(c: AriClientLike, timers: Timers, timeoutMs = 5000): AriRest {
  const call = withTimeout(timers, timeoutMs);
  return {
    createChannel: async (p) => {
      // swagger-client would send an undefined query parameter as the text "undefined"
      const { otherChannelId, ...rest } = p;
      await call('create channel', () => c.channels.create(otherChannelId ? { ...rest, otherChannelId } : rest));
    },
    dial: async (channelId, timeout) => { await call('dial', () => c.channels.dial({ channelId, timeout })); },
    continueInDialplan: async (channelId, context, extension, priority) => {
      await call('continue in dialplan', () => c.channels.continueInDialplan({ channelId, context, extension, priority }));
    },
    hangup: async (channelId) => { await call('hang up', () => c.channels.hangup({ channelId })); },
    listChannels: async () => channelList.parse(plain(await call('list channels', () => c.channels.list()))),
    createBridge: async (bridgeId, type) => { await call('create bridge', () => c.bridges.create({ bridgeId, type })); },
    addChannel: async (bridgeId, channel) => { await call('add to bridge', () => c.bridges.addChannel({ bridgeId, channel })); },
    destroyBridge: async (bridgeId) => { await call('destroy bridge', () => c.bridges.destroy({ bridgeId })); },
    listBridges: async () => bridgeList.parse(plain(await call('list bridges', () => c.bridges.list()))),
    startBridgeMoh: async (bridgeId, mohClass) => { await call('start music on hold', () => c.bridges.startMoh({ bridgeId, mohClass })); },
    play: async (channelId, playbackId, media) => {
      await call('play', () => c.channels.play({ channelId, playbackId, media: media.join(',') }));
    },
    stopPlayback: async (playbackId) => { await call('stop playback', () => c.playbacks.stop({ playbackId })); },
    recordBridge: async (bridgeId, name, format) => {
      await call('record bridge', () => c.bridges.record({ bridgeId, name, format, ifExists: 'fail' }));
    },
    stopRecording: async (recordingName) => { await call('stop recording', () => c.recordings.stop({ recordingName })); },
    storedRecordingNames: async () => storedList.parse(plain(await call('list recordings', () => c.recordings.getStored()))).map((r) => r.name),
    setGlobalVar: async (variable, value) => { await call('set global variable', () => c.asterisk.setGlobalVar({ variable, value })); },
    getGlobalVar: async (variable) => variableValue.parse(plain(await call('get global variable', () => c.asterisk.getGlobalVar({ variable })))).value,
    startupTime: async () => systemStatus.parse(plain(await call('asterisk info', () => c.asterisk.getInfo({ only: 'status' })))).status.startup_time,
  };
}
