import assert from 'node:assert/strict';
import { createLogger } from '../../src/logger';
import { AriTimeoutError } from '../../src/telephony/ari/ari-rest';
import { AriTelephony } from '../../src/telephony/ari-telephony';
import type { LegEvent } from '../../src/telephony/telephony-port';
import { systemTimers } from '../../src/domain/clock';
import { FakeAriLink } from './fake-ari-link';

const log = createLogger({ level: 'error', console: false });
const flush = () => new Promise((r) => setImmediate(r));

async function setup(ready = true) {
  const link = new FakeAriLink();
  const port = new AriTelephony({
    link, idPrefix: 'dialer', log, timers: systemTimers, customerContext: 'dialer-outbound', stasisStartTimeoutMs: 200,
    allocationRecheckMs: 5, pbxProbeIntervalMs: 10,
    endpoints: { customer: 'Local/{number}@sim-customers', agent: 'Local/{extension}@sim-agents' },
  });
  if (ready) link.socket('open');
  await flush();
  return { link, port };
}

async function dialCustomer(port: AriTelephony, link: FakeAriLink, amd = false) {
  const leg = port.newLegId('customer', '42');
  const events: LegEvent[] = [];
  const unwatch = port.watchLeg(leg, (e) => events.push(e));
  const result = port.dial({ leg, role: 'customer', ref: '42', target: { kind: 'customer', number: '09020001' }, amd, callerId: { number: '0281', name: 'ACME' } });
  await flush();
  link.emit({ type: 'StasisStart', args: ['customer', '42'], channel: link.ch(leg, 'Down') });
  assert.equal((await result).ok, true);
  return { leg, events, unwatch };
}

describe('ARI telephony port', () => {
  it('when a customer is dialled, then the channel is created in our app with our id, args and variables, and dialled only after StasisStart', async () => {
    const { link, port } = await setup();
    await flush();
    const leg = port.newLegId('customer', '42');
    const pending = port.dial({ leg, role: 'customer', ref: '42', target: { kind: 'customer', number: '09010001' }, amd: false, callerId: { number: '0281', name: 'ACME' }, variables: { CAMPAIGN_ID: '7', DIALER_APP: 'spoofed' } });
    await flush();
    assert.equal(link.calls.filter((c) => c.startsWith('dial')).length, 0, 'no dial before StasisStart');
    const create = link.calls.find((c) => c.startsWith('create'))!;
    assert.match(create, new RegExp(`^create Local/09010001@sim-customers ${leg.replace(/\./g, '\\.')} customer,42 `));
    assert.deepEqual(JSON.parse(create.split(' ').slice(4).join(' ')), { CAMPAIGN_ID: '7', DIALER_APP: 'dialer-test-1', DIALER_ROLE: 'customer', DIALER_REF: '42', 'CALLERID(num)': '0281', 'CALLERID(name)': 'ACME' });
    link.emit({ type: 'StasisStart', args: ['customer', '42'], channel: link.ch(leg, 'Down') });
    assert.deepEqual(await pending, { ok: true });
    assert.equal(link.calls.at(-1), `dial ${leg} 15`);
  });

  it('when the customer is busy, then the lingering channel is hung up by us and ended is reported once with Dial BUSY and the cause it stands for (17)', async () => {
    const { link, port } = await setup();
    const { leg, events } = await dialCustomer(port, link);
    link.emit({ type: 'Dial', dialstatus: '', peer: link.ch(leg, 'Down') });
    link.emit({ type: 'ChannelStateChange', channel: link.ch(leg, 'Ringing') });
    link.emit({ type: 'Dial', dialstatus: 'RINGING', peer: link.ch(leg, 'Ringing') });
    link.emit({ type: 'Dial', dialstatus: 'BUSY', peer: link.ch(leg, 'Ringing') });
    await flush();
    assert.equal(link.calls.at(-1), `hangup ${leg}`);
    link.emit({ type: 'ChannelHangupRequest', soft: true, cause: 32, channel: link.ch(leg, 'Ringing') });
    link.emit({ type: 'StasisEnd', channel: link.ch(leg, 'Ringing') });
    link.emit({ type: 'ChannelDestroyed', cause: 19, cause_txt: 'User alerting, no answer', channel: link.ch(leg, 'Ringing') });
    link.emit({ type: 'ChannelDestroyed', cause: 19, cause_txt: 'again', channel: link.ch(leg, 'Ringing') });
    assert.deepEqual(events, [{ kind: 'ringing' }, { kind: 'ended', signals: { answered: false, dialStatus: 'BUSY', cause: 17 } }]);
  });

  it('when an AMD customer answers, then it is sent to the AMD context and the result comes back as an amd event', async () => {
    const { link, port } = await setup();
    const { leg, events } = await dialCustomer(port, link, true);
    link.emit({ type: 'ChannelStateChange', channel: link.ch(leg, 'Up') });
    link.emit({ type: 'Dial', dialstatus: 'ANSWER', peer: link.ch(leg, 'Up') });
    await flush();
    assert.equal(link.calls.at(-1), `continue ${leg} dialer-outbound,amd,1`);
    link.emit({ type: 'StasisEnd', channel: link.ch(leg) });
    link.emit({ type: 'StasisStart', args: ['customer', '42', 'amd', 'MACHINE', 'MAXWORDS-3-2'], channel: link.ch(leg) });
    assert.deepEqual(events, [{ kind: 'answered' }, { kind: 'amd', status: 'MACHINE', cause: 'MAXWORDS-3-2' }]);
  });

  it('when the far end hangs up, then the real cause of the non-soft hangup request is kept over the destroy cause', async () => {
    const { link, port } = await setup();
    const { leg, events } = await dialCustomer(port, link);
    link.emit({ type: 'Dial', dialstatus: 'ANSWER', peer: link.ch(leg, 'Up') });
    link.emit({ type: 'ChannelHangupRequest', cause: 16, channel: link.ch(leg) });
    link.emit({ type: 'ChannelDestroyed', cause: 0, cause_txt: 'Unknown', channel: link.ch(leg) });
    assert.deepEqual(events.at(-1), { kind: 'ended', signals: { answered: true, dialStatus: 'ANSWER', cause: 16 } });
  });

  it('when telephony is not ready or the endpoint cannot be allocated or the number is odd, then the dial is refused as a failed request', async () => {
    const notReady = await setup(false);
    const leg = notReady.port.newLegId('customer', '1');
    const ended: LegEvent[] = [];
    notReady.port.watchLeg(leg, (e) => ended.push(e));
    const r1 = await notReady.port.dial({ leg, role: 'customer', ref: '1', target: { kind: 'customer', number: '0901' }, amd: false });
    assert.deepEqual([r1.ok, !r1.ok && r1.code, ended], [false, 'E_TELEPHONY_UNAVAILABLE', [{ kind: 'ended', signals: { answered: false, requestFailed: true, unavailable: true } }]]);
    assert.deepEqual(notReady.link.calls, []);

    const { link, port } = await setup();
    await flush();
    link.failWith.set('create', '{"error":"Allocation failed"}');
    const leg2 = port.newLegId('customer', '2');
    const ended2: LegEvent[] = [];
    const unwatch2 = port.watchLeg(leg2, (e) => ended2.push(e));
    const r2 = await port.dial({ leg: leg2, role: 'customer', ref: '2', target: { kind: 'customer', number: '0901' }, amd: false });
    unwatch2();
    assert.equal(!r2.ok && r2.code, 'E_ALLOCATION_FAILED');
    assert.deepEqual(ended2, [{ kind: 'ended', signals: { answered: false, requestFailed: true } }], 'Asterisk still answers: the endpoint is to blame');
    assert.equal(port.status, 'ready');
    const r3 = await port.dial({ leg: port.newLegId('customer', '3'), role: 'customer', ref: '3', target: { kind: 'customer', number: '0901&Local/1@x' }, amd: false });
    assert.equal(!r3.ok && r3.code, 'E_VALIDATION');
    assert.deepEqual(port.stats(), { legs: 0, watchers: 0, playbacks: 0 });
  });

  it('when hanging up a channel that is already gone, then the result says so instead of throwing', async () => {
    const { link, port } = await setup();
    link.failWith.set('hangup', '{"message":"Channel not found"}');
    assert.deepEqual(await port.hangup(port.newLegId('agent', '1')), { ok: false, code: 'E_CHANNEL_GONE', message: 'hangup: Channel not found' });
  });

  it('when the socket comes back, then legs that vanished end, answered ones are caught up, orphans are reported, and dialling resumes', async () => {
    const { link, port } = await setup();
    await flush();
    const gone = await dialCustomer(port, link);
    const caught = await dialCustomer(port, link, true);
    link.socket('closed');
    assert.equal(port.status, 'degraded');
    const orphans: unknown[] = [];
    port.onOrphans((r) => orphans.push(r));
    link.channels = [
      link.ch(caught.leg, 'Up', `${link.app},customer,42,amd,HUMAN,HUMAN-803-800`),
      link.ch('dialer.line.7.0badc0de', 'Up', 'dialer-old-1-abc,line,7'),
      link.ch('dialer.line.7.0badc0de;2', 'Up'),
      link.ch('someone-else', 'Up'),
    ];
    link.bridgeList = [{ id: 'dialer.bridge.7.00ff00ff', bridge_type: 'mixing', channels: ['dialer.line.7.0badc0de'] }, { id: 'foreign', channels: [] }];
    link.socket('open');
    await flush();
    assert.equal(port.status, 'ready');
    assert.ok(link.calls.includes('setGlobalVar DIALER_INBOUND_APP=dialer-test-1'));
    assert.deepEqual(gone.events, [{ kind: 'ended', signals: { answered: false } }]);
    assert.deepEqual(caught.events, [{ kind: 'answered' }, { kind: 'amd', status: 'HUMAN', cause: 'HUMAN-803-800' }]);
    assert.deepEqual(orphans, [{
      channels: [{ leg: 'dialer.line.7.0badc0de', role: 'line', ref: '7', state: 'Up' }],
      bridges: [{ bridge: 'dialer.bridge.7.00ff00ff', ref: '7', channelCount: 1 }],
    }]);
  });

  it('when a caller enters from the inbound callback context, then it is reported with the number, and its StasisEnd ends it', async () => {
    const { link, port } = await setup();
    const calls: unknown[] = [];
    port.onInbound((c) => calls.push(c));
    link.emit({ type: 'StasisStart', args: ['callback-request', '0912345678'], channel: link.ch('1700000000.12;2') });
    assert.deepEqual(calls, [{ leg: '1700000000.12;2', kind: 'callbackRequest', number: '0912345678' }]);
    const events: LegEvent[] = [];
    port.watchLeg('1700000000.12;2' as never, (e) => events.push(e));
    link.emit({ type: 'ChannelHangupRequest', cause: 16, channel: link.ch('1700000000.12;2') });
    link.emit({ type: 'StasisEnd', channel: link.ch('1700000000.12;2') });
    assert.deepEqual(events, [{ kind: 'ended', signals: { answered: true, cause: 16 } }]);
  });

  it('when an unknown call enters the application, then it is hung up rather than left in silence', async () => {
    const { link } = await setup();
    link.emit({ type: 'StasisStart', args: ['whatever'], channel: link.ch('1700000000.99') });
    await flush();
    assert.equal(link.calls.at(-1), 'hangup 1700000000.99');
  });

  it('when every watcher unsubscribes and every leg ends, then nothing is tracked', async () => {
    const { link, port } = await setup();
    const { leg, unwatch } = await dialCustomer(port, link);
    link.emit({ type: 'ChannelDestroyed', cause: 16, cause_txt: 'Normal Clearing', channel: link.ch(leg) });
    unwatch();
    assert.deepEqual(port.stats(), { legs: 0, watchers: 0, playbacks: 0 });
  });

  it('when the port closes, then inbound callback requests stop pointing at this process', async () => {
    const { link, port } = await setup();
    await port.close();
    assert.deepEqual(link.calls.slice(-2), ['getGlobalVar DIALER_INBOUND_APP', 'setGlobalVar DIALER_INBOUND_APP=']);
  });

  describe('when Asterisk goes away while the socket is still open (core restart now)', () => {
    /** What Asterisk 22 answers to every request for about a second before it closes the socket. */
    const SHUTTING_DOWN = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html><head>\r\n<title>503 Service Unavailable</title>\r\n</head><body>\r\n<h1>Service Unavailable</h1>\r\n<p>Shutdown in progress</p>';
    const until = async (test: () => boolean, what: string) => {
      const limit = Date.now() + 2000;
      while (!test()) {
        if (Date.now() > limit) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const opened: AriTelephony[] = [];
    afterEach(async () => { for (const p of opened.splice(0)) await p.close(); });
    const dialAgent = (port: AriTelephony, ref: string) => {
      const leg = port.newLegId('agent', ref);
      const events: LegEvent[] = [];
      port.watchLeg(leg, (e) => events.push(e));
      return { leg, events, result: port.dial({ leg, role: 'agent', ref, target: { kind: 'agent', extension: '1001' }, amd: false }) };
    };

    it('when live channels get the shutdown soft hangup, then no new call is placed before they end, their legs say the PBX tore them down, and the reconnect makes it ready again', async () => {
      const { link, port } = await setup();
      opened.push(port);
      const statuses: string[] = [];
      port.onStatus((s) => statuses.push(s));
      const { leg, events } = await dialCustomer(port, link);
      link.emit({ type: 'Dial', dialstatus: 'ANSWER', peer: link.ch(leg, 'Up') });
      link.emit({ type: 'ChannelHangupRequest', soft: true, cause: 4, channel: link.ch(leg) });
      assert.equal(port.status, 'degraded', 'degraded at the first sign, before the leg ends');
      link.emit({ type: 'StasisEnd', channel: link.ch(leg) });
      link.emit({ type: 'ChannelDestroyed', cause: 0, cause_txt: 'Unknown', channel: link.ch(leg) });
      assert.deepEqual(events.at(-1), { kind: 'ended', signals: { answered: true, dialStatus: 'ANSWER', pbxShutdown: true, cause: 0 } });
      const creates = link.calls.filter((c) => c.startsWith('create')).length;
      const next = dialAgent(port, '7');
      assert.equal(!(await next.result).ok && ((await next.result) as { code: string }).code, 'E_TELEPHONY_UNAVAILABLE');
      assert.deepEqual(next.events, [{ kind: 'ended', signals: { answered: false, requestFailed: true, unavailable: true } }]);
      assert.equal(link.calls.filter((c) => c.startsWith('create')).length, creates, 'nothing sent to Asterisk');

      link.socket('closed');
      link.startedAt = '2026-11-25T08:05:00.000+0000';
      link.socket('open');
      await until(() => port.status === 'ready', 'ready after the reconnect');
      assert.deepEqual(statuses, ['degraded', 'ready']);
    });

    it('when Asterisk answers 503 "Shutdown in progress", then the refused dial blames neither number nor agent, and it is ready again only once Asterisk answers', async () => {
      const { link, port } = await setup();
      opened.push(port);
      link.failWith.set('create', SHUTTING_DOWN);
      link.failWith.set('info', SHUTTING_DOWN);
      const first = dialAgent(port, '8');
      const r = await first.result;
      assert.deepEqual([r.ok, !r.ok && r.code, port.status], [false, 'E_TELEPHONY_UNAVAILABLE', 'degraded']);
      assert.deepEqual(first.events, [{ kind: 'ended', signals: { answered: false, requestFailed: true, unavailable: true } }]);
      await new Promise((r2) => setTimeout(r2, 60));
      assert.equal(port.status, 'degraded', 'still shutting down: still no calls');
      // `core abort shutdown`: the same process answers again, on the same socket.
      link.failWith.clear();
      await until(() => port.status === 'ready', 'ready once Asterisk answers');
    });

    it('when a channel cannot be allocated and Asterisk starts refusing requests a moment later, then the dial counts as the PBX going away', async () => {
      const { link, port } = await setup();
      opened.push(port);
      link.failWith.set('create', '{"error":"Allocation failed"}');
      link.failWith.set('info', SHUTTING_DOWN);
      const { events, result } = dialAgent(port, '9');
      const r = await result;
      assert.deepEqual([!r.ok && r.code, port.status], ['E_TELEPHONY_UNAVAILABLE', 'degraded']);
      assert.deepEqual(events, [{ kind: 'ended', signals: { answered: false, requestFailed: true, unavailable: true } }]);
    });

    it('when a request slowly times out, then one look decides: Asterisk answers, calls go on; it does not, no new calls', async () => {
      const { link, port } = await setup();
      opened.push(port);
      link.api.hangup = async () => { throw new AriTimeoutError('hang up', 5000); };
      assert.deepEqual(await port.hangup('slow-leg' as never), { ok: false, code: 'E_TELEPHONY_UNAVAILABLE', message: 'hang up: no answer from Asterisk within 5000 ms' });
      await flush();
      assert.equal(port.status, 'ready', 'one slow request pauses nobody');
      link.failWith.set('info', '{"message":"whatever"}');
      await port.hangup('slow-leg' as never);
      await until(() => port.status === 'degraded', 'degraded when the look fails too');
    });

    it('when Asterisk could not be reached once but answers every look afterwards, then it was a false alarm and calls resume', async () => {
      const { link, port } = await setup();
      opened.push(port);
      const failed = Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' });
      link.api.hangup = async () => { throw failed; };
      const r = await port.hangup('some-leg' as never);
      assert.deepEqual([!r.ok && r.code, port.status], ['E_TELEPHONY_UNAVAILABLE', 'degraded']);
      await until(() => port.status === 'ready', 'ready after three good answers');
      assert.ok(link.calls.filter((c) => c === 'info').length >= 3);
    });

    it('when the socket opens while Asterisk still refuses requests, then it stays not ready until Asterisk answers', async () => {
      const { link, port } = await setup(false);
      opened.push(port);
      link.failWith.set('setGlobalVar', SHUTTING_DOWN);
      link.failWith.set('info', SHUTTING_DOWN);
      link.socket('open');
      await new Promise((r) => setTimeout(r, 40));
      assert.equal(port.status, 'connecting');
      link.failWith.clear();
      await until(() => port.status === 'ready', 'ready once the resync goes through');
    });
  });
});
