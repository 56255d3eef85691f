import assert from 'node:assert/strict';
import { emptyAnswerCounts, estimateAnswerRate, recordAttempt } from '../../../src/domain/pacing/estimate-answer-rate';
import { DEFAULT_PACING_SETTINGS } from '../../../src/domain/pacing/pacing-settings';

const prior = DEFAULT_PACING_SETTINGS.priors.answerRate;
const MIN = 60_000;

/** `count` attempts, one per second from `fromMs`, answered with the given rate (every k-th). */
function attempts(start: typeof emptyAnswerCounts, fromMs: number, count: number, rate: number, halfLifeMs: number) {
  let c = start;
  for (let i = 0; i < count; i++) c = recordAttempt(c, (i % Math.round(1 / rate)) === 0, fromMs + i * 1000, halfLifeMs);
  return c;
}

describe('answer rate', () => {
  it('when there are few attempts, then the estimate leans on the prior and errs high', () => {
    const none = estimateAnswerRate(0, 0, prior);
    assert.equal(none.mean, prior.rate);
    assert.ok(none.cautious > none.mean);
    const few = estimateAnswerRate(1, 10, prior);
    assert.ok(few.mean > 0.3, `${few.mean}`);
  });

  it('when the rate drifts and attempts fade, then the estimate follows the last minutes', () => {
    const morning = attempts(emptyAnswerCounts, 0, 3600, 0.2, 10 * MIN);
    const afternoon = attempts(morning, 3600_000, 1800, 0.5, 10 * MIN);
    const rate = estimateAnswerRate(afternoon.answered, afternoon.attempts, prior).mean;
    assert.ok(rate > 0.45 && rate < 0.52, `faded: ${rate}`);
    const kept = attempts(attempts(emptyAnswerCounts, 0, 3600, 0.2, Infinity), 3600_000, 1800, 0.5, Infinity);
    const whole = estimateAnswerRate(kept.answered, kept.attempts, prior).mean;
    assert.ok(whole > 0.28 && whole < 0.32, `whole campaign: ${whole}`);
  });
});
