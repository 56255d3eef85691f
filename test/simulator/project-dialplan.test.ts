import assert from 'node:assert/strict';
import { call, startHarness, type Harness } from './support/ari-harness';
import type { AriEvent } from './support/trace-file';

interface ChannelFields { caller: { name: string; number: string }; connected: { name: string; number: string }; dialplan: { context: string; app_name: string } }
const args = (e: AriEvent | undefined) => (e?.args ?? []) as string[];
const fields = (e: AriEvent | undefined) => e?.channel as (NonNullable<AriEvent['channel']> & ChannelFields) | undefined;

/**
 * The contexts of the project's dialplan/extensions_dialer.conf as the simulator plays them,
 * checked against Asterisk 22.10.1 with that file loaded (test/asterisk/ runs the same scenarios).
 */
describe('ARI simulator: the project dialplan (dialer-outbound, dialer-inbound-callback)', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  const variables = { DIALER_APP: 'dialer', DIALER_ROLE: 'customer', DIALER_REF: '42', 'CALLERID(num)': '0280', 'CALLERID(name)': 'Acme' };

  async function createAndAnswer(number: string, id: string): Promise<void> {
    await call(h.client, 'channels', 'create', { endpoint: `Local/${number}@sim-customers`, app: 'dialer', appArgs: 'customer,42', channelId: id, variables: { variables } });
    await h.events.waitFor((e) => e.type === 'StasisStart' && e.channel?.id === id);
    await call(h.client, 'channels', 'dial', { channelId: id, timeout: 15 });
    await h.events.waitFor((e) => e.type === 'Dial' && e.dialstatus === 'ANSWER' && e.peer?.id === id);
  }

  it('when a channel is created with variables and a caller id, then each variable is announced in order, the caller id one part at a time', async () => {
    await createAndAnswer('09010001', 'v');
    assert.deepEqual(h.events.of('v').slice(0, 5), ['Var:DIALER_APP=dialer', 'Var:DIALER_ROLE=customer', 'Var:DIALER_REF=42', 'ChannelCallerId', 'ChannelCallerId']);
    const ids = h.events.all.filter((e) => e.type === 'ChannelCallerId').map((e) => fields(e)?.caller);
    assert.deepEqual(ids, [{ name: '', number: '0280' }, { name: 'Acme', number: '0280' }]);
    assert.deepEqual(fields(h.events.find((e) => e.type === 'ChannelVarset'))?.caller, { name: '', number: '' });
  });

  it('when an answered customer is continued to dialer-outbound amd, then AMD runs and it comes back with role,ref,amd,STATUS,CAUSE', async () => {
    await createAndAnswer('09060001', 'm');
    const answeredAt = h.sim.control.now();
    await h.sim.control.advance(300);
    await call(h.client, 'channels', 'continueInDialplan', { channelId: 'm', context: 'dialer-outbound', extension: 'amd', priority: 1 });
    const back = await h.events.waitFor((e) => e.type === 'StasisStart' && args(e)[2] === 'amd');
    assert.deepEqual(args(back), ['customer', '42', 'amd', 'MACHINE', 'MAXWORDS-3-2']);
    assert.ok(Math.abs(h.sim.control.now() - answeredAt - 1720) < 30, 'AMD decides ~1.7 s after answer, however late it started');
    const dialplan = h.events.all.filter((e) => e.type === 'ChannelDialplan' && e.channel?.id === 'm').map((e) => `${String(e.dialplan_app)}(${String(e.dialplan_app_data)})`);
    assert.deepEqual(dialplan.slice(1), [
      `NoOp(dialer: AMD for customer 42 on ${String(back.channel?.name)})`, 'AMD()', 'NoOp(dialer: AMD said MACHINE MAXWORDS-3-2)',
      'Stasis(dialer,customer,42,amd,MACHINE,MAXWORDS-3-2)',
    ]);
  });

  it('when a customer back from AMD is hung up, then StasisEnd, STASISSTATUS=SUCCESS twice (two Stasis sessions) and ChannelDestroyed 16', async () => {
    await createAndAnswer('09010002', 'hu');
    await call(h.client, 'channels', 'continueInDialplan', { channelId: 'hu', context: 'dialer-outbound', extension: 'amd', priority: 1 });
    await h.events.waitFor((e) => e.type === 'StasisStart' && args(e)[2] === 'amd');
    await call(h.client, 'channels', 'hangup', { channelId: 'hu' });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('hu').slice(-5), ['Hangup:32/soft', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
    assert.equal(fields(h.events.all.at(-1))?.dialplan.app_name, '');
  });

  it('when an inbound caller presses 1 and DIALER_INBOUND_APP names a connected app, then the caller enters it with callback-request,<number>', async () => {
    await call(h.client, 'asterisk', 'setGlobalVar', { variable: 'DIALER_INBOUND_APP', value: 'dialer' });
    const id = h.sim.control.placeInboundCall({ callerNumber: '0912345678' });
    const start = await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.deepEqual([start.channel?.id, args(start), start.channel?.state, fields(start)?.caller.number], [id, ['callback-request', '0912345678'], 'Up', '0912345678']);
    assert.equal(fields(start)?.dialplan.context, 'dialer-inbound-callback');
    await call(h.client, 'channels', 'hangup', { channelId: id });
    await h.sim.control.settle();
    assert.deepEqual(h.events.of(id).filter((e) => !e.startsWith('Var:RTPAUDIOQOS')), ['StasisStart:callback-request,0912345678', 'Hangup:32/soft', 'StasisEnd']);
    assert.equal(h.sim.control.snapshot().channels, 0);
  });

  for (const [what, setup, keys] of [
    ['presses nothing', 'dialer', ''],
    ['presses 1 with no dialer connected', '', '1'],
  ] as const) {
    it(`when an inbound caller ${what}, then the app hears nothing and the dialplan hangs the call up`, async () => {
      await call(h.client, 'asterisk', 'setGlobalVar', { variable: 'DIALER_INBOUND_APP', value: setup });
      h.sim.control.placeInboundCall({ callerNumber: '0912345679', keys });
      await h.sim.control.advance(30_000);
      assert.deepEqual([h.events.all.length, h.sim.control.snapshot().channels], [0, 0]);
    });
  }

  it('when the PBX restarts, then global variables set over ARI are gone', async () => {
    await call(h.client, 'asterisk', 'setGlobalVar', { variable: 'DIALER_INBOUND_APP', value: 'dialer' });
    await h.sim.control.restart();
    assert.deepEqual(await call(h.client, 'asterisk', 'getGlobalVar', { variable: 'DIALER_INBOUND_APP' }), { value: '' });
  });

  it('when a recorded two-party bridge loses a party, then the one left learns the recorder as its (empty) connected line', async () => {
    await createAndAnswer('09010003', 'c');
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', appArgs: 'agent', channelId: 'a' });
    await h.events.waitFor((e) => e.type === 'StasisStart' && e.channel?.id === 'a');
    await call(h.client, 'bridges', 'create', { bridgeId: 'b', type: 'mixing' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'a,c' });
    await call(h.client, 'bridges', 'record', { bridgeId: 'b', name: 'rec-b', format: 'wav' });
    await h.sim.control.settle();
    const before = h.events.all.length;
    await call(h.client, 'channels', 'hangup', { channelId: 'c' });
    await h.sim.control.settle();
    const after = h.events.all.slice(before).filter((e) => e.channel?.id === 'a').map((e) => `${e.type}:${JSON.stringify(fields(e)?.connected)}`);
    assert.deepEqual(after.filter((e) => e.startsWith('ChannelConnectedLine')), ['ChannelConnectedLine:{"name":"","number":""}']);
  });
});
