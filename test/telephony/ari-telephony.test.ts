import assert from 'node:assert/strict';
import { createLogger } from '../../src/logger';
import { AriTelephony } from '../../src/telephony/ari-telephony';
import type { LegEvent } from '../../src/telephony/telephony-port';
import { systemTimers } from '../../src/telephony/timers';
import { FakeAriLink } from './fake-ari-link';

const log = createLogger({ level: 'error', console: false });
const flush = () => new Promise((r) => setImmediate(r));

async function setup(ready = true) {
  const link = new FakeAriLink();
  const port = new AriTelephony({
    link, idPrefix: 'dialer', log, timers: systemTimers, customerContext: 'dialer-outbound', stasisStartTimeoutMs: 200,
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

  it('when the customer is busy, then the lingering channel is hung up by us and ended is reported once with Dial BUSY', async () => {
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
    assert.deepEqual(events, [{ kind: 'ringing' }, { kind: 'ended', signals: { answered: false, dialStatus: 'BUSY', cause: 19 } }]);
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
    assert.deepEqual([r1.ok, !r1.ok && r1.code, ended], [false, 'E_TELEPHONY_UNAVAILABLE', [{ kind: 'ended', signals: { answered: false, requestFailed: true } }]]);
    assert.deepEqual(notReady.link.calls, []);

    const { link, port } = await setup();
    await flush();
    link.failWith.set('create', '{"error":"Allocation failed"}');
    const r2 = await port.dial({ leg: port.newLegId('customer', '2'), role: 'customer', ref: '2', target: { kind: 'customer', number: '0901' }, amd: false });
    assert.equal(!r2.ok && r2.code, 'E_ALLOCATION_FAILED');
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
});
