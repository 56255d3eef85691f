import assert from 'node:assert/strict';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

/** The dialer-out pattern: AMD in the dialplan, then Stasis(dialer,customer,STATUS,CAUSE) (amd.jsonl). */
describe('ARI simulator: the dialer-out context (AMD before Stasis)', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  const originate = (number: string, id: string, body: Record<string, unknown> = {}) => call(h.client, 'channels', 'originate', {
    endpoint: `Local/${number}@sim-customers`, context: 'dialer-out', extension: 's', priority: 1, timeout: 30, channelId: id, ...body,
  });

  it('when a human answers, then the first event is StasisStart ~3 s later with HUMAN, and after DELETE only HangupRequest and StasisEnd follow', async () => {
    const t0 = h.sim.control.now();
    await originate('09010004', 'human', { variables: { CAMPAIGN_ID: '42' } });
    const start = await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.deepEqual(start.args, ['customer', 'HUMAN', 'HUMAN-803-800']);
    assert.equal(start.channel?.state, 'Up');
    assert.ok(Math.abs(h.sim.control.now() - t0 - 2970) < 50, 'decided ~3 s after the originate');
    assert.deepEqual(h.events.all.map((e) => e.type), ['StasisStart']);
    assert.deepEqual(await call(h.client, 'channels', 'getChannelVar', { channelId: 'human', variable: 'CAMPAIGN_ID' }), { value: '42' });
    await call(h.client, 'channels', 'hangup', { channelId: 'human' });
    await h.sim.control.advance(2000);
    assert.deepEqual(h.events.of('human'), ['StasisStart:customer,HUMAN,HUMAN-803-800', 'Hangup:32/soft', 'StasisEnd']);
    assert.equal((await failure(call(h.client, 'channels', 'get', { channelId: 'human' }))).message, '{"message":"Channel not found"}');
  });

  it('when the app subscribes to a machine call right after the originate, then it sees answer, the dialplan steps, AMDSTATUS=MACHINE and the end', async () => {
    await originate('09060005', 'machine');
    await call(h.client, 'applications', 'subscribe', { applicationName: 'dialer', eventSource: 'channel:machine' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.deepEqual(h.events.of('machine'), [
      'State:Up', 'Dial:ANSWER', 'ChannelDialplan', 'ChannelDialplan', 'ChannelDialplan',
      'Var:AMDSTATUS=MACHINE', 'Var:AMDCAUSE=MAXWORDS-3-2', 'ChannelDialplan', 'ChannelDialplan', 'Var:STASISSTATUS=', 'StasisStart:customer,MACHINE,MAXWORDS-3-2',
    ]);
    await call(h.client, 'channels', 'hangup', { channelId: 'machine' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('machine').slice(-5), ['Hangup:32/soft', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Hangup:16/soft', 'Destroyed:16']);
  });

  it('when a busy number goes through dialer-out, then the app hears nothing unless subscribed, and then Dial BUSY and cause 0', async () => {
    await originate('09020004', 'quiet');
    await originate('09020005', 'loud');
    await call(h.client, 'applications', 'subscribe', { applicationName: 'dialer', eventSource: 'channel:loud' });
    await h.sim.control.advance(3000);
    assert.deepEqual(h.events.of('quiet'), []);
    // As in amd.jsonl: ringing started before the subscription arrived.
    assert.deepEqual(h.events.of('loud'), ['Dial:BUSY', 'Destroyed:0']);
  });

  it('when DIALER_APP names an app without a socket, then STASISSTATUS=FAILED and the call is hung up', async () => {
    await originate('09010006', 'lost', { variables: { DIALER_APP: 'other' } });
    await call(h.client, 'applications', 'subscribe', { applicationName: 'dialer', eventSource: 'channel:lost' });
    await h.events.waitFor((e) => e.type === 'ChannelDestroyed');
    assert.deepEqual(h.events.of('lost').slice(-6), ['ChannelDialplan', 'Var:STASISSTATUS=', 'Var:STASISSTATUS=FAILED', 'ChannelDialplan', 'Hangup:16/soft', 'Destroyed:16']);
  });

  it('when the far end hangs up 3.5 s after answer, then AMD said MACHINE (silence) and the call in Stasis ends with cause 16', async () => {
    await originate('09070004', 'early');
    const start = await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.deepEqual(start.args, ['customer', 'MACHINE', 'INITIALSILENCE-2500-2500']);
    await h.events.waitFor((e) => e.type === 'StasisEnd');
    assert.deepEqual(h.events.of('early'), ['StasisStart:customer,MACHINE,INITIALSILENCE-2500-2500', 'Hangup:16', 'StasisEnd']);
  });
});

describe('ARI simulator: a project dialplan with other Stasis arguments', () => {
  it('when the AMD context passes an attempt id from a channel variable, then StasisStart carries it where the template puts it', async () => {
    const h = await startHarness({ amdContext: 'dialer-amd', amdStasis: '${DIALER_APP},customer,${ATTEMPT_ID},${AMDSTATUS},${AMDCAUSE}' });
    try {
      await call(h.client, 'channels', 'originate', {
        endpoint: 'PJSIP/09060001@trunk', context: 'dialer-amd', extension: 's', channelId: 'm', variables: { ATTEMPT_ID: '77' },
      });
      const start = await h.events.waitFor((e) => e.type === 'StasisStart');
      assert.deepEqual(start.args, ['customer', '77', 'MACHINE', 'MAXWORDS-3-2']);
    } finally {
      await h.close();
    }
  });
});
