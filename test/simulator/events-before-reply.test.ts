import assert from 'node:assert/strict';
import { createChannel } from '../../src/simulator/originate';
import { VirtualScheduler } from '../../src/simulator/sim-scheduler';
import { createSimWorld, type SimWorld } from '../../src/simulator/sim-world';
import { resolveOptions } from '../../src/simulator/simulator-options';

function worldWithApp(): { world: SimWorld; sent: string[] } {
  const clock = new VirtualScheduler(Date.UTC(2026, 10, 25), (err) => { throw err; });
  const world = createSimWorld(resolveOptions({}), clock);
  const sent: string[] = [];
  world.hub.register('dialer').socket = { send: (text) => sent.push((JSON.parse(text) as { type: string }).type), drop: () => undefined };
  return { world, sent };
}

describe('ARI simulator: events before the reply (fault injection)', () => {
  it('when events go before replies, then a created channel has already entered Stasis when the create returns', () => {
    const { world, sent } = worldWithApp();
    world.eventsBeforeReply = true;
    const ch = createChannel(world, { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'c', variables: {} });
    assert.ok(ch.stasis, 'in Stasis before the reply is written');
    assert.deepEqual(sent, ['ChannelDialplan', 'ChannelVarset', 'StasisStart']);
  });

  it('when replies go first (the default), then the create returns before the channel enters Stasis', async () => {
    const { world, sent } = worldWithApp();
    const ch = createChannel(world, { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'c', variables: {} });
    assert.equal(ch.stasis, null);
    assert.deepEqual(sent, []);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(sent, ['ChannelDialplan', 'ChannelVarset', 'StasisStart']);
  });
});
