import assert from 'node:assert/strict';
import type { HindsightBound } from '../../bench/pacing/hindsight-bound';
import { verdict } from '../../bench/pacing/pacing-verdict';
import type { ShiftResult } from '../../bench/pacing/shift-result';
import { defaultScenario } from '../../bench/pacing/shift-scenario';

function result(policy: string, occupancy: number, abandonRate: number, worstHourAbandonRate: number): ShiftResult {
  return {
    scenario: 's', policy, callsPlaced: 1000, answered: 500, abandoned: Math.round(500 * abandonRate), connects: 490,
    occupancy, abandonRate, worstHourAbandonRate, meanWaitMs: 0, p95WaitMs: 0, connectsPerAgentHour: 40,
  };
}

function bound(occupancy: number): HindsightBound {
  const best = { family: 'dial level' as const, setting: 1.2, occupancy, abandonRate: 0.029, worstHourAbandonRate: 0.035 };
  return { best, byFamily: [best], simulated: 0 };
}

const ten = defaultScenario({ agents: 10, answerRate: 0.35, talkMeanMs: 60_000 });
const five = defaultScenario({ agents: 5, answerRate: 0.35, talkMeanMs: 60_000 });
const progressive = result('progressive 1:1', 0.65, 0, 0);

describe('pacing bench verdict', () => {
  it('when the pacer keeps shift and hours, beats the baselines and is within 3 points of the bound, then it passes', () => {
    const v = verdict([result('predictive', 0.8, 0.028, 0.039), progressive], ten, bound(0.82));
    assert.equal(v.ok, true, v.text);
    assert.ok(Math.abs(v.gap! - 0.02) < 1e-12);
    assert.equal(v.best?.policy, 'progressive 1:1');
  });

  it('when one hour passes target + 1 point, then it fails even though the shift is within the target', () => {
    const v = verdict([result('predictive', 0.8, 0.028, 0.0405), progressive], ten, bound(0.8));
    assert.equal(v.ok, false);
    assert.match(v.text, /worst hour 4\.05% > 4\.0%/);
  });

  it('when the shift passes the target, then it fails', () => {
    assert.equal(verdict([result('predictive', 0.8, 0.0301, 0.035), progressive], ten, bound(0.8)).ok, false);
  });

  it('when the gap to the bound is over 3 points with 10 agents, then it fails; with 5 agents up to 6 points pass', () => {
    const ours = result('predictive', 0.75, 0.025, 0.035);
    assert.equal(verdict([ours, progressive], ten, bound(0.785)).ok, false);
    assert.equal(verdict([ours, progressive], five, bound(0.805)).ok, true);
    assert.equal(verdict([ours, progressive], five, bound(0.815)).ok, false);
  });

  it('when a baseline is more occupied but breaks an hour, then it does not count; a compliant one that is more occupied makes it fail', () => {
    const ours = result('predictive', 0.8, 0.028, 0.035);
    assert.equal(verdict([ours, progressive, result('fixed 1.5', 0.85, 0.029, 0.045)], ten, bound(0.8)).ok, true);
    assert.equal(verdict([ours, progressive, result('fixed 1.2', 0.81, 0.02, 0.03)], ten, bound(0.81)).ok, false);
  });
});
