import assert from 'node:assert/strict';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

/** PJSIP/<number>@trunk reaches the same customers; the real cause sits on our channel (sip-trunk.jsonl). */
describe('ARI simulator: PJSIP trunk and phones', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  const outcomes: Array<[string, string[]]> = [
    ['09020001', ['Dial:', 'State:Ringing', 'Dial:RINGING', 'Hangup:17', 'Dial:BUSY', 'Destroyed:17']],
    ['09040001', ['Dial:', 'Hangup:34', 'Dial:CONGESTION', 'Destroyed:34']],
    ['09000001', ['Hangup:1', 'Dial:', 'Dial:NOANSWER', 'Destroyed:1']],
    ['5555', ['Hangup:1', 'Dial:', 'Dial:NOANSWER', 'Destroyed:1']],
    ['09030001', ['Dial:', 'State:Ringing', 'Dial:RINGING', 'Destroyed:19']],
  ];
  for (const [number, expected] of outcomes) {
    it(`when PJSIP/${number}@trunk is called, then our channel reports ${expected.filter((s) => s.startsWith('Destroyed')).join('')} with the SIP code as tech_cause`, async () => {
      const ch = await call<{ id: string; name: string; protocol_id: string }>(h.client, 'channels', 'originate', { endpoint: `PJSIP/${number}@trunk`, app: 'dialer', timeout: 5 });
      assert.match(ch.name, /^PJSIP\/trunk-[0-9a-f]{8}$/);
      assert.match(ch.protocol_id, /^[0-9a-f-]{36}$/);
      await h.events.waitFor((e) => e.type === 'ChannelDestroyed');
      assert.deepEqual(h.events.of(ch.id), expected);
      const destroyed = h.events.find((e) => e.type === 'ChannelDestroyed');
      assert.equal(destroyed?.tech_cause, ({ 17: 486, 34: 503, 1: 404, 19: 480 } as Record<number, number>)[Number(destroyed?.cause)]);
    });
  }

  it('when an answered trunk call is hung up, then RTP statistics come first, and there is no second half', async () => {
    const ch = await call<{ id: string }>(h.client, 'channels', 'originate', { endpoint: 'PJSIP/09050001@trunk', app: 'dialer', appArgs: 'customer' });
    await h.events.waitFor((e) => e.type === 'ChannelDtmfReceived');
    await call(h.client, 'channels', 'hangup', { channelId: ch.id });
    await h.sim.control.settle();
    const names = h.events.of(ch.id).slice(5).map((s) => s.replace(/^(Var:RTPAUDIOQOS[A-Z]*)=.*$/, '$1'));
    assert.deepEqual(names, [
      'Var:STASISSTATUS=', 'StasisStart:customer', 'DTMF:1', 'Var:RTPAUDIOQOS', 'Var:RTPAUDIOQOSJITTER', 'Var:RTPAUDIOQOSLOSS', 'Var:RTPAUDIOQOSRTT', 'Var:RTPAUDIOQOSMES',
      'Hangup:32/soft', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16',
    ]);
    assert.equal(new Set(h.events.all.map((e) => e.channel?.id ?? e.peer?.id)).size, 1);
  });

  it('when an agent phone PJSIP/<ext> is called, then it rings 1 s and answers; an unregistered or unknown endpoint is 500', async () => {
    await call(h.client, 'channels', 'originate', { endpoint: 'PJSIP/1001', app: 'dialer', appArgs: 'agent' });
    const start = await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.match(start.channel?.name ?? '', /^PJSIP\/1001-/);
    for (const endpoint of ['PJSIP/2001', 'PJSIP/nobody', 'PJSIP/0901@elsewhere']) {
      assert.equal((await failure(call(h.client, 'channels', 'originate', { endpoint, app: 'dialer' }))).message, '{"error":"Allocation failed"}', endpoint);
    }
  });
});
