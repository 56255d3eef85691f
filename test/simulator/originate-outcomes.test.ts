import assert from 'node:assert/strict';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

interface Outcome {
  readonly number: string;
  readonly dial: string[];
  readonly ourCause: number;
  readonly farCause: number;
  readonly stasis: boolean;
}

/** What the reference traces show for each simulated customer (failures.jsonl, agent-first.jsonl). */
const outcomes: Outcome[] = [
  { number: '09010001', dial: ['', 'RINGING', 'ANSWER'], ourCause: 16, farCause: 16, stasis: true },
  { number: '09020001', dial: ['', 'RINGING', 'BUSY'], ourCause: 0, farCause: 17, stasis: false },
  { number: '09040001', dial: ['', 'CONGESTION'], ourCause: 0, farCause: 34, stasis: false },
  { number: '09000001', dial: ['', 'NOANSWER'], ourCause: 1, farCause: 1, stasis: false },
  { number: '09030001', dial: ['', 'RINGING'], ourCause: 19, farCause: 19, stasis: false },
  { number: '5555', dial: [], ourCause: 0, farCause: 0, stasis: false },
];

describe('ARI simulator: originating Local channels to the simulated customers', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  for (const o of outcomes) {
    it(`when ${o.number} is called with timeout 5, then Dial says ${o.dial.join('/') || 'nothing'}, our leg ends with cause ${o.ourCause} and the far half with ${o.farCause}`, async () => {
      const ch = await call<{ id: string; state: string }>(h.client, 'channels', 'originate', {
        endpoint: `Local/${o.number}@sim-customers`, app: 'dialer', appArgs: 'customer,1', timeout: 5, channelId: 'cust', otherChannelId: 'cust-far',
      });
      assert.equal(ch.state, 'Down');
      if (o.stasis) {
        await h.events.waitFor((e) => e.type === 'StasisStart');
        await call(h.client, 'channels', 'hangup', { channelId: 'cust' });
      }
      await h.events.waitFor((e) => e.type === 'ChannelDestroyed' && e.channel?.id === 'cust-far', 10_000);
      const ours = h.events.of('cust');
      assert.deepEqual(ours.filter((s) => s.startsWith('Dial:')), o.dial.map((d) => `Dial:${d}`));
      assert.equal(ours.at(-1), `Destroyed:${o.ourCause}`);
      assert.equal(h.events.of('cust-far').at(-1), `Destroyed:${o.farCause}`);
      assert.equal(ours.some((s) => s.startsWith('StasisStart')), o.stasis);
      assert.equal((await failure(call(h.client, 'channels', 'get', { channelId: 'cust' }))).message, '{"message":"Channel not found"}');
    });
  }

  it('when an agent answers, then both halves report Up (;2 first), then Dial ANSWER and StasisStart with the args, already Up', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', appArgs: 'agent,1001', channelId: 'agent-1' });
    const start = await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.deepEqual(start.args, ['agent', '1001']);
    assert.equal(start.channel?.state, 'Up');
    assert.equal(start.channel?.name, 'Local/1001@sim-agents-00000000;1');
    const ups = h.events.all.filter((e) => e.type === 'ChannelStateChange' && e.channel?.state === 'Up').map((e) => e.channel?.id);
    assert.deepEqual(ups, ['agent-1;2', 'agent-1']);
    assert.deepEqual(h.events.of('agent-1'), ['Dial:', 'State:Ringing', 'Dial:RINGING', 'State:Up', 'Dial:ANSWER', 'Var:STASISSTATUS=', 'StasisStart:agent,1001']);
    await call(h.client, 'channels', 'answer', { channelId: 'agent-1' });
  });

  it('when the app hangs up a call in Stasis, then HangupRequest (soft 32), StasisEnd, STASISSTATUS=SUCCESS, ChannelDestroyed 16, then the far half', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1002@sim-agents', app: 'dialer', channelId: 'a', otherChannelId: 'a-far' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    await call(h.client, 'channels', 'hangup', { channelId: 'a', reason: 'normal' });
    await h.sim.control.settle();
    const tail = h.events.all.slice(-7).map((e) => `${e.channel?.id}:${e.type}`);
    assert.deepEqual(tail, ['a:ChannelHangupRequest', 'a:StasisEnd', 'a:ChannelVarset', 'a-far:ChannelHangupRequest', 'a:ChannelDestroyed', 'a-far:ChannelHangupRequest', 'a-far:ChannelDestroyed']);
    assert.deepEqual(await call(h.client, 'channels', 'list'), []);
  });

  it('when callerId and variables are given, then the far half reports them and the variables can be read back', async () => {
    await call(h.client, 'channels', 'originate', {
      endpoint: 'Local/1003@sim-agents', app: 'dialer', channelId: 'v', callerId: '"Sales" <555>', variables: { CAMPAIGN_ID: '42' },
    });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('v;2').slice(0, 3), ['Var:CAMPAIGN_ID=42', 'ChannelCallerId', 'ChannelConnectedLine']);
    const caller = h.events.find((e) => e.type === 'ChannelCallerId')?.channel?.caller;
    assert.deepEqual(caller, { name: 'Sales', number: '555' });
    assert.deepEqual(await call(h.client, 'channels', 'getChannelVar', { channelId: 'v', variable: 'CAMPAIGN_ID' }), { value: '42' });
  });

  it('when the endpoint cannot be reached, then 500 Allocation failed (unknown technology) or 400 (no technology), and no channel exists', async () => {
    assert.equal((await failure(call(h.client, 'channels', 'originate', { endpoint: 'Bogus/5555', app: 'dialer' }))).message, '{"error":"Allocation failed"}');
    assert.equal((await failure(call(h.client, 'channels', 'originate', { endpoint: '5555', app: 'dialer' }))).message, '{"message":"Invalid endpoint specified"}');
    assert.equal((await failure(call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents' }))).message, '{"message":"Application or extension must be specified"}');
    assert.deepEqual(await call(h.client, 'channels', 'list'), []);
  });

  it('when a channel id is reused, then 409; when DELETE has a bad reason, then 400', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'dup' });
    assert.equal((await failure(call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'dup' }))).message,
      '{"message":"Channel with given unique ID already exists"}');
    assert.equal((await failure(call(h.client, 'channels', 'hangup', { channelId: 'dup', reason: 'bogus' }))).message,
      '{"message":"Invalid reason for hangup reason provided"}');
  });

  it('when the app hangs up the far (;2) half of an answered call, then our half follows with cause 16', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'x', otherChannelId: 'x-far' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    await call(h.client, 'channels', 'hangup', { channelId: 'x-far' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('x-far').slice(-3), ['Hangup:32/soft', 'Hangup:16/soft', 'Destroyed:16']);
    assert.deepEqual(h.events.of('x').slice(-4), ['Hangup:16', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
  });

  it('when the app sends keys, mutes without a direction or plays nothing, then the far half hears the keys and the other two fail as on Asterisk', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'k', otherChannelId: 'k-far' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    await call(h.client, 'channels', 'sendDTMF', { channelId: 'k', dtmf: '12' });
    await h.sim.control.advance(1000);
    assert.deepEqual(h.events.of('k-far').filter((s) => s.startsWith('DTMF')), ['DTMF:1', 'DTMF:2']);
    assert.equal((await failure(call(h.client, 'channels', 'mute', { channelId: 'k' }))).message, '{"message":"Direction is required"}');
    assert.equal((await failure(call(h.client, 'channels', 'play', { channelId: 'k' }))).message, '{"message":"Failed to queue media for playback"}');
  });

  it('when a ringing call is hung up by the app, then Dial NOANSWER and cause 16, never StasisStart', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/09030002@sim-customers', app: 'dialer', channelId: 'r' });
    await h.sim.control.advance(500);
    await call(h.client, 'channels', 'hangup', { channelId: 'r' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('r'), ['Dial:', 'State:Ringing', 'Dial:RINGING', 'Hangup:32/soft', 'Dial:NOANSWER', 'Destroyed:16']);
  });

  it('when the app named in the originate has no socket, then the call is answered and dropped and nobody hears of it', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1009@sim-agents', app: 'nobody-connected', channelId: 'orphan' });
    await h.sim.control.advance(4000);
    assert.equal(h.events.of('orphan').length, 0);
    assert.equal((await failure(call(h.client, 'channels', 'get', { channelId: 'orphan' }))).message, '{"message":"Channel not found"}');
  });
});
