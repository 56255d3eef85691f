import { randomBytes } from 'node:crypto';
import { connect as ariConnect } from 'ari-client';
import type { Logger } from 'winston';
import { DialerError } from '../../errors';
import type { Timers } from '../../domain/clock';
import { asAriClient, type AriClientLike } from './ari-client-like';
import { decodeAriEvent, type AriEvent } from './ari-events';
import { ariEventSocketOpener, type AriEventSocket, type OpenAriEventSocket } from './ari-event-socket';
import { createAriRest, type AriRest } from './ari-rest';

export interface AriConnectionOptions {
  url: string;
  user: string;
  password: string;
  /** Base application name (config ari.app); a per-process suffix is added. */
  appBase: string;
  log: Logger;
  timers: Timers;
  /** ari-client's connect, or a stand-in in unit tests. */
  connect?: (url: string, user: string, password: string) => PromiseLike<unknown>;
  backoff?: { initialMs: number; maxMs: number };
  /** Give up on a REST request after this long (default 5 s; ARI on loopback answers in milliseconds). */
  requestTimeoutMs?: number;
  /**
   * Who reads the events: our own `ws` socket (default; ari-connection's `own` path) or ari-client's
   * (the path before; kept so both can be compared on the same PBX).
   */
  events?: 'own' | 'ari-client';
  /** Opens our own event socket; a stand-in in unit tests. */
  openEvents?: OpenAriEventSocket;
}

export type SocketState = 'connecting' | 'open' | 'closed' | 'stopped';

/**
 * One ari-client Client for the life of the process, and its event WebSocket kept open forever.
 *
 * - The app name is unique per process (`<base>-<pid>-<random>`): Asterisk gives an app name to
 *   the newest WebSocket and sends the older one ApplicationReplaced, so two dialers sharing a
 *   name would steal each other's calls. The dialplan learns the name from the DIALER_APP
 *   channel variable set at originate.
 * - ari-client loads the Swagger docs at connect (about 14 requests): we do it once per process
 *   and keep the client, so a reconnect does not reload them. After an Asterisk upgrade, restart
 *   the dialer.
 * - Events come through our own `ws` socket (ari-event-socket.ts), reopened with our backoff, forever;
 *   ari-client is kept for REST. With `events: 'ari-client'` its socket is used instead: it retries 10
 *   times (100 ms doubling to 10 s, ~43 s in all) and then gives up (WebSocketMaxRetries), and we start
 *   it again with the same backoff.
 * - Listeners: we add one listener per client event we use, here, and remove them all in stop().
 *   Nothing else subscribes to ari-client (no per-channel `channel.on`, which never unsubscribes).
 * - Events missed while the socket is down are not replayed: whoever listens to onState resyncs
 *   with GET /channels and /bridges when the state turns open again.
 */
export class AriConnection {
  readonly app: string;
  private client: AriClientLike | undefined;
  private rest: AriRest | undefined;
  private state: SocketState = 'connecting';
  private readonly eventListeners = new Set<(e: AriEvent) => void>();
  private readonly stateListeners = new Set<(s: SocketState) => void>();
  private readonly attached: [string, (...args: unknown[]) => void][] = [];
  private retryTimer: unknown;
  private delayMs: number;
  private readonly log: Logger;
  private socket: AriEventSocket | undefined;
  private readonly openEvents: OpenAriEventSocket | undefined;

  constructor(private readonly opts: AriConnectionOptions) {
    this.openEvents = (opts.events ?? 'own') === 'own'
      ? opts.openEvents ?? ariEventSocketOpener({ url: opts.url, user: opts.user, password: opts.password })
      : undefined;
    this.app = `${opts.appBase}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.log = opts.log.child({ app: this.app });
    this.delayMs = opts.backoff?.initialMs ?? 1000;
  }

  get socketState(): SocketState { return this.state; }

  /** REST works whether or not the WebSocket is open (reference README point 17). */
  get api(): AriRest {
    if (!this.rest) throw new DialerError('E_TELEPHONY_UNAVAILABLE', 'ARI is not connected yet');
    return this.rest;
  }

  onEvent(listener: (e: AriEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onState(listener: (s: SocketState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Starts connecting in the background; onState reports progress. */
  start(): void {
    void this.loadApi();
  }

  async stop(): Promise<void> {
    this.setState('stopped');
    this.opts.timers.clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = undefined;
    const client = this.client;
    if (!client) return;
    for (const [event, fn] of this.attached.splice(0)) client.removeListener(event, fn);
    try {
      client.stop();
    } catch {
      // the WebSocket was never opened
    }
  }

  private setState(next: SocketState): void {
    if (this.state === next || this.state === 'stopped') return;
    this.state = next;
    for (const l of [...this.stateListeners]) l(next);
  }

  private nextDelay(): number {
    const d = this.delayMs;
    this.delayMs = Math.min(d * 2, this.opts.backoff?.maxMs ?? 30_000);
    return d;
  }

  private schedule(what: string, fn: () => void): void {
    if (this.state === 'stopped') return;
    const delay = this.nextDelay();
    this.log.warn(`ari ${what} failed, retrying`, { inMs: delay });
    this.retryTimer = this.opts.timers.setTimeout(fn, delay);
  }

  private async loadApi(): Promise<void> {
    const connect = this.opts.connect ?? ariConnect;
    try {
      const client = asAriClient(await connect(this.opts.url, this.opts.user, this.opts.password));
      if (this.state === 'stopped') return;
      this.client = client;
      this.rest = createAriRest(client, this.opts.timers, this.opts.requestTimeoutMs);
      if (this.openEvents) {
        this.openOwnSocket(this.openEvents);
      } else {
        this.attach(client);
        this.openSocket(client);
      }
    } catch (err) {
      this.log.warn('ari api load failed', { url: this.opts.url, err });
      this.schedule('connect', () => void this.loadApi());
    }
  }

  private attach(client: AriClientLike): void {
    const on = (event: string, fn: (...args: unknown[]) => void) => {
      client.on(event, fn);
      this.attached.push([event, fn]);
    };
    on('*', (raw) => this.dispatch(raw));
    on('WebSocketConnected', () => {
      this.delayMs = this.opts.backoff?.initialMs ?? 1000;
      this.log.info('ari websocket connected');
      this.setState('open');
    });
    on('WebSocketReconnecting', (err) => {
      if (this.state === 'open') this.log.warn('ari websocket lost, reconnecting', { reason: err instanceof Error ? err.message : undefined });
      this.setState('closed');
    });
    on('WebSocketMaxRetries', () => {
      this.setState('closed');
      this.schedule('websocket', () => this.openSocket(client));
    });
  }

  private openOwnSocket(open: OpenAriEventSocket): void {
    if (this.state === 'stopped') return;
    const socket = open(this.app);
    this.socket = socket;
    socket.onOpen(() => {
      if (this.socket !== socket) return;
      this.delayMs = this.opts.backoff?.initialMs ?? 1000;
      this.log.info('ari websocket connected');
      this.setState('open');
    });
    socket.onMessage((text) => {
      if (this.socket !== socket) return;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        this.log.warn('ari event is not JSON', { length: text.length });
        return;
      }
      this.dispatch(raw);
    });
    socket.onClose((reason) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (this.state === 'open') this.log.warn('ari websocket lost, reconnecting', { reason });
      this.setState('closed');
      this.schedule('websocket', () => this.openOwnSocket(open));
    });
  }

  private openSocket(client: AriClientLike): void {
    if (this.state === 'stopped') return;
    // Resolves on the first open only; failures are reported through WebSocketMaxRetries.
    Promise.resolve(client.start(this.app)).then(undefined, (err: unknown) => this.log.debug('ari start gave up', { err }));
  }

  private dispatch(raw: unknown): void {
    const decoded = decodeAriEvent(raw);
    if (!decoded.ok) {
      if (!decoded.ignored) this.log.warn('ari event not understood', { type: decoded.type, problem: decoded.problem });
      return;
    }
    for (const l of [...this.eventListeners]) {
      // A throwing listener must not reach ari-client's WebSocket handler (an uncaught exception).
      try {
        l(decoded.event);
      } catch (err) {
        this.log.error('ari event handler failed', { type: decoded.event.type, err });
      }
    }
  }
}
