import assert from 'node:assert/strict';
import { installDemoBehaviours } from '../../src/simulator/demo-behaviours';
import { call, startHarness, type Harness } from './support/ari-harness';

describe('ARI simulator: scripted far ends', () => {
  let h: Harness;
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  it('when a number is scripted to answer after 4 s, press 7 and hang up after 10 s, then the app sees exactly that, in virtual time', async () => {
    h = await startHarness();
    h.sim.control.setBehaviour('0915*', { ringMs: 4000, result: 'answer', dtmf: ['7'], dtmfAfterMs: 1500, talkMs: 10_000 });
    const t0 = h.sim.control.now();
    await call(h.client, 'channels', 'originate', { endpoint: 'PJSIP/0915123456@trunk', app: 'dialer', channelId: 's' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    assert.equal(h.sim.control.now() - t0, 4000);
    await h.events.waitFor((e) => e.type === 'ChannelDtmfReceived');
    assert.equal(h.sim.control.now() - t0, 5500);
    await h.events.waitFor((e) => e.type === 'ChannelDestroyed');
    assert.equal(h.sim.control.now() - t0, 14_000);
    assert.deepEqual(h.events.of('s').slice(-4), ['Hangup:16', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:16']);
  });

  it('when scripted results are busy, no answer and invalid, then Dial reports BUSY, nothing, NOANSWER, as the reference numbers do', async () => {
    h = await startHarness();
    h.sim.control.setBehaviour('111', { result: 'busy', ringMs: 2000 });
    h.sim.control.setBehaviour('222', { result: 'no_answer' });
    h.sim.control.setBehaviour(/^33/, { result: 'invalid' });
    for (const n of ['111', '222', '333']) {
      await call(h.client, 'channels', 'originate', { endpoint: `Local/${n}@sim-customers`, app: 'dialer', channelId: `n${n}`, timeout: 3 });
    }
    await h.sim.control.advance(4000);
    assert.deepEqual(h.events.of('n111').filter((s) => s.startsWith('Dial') || s.startsWith('Destroyed')), ['Dial:', 'Dial:RINGING', 'Dial:BUSY', 'Destroyed:0']);
    assert.deepEqual(h.events.of('n222').filter((s) => s.startsWith('Dial') || s.startsWith('Destroyed')), ['Dial:', 'Dial:RINGING', 'Destroyed:19']);
    assert.deepEqual(h.events.of('n333').filter((s) => s.startsWith('Dial') || s.startsWith('Destroyed')), ['Dial:', 'Dial:NOANSWER', 'Destroyed:1']);
  });

  it('when the test makes the far end act, then keys and a hangup arrive at once', async () => {
    h = await startHarness();
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'a' });
    await h.events.waitFor((e) => e.type === 'StasisStart');
    h.sim.control.pressKeys('a', '42#', 100);
    await h.sim.control.advance(300);
    h.sim.control.hangUpFarEnd('a', 16);
    await h.sim.control.settle();
    assert.deepEqual(h.events.of('a').slice(-7), ['DTMF:4', 'DTMF:2', 'DTMF:#', 'Hangup:16', 'StasisEnd', 'Var:STASISSTATUS=SUCCESS', 'Destroyed:0']);
  });

  it('when demo mode mixes are seeded the same, then two simulators give the same outcomes, and reference numbers keep theirs', async () => {
    const outcomes: string[][] = [];
    for (let run = 0; run < 2; run++) {
      h = await startHarness({ seed: 42 });
      installDemoBehaviours(h.sim.control);
      for (let i = 0; i < 12; i++) {
        await call(h.client, 'channels', 'originate', { endpoint: `PJSIP/+8490${1000000 + i}@trunk`, app: 'dialer', channelId: `d${i}`, timeout: 15 });
      }
      await call(h.client, 'channels', 'originate', { endpoint: 'PJSIP/09020001@trunk', app: 'dialer', channelId: 'ref' });
      await h.sim.control.advance(16_000);
      outcomes.push([...Array(12).keys()].map((i) => h.events.of(`d${i}`).filter((s) => /^(Dial:[A-Z]+|StasisStart)/.test(s)).join(' ')));
      assert.deepEqual(h.events.of('ref').filter((s) => s.startsWith('Dial:')), ['Dial:', 'Dial:RINGING', 'Dial:BUSY']);
      if (run === 0) await h.close();
    }
    assert.deepEqual(outcomes[0], outcomes[1]);
    assert.ok(new Set(outcomes[0]).size >= 3, `a mix, not one outcome: ${outcomes[0]?.join(' | ')}`);
  });

  it('when the clock is real and scaled 1/100, then an agent answers in about 10 ms of wall time', async () => {
    h = await startHarness({ clock: 'real', timeScale: 0.01 });
    const started = Date.now();
    await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'fast' });
    while (!h.events.find((e) => e.type === 'StasisStart') && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 2));
    const elapsed = Date.now() - started;
    assert.ok(h.events.find((e) => e.type === 'StasisStart'), 'answered');
    assert.ok(elapsed < 500, `answered after ${elapsed} ms`);
  });
});
