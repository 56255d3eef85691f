import assert from 'node:assert/strict';
import { addDuration, emptyDurationStats, estimateDuration, estimateDurationWithOngoing } from '../../../src/domain/pacing/duration-stats';
import { lognormalMedian } from '../../../src/domain/pacing/lognormal';
import { statsOf } from './make-pacing-input';

const prior = { medianMs: 90_000, sigma: 0.8, weight: 5 };

describe('duration estimates', () => {
  it('when there is no data, then the prior is the estimate', () => {
    const d = estimateDuration(emptyDurationStats, prior);
    assert.ok(Math.abs(lognormalMedian(d) - 90_000) < 1);
    assert.ok(Math.abs(d.sigma - 0.8) < 1e-9);
  });

  it('when many durations are known, then they outweigh the prior', () => {
    const d = estimateDuration(statsOf(2000, 40_000, 0.5), prior);
    assert.ok(Math.abs(lognormalMedian(d) / 40_000 - 1) < 0.02, `median ${lognormalMedian(d)}`);
  });

  it('when only short talks have finished yet, then the talks still running lengthen the estimate', () => {
    const finished = statsOf(10, 20_000, 0.4);
    const runningLong = Array.from({ length: 30 }, (_, i) => 30_000 + i * 2000);
    const naive = lognormalMedian(estimateDuration(finished, prior));
    const corrected = lognormalMedian(estimateDurationWithOngoing(finished, prior, runningLong));
    assert.ok(corrected > naive * 1.3, `${corrected} vs ${naive}`);
  });

  it('when finished durations vastly outnumber running ones, then the running ones change nothing', () => {
    const finished = statsOf(1000, 60_000, 0.8);
    assert.deepEqual(estimateDurationWithOngoing(finished, prior, [5000, 90_000]), estimateDuration(finished, prior));
  });
});

describe('fading durations', () => {
  it('when talks get longer and old ones fade, then the estimate follows the recent ones', () => {
    const day = (halfLifeMs: number) => {
      let s = emptyDurationStats;
      for (let i = 0; i < 600; i++) s = addDuration(s, 30_000, i * 5000, halfLifeMs);
      for (let i = 0; i < 600; i++) s = addDuration(s, 120_000, 3_000_000 + i * 5000, halfLifeMs);
      return s;
    };
    const median = (s: ReturnType<typeof day>) => lognormalMedian(estimateDuration(s, { medianMs: 60_000, sigma: 0.8, weight: 5 }));
    assert.ok(median(day(30 * 60_000)) > 80_000, `faded ${median(day(30 * 60_000))}`);
    assert.ok(median(day(Infinity)) < 65_000, `whole day ${median(day(Infinity))}`);
    assert.equal(day(Infinity).atMs, 3_000_000 + 599 * 5000);
  });
});
