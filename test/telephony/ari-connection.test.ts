import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import sinon from 'sinon';
import { createLogger } from '../../src/logger';
import { AriConnection, type SocketState } from '../../src/telephony/ari/ari-connection';
import type { AriEvent } from '../../src/telephony/ari/ari-events';

/** Stands in for an ari-client Client: the test decides when its WebSocket opens or gives up. */
class FakeClient extends EventEmitter {
  starts: string[] = [];
  stopped = 0;
  channels = Object.fromEntries(['create', 'dial', 'continueInDialplan', 'hangup', 'list', 'play', 'get'].map((k) => [k, async () => []]));
  bridges = Object.fromEntries(['create', 'addChannel', 'destroy', 'list', 'startMoh', 'record'].map((k) => [k, async () => []]));
  playbacks = { stop: async () => undefined };
  recordings = { stop: async () => undefined, getStored: async () => [] };
  asterisk = { setGlobalVar: async () => undefined, getGlobalVar: async () => ({ value: '' }), getInfo: async () => ({ status: { startup_time: '2026-11-25T08:00:00.000+0000' } }) };
  start(app: string): Promise<void> { this.starts.push(app); return new Promise(() => undefined); }
  stop(): void { this.stopped++; }
}

const log = createLogger({ level: 'error', console: false });

describe('ARI connection (events through ari-client)', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => { clock = sinon.useFakeTimers(); });
  afterEach(() => clock.restore());

  const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };

  it('when it starts, then the app name is unique to this process and the socket opens under it', async () => {
    const client = new FakeClient();
    const a = new AriConnection({ url: 'http://x', user: 'u', password: 'p', appBase: 'dialer', log, timers, events: 'ari-client', connect: async () => client });
    const b = new AriConnection({ url: 'http://x', user: 'u', password: 'p', appBase: 'dialer', log, timers, events: 'ari-client', connect: async () => new FakeClient() });
    assert.match(a.app, new RegExp(`^dialer-${process.pid}-[0-9a-f]{6}$`));
    assert.notEqual(a.app, b.app);
    const states: SocketState[] = [];
    a.onState((s) => states.push(s));
    a.start();
    await clock.tickAsync(0);
    assert.deepEqual(client.starts, [a.app]);
    client.emit('WebSocketConnected');
    assert.deepEqual(states, ['open']);
  });

  it('when ari-client gives up after its 10 retries, then we start the socket again, with backoff, forever', async () => {
    const client = new FakeClient();
    const conn = new AriConnection({ url: 'http://x', user: 'u', password: 'p', appBase: 'dialer', log, timers, events: 'ari-client', connect: async () => client, backoff: { initialMs: 1000, maxMs: 4000 } });
    conn.start();
    await clock.tickAsync(0);
    client.emit('WebSocketConnected');
    client.emit('WebSocketReconnecting', new Error('closed'));
    assert.equal(conn.socketState, 'closed');
    const startsAt: number[] = [];
    for (let round = 0; round < 5; round++) {
      client.emit('WebSocketMaxRetries');
      const before = client.starts.length;
      while (client.starts.length === before) await clock.tickAsync(250);
      startsAt.push(clock.now);
    }
    const gaps = startsAt.map((t, i) => t - (i === 0 ? 0 : startsAt[i - 1]!));
    assert.deepEqual(gaps, [1000, 2000, 4000, 4000, 4000]);
    client.emit('WebSocketConnected');
    assert.equal(conn.socketState, 'open');
  });

  it('when the API docs cannot be loaded, then connect is retried until it works', async () => {
    let calls = 0;
    const client = new FakeClient();
    const conn = new AriConnection({
      url: 'http://x', user: 'u', password: 'p', appBase: 'dialer', log, timers, events: 'ari-client', backoff: { initialMs: 500, maxMs: 500 },
      connect: async () => { if (++calls < 3) throw Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }); return client; },
    });
    conn.start();
    await clock.tickAsync(1100);
    assert.equal(calls, 3);
    assert.equal(client.starts.length, 1);
  });

  it('when an event arrives, then listeners get it decoded, and a throwing listener does not reach ari-client', async () => {
    const client = new FakeClient();
    const conn = new AriConnection({ url: 'http://x', user: 'u', password: 'p', appBase: 'dialer', log, timers, events: 'ari-client', connect: async () => client });
    const got: AriEvent[] = [];
    conn.onEvent(() => { throw new Error('boom'); });
    conn.onEvent((e) => got.push(e));
    conn.start();
    await clock.tickAsync(0);
    client.emit('*', { type: 'ChannelDtmfReceived', digit: '5', duration_ms: 100, channel: { id: 'c1', name: 'n', state: 'Up' } }, undefined);
    client.emit('*', { type: 'ChannelVarset', variable: 'A', value: 'b' }, undefined);
    assert.deepEqual(got.map((e) => e.type), ['ChannelDtmfReceived']);
  });

  it('when stopped, then every listener it added to ari-client is removed and no retry is left', async () => {
    const client = new FakeClient();
    const conn = new AriConnection({ url: 'http://x', user: 'u', password: 'p', appBase: 'dialer', log, timers, events: 'ari-client', connect: async () => client });
    conn.start();
    await clock.tickAsync(0);
    assert.ok(client.eventNames().length >= 4);
    client.emit('WebSocketMaxRetries');
    await conn.stop();
    assert.deepEqual(client.eventNames(), []);
    assert.equal(client.stopped, 1);
    await clock.tickAsync(120_000);
    assert.equal(client.starts.length, 1, 'no retry after stop');
  });
});
