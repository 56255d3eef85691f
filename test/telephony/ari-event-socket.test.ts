import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createLogger } from '../../src/logger';
import { AriConnection, type SocketState } from '../../src/telephony/ari/ari-connection';
import type { AriEvent } from '../../src/telephony/ari/ari-events';

/** ari-client stand-in for REST only: in this mode nobody may start its WebSocket. */
class RestOnlyClient extends EventEmitter {
  starts = 0;
  channels = Object.fromEntries(['create', 'dial', 'continueInDialplan', 'hangup', 'list', 'play', 'get'].map((k) => [k, async () => []]));
  bridges = Object.fromEntries(['create', 'addChannel', 'destroy', 'list', 'startMoh', 'record'].map((k) => [k, async () => []]));
  playbacks = { stop: async () => undefined };
  recordings = { stop: async () => undefined, getStored: async () => [] };
  asterisk = { setGlobalVar: async () => undefined, getGlobalVar: async () => ({ value: '' }), getInfo: async () => ({}) };
  start(): Promise<void> { this.starts++; return new Promise(() => undefined); }
  stop(): void { /* nothing opened */ }
}

const log = createLogger({ level: 'error', console: false });
const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function until(test: () => boolean, what: string, ms = 3000): Promise<void> {
  for (const end = Date.now() + ms; !test(); await sleep(5)) if (Date.now() > end) throw new Error(`timed out: ${what}`);
}

describe('ARI connection (events through our own WebSocket)', () => {
  let server: WebSocketServer;
  let url: string;
  const requests: { url: string; auth: string | undefined }[] = [];
  const sockets: WebSocket[] = [];
  let conn: AriConnection | undefined;

  beforeEach(async () => {
    requests.length = 0;
    sockets.length = 0;
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server.on('connection', (ws, req) => {
      requests.push({ url: req.url ?? '', auth: req.headers.authorization });
      sockets.push(ws);
    });
    await new Promise<void>((r) => server.once('listening', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await conn?.stop();
    conn = undefined;
    await new Promise<void>((r) => server.close(() => r()));
  });

  function connect(client = new RestOnlyClient()): { conn: AriConnection; client: RestOnlyClient; states: SocketState[]; events: AriEvent[] } {
    conn = new AriConnection({ url, user: 'dialer', password: 's3cret', appBase: 'dialer', log, timers, connect: async () => client, backoff: { initialMs: 50, maxMs: 200 } });
    const states: SocketState[] = [];
    const events: AriEvent[] = [];
    conn.onState((s) => states.push(s));
    conn.onEvent((e) => events.push(e));
    conn.start();
    return { conn, client, states, events };
  }

  it('when it starts, then it subscribes its own app with basic auth, not through ari-client, and reports open', async () => {
    const { conn: c, client, states } = connect();
    await until(() => states.includes('open'), 'open');
    assert.equal(requests.length, 1);
    const q = new URL(requests[0]!.url, 'http://x').searchParams;
    assert.equal(q.get('app'), c.app);
    assert.equal(q.get('subscribeAll'), 'false');
    assert.equal(requests[0]!.auth, `Basic ${Buffer.from('dialer:s3cret').toString('base64')}`);
    assert.equal(client.starts, 0);
  });

  it('when events arrive, then listeners get them decoded in order; junk and unknown types are dropped', async () => {
    const { events, states } = connect();
    await until(() => states.includes('open'), 'open');
    const ws = sockets[0]!;
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'ChannelVarset', variable: 'A', value: 'b' }));
    for (const digit of ['1', '2', '3']) ws.send(JSON.stringify({ type: 'ChannelDtmfReceived', digit, duration_ms: 100, channel: { id: 'c1', name: 'n', state: 'Up' } }));
    await until(() => events.length === 3, 'three events');
    assert.deepEqual(events.map((e) => (e.type === 'ChannelDtmfReceived' ? e.digit : e.type)), ['1', '2', '3']);
  });

  it('when the server drops the socket, then it reports closed and reconnects with backoff until it is back', async () => {
    const { states } = connect();
    await until(() => states.includes('open'), 'open');
    sockets[0]!.terminate();
    await until(() => states.at(-1) === 'closed', 'closed');
    await until(() => requests.length === 2 && states.at(-1) === 'open', 'reopened');
    assert.deepEqual(states, ['open', 'closed', 'open']);
  });

  it('when the server refuses the upgrade (wrong password), then it keeps retrying without opening', async () => {
    await new Promise<void>((r) => server.close(() => r()));
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', verifyClient: (_info, cb) => cb(false, 401, 'Unauthorized') });
    server.on('connection', (ws) => sockets.push(ws));
    await new Promise<void>((r) => server.once('listening', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let attempts = 0;
    const orig = server.handleUpgrade.bind(server);
    server.handleUpgrade = (...args: Parameters<typeof orig>) => { attempts++; return orig(...args); };
    const { states } = connect();
    await until(() => attempts >= 3, 'three attempts');
    assert.ok(!states.includes('open'));
    assert.equal(sockets.length, 0);
  });

  it('when stopped, then the socket is closed and not reopened', async () => {
    const { conn: c, states } = connect();
    await until(() => states.includes('open'), 'open');
    await c.stop();
    await sleep(400);
    assert.equal(requests.length, 1);
    assert.equal(c.socketState, 'stopped');
  });
});
