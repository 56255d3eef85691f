import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { AriEvent } from '../../src/telephony/ari/ari-events';
import { ConnectLatency } from './connect-latency';

export interface RealAri { readonly url: string; readonly user: string; readonly password: string }

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The floor the dialer is measured against: the least any ARI client can do for a predictive
 * connect on this PBX. Plain fetch + one `ws` socket, no ari-client, no flow runner, no store:
 * agent lines are parked one per bridge; a customer is originated straight into the AMD context,
 * and when it comes back into Stasis as HUMAN it is added to the next free line's bridge. The same
 * ConnectLatency as the dialer's run reads the PBX timestamps, so the two figures are comparable.
 */
export class BareAriFloor {
  readonly latency = new ConnectLatency((bridgeId) => bridgeId.startsWith(`${this.app}-line-`));
  private static runs = 0;
  readonly app = `floor-${process.pid}-${++BareAriFloor.runs}`;
  connected = 0;
  ended = 0;
  errors = 0;
  readonly amd: Record<string, number> = {};
  private socket: WebSocket | undefined;
  private readonly freeBridges: string[] = [];
  private readonly customers = new Set<string>();
  private readonly auth: string;

  constructor(private readonly ari: RealAri) {
    this.auth = `Basic ${Buffer.from(`${ari.user}:${ari.password}`).toString('base64')}`;
  }

  /**
   * Kept-alive sockets, a few of them: Asterisk's HTTP server allows 100 sessions in all (http.conf
   * sessionlimit), and fetch would open one per request in flight and keep them all.
   */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 8 });

  private rest(method: string, path: string, body?: unknown): Promise<unknown> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { authorization: this.auth };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) });
    return new Promise((resolve, reject) => {
      const req = request(`${this.ari.url}/ari${path}`, { method, headers, agent: this.agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => { text += d; });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status !== 404) reject(new Error(`${method} ${path}: ${status} ${text}`));
          else resolve(text ? JSON.parse(text) as unknown : undefined);
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async start(): Promise<void> {
    const u = new URL(this.ari.url);
    const ws = new WebSocket(`ws://${u.host}/ari/events?app=${this.app}&subscribeAll=false`, { headers: { authorization: this.auth } });
    this.socket = ws;
    ws.on('message', (data) => this.onMessage(String(data)));
    await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  }

  private onMessage(text: string): void {
    // No schema decoding: the floor is JSON.parse and nothing else (the fields read here are those of AriEvent).
    const e = JSON.parse(text) as AriEvent;
    this.latency.onEvent(e);
    if (e.type === 'StasisStart' && e.args[0] === 'agent') {
      const bridge = `${this.app}-line-${e.channel.id}`;
      void this.rest('POST', `/bridges?type=mixing&bridgeId=${bridge}`)
        .then(() => this.rest('POST', `/bridges/${bridge}/addChannel?channel=${e.channel.id}`))
        .then(() => { this.freeBridges.push(bridge); });
    } else if (e.type === 'StasisStart' && e.args[0] === 'customer' && e.args[2] === 'amd') {
      this.amd[e.args[3] ?? '?'] = (this.amd[e.args[3] ?? '?'] ?? 0) + 1;
      // As the dialer does: NOTSURE is a human (a loaded PBX says NOTSURE more often).
      const human = e.args[3] === 'HUMAN' || e.args[3] === 'NOTSURE';
      const bridge = human ? this.freeBridges.shift() : undefined;
      if (!bridge) { void this.rest('DELETE', `/channels/${e.channel.id}`).catch(() => undefined); return; }
      this.latency.requested(e.channel.id);
      void this.rest('POST', `/bridges/${bridge}/addChannel?channel=${e.channel.id}`).then(() => { this.connected++; });
    } else if (e.type === 'ChannelDestroyed' && this.customers.delete(e.channel.id)) {
      this.ended++;
    }
  }

  describe(): string {
    return `connected ${this.latency.samples.length}, ended ${this.ended}, lines free ${this.freeBridges.length}, originate errors ${this.errors}, amd ${JSON.stringify(this.amd)}`;
  }

  async openLines(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const q = new URLSearchParams({ endpoint: `Local/${2001 + i}@sim-agents`, app: this.app, appArgs: 'agent', channelId: `${this.app}-agent-${i}` });
      await this.rest('POST', `/channels?${q.toString()}`);
    }
    await until(() => this.freeBridges.length >= n, 30_000, `${n} floor lines`);
  }

  call(number: string, ref: number): void {
    const id = `${this.app}-customer-${ref}`;
    this.customers.add(id);
    const q = new URLSearchParams({ endpoint: `Local/${number}@sim-customers`, context: 'dialer-outbound', extension: 'amd', priority: '1', channelId: id, timeout: '15' });
    this.rest('POST', `/channels?${q.toString()}`, { variables: { DIALER_APP: this.app, DIALER_ROLE: 'customer', DIALER_REF: String(ref) } }).catch(() => { this.errors++; });
  }

  async stop(): Promise<void> {
    // Every channel this run made carries the app name in its id, answered or not.
    const channels = (await this.rest('GET', '/channels')) as { id: string }[];
    await Promise.all(channels.filter((c) => c.id.startsWith(`${this.app}-`)).map((c) => this.rest('DELETE', `/channels/${c.id}`).catch(() => undefined)));
    await sleep(500);
    const bridges = (await this.rest('GET', '/bridges')) as { id: string }[];
    await Promise.all(bridges.filter((b) => b.id.startsWith(`${this.app}-`)).map((b) => this.rest('DELETE', `/bridges/${b.id}`).catch(() => undefined)));
    this.socket?.close();
    this.agent.destroy();
  }
}

export async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  for (const limit = performance.now() + timeoutMs; !test(); await sleep(10)) {
    if (performance.now() > limit) throw new Error(`timed out waiting for ${what}`);
  }
}
