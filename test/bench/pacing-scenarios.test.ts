import assert from 'node:assert/strict';
import type { DialPolicy, ShiftView } from '../../bench/pacing/dial-policy';
import { fixedRatioPolicy } from '../../bench/pacing/fixed-ratio-policy';
import { isCompliant, searchHindsightBound } from '../../bench/pacing/hindsight-bound';
import { progressivePolicy } from '../../bench/pacing/progressive-policy';
import { queueModelPolicy } from '../../bench/pacing/queue-model-policy';
import { defaultScenario, extraScenarios } from '../../bench/pacing/shift-scenario';
import { simulateShift } from '../../bench/pacing/simulate-shift';

const HALF_HOUR = 30 * 60_000;

/** Progressive dialing that remembers what it saw, tick by tick. */
function watching(seen: ShiftView[]): DialPolicy {
  const inner = progressivePolicy();
  return { name: 'watch', decide: (v) => { seen.push(v); return inner.decide(v); } };
}

describe('pacing bench scenarios and hindsight bound', () => {
  it('when agents log off mid-shift, then the logged-in count falls as they come free and occupancy counts logged-in time only', () => {
    const s = { ...defaultScenario({ agents: 20, answerRate: 0.35, talkMeanMs: 60_000, seed: 3, logOff: { atShare: 0.5, agents: 10 } }), shiftMs: 2 * HALF_HOUR };
    const seen: ShiftView[] = [];
    const r = simulateShift(s, watching(seen));
    assert.equal(seen[0]!.agentsLoggedIn, 20);
    const late = seen.filter((v) => v.nowMs > HALF_HOUR + 60_000);
    assert.ok(late.every((v) => v.agentsLoggedIn === 10), 'all ten gone within a minute of the log-off');
    assert.ok(late.every((v) => v.ready + v.talking + v.wrapUp === 10));
    assert.ok(r.occupancy > 0.5 && r.occupancy <= 1, `occupancy ${r.occupancy}`);
  });

  it('when the answer rate drops mid-shift, then calls placed after it are answered at the new rate', () => {
    const s = { ...defaultScenario({ agents: 50, answerRate: 0.6, talkMeanMs: 60_000, seed: 4, answerRateStep: { atShare: 0.5, rate: 0.15 } }), shiftMs: 2 * HALF_HOUR };
    const learned: { at: number; rate: number }[] = [];
    const inner = progressivePolicy();
    simulateShift(s, { name: 'watch', decide: (v) => { const h = v.details().history; learned.push({ at: v.nowMs, rate: h.answered / h.attempts }); return inner.decide(v); } });
    // The learned counts fade with a 10-minute half-life: half an hour after the drop they speak for the new rate.
    const at = (ms: number) => learned.find((x) => x.at >= ms)!.rate;
    assert.ok(at(HALF_HOUR - 60_000) > 0.5, `before ${at(HALF_HOUR - 60_000)}`);
    assert.ok(at(2 * HALF_HOUR - 1000) < 0.25, `after ${at(2 * HALF_HOUR - 1000)}`);
  });

  it('when talk time is bimodal, then the same seed gives the same shift and short and long calls both occur', () => {
    const bimodal = extraScenarios().find((x) => x.talkMix)!;
    const s = { ...bimodal, shiftMs: HALF_HOUR };
    assert.deepEqual(simulateShift(s, fixedRatioPolicy(1.2)()), simulateShift(s, fixedRatioPolicy(1.2)()));
    const talks: number[] = [];
    const inner = progressivePolicy();
    simulateShift(s, { name: 'watch', decide: (v) => { talks.push(...v.details().talkingElapsedMs); return inner.decide(v); } });
    assert.ok(talks.some((t) => t > 200_000), 'some calls run past 200 s');
  });

  it('when the bound is searched, then its best setting is compliant, beats progressive, and no compliant grid point does better', () => {
    const s = { ...defaultScenario({ agents: 50, answerRate: 0.35, talkMeanMs: 60_000, seed: 5 }), shiftMs: HALF_HOUR * 2 };
    const b = searchHindsightBound(s);
    assert.ok(b.best, 'a compliant setting exists');
    assert.ok(isCompliant(b.best, s.abandonTarget));
    const progressive = simulateShift(s, progressivePolicy());
    assert.ok(b.best.occupancy >= progressive.occupancy);
    for (const level of [1, 1.25, 1.5]) {
      const r = simulateShift(s, fixedRatioPolicy(level)());
      if (isCompliant(r, s.abandonTarget)) assert.ok(r.occupancy <= b.best.occupancy + 1e-12, `dial level ${level}`);
    }
    for (const w of [-15000, -10000, 0]) {
      const r = simulateShift(s, queueModelPolicy(w)());
      if (isCompliant(r, s.abandonTarget)) assert.ok(r.occupancy <= b.best.occupancy + 1e-12, `queue W ${w}`);
    }
  });

  it('when compliance is judged, then the shift is held to the target and each hour to the target + 1 point', () => {
    assert.equal(isCompliant({ abandonRate: 0.03, worstHourAbandonRate: 0.04 }, 0.03), true);
    assert.equal(isCompliant({ abandonRate: 0.0301, worstHourAbandonRate: 0.03 }, 0.03), false);
    assert.equal(isCompliant({ abandonRate: 0.02, worstHourAbandonRate: 0.0401 }, 0.03), false);
  });
});
