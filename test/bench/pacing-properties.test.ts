import assert from 'node:assert/strict';
import { decidePacing } from '../../src/domain/pacing/decide-pacing';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import { pacingSettings } from '../../src/domain/pacing/pacing-settings';
import { predictivePolicy } from '../../bench/pacing/predictive-policy';
import { defaultScenario, HOUR_MS, type ShiftScenario } from '../../bench/pacing/shift-scenario';
import { simulateShift } from '../../bench/pacing/simulate-shift';

function settingsFor(s: ShiftScenario) {
  return pacingSettings({ abandonTarget: s.abandonTarget, holdLimitMs: s.holdLimitMs, ringTimeoutMs: s.ringTimeoutMs, wrapUpLimitMs: s.wrapUp.limitMs });
}

describe('pacer properties over simulated shifts', () => {
  it('when long random shifts are run, then the shift abandon rate never passes the target', function () {
    this.timeout(180_000);
    const u = createSeededRandom(2026);
    for (let i = 0; i < 6; i++) {
      const s: ShiftScenario = {
        ...defaultScenario({
          agents: 5 + Math.floor(u() * 36), answerRate: 0.1 + u() * 0.6, talkMeanMs: 30_000 + u() * 210_000, seed: 100 + i,
          abandonTarget: 0.02 + u() * 0.03,
        }),
        shiftMs: 4 * HOUR_MS,
      };
      const r = simulateShift(s, predictivePolicy(settingsFor(s))());
      assert.ok(r.answered > 200, `${s.name}: only ${r.answered} answered`);
      assert.ok(r.abandonRate <= s.abandonTarget, `${s.name}, target ${s.abandonTarget}: abandon ${r.abandonRate}`);
    }
  });

  it('when the answer rate drops from 45% to 15% mid-shift, then within a minute or two the pacer uses the new rate and dials harder', function () {
    this.timeout(60_000);
    const s = { ...defaultScenario({ agents: 50, answerRate: 0.45, talkMeanMs: 60_000, seed: 26, answerRateStep: { atShare: 0.5, rate: 0.15 } }), shiftMs: 2 * HOUR_MS };
    const settings = settingsFor(s);
    const trace: { at: number; level: number; rate: number }[] = [];
    simulateShift(s, {
      name: 'traced',
      decide: (v) => {
        const d = v.details();
        const dec = decidePacing({
          settings, history: d.history,
          agents: { ready: v.ready, talkingElapsedMs: d.talkingElapsedMs, wrapUpElapsedMs: d.wrapUpElapsedMs },
          calls: { ringingElapsedMs: d.ringingElapsedMs, waitingElapsedMs: d.waitingElapsedMs },
        });
        trace.push({ at: v.nowMs, level: dec.dialLevel, rate: dec.estimates.answerRate });
        return dec.callsToPlace;
      },
    });
    const drop = HOUR_MS;
    const mean = (from: number, to: number, f: (x: (typeof trace)[number]) => number) => {
      const w = trace.filter((x) => x.at >= drop + from && x.at < drop + to);
      return w.reduce((a, x) => a + f(x), 0) / w.length;
    };
    const before = mean(-60_000, 0, (x) => x.level);
    const after = mean(60_000, 120_000, (x) => x.level);
    assert.ok(mean(-60_000, 0, (x) => x.rate) > 0.4);
    assert.ok(mean(60_000, 120_000, (x) => x.rate) < 0.35, `answer rate used 1–2 minutes after the drop: ${mean(60_000, 120_000, (x) => x.rate)}`);
    assert.ok(after > before * 1.4, `dial level ${before.toFixed(2)} before, ${after.toFixed(2)} after`);
  });
});
