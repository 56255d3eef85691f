import WebSocket from 'ws';
import type { LabelledRun } from './event-signatures';
import type { AriEvent, TraceLine } from './trace-file';

/** Where a trace is replayed: the simulator (virtual time) or a real Asterisk (wall clock). */
export interface ReplayTarget {
  readonly baseUrl: string;
  readonly user: string;
  readonly password: string;
  /** Moves (or waits) until `ms` after the start of the replay. */
  advanceTo(ms: number): Promise<void>;
  /** Lets time pass until `done()` holds or `maxMs` passed. */
  waitFor(done: () => boolean, maxMs: number): Promise<void>;
  /** `core restart now`. */
  restart?(): Promise<void>;
}

export interface RestOutcome {
  readonly method: string;
  readonly path: string;
  readonly expectedStatus: number;
  readonly status: number;
  readonly body: unknown;
}

export interface ReplayResult extends LabelledRun {
  readonly rest: readonly RestOutcome[];
}

type Action = { readonly at: number; readonly seen: ReadonlyMap<string, number> } & (
  | { readonly kind: 'rest'; readonly line: Extract<TraceLine, { kind: 'rest' }> }
  | { readonly kind: 'open' | 'close' | 'lost' | 'restart' });

/** Event types a recorded script may have been waiting for before its next request. */
const awaited = /^(StasisStart|StasisEnd|ChannelDestroyed|ChannelDtmfReceived|PlaybackFinished|ChannelLeftBridge|ChannelEnteredBridge|Dial)$/;

function keyOf(e: AriEvent): string | undefined {
  if (!awaited.test(e.type)) return undefined;
  return e.type === 'Dial' ? `Dial:${String(e.dialstatus)}` : e.type;
}

/** How many of each awaited event the recorder had received before time `at`. */
function seenBefore(lines: readonly TraceLine[], at: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (const line of lines) {
    if (line.kind !== 'event' || line.t > at) continue;
    const key = keyOf(line.event);
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
}

function actionsOf(lines: readonly TraceLine[]): Action[] {
  const actions: Action[] = [];
  const add = (at: number, rest: { kind: 'open' | 'close' | 'lost' | 'restart' } | { kind: 'rest'; line: Extract<TraceLine, { kind: 'rest' }> }) =>
    actions.push({ at, seen: seenBefore(lines, at), ...rest });
  for (const line of lines) {
    if (line.kind === 'rest') add(line.sent, { kind: 'rest', line });
    else if (line.kind === 'ws' && line.what === 'open') add(line.t, { kind: 'open' });
    else if (line.kind === 'ws' && line.what === 'close') add(line.t, { kind: line.wasClean ? 'close' : 'lost' });
    else if (line.kind === 'cli' && /core restart/.test(line.command)) add(line.sent, { kind: 'restart' });
  }
  return actions.sort((a, b) => a.at - b.at);
}

/** Query parameters in which the recording script chose an id (or a recording name) itself. */
const CHOSEN_ID_KEYS = new Set(['channelId', 'otherChannelId', 'bridgeId', 'playbackId', 'name']);

/** Ids the recording script chose: in those parameters, and as the last part of a POST path that creates something. */
function chosenIds(lines: readonly TraceLine[]): Set<string> {
  const chosen = new Set<string>();
  for (const line of lines) {
    if (line.kind !== 'rest' || line.method !== 'POST') continue;
    for (const [key, value] of Object.entries(line.query ?? {})) if (CHOSEN_ID_KEYS.has(key)) chosen.add(value);
    const made = /^\/ari\/(?:bridges\/([^/]+)|channels\/([^/]+)|channels\/[^/]+\/play\/([^/]+))$/.exec(line.path);
    const id = made?.[1] ?? made?.[2] ?? made?.[3];
    if (id && !/^\d+\.\d+$/.test(id)) chosen.add(decodeURIComponent(id));
  }
  return chosen;
}

export interface ReplayOptions {
  /** The ARI application to replay as (default `dialer`, as recorded). */
  app?: string;
  /** Put before every id the script chose itself, so several replays can share one Asterisk. */
  idPrefix?: string;
}

/**
 * Replays a recorded trace against a target: the same REST requests at the same moments (ids the
 * server made are mapped to the ones the target made), the same WebSocket opens and closes, the
 * same restart; it records what the target answered and sent.
 */
export class TraceReplayer {
  private readonly events: AriEvent[] = [];
  private readonly rest: RestOutcome[] = [];
  private readonly originated: Array<{ endpoint: string; id: string; name: string }> = [];
  private readonly bridges: string[] = [];
  private readonly ids = new Map<string, string>();
  private socket: WebSocket | null = null;
  private readonly app: string;
  private chosen = new Set<string>();

  constructor(private readonly target: ReplayTarget, private readonly options: ReplayOptions = {}) {
    this.app = options.app ?? 'dialer';
  }

  async replay(lines: readonly TraceLine[]): Promise<ReplayResult> {
    const actions = actionsOf(lines);
    if (this.options.idPrefix) this.chosen = chosenIds(lines);
    for (const action of actions) {
      await this.target.advanceTo(action.at);
      // The recorder reacted to events; a slower server must get there before the next request.
      if (action.kind !== 'restart') await this.target.waitFor(() => this.hasSeen(action.seen), 5000);
      if (action.kind === 'rest') await this.request(action.line);
      else if (action.kind === 'open') await this.connect();
      else if (action.kind === 'close') await this.disconnect();
      else if (action.kind === 'lost') await this.target.waitFor(() => this.socket === null, 30_000);
      else await this.target.restart?.();
    }
    const last = lines.reduce((max, l) => Math.max(max, l.t), 0);
    await this.target.advanceTo(last + 1000);
    await this.disconnect();
    return { events: this.events, rest: this.rest, originated: this.originated, bridges: this.bridges };
  }

  private async connect(): Promise<void> {
    if (this.socket?.readyState === WebSocket.OPEN) return;
    const wsUrl = `${this.target.baseUrl.replace(/^http/, 'ws')}/ari/events?app=${this.app}&api_key=${this.target.user}:${this.target.password}`;
    for (let attempt = 0; attempt < 300; attempt++) {
      const ws = new WebSocket(wsUrl);
      const opened = await new Promise<boolean>((resolve) => {
        ws.once('open', () => resolve(true));
        ws.once('error', () => resolve(false));
      });
      if (opened) {
        ws.on('message', (data: Buffer) => this.events.push(JSON.parse(data.toString('utf8')) as AriEvent));
        ws.on('error', () => undefined);
        ws.on('close', () => { if (this.socket === ws) this.socket = null; });
        this.socket = ws;
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`could not open ${wsUrl}`);
  }

  private async disconnect(): Promise<void> {
    const ws = this.socket;
    this.socket = null;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close(1000);
    });
  }

  private hasSeen(wanted: ReadonlyMap<string, number>): boolean {
    const counts = new Map<string, number>();
    for (const e of this.events) {
      const key = keyOf(e);
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, n] of wanted) if ((counts.get(key) ?? 0) < n) return false;
    return true;
  }

  private mapId(id: string): string {
    return this.ids.get(id) ?? (this.chosen.has(id) ? `${this.options.idPrefix ?? ''}${id}` : id);
  }

  private mapApp(app: string): string {
    return app === 'dialer' ? this.app : app;
  }

  private async request(line: Extract<TraceLine, { kind: 'rest' }>): Promise<void> {
    if (line.path.startsWith('/ari/channels') || line.path.startsWith('/ari/bridges') || line.path.startsWith('/ari/applications')) {
      // A request made right after a restart waits for the new socket, as the recorder did.
      if (!this.socket) await this.connect();
    }
    const parts = line.path.split('/').map((part) => this.mapId(decodeURIComponent(part)));
    if (parts[2] === 'applications' && parts[3]) parts[3] = this.mapApp(parts[3]);
    const path = parts.map(encodeURIComponent).join('/');
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(line.query ?? {})) {
      query.set(key, key === 'channel' ? value.split(',').map((v) => this.mapId(v)).join(',')
        : key === 'eventSource' ? value.replace(/^(channel|bridge):(.*)$/, (_, s: string, id: string) => `${s}:${this.mapId(id)}`)
          : key === 'app' ? this.mapApp(value) : CHOSEN_ID_KEYS.has(key) ? this.mapId(value) : value);
    }
    const qs = query.toString();
    const headers: Record<string, string> = { Authorization: `Basic ${Buffer.from(`${this.target.user}:${this.target.password}`).toString('base64')}` };
    if (line.body !== null && line.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.target.baseUrl}${path}${qs ? `?${qs}` : ''}`, {
      method: line.method, headers, body: line.body === null || line.body === undefined ? undefined : JSON.stringify(line.body),
    });
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : null;
    this.rest.push({ method: line.method, path: line.path, expectedStatus: line.status, status: res.status, body });
    this.learn(line, body);
  }

  /** Maps the ids the recorded server made to the ones the target made, and notes what was created. */
  private learn(line: Extract<TraceLine, { kind: 'rest' }>, body: unknown): void {
    const mine = body as { id?: string; name?: string } | null;
    const theirs = line.response as { id?: string } | null;
    if (line.method !== 'POST' || !mine?.id || !theirs?.id) return;
    this.ids.set(theirs.id, mine.id);
    if (/^\/ari\/channels(\/create|\/[^/]+)?$/.test(line.path) && line.query?.endpoint) {
      this.originated.push({ endpoint: line.query.endpoint, id: mine.id, name: mine.name ?? '' });
    } else if (/^\/ari\/bridges(\/[^/]+)?$/.test(line.path)) {
      this.bridges.push(mine.id);
    }
  }

  /** The same labelling data, read from the recorded trace itself. */
  static recorded(lines: readonly TraceLine[]): LabelledRun {
    const events: AriEvent[] = [];
    const originated: Array<{ endpoint: string; id: string; name: string }> = [];
    const bridges: string[] = [];
    for (const line of lines) {
      if (line.kind === 'event') events.push(line.event);
      if (line.kind !== 'rest' || line.method !== 'POST' || line.status >= 300) continue;
      const response = line.response as { id?: string; name?: string } | null;
      if (!response?.id) continue;
      if (/^\/ari\/channels(\/create|\/[^/]+)?$/.test(line.path) && line.query?.endpoint) {
        originated.push({ endpoint: line.query.endpoint, id: response.id, name: response.name ?? '' });
      } else if (/^\/ari\/bridges(\/[^/]+)?$/.test(line.path)) {
        bridges.push(response.id);
      }
    }
    return { events, originated, bridges };
  }
}
