import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import WebSocket from 'ws';
import { declaredEventTypes } from '../../src/simulator/swagger-models';
import { startAriSimulator, type AriSimulator } from '../../src/simulator/start-ari-simulator';
import { call, connectAri, startHarness, type Harness } from './support/ari-harness';
import { declaredAsteriskEvents, referenceDir } from './support/trace-file';

const basic = `Basic ${Buffer.from('dialer:dialer').toString('base64')}`;

async function get(sim: AriSimulator, path: string, headers: Record<string, string> = { Authorization: basic }) {
  const res = await fetch(`${sim.url}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) as Record<string, unknown> : null, headers: res.headers };
}

/** Opens a raw event socket and reports how the upgrade went. */
function openSocket(url: string): Promise<{ ws?: WebSocket; status?: number; body?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    ws.once('error', () => undefined);
  });
}

describe('ARI simulator: what ari-client needs to connect', () => {
  let sim: AriSimulator;
  beforeEach(async () => { sim = await startAriSimulator(); });
  afterEach(async () => { await sim.stop(); });

  it('when ari-client connects, then it finds every resource of the generated api-docs and can call them', async () => {
    const client = await connectAri(sim.url);
    for (const resource of ['asterisk', 'channels', 'bridges', 'playbacks', 'recordings', 'applications', 'endpoints', 'sounds', 'deviceStates', 'mailboxes', 'events']) {
      assert.ok(client[resource], `ari-client has ${resource}`);
    }
    const info = await call<{ system: { version: string } }>(client, 'asterisk', 'getInfo');
    assert.equal(info.system.version, '22.10.1');
    assert.deepEqual(await call(client, 'channels', 'list'), []);
  });

  it('when resources.json is read, then it is Swagger 1.1 with a basePath on the simulator itself and every api declared', async () => {
    const res = await get(sim, '/ari/api-docs/resources.json');
    assert.equal(res.status, 200);
    assert.equal(res.body?.swaggerVersion, '1.1');
    assert.equal(res.body?.basePath, `${sim.url}/ari`);
    const apis = (res.body?.apis as Array<{ path: string }>).map((a) => a.path);
    assert.ok(apis.includes('/api-docs/channels.{format}'));
    const channels = await get(sim, '/ari/api-docs/channels.json');
    const ops = (channels.body?.apis as Array<{ operations: Array<{ nickname: string }> }>).flatMap((a) => a.operations.map((o) => o.nickname));
    for (const op of ['list', 'originate', 'create', 'dial', 'hangup', 'answer', 'play', 'record', 'continueInDialplan', 'getChannelVar']) assert.ok(ops.includes(op), op);
  });

  it('when credentials are missing or wrong, then REST and api-docs answer 401, and api_key in the query works', async () => {
    const none = await get(sim, '/ari/channels', {});
    assert.equal(none.status, 401);
    assert.deepEqual(none.body, { message: 'Authentication required' });
    assert.match(none.headers.get('www-authenticate') ?? '', /Basic realm=/);
    assert.equal((await get(sim, '/ari/api-docs/resources.json', { Authorization: `Basic ${Buffer.from('dialer:nope').toString('base64')}` })).status, 401);
    assert.equal((await get(sim, '/ari/channels?api_key=dialer:dialer', {})).status, 200);
  });

  it('when a path or method is unknown, then 404 "Resource not found" and 405 "Invalid method" as Asterisk says', async () => {
    assert.deepEqual((await get(sim, '/ari/nonexistent')).body, { message: 'Resource not found' });
    const put = await fetch(`${sim.url}/ari/channels`, { method: 'PUT', headers: { Authorization: basic } });
    assert.equal(put.status, 405);
    assert.deepEqual(await put.json(), { message: 'Invalid method' });
  });

  it('when the event socket is opened without app or with a wrong key, then 400 and 401', async () => {
    const base = sim.url.replace('http', 'ws');
    assert.equal((await openSocket(`${base}/ari/events?api_key=dialer:dialer`)).status, 400);
    const bad = await openSocket(`${base}/ari/events?app=x&api_key=dialer:wrong`);
    assert.equal(bad.status, 401);
    assert.deepEqual(JSON.parse(bad.body ?? '{}'), { message: 'Authentication required' });
  });

  it('when the simulator\'s event models are listed, then each is an event type Asterisk declares in events.json', function () {
    if (!existsSync(`${referenceDir()}/api-docs/events.json`)) this.skip();
    const asterisk = declaredAsteriskEvents();
    assert.deepEqual(declaredEventTypes().filter((t) => !asterisk.has(t)), []);
  });
});

describe('ARI simulator: applications and their sockets', () => {
  let h: Harness;
  afterEach(async () => { await h.close(); });

  it('when ari-client starts several apps on one socket, then each is registered and events carry their own app name', async () => {
    h = await startHarness({}, ['alpha', 'beta']);
    const apps = await call<Array<{ name: string }>>(h.client, 'applications', 'list');
    assert.deepEqual(apps.map((a) => a.name).sort(), ['alpha', 'beta']);
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'beta', channelId: 'b-1' });
    const start = await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.equal(start.application, 'beta');
    assert.equal(start.channel?.id, 'b-1');
  });

  it('when a second socket connects for the same app, then the first gets ApplicationReplaced, stays open, and events go to the second', async () => {
    h = await startHarness();
    const second = await openSocket(`${h.sim.url.replace('http', 'ws')}/ari/events?app=dialer&api_key=dialer:dialer`);
    const received: string[] = [];
    second.ws?.on('message', (data: Buffer) => received.push((JSON.parse(data.toString()) as { type: string }).type));
    await h.sim.control.settle();
    const replaced = await h.events.waitFor((e) => e.type === 'ApplicationReplaced');
    assert.equal(replaced.application, 'dialer');
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer' });
    await h.sim.control.advance(1500);
    assert.ok(received.includes('StasisStart'));
    assert.equal(h.events.all.filter((e) => e.type === 'StasisStart').length, 0);
    assert.equal(h.sim.control.snapshot().sockets, 2);
    second.ws?.close();
  });

  it('when the only socket closes and the app has no channels, then the app is unregistered', async () => {
    h = await startHarness();
    h.client.stop();
    await h.sim.control.settle();
    assert.deepEqual(h.sim.control.snapshot().apps, []);
  });
});
