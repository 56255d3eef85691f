import assert from 'node:assert/strict';
import {
  emptyRollingAbandonWindow, recordAnsweredOutcome, rollingAbandonCounts, rollingAbandonRate, type AnsweredOutcome,
} from '../../../src/domain/pacing/rolling-abandon-window';

const MIN = 60_000;

function windowOf(events: AnsweredOutcome[], windowMs = 60 * MIN) {
  return events.reduce(recordAnsweredOutcome, emptyRollingAbandonWindow(windowMs, MIN));
}

describe('rolling abandon window', () => {
  it('when outcomes fall inside and outside the window, then only those inside count', () => {
    const events: AnsweredOutcome[] = [
      { atMs: 0, abandoned: true },
      { atMs: 10 * MIN, abandoned: false },
      { atMs: 70 * MIN, abandoned: false },
      { atMs: 75 * MIN, abandoned: true },
      { atMs: 80 * MIN, abandoned: false },
    ];
    const table: { recordedUpTo: number; now: number; answered: number; abandoned: number }[] = [
      { recordedUpTo: 2, now: 30 * MIN, answered: 2, abandoned: 1 },
      { recordedUpTo: 2, now: 65 * MIN, answered: 1, abandoned: 0 },
      { recordedUpTo: 5, now: 80 * MIN, answered: 3, abandoned: 1 },
      { recordedUpTo: 5, now: 100 * MIN, answered: 3, abandoned: 1 },
      { recordedUpTo: 5, now: 200 * MIN, answered: 0, abandoned: 0 },
    ];
    for (const t of table) {
      const w = windowOf(events.slice(0, t.recordedUpTo));
      assert.deepEqual(rollingAbandonCounts(w, t.now), { answered: t.answered, abandoned: t.abandoned }, `at ${t.now / MIN} min`);
    }
    assert.equal(rollingAbandonRate(windowOf(events), 80 * MIN), 1 / 3);
    assert.equal(rollingAbandonRate(windowOf(events), 200 * MIN), 0);
  });

  it('when a busy day goes by, then memory stays at one bucket per minute of the window', () => {
    const events = Array.from({ length: 24 * 60 * 10 }, (_, i) => ({ atMs: i * 6000, abandoned: i % 50 === 0 }));
    const w = windowOf(events, 30 * MIN);
    assert.ok(w.buckets.length <= 31, `${w.buckets.length} buckets`);
    const c = rollingAbandonCounts(w, events[events.length - 1]!.atMs);
    assert.ok(c.answered >= 300 && c.answered <= 310, `${c.answered}`);
    assert.ok(Math.abs(c.abandoned / c.answered - 0.02) < 0.005);
  });

  it('when an outcome is recorded, then the earlier window value is unchanged', () => {
    const before = windowOf([{ atMs: 0, abandoned: false }]);
    const after = recordAnsweredOutcome(before, { atMs: 1000, abandoned: true });
    assert.deepEqual(rollingAbandonCounts(before, 1000), { answered: 1, abandoned: 0 });
    assert.deepEqual(rollingAbandonCounts(after, 1000), { answered: 2, abandoned: 1 });
  });

  it('when an outcome arrives late for an older minute, then it joins that minute', () => {
    const w = windowOf([{ atMs: 5 * MIN, abandoned: false }, { atMs: 2 * MIN, abandoned: true }]);
    assert.deepEqual(w.buckets.map((b) => b.startMs), [2 * MIN, 5 * MIN]);
    assert.deepEqual(rollingAbandonCounts(w, 5 * MIN), { answered: 2, abandoned: 1 });
  });
});
