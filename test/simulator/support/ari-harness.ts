import { startAriSimulator, type AriSimulator } from '../../../src/simulator/start-ari-simulator';
import type { AriSimulatorOptions } from '../../../src/simulator/simulator-options';
import type { AriEvent } from './trace-file';

/** The few parts of ari-client (untyped JavaScript) the tests use. */
type AriOperation = (options?: Record<string, unknown>) => Promise<unknown>;
export interface AriClient {
  readonly [resource: string]: unknown;
  on(event: string, listener: (event: AriEvent, resource: unknown) => void): void;
  start(apps: string | string[]): Promise<void>;
  stop(): void;
}
interface AriModule {
  connect(url: string, user: string, password: string): Promise<AriClient>;
}

// ari-client ships no types; this is the boundary where it gets one.
const ari = require('ari-client') as AriModule;

/** Calls `client.<resource>.<operation>(options)` and returns the result as `T`. */
export async function call<T = Record<string, unknown>>(client: AriClient, resource: string, operation: string, options?: Record<string, unknown>): Promise<T> {
  const group = client[resource] as Record<string, AriOperation | undefined> | undefined;
  const op = group?.[operation];
  if (!op) throw new Error(`ari-client has no ${resource}.${operation}`);
  return (await op(options)) as T;
}

/** What ari-client turned an HTTP error into: an Error whose message is the body text. */
export async function failure(promise: Promise<unknown>): Promise<{ message: string }> {
  try {
    await promise;
  } catch (err) {
    return { message: err instanceof Error ? err.message : String(err) };
  }
  throw new Error('expected the request to fail');
}

/** Every event an ari-client connection received, with helpers to wait for and select them. */
export class EventLog {
  readonly all: AriEvent[] = [];

  constructor(private readonly sim: AriSimulator) {}

  record(event: AriEvent): void {
    this.all.push(event);
  }

  /** Events about one channel (channel or peer), as `Type` or `Type:detail` strings. */
  of(channelId: string): string[] {
    return this.all.filter((e) => (e.channel ?? e.peer)?.id === channelId).map(eventLabel);
  }

  find(predicate: (e: AriEvent) => boolean): AriEvent | undefined {
    return this.all.find(predicate);
  }

  /** Runs simulated time until an event matches (or fails after `maxMs` of simulated time). */
  async waitFor(predicate: (e: AriEvent) => boolean, maxMs = 120_000): Promise<AriEvent> {
    await this.sim.control.runUntil(() => this.all.some(predicate), maxMs);
    const found = this.all.find(predicate);
    if (!found) throw new Error(`no matching event within ${maxMs} ms of simulated time`);
    return found;
  }
}

export function eventLabel(e: AriEvent): string {
  switch (e.type) {
    case 'Dial': return `Dial:${String(e.dialstatus)}`;
    case 'ChannelStateChange': return `State:${e.channel?.state}`;
    case 'ChannelVarset': return `Var:${String(e.variable)}=${String(e.value)}`;
    case 'ChannelHangupRequest': return `Hangup:${String(e.cause)}${e.soft ? '/soft' : ''}`;
    case 'ChannelDestroyed': return `Destroyed:${String(e.cause)}`;
    case 'StasisStart': return `StasisStart:${(e.args as string[]).join(',')}`;
    case 'ChannelDtmfReceived': return `DTMF:${String(e.digit)}`;
    case 'ChannelEnteredBridge': return `Entered:${e.bridge?.id}`;
    case 'ChannelLeftBridge': return `Left:${e.bridge?.id}`;
    default: return e.type;
  }
}

export interface Harness {
  readonly sim: AriSimulator;
  readonly client: AriClient;
  readonly events: EventLog;
  close(): Promise<void>;
}

/** A simulator on port 0 (virtual time unless told otherwise) and an ari-client attached to app `dialer`. */
export async function startHarness(options: AriSimulatorOptions = {}, apps: string | string[] = 'dialer'): Promise<Harness> {
  const sim = await startAriSimulator({ settleMs: 4, ...options });
  const client = await ari.connect(sim.url, 'dialer', 'dialer');
  const events = new EventLog(sim);
  client.on('*', (event) => events.record(event));
  await client.start(apps);
  await sim.control.settle();
  return {
    sim, client, events,
    close: async () => {
      client.stop();
      await sim.stop();
    },
  };
}

export async function connectAri(url: string): Promise<AriClient> {
  return ari.connect(url, 'dialer', 'dialer');
}
