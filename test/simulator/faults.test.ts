import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startAriSimulator } from '../../src/simulator/start-ari-simulator';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

const realSleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilReconnected(h: Harness): Promise<void> {
  for (let i = 0; i < 300 && h.sim.control.snapshot().sockets === 0; i++) await realSleep(10);
  assert.equal(h.sim.control.snapshot().sockets, 1, 'ari-client reconnected');
  await h.sim.control.settle();
}

describe('ARI simulator: fault injection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1006@sim-agents', app: 'dialer', appArgs: 'agent,1006', channelId: 'agent', otherChannelId: 'agent-far' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    await call(h.client, 'bridges', 'create', { bridgeId: 'b' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'agent' });
  });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  it('when the WebSocket drops with a call up, then the call and bridge stay, events sent meanwhile are lost, and after ari-client reconnects they flow again', async () => {
    h.sim.control.dropWebSockets();
    await h.sim.control.settle();
    const apps = await call<Array<{ name: string; channel_ids: string[]; bridge_ids: string[] }>>(h.client, 'applications', 'list');
    assert.deepEqual(apps.map((a) => [a.name, [...a.channel_ids].sort(), a.bridge_ids]), [['dialer', ['agent', 'agent-far'], ['b']]]);
    assert.equal((await call<{ state: string }>(h.client, 'channels', 'get', { channelId: 'agent' })).state, 'Up');
    await call(h.client, 'channels', 'setChannelVar', { channelId: 'agent', variable: 'LOST', value: '1' });
    await untilReconnected(h);
    await call(h.client, 'channels', 'hangup', { channelId: 'agent' });
    await call(h.client, 'bridges', 'destroy', { bridgeId: 'b' });
    await h.sim.control.settle();
    assert.equal(h.events.find((e) => e.type === 'ChannelVarset' && e.variable === 'LOST'), undefined);
    assert.deepEqual(h.events.all.slice(-3).map((e) => e.type), ['ChannelHangupRequest', 'ChannelDestroyed', 'BridgeDestroyed']);
  });

  it('when Asterisk restarts, then calls are torn down with soft cause 4 and still reported, the socket closes, and afterwards nothing is left and ids have a new prefix', async () => {
    const before = (await call<{ status: { startup_time: string } }>(h.client, 'asterisk', 'getInfo')).status.startup_time;
    await h.sim.control.restart();
    assert.deepEqual(h.events.of('agent').slice(-7), ['Entered:b', 'Hangup:4/soft', 'Hangup:0', 'Left:b', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
    assert.deepEqual(h.events.of('agent-far').slice(-3), ['Hangup:4/soft', 'Hangup:16/soft', 'Destroyed:0']);
    await untilReconnected(h);
    assert.deepEqual(await call(h.client, 'channels', 'list'), []);
    assert.deepEqual(await call(h.client, 'bridges', 'list'), []);
    assert.equal((await failure(call(h.client, 'channels', 'get', { channelId: 'agent' }))).message, '{"message":"Channel not found"}');
    const after = (await call<{ status: { startup_time: string } }>(h.client, 'asterisk', 'getInfo')).status.startup_time;
    assert.notEqual(after, before);
    const fresh = await call<{ id: string; name: string }>(h.client, 'channels', 'originate', { endpoint: 'Local/1007@sim-agents', app: 'dialer' });
    assert.equal(fresh.id.split('.')[0], String(Math.floor(Date.parse(after.replace('+0000', 'Z')) / 1000)));
    assert.equal(fresh.name, 'Local/1007@sim-agents-00000000;1');
  });

  it('when the next hangup is set to fail, then DELETE answers 404 because the far end hung up just before', async () => {
    h.sim.control.failNextHangup('agent');
    assert.equal((await failure(call(h.client, 'channels', 'hangup', { channelId: 'agent' }))).message, '{"message":"Channel not found"}');
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('agent').slice(-5), ['Hangup:16', 'Left:b', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
  });

  it('when a fault is armed for a request, then only the next matching one gets it', async () => {
    h.sim.control.failNext({ nickname: 'originate' }, { status: 500, message: 'Allocation failed', key: 'error' });
    assert.equal((await failure(call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer' }))).message, '{"error":"Allocation failed"}');
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer' });
  });

  it('when a ringing channel (no StasisStart yet) is answered or bridged, then 409 and 422 "Channel not in Stasis application"', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/09010001@sim-customers', app: 'dialer', channelId: 'ringing' });
    assert.equal((await failure(call(h.client, 'channels', 'answer', { channelId: 'ringing' }))).message, '{"message":"Channel not in Stasis application"}');
    const add = await fetch(`${h.sim.url}/ari/bridges/b/addChannel?channel=ringing&api_key=dialer:dialer`, { method: 'POST' });
    assert.equal(add.status, 422);
  });
});

describe('ARI simulator: a dropped socket as a raw client sees it', () => {
  it('when the simulator drops the socket, then the client sees close code 1006 and can connect again', async () => {
    const sim = await startAriSimulator();
    try {
      const url = `${sim.url.replace('http', 'ws')}/ari/events?app=dialer&api_key=dialer:dialer`;
      const ws = new WebSocket(url);
      await new Promise((r) => ws.once('open', r));
      const closed = new Promise<number>((r) => ws.once('close', (code: number) => r(code)));
      sim.control.dropWebSockets();
      assert.equal(await closed, 1006);
      const again = new WebSocket(url);
      await new Promise((r) => again.once('open', r));
      again.close();
    } finally {
      await sim.stop();
    }
  });
});
