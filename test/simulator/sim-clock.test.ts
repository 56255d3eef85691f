import assert from 'node:assert/strict';
import { TimerHeap } from '../../src/simulator/timer-heap';
import { VirtualScheduler } from '../../src/simulator/sim-scheduler';
import { startAriSimulator } from '../../src/simulator/start-ari-simulator';

describe('simulator clock', () => {
  it('when timers are due at the same time, then they run in the order they were set, and a cancelled one never runs', () => {
    const heap = new TimerHeap();
    const ran: string[] = [];
    heap.push(20, () => ran.push('c'));
    heap.push(10, () => ran.push('a'));
    const b = heap.push(10, () => ran.push('b'));
    heap.push(10, () => ran.push('b2'));
    heap.cancel(b);
    assert.equal(heap.size, 3);
    for (let t = heap.pop(); t; t = heap.pop()) t.run();
    assert.deepEqual(ran, ['a', 'b2', 'c']);
    assert.equal(heap.size, 0);
  });

  it('when a fired timer is cancelled afterwards, then the count of waiting timers is unchanged', () => {
    const heap = new TimerHeap();
    const fired = heap.push(1, () => undefined);
    heap.push(2, () => undefined);
    heap.pop();
    heap.cancel(fired);
    assert.equal(heap.size, 1);
  });

  it('when virtual time advances, then timers run at their own time, with settling in between, and time ends at the target', async () => {
    const clock = new VirtualScheduler(1000, (err) => { throw err; });
    const seen: Array<[string, number]> = [];
    let settles = 0;
    clock.after(500, () => {
      seen.push(['a', clock.now()]);
      clock.after(100, () => seen.push(['b', clock.now()]));
    });
    clock.after(5000, () => seen.push(['late', clock.now()]));
    await clock.advanceTo(2000, async () => { settles++; });
    assert.deepEqual(seen, [['a', 1500], ['b', 1600]]);
    assert.equal(clock.now(), 2000);
    assert.ok(settles >= 3);
    assert.equal(clock.pending(), 1);
  });

  it('when a zero-delay timer is set, then it runs on the next turn without anyone advancing time', async () => {
    const clock = new VirtualScheduler(0, (err) => { throw err; });
    let ran = false;
    clock.after(0, () => { ran = true; });
    assert.equal(ran, false);
    await new Promise((r) => setImmediate(r));
    assert.equal(ran, true);
    assert.equal(clock.now(), 0);
  });

  it('when running until a condition, then time stops at the step that made it true', async () => {
    const clock = new VirtualScheduler(0, (err) => { throw err; });
    let n = 0;
    for (let i = 1; i <= 5; i++) clock.after(i * 100, () => { n = i; });
    const met = await clock.runUntil(() => n === 3, 10_000, async () => undefined);
    assert.equal(met, true);
    assert.equal(clock.now(), 300);
  });

  it('when the code under test says it is busy, then virtual time waits for it before the next step', async () => {
    const sim = await startAriSimulator({ settleMs: 1 });
    try {
      let busyUntil = Date.now() + 60;
      const release = sim.control.holdTimeWhile(() => Date.now() < busyUntil);
      const started = Date.now();
      await sim.control.advance(1000);
      assert.ok(Date.now() - started >= 55, 'advance waited for the work to finish');
      release();
      busyUntil = Number.POSITIVE_INFINITY;
      const again = Date.now();
      await sim.control.advance(1000);
      assert.ok(Date.now() - again < 50, 'a released condition no longer holds time');
    } finally {
      await sim.stop();
    }
  });
});
