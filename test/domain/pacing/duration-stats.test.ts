import assert from 'node:assert/strict';
import { estimateDuration, estimateDurationWithOngoing, emptyDurationStats } from '../../../src/domain/pacing/duration-stats';
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
