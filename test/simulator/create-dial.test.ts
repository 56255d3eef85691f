import assert from 'node:assert/strict';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

/** Create-then-dial, as checked on the real Asterisk 22.10.1 (the app hears only our half). */
describe('ARI simulator: POST /channels/create then /dial', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  async function create(number: string, id: string, context = 'sim-customers'): Promise<void> {
    await call(h.client, 'channels', 'create', { endpoint: `Local/${number}@${context}`, app: 'dialer', appArgs: 'customer,7', channelId: id });
    await h.events.waitFor((e) => e.type === 'StasisStart' && e.channel?.id === id);
  }

  it('when a channel is created, then it enters Stasis Down before ringing, cannot be answered (412), and dialing rings it', async () => {
    await create('09010001', 'c1');
    const start = h.events.find((e) => e.type === 'StasisStart');
    assert.equal(start?.channel?.state, 'Down');
    assert.deepEqual(start?.args, ['customer', '7']);
    assert.deepEqual(h.events.of('c1'), ['ChannelDialplan', 'Var:STASISSTATUS=', 'StasisStart:customer,7']);
    assert.equal((await failure(call(h.client, 'channels', 'answer', { channelId: 'c1' }))).message, '{"message":"Channel in invalid state"}');
    await call(h.client, 'channels', 'dial', { channelId: 'c1', timeout: 15 });
    await h.events.waitFor((e) => e.type === 'Dial' && e.dialstatus === 'ANSWER');
    assert.deepEqual(h.events.of('c1').slice(3), ['Dial:', 'State:Ringing', 'Dial:RINGING', 'State:Up', 'Dial:ANSWER']);
    assert.equal(h.events.all.filter((e) => e.channel?.id === 'c1;2').length, 0, 'the far half is not reported');
    assert.equal((await failure(call(h.client, 'channels', 'dial', { channelId: 'c1' }))).message, '{"message":"Channel is not in the \'Down\' state"}');
  });

  it('when a created channel is still Down or ringing, then play and answer answer 412 "Channel in invalid state"', async () => {
    await create('09030001', 'r');
    assert.equal((await failure(call(h.client, 'channels', 'play', { channelId: 'r', media: 'sound:hello' }))).message, '{"message":"Channel in invalid state"}');
    await call(h.client, 'channels', 'dial', { channelId: 'r' });
    await h.events.waitFor((e) => e.type === 'Dial' && e.dialstatus === 'RINGING');
    assert.equal((await failure(call(h.client, 'channels', 'answer', { channelId: 'r' }))).message, '{"message":"Channel in invalid state"}');
  });

  it('when a created call in a bridge is continued in the dialplan, then it leaves the bridge and Stasis, and a later hangup still reports STASISSTATUS', async () => {
    await create('09010001', 'k');
    await call(h.client, 'channels', 'dial', { channelId: 'k' });
    await h.events.waitFor((e) => e.type === 'Dial' && e.dialstatus === 'ANSWER');
    await call(h.client, 'bridges', 'create', { bridgeId: 'b' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'k' });
    await call(h.client, 'channels', 'continueInDialplan', { channelId: 'k' });
    await call(h.client, 'channels', 'hangup', { channelId: 'k' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('k').slice(-6), ['Entered:b', 'Left:b', 'StasisEnd', 'Hangup:32/soft', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
  });

  it('when a created call is busy, then Dial BUSY and the channel stays in Stasis until the dial timeout ends it with cause 19', async () => {
    await create('09020001', 'busy');
    await call(h.client, 'channels', 'dial', { channelId: 'busy', timeout: 10 });
    await h.events.waitFor((e) => e.type === 'Dial' && e.dialstatus === 'BUSY');
    assert.equal((await call<{ state: string }>(h.client, 'channels', 'get', { channelId: 'busy' })).state, 'Ringing');
    await h.events.waitFor((e) => e.type === 'ChannelDestroyed' && e.channel?.id === 'busy');
    assert.deepEqual(h.events.of('busy').slice(-4), ['Hangup:32/soft', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:19']);
  });

  it('when a created call is unallocated or the extension does not exist, then the channel leaves Stasis with cause 1 or 16', async () => {
    await create('09000001', 'u');
    await create('5555', 'x');
    await call(h.client, 'channels', 'dial', { channelId: 'u' });
    await call(h.client, 'channels', 'dial', { channelId: 'x' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('u').slice(3), ['Dial:', 'Hangup:1', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:1']);
    assert.deepEqual(h.events.of('x').slice(3), ['StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
  });

  it('when the far end of a created call hangs up, then our channel gets the real cause 16 and leaves Stasis', async () => {
    await create('09070001', 'early');
    await call(h.client, 'channels', 'dial', { channelId: 'early' });
    await h.events.waitFor((e) => e.type === 'ChannelDestroyed' && e.channel?.id === 'early');
    assert.deepEqual(h.events.of('early').slice(-4), ['Hangup:16', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
  });

  it('when a created channel is dialed before its StasisStart, then 409 "Channel not in Stasis application"', async () => {
    h.sim.control.setStasisDelay(50);
    await call(h.client, 'channels', 'create', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'early-dial' });
    assert.equal((await failure(call(h.client, 'channels', 'dial', { channelId: 'early-dial' }))).message, '{"message":"Channel not in Stasis application"}');
    await h.events.waitFor((e) => e.type === 'StasisStart');
    await call(h.client, 'channels', 'dial', { channelId: 'early-dial' });
  });

  it('when the app of a create does not exist, then 200 and the channel is gone at once without events', async () => {
    await call(h.client, 'channels', 'create', { endpoint: 'Local/1001@sim-agents', app: 'ghost', channelId: 'g' });
    await h.sim.control.settle();
    assert.deepEqual(await call(h.client, 'channels', 'list'), []);
    assert.equal(h.events.of('g').length, 0);
  });
});
