import assert from 'node:assert/strict';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

describe('ARI simulator: bridges', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    for (const [ext, id] of [['1001', 'a'], ['09010001', 'c']] as const) {
      const context = id === 'a' ? 'sim-agents' : 'sim-customers';
      await call(h.client, 'channels', 'originate', { endpoint: `Local/${ext}@${context}`, app: 'dialer', channelId: id });
    }
    await h.sim.control.advance(1100);
  });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  it('when a customer waits in a holding bridge with music and is then added to the agent\'s mixing bridge, then Left (holding) then Entered (mixing), and the music has stopped (409)', async () => {
    await call(h.client, 'bridges', 'create', { type: 'holding', name: 'queue', bridgeId: 'hold' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'hold', channel: 'c' });
    await call(h.client, 'bridges', 'startMoh', { bridgeId: 'hold', mohClass: 'default' });
    await call(h.client, 'bridges', 'create', { type: 'mixing', bridgeId: 'mix' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'mix', channel: 'a' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'mix', channel: 'c' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('c').slice(-4), ['Entered:hold', 'Left:hold', 'Entered:mix', 'Var:BRIDGEPEER=Local/1001@sim-agents-00000000;1']);
    const mix = await call<{ channels: string[] }>(h.client, 'bridges', 'get', { bridgeId: 'mix' });
    assert.deepEqual([...mix.channels].sort(), ['a', 'c']);
    assert.equal((await failure(call(h.client, 'bridges', 'stopMoh', { bridgeId: 'hold' }))).message, '{"message":"Bridge isn\'t playing music"}');
  });

  it('when both parties hang up, then the bridge stays, empty, until DELETE, which reports BridgeDestroyed', async () => {
    await call(h.client, 'bridges', 'create', { bridgeId: 'b' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'a,c' });
    await call(h.client, 'channels', 'hangup', { channelId: 'a' });
    await call(h.client, 'channels', 'hangup', { channelId: 'c' });
    const bridge = await call<{ channels: string[] }>(h.client, 'bridges', 'get', { bridgeId: 'b' });
    assert.deepEqual(bridge.channels, []);
    await call(h.client, 'bridges', 'destroy', { bridgeId: 'b' });
    await h.sim.control.settle();
    assert.equal(h.events.all.at(-1)?.type, 'BridgeDestroyed');
    assert.deepEqual(await call(h.client, 'bridges', 'list'), []);
  });

  it('when the last channel left by removeChannel (not by hangup), then DELETE reports no BridgeDestroyed, as on the real server', async () => {
    await call(h.client, 'bridges', 'create', { bridgeId: 'quiet' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'quiet', channel: 'a' });
    await call(h.client, 'bridges', 'removeChannel', { bridgeId: 'quiet', channel: 'a' });
    await call(h.client, 'bridges', 'destroy', { bridgeId: 'quiet' });
    await h.sim.control.settle();
    assert.equal(h.events.find((e) => e.type === 'BridgeDestroyed'), undefined);
  });

  it('when two parties are bridged, then each learns the other in BRIDGEPEER and the one who hangs up clears it before leaving', async () => {
    await call(h.client, 'bridges', 'create', { bridgeId: 'b' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'a' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'c' });
    await call(h.client, 'channels', 'hangup', { channelId: 'c' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('c').slice(-8), [
      'Entered:b', 'Var:BRIDGEPEER=Local/1001@sim-agents-00000000;1', 'Hangup:32/soft', 'Var:BRIDGEPEER=', 'Left:b', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16',
    ]);
    assert.deepEqual(h.events.of('a').slice(-2), ['Entered:b', 'Var:BRIDGEPEER=Local/09010001@sim-customers-00000001;1'], 'nothing arrives on the agent');
  });

  it('when a mixing bridge plays music on hold, then the Announcer shows in BRIDGEPEER; DELETE twice gives 409 the second time', async () => {
    await call(h.client, 'bridges', 'create', { bridgeId: 'm' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'm', channel: 'a' });
    await call(h.client, 'bridges', 'startMoh', { bridgeId: 'm' });
    await h.sim.control.settle();
    assert.match(h.events.of('a').at(-1) ?? '', /^Var:BRIDGEPEER=Announcer\/ARI_MOH-[0-9a-f]{8};2$/);
    await call(h.client, 'bridges', 'stopMoh', { bridgeId: 'm' });
    assert.equal((await failure(call(h.client, 'bridges', 'stopMoh', { bridgeId: 'm' }))).message, '{"message":"Bridge isn\'t playing music"}');
  });

  it('when a holding bridge plays music on hold, then a prompt played to the bridge fails at once', async () => {
    await call(h.client, 'bridges', 'create', { type: 'holding', bridgeId: 'h' });
    await call(h.client, 'bridges', 'startMoh', { bridgeId: 'h' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'h', channel: 'c' });
    await call(h.client, 'bridges', 'playWithId', { bridgeId: 'h', playbackId: 'hp', media: 'sound:hello' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.all.filter((e) => e.playback?.id === 'hp').map((e) => `${e.type}:${e.playback?.state}`), ['PlaybackStarted:playing', 'PlaybackFinished:failed']);
  });

  it('when addChannel is wrong, then the real answers: 404 bridge, 400 channel, 400 missing, 422 not in Stasis, 422 not in this bridge, 409 duplicate', async () => {
    await call(h.client, 'bridges', 'create', { bridgeId: 'b' });
    assert.equal((await failure(call(h.client, 'bridges', 'addChannel', { bridgeId: 'nope', channel: 'a' }))).message, '{"message":"Bridge not found"}');
    assert.equal((await failure(call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'nope' }))).message, '{"message":"Channel not found"}');
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/9001@sim-agents', app: 'dialer', channelId: 'ringing' });
    assert.equal((await failure(call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'ringing' }))).message, '{"message":"Channel not in Stasis application"}');
    assert.equal((await failure(call(h.client, 'bridges', 'removeChannel', { bridgeId: 'b', channel: 'a' }))).message, '{"message":"Channel not in this bridge"}');
    assert.equal((await failure(call(h.client, 'bridges', 'create', { bridgeId: 'b' }))).message, '{"message":"Bridge with id \'b\' already exists"}');
  });
});
