import assert from 'node:assert/strict';
import { fixedRatioPolicy } from '../../bench/pacing/fixed-ratio-policy';
import { progressivePolicy } from '../../bench/pacing/progressive-policy';
import { EventQueue } from '../../bench/pacing/event-queue';
import { predictivePolicy } from '../../bench/pacing/predictive-policy';
import { defaultScenario } from '../../bench/pacing/shift-scenario';
import { simulateShift } from '../../bench/pacing/simulate-shift';
import { pacingSettings } from '../../src/domain/pacing/pacing-settings';

/** Short on purpose: half an hour of ten agents keeps this test well under a second. */
const scenario = { ...defaultScenario({ agents: 10, answerRate: 0.35, talkMeanMs: 60_000, seed: 42 }), shiftMs: 30 * 60_000 };
const ours = predictivePolicy(pacingSettings({ wrapUpLimitMs: scenario.wrapUp.limitMs }));

describe('pacing simulation', () => {
  it('when the predictive pacer runs a short shift, then it keeps the abandon target and keeps agents busier than progressive', () => {
    const predictive = simulateShift(scenario, ours());
    const progressive = simulateShift(scenario, progressivePolicy());
    assert.ok(predictive.answered > 100, `only ${predictive.answered} answered`);
    assert.ok(predictive.abandonRate <= scenario.abandonTarget, `abandon ${predictive.abandonRate}`);
    assert.equal(progressive.abandoned, 0);
    assert.ok(predictive.occupancy > progressive.occupancy, `${predictive.occupancy} vs ${progressive.occupancy}`);
  });

  it('when a fixed dial level of 3 runs the same shift, then many answered customers are abandoned', () => {
    const r = simulateShift(scenario, fixedRatioPolicy(3)());
    assert.ok(r.abandonRate > 0.2, `abandon ${r.abandonRate}`);
    assert.equal(r.p95WaitMs, scenario.holdLimitMs);
  });

  it('when the same seed is simulated twice, then every figure is the same', () => {
    assert.deepEqual(simulateShift(scenario, ours()), simulateShift(scenario, ours()));
  });

  it('when events share a time, then they leave the queue in the order they were pushed', () => {
    const q = new EventQueue<string>();
    for (const [t, v] of [[5, 'a'], [1, 'b'], [5, 'c'], [1, 'd'], [3, 'e']] as const) q.push(t, v);
    const out: string[] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e.item);
    assert.deepEqual(out, ['b', 'd', 'e', 'a', 'c']);
  });
});
