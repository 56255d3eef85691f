import assert from 'node:assert/strict';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

/**
 * The scenarios of ../shared/ari-reference/traces driven through ari-client, asserting what the
 * reference README says each one shows. (trace-comparison.test.ts replays the same traces request
 * by request and compares every channel's events.)
 */
describe('ARI simulator: the reference scenarios through ari-client', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  it('agent-first: when the agent answers, is bridged, and the customer is added then hung up, then the agent stays alone and cleanup leaves nothing', async () => {
    await call(h.client, 'channels', 'originate', {
      endpoint: 'Local/1001@sim-agents', app: 'dialer', appArgs: 'agent,1001', callerId: 'Dialer <1000>', timeout: 30,
      channelId: 'agent-1001-a', otherChannelId: 'agent-1001-a-far',
    });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    await call(h.client, 'channels', 'answer', { channelId: 'agent-1001-a' });
    await call(h.client, 'bridges', 'create', { type: 'mixing', name: 'call-a', bridgeId: 'bridge-a' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'bridge-a', channel: 'agent-1001-a' });
    const customer = await call<{ id: string }>(h.client, 'channels', 'originate', {
      endpoint: 'Local/09010001@sim-customers', app: 'dialer', appArgs: 'customer,09010001', callerId: 'Hotline <02800000000>', timeout: 30,
    });
    await h.events.waitFor((e) => e.type === 'StasisStart' && e.channel?.id === customer.id);
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'bridge-a', channel: customer.id });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of(customer.id).slice(-3), ['Entered:bridge-a', 'Var:BRIDGEPEER=Local/1001@sim-agents-00000000;1', 'ChannelConnectedLine']);
    assert.deepEqual(h.events.of('agent-1001-a').slice(-2), ['Var:BRIDGEPEER=Local/09010001@sim-customers-00000001;1', 'ChannelConnectedLine']);
    const connected = h.events.all.filter((e) => e.type === 'ChannelConnectedLine' && e.channel?.id === customer.id).at(-1)?.channel?.connected;
    assert.deepEqual(connected, { name: 'Dialer', number: '1000' });
    const agentEventsBefore = h.events.of('agent-1001-a').length;
    await h.sim.control.advance(4000);
    await call(h.client, 'channels', 'hangup', { channelId: customer.id });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of(customer.id).slice(-6), ['Hangup:32/soft', 'Var:BRIDGEPEER=', 'Left:bridge-a', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
    assert.equal(h.events.of('agent-1001-a').length, agentEventsBefore, 'nothing arrives on the agent');
    assert.deepEqual((await call<{ channels: string[] }>(h.client, 'bridges', 'get', { bridgeId: 'bridge-a' })).channels, ['agent-1001-a']);
    await h.sim.control.advance(1500);
    await call(h.client, 'channels', 'hangup', { channelId: 'agent-1001-a', reason: 'normal' });
    await call(h.client, 'bridges', 'destroy', { bridgeId: 'bridge-a' });
    assert.deepEqual(await call(h.client, 'channels', 'list'), []);
    assert.deepEqual(await call(h.client, 'bridges', 'list'), []);
  });

  it('customer-first: when the waiting customer is moved from the holding bridge to the agent, then the agent hanging up leaves the customer Up and the held music is gone (409)', async () => {
    const customer = await call<{ id: string }>(h.client, 'channels', 'originate', { endpoint: 'Local/09010002@sim-customers', app: 'dialer', appArgs: 'customer,09010002' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    await call(h.client, 'channels', 'startMoh', { channelId: customer.id, mohClass: 'default' });
    await h.sim.control.advance(1000);
    await call(h.client, 'channels', 'stopMoh', { channelId: customer.id });
    const holding = await call<{ id: string }>(h.client, 'bridges', 'create', { type: 'holding', name: 'queue-b' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: holding.id, channel: customer.id });
    await call(h.client, 'bridges', 'startMoh', { bridgeId: holding.id, mohClass: 'default' });
    await h.sim.control.advance(2000);
    const agent = await call<{ id: string }>(h.client, 'channels', 'originate', { endpoint: 'Local/1002@sim-agents', app: 'dialer', appArgs: 'agent,1002' });
    await h.events.waitFor((e) => e.type === 'StasisStart' && e.channel?.id === agent.id);
    const mixing = await call<{ id: string }>(h.client, 'bridges', 'create', { type: 'mixing', name: 'call-b' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: mixing.id, channel: agent.id });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: mixing.id, channel: customer.id });
    await h.sim.control.advance(3000);
    await call(h.client, 'channels', 'hangup', { channelId: agent.id });
    assert.equal((await call<{ state: string }>(h.client, 'channels', 'get', { channelId: customer.id })).state, 'Up');
    await call(h.client, 'channels', 'hangup', { channelId: customer.id });
    await call(h.client, 'bridges', 'destroy', { bridgeId: mixing.id });
    assert.equal((await failure(call(h.client, 'bridges', 'stopMoh', { bridgeId: holding.id }))).message, '{"message":"Bridge isn\'t playing music"}');
    await call(h.client, 'bridges', 'destroy', { bridgeId: holding.id });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of(customer.id).filter((s) => /^(Entered|Left)/.test(s)), [`Entered:${holding.id}`, `Left:${holding.id}`, `Entered:${mixing.id}`, `Left:${mixing.id}`]);
    assert.deepEqual(h.events.all.filter((e) => e.type === 'BridgeDestroyed').map((e) => e.bridge?.id), [mixing.id]);
  });
});
