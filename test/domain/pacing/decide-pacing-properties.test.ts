import assert from 'node:assert/strict';
import { decidePacing } from '../../../src/domain/pacing/decide-pacing';
import type { PacingHistory, PacingInput } from '../../../src/domain/pacing/pacing-input';
import { createSeededRandom } from '../../../src/domain/dialer/seeded-random';
import { makeInput, spread, statsOf, steadyHistory } from './make-pacing-input';

/** Random but reproducible pacer inputs: teams of 0–60, calls in flight, any history. */
function randomInputs(count: number, seed: number): PacingInput[] {
  const u = createSeededRandom(seed);
  const int = (n: number) => Math.floor(u() * n);
  const out: PacingInput[] = [];
  for (let i = 0; i < count; i++) {
    const agents = int(61);
    const ready = int(agents + 1);
    const talking = int(agents - ready + 1);
    const wrapUp = agents - ready - talking;
    const attempts = int(3000);
    const answerRate = 0.05 + u() * 0.8;
    const answered = Math.round(attempts * answerRate);
    const campaignAnswered = int(5000);
    const recentAttempts = u() * 100;
    const recent = u() < 0.5 ? { recent: { attempts: recentAttempts, answered: recentAttempts * u() } } : {};
    const history: PacingHistory = {
      attempts, answered,
      ringTime: statsOf(int(300), 5000 + u() * 8000, 0.3 + u() * 0.3),
      talkTime: statsOf(int(300), 20_000 + u() * 200_000, 0.5 + u() * 0.5),
      wrapUpTime: statsOf(int(300), 3000 + u() * 15_000, 0.3 + u() * 0.5),
      campaign: { answered: campaignAnswered, abandoned: Math.round(campaignAnswered * u() * 0.06) },
      rolling: { answered: int(600), abandoned: int(25) },
      ...recent,
    };
    out.push(makeInput({
      ready, talking: spread(talking, u() * 400_000), wrapUp: spread(wrapUp, u() * 20_000),
      ringing: spread(int(3 * agents + 1), 15_000), waiting: spread(int(3), 2000), history,
      settings: { maxLinesPerAgent: 1 + u() * 3, abandonTarget: 0.01 + u() * 0.04 },
    }));
  }
  return out;
}

describe('decidePacing properties (random inputs)', () => {
  const inputs = randomInputs(300, 17);

  it('when any input is given, then it places a whole, non-negative number of calls and lines in use stay within maxLinesPerAgent per agent', () => {
    for (const input of inputs) {
      const d = decidePacing(input);
      assert.ok(Number.isInteger(d.callsToPlace) && d.callsToPlace >= 0, `${d.callsToPlace}`);
      if (d.agentsLoggedIn === 0) assert.equal(d.callsToPlace, 0);
      else {
        const lines = d.linesInUse + d.callsToPlace;
        assert.ok(d.callsToPlace === 0 || lines <= d.maxLines, `${lines} lines > ${d.maxLines}`);
        assert.ok(d.callsToPlace === 0 || d.dialLevel <= input.settings.maxLinesPerAgent + 1e-9, `dial level ${d.dialLevel}`);
      }
      assert.ok(d.abandon.safetyFactor >= input.settings.safety.minFactor - 1e-12 && d.abandon.safetyFactor <= input.settings.safety.maxFactor + 1e-12);
    }
  });

  it('when the same input is given twice, then the decision is the same (pure)', () => {
    for (const input of inputs.slice(0, 50)) assert.deepEqual(decidePacing(input), decidePacing(input));
  });

  it('when more answered customers have been abandoned, then it never places more calls', () => {
    for (const input of inputs.slice(0, 100)) {
      const c = input.history.campaign;
      const worse = { ...input, history: { ...input.history, campaign: { answered: c.answered, abandoned: Math.min(c.answered, c.abandoned + Math.ceil(c.answered * 0.01) + 1) } } };
      assert.ok(decidePacing(worse).callsToPlace <= decidePacing(input).callsToPlace);
    }
  });

  it('when the last minute and a half of attempts show the answer rate has dropped, then it believes it at once and places more calls', () => {
    const base = { ready: 6, talking: spread(20, 120_000), wrapUp: spread(4, 10_000), ringing: spread(10, 15_000) };
    const long = steadyHistory({ attempts: 2000, answered: 900 });
    const before = decidePacing(makeInput({ ...base, history: long }));
    const dropped = decidePacing(makeInput({ ...base, history: { ...long, recent: { attempts: 60, answered: 6 } } }));
    assert.ok(dropped.estimates.answerRate < 0.2, `answer rate used ${dropped.estimates.answerRate}`);
    assert.ok(dropped.callsToPlace > before.callsToPlace, `${dropped.callsToPlace} vs ${before.callsToPlace}`);
    // Chance differences are not believed: 60 attempts at 42% against a long 45%.
    const noise = decidePacing(makeInput({ ...base, history: { ...long, recent: { attempts: 60, answered: 25 } } }));
    assert.equal(noise.callsToPlace, before.callsToPlace);
    // Nor too few attempts.
    const few = decidePacing(makeInput({ ...base, history: { ...long, recent: { attempts: 5, answered: 0 } } }));
    assert.equal(few.callsToPlace, before.callsToPlace);
  });

  it('when the last minute and a half show more answers, then it slows down at once', () => {
    const base = { ready: 6, talking: spread(20, 120_000), wrapUp: spread(4, 10_000), ringing: spread(10, 15_000) };
    const long = steadyHistory({ attempts: 2000, answered: 300 });
    const before = decidePacing(makeInput({ ...base, history: long }));
    const rose = decidePacing(makeInput({ ...base, history: { ...long, recent: { attempts: 60, answered: 30 } } }));
    assert.ok(rose.callsToPlace < before.callsToPlace, `${rose.callsToPlace} vs ${before.callsToPlace}`);
  });

  it('when the last hour has used its abandon budget (target + 1 point), then only the minimum factor is left, whatever the shift rate', () => {
    const shape = { ready: 2, talking: spread(8, 60_000) };
    const hour = { answered: 400, abandoned: 16 };
    const d = decidePacing(makeInput({ ...shape, history: steadyHistory({ campaign: { answered: 5000, abandoned: 50 }, rolling: hour }) }));
    assert.equal(d.abandon.safetyFactor, makeInput({}).settings.safety.minFactor);
    const calm = decidePacing(makeInput({ ...shape, history: steadyHistory({ campaign: { answered: 5000, abandoned: 50 }, rolling: { answered: 400, abandoned: 4 } }) }));
    assert.ok(calm.abandon.safetyFactor > 1, `${calm.abandon.safetyFactor}`);
  });

  it('when the campaign sits below its aim, then the factor loosens past 1; above the target, it tightens below 1', () => {
    const shape = { ready: 2, talking: spread(8, 60_000) };
    const at = (rate: number) => decidePacing(makeInput({ ...shape, history: steadyHistory({ campaign: { answered: 10_000, abandoned: 10_000 * rate }, rolling: { answered: 400, abandoned: 400 * rate } }) })).abandon.safetyFactor;
    assert.ok(at(0.02) > 1, `${at(0.02)}`);
    assert.ok(at(0.031) < 1, `${at(0.031)}`);
  });
});
