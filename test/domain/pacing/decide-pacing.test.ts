import assert from 'node:assert/strict';
import { decidePacing } from '../../../src/domain/pacing/decide-pacing';
import type { PacingInput } from '../../../src/domain/pacing/pacing-input';
import { makeInput, spread, statsOf, steadyHistory, type InputShape } from './make-pacing-input';

const calls = (shape: InputShape) => decidePacing(makeInput(shape)).callsToPlace;

/** Ten agents talking at various points of their calls, three in wrap-up. */
const busyTeam: InputShape = { ready: 2, talking: spread(10, 120_000), wrapUp: [2000, 6000, 11000] };

describe('decidePacing', () => {
  it('when no agent is logged in, then no call is placed, whatever is ringing', () => {
    for (const shape of [{}, { ringing: [1000, 5000] }, { waiting: [500] }]) {
      const d = decidePacing(makeInput(shape));
      assert.equal(d.callsToPlace, 0);
      assert.equal(d.limitedBy, 'no_agents');
      assert.equal(d.dialLevel, 0);
    }
  });

  it('when the answer rate is low, then lines in use stop at maxLinesPerAgent per logged-in agent', () => {
    const lowAnswer = steadyHistory({ attempts: 5000, answered: 150 });
    const table: { shape: InputShape; max: number }[] = [
      { shape: { ready: 10, history: lowAnswer }, max: 3 },
      { shape: { ready: 10, history: lowAnswer, settings: { maxLinesPerAgent: 2 } }, max: 2 },
      { shape: { ready: 4, talking: spread(6, 60_000), ringing: spread(20, 14_000), history: lowAnswer }, max: 3 },
      { shape: { ready: 10, ringing: spread(29, 14_000), history: lowAnswer }, max: 3 },
    ];
    for (const { shape, max } of table) {
      const d = decidePacing(makeInput(shape));
      assert.equal(d.maxLines, max * d.agentsLoggedIn);
      assert.equal(d.linesInUse + d.callsToPlace, d.maxLines, JSON.stringify(shape));
      assert.equal(d.limitedBy, 'max_lines');
      assert.ok(d.dialLevel <= max);
    }
  });

  it('when the measured abandon rate nears or passes the target, then it slows down', () => {
    const rates = [0, 0.015, 0.025, 0.03, 0.05];
    const placed = rates.map((r) => calls({ ...busyTeam, history: steadyHistory({ campaign: { answered: 2000, abandoned: Math.round(2000 * r) } }) }));
    for (let i = 1; i < placed.length; i++) assert.ok(placed[i]! <= placed[i - 1]!, `at ${rates[i]}: ${placed.join(', ')}`);
    assert.ok(placed[0]! > placed[3]!, `no slowdown at the target: ${placed.join(', ')}`);
  });

  it('when only the rolling window is over the target, then it slows down too', () => {
    const calm = calls({ ...busyTeam, history: steadyHistory({ campaign: { answered: 5000, abandoned: 50 }, rolling: { answered: 400, abandoned: 0 } }) });
    const hot = calls({ ...busyTeam, history: steadyHistory({ campaign: { answered: 5000, abandoned: 50 }, rolling: { answered: 400, abandoned: 16 } }) });
    assert.ok(hot < calm, `rolling 4%: ${hot}, calm: ${calm}`);
    const d = decidePacing(makeInput({ ...busyTeam, history: steadyHistory({ rolling: { answered: 400, abandoned: 16 } }) }));
    assert.equal(d.abandon.rollingRate, 0.04);
    assert.ok(d.abandon.safetyFactor < 1);
  });

  it('when more calls are answered, then fewer lines are dialled for the same agents', () => {
    const byRate = [0.15, 0.35, 0.6].map((r) => calls({ ...busyTeam, history: steadyHistory({ attempts: 4000, answered: 4000 * r }) }));
    assert.ok(byRate[0]! > byRate[1]! && byRate[1]! > byRate[2]!, byRate.join(', '));
  });

  it('when busy agents are about to be free, then calls are placed for them before they are ready', () => {
    const table: { name: string; shape: InputShape }[] = [
      { name: 'wrap-up countdown nearly over', shape: { wrapUp: [18000, 18500, 19000, 19500] } },
      { name: 'wrap-up just started', shape: { wrapUp: [0, 200, 400, 600] } },
      { name: 'talks just started', shape: { talking: [0, 1000, 2000, 3000] } },
    ];
    const placed = table.map((t) => calls(t.shape));
    assert.ok(placed[0]! >= 3, `${table[0]!.name}: ${placed[0]}`);
    assert.ok(placed[0]! > placed[1]! && placed[1]! >= placed[2]!, placed.join(', '));
    assert.equal(placed[2], 0);
    const d = decidePacing(makeInput(table[0]!.shape));
    assert.ok(d.agentsExpectedFree > 3.9, `expected free ${d.agentsExpectedFree}`);
  });

  it('when calls are already ringing or customers wait on hold, then fewer new calls are placed', () => {
    const base = { ready: 4, talking: spread(8, 90_000) };
    const none = calls(base);
    const ringing = calls({ ...base, ringing: [1000, 2000, 3000, 4000] });
    const moreRinging = calls({ ...base, ringing: [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000] });
    assert.ok(none > ringing && ringing > moreRinging, `${none} > ${ringing} > ${moreRinging}`);
    const freeingSoon = { wrapUp: [18000, 18500, 19000, 19500] };
    const noneWaiting = calls(freeingSoon);
    const oneWaiting = calls({ ...freeingSoon, waiting: [300] });
    const twoWaiting = calls({ ...freeingSoon, waiting: [300, 900] });
    assert.ok(noneWaiting > oneWaiting && oneWaiting > twoWaiting, `${noneWaiting} > ${oneWaiting} > ${twoWaiting}`);
  });

  it('when a ringing call has rung nearly to the timeout, then it counts for less than a fresh one', () => {
    const base = { ready: 3, talking: spread(8, 90_000) };
    assert.ok(calls({ ...base, ringing: [14500, 14500] }) > calls({ ...base, ringing: [1000, 1000] }));
  });

  it('when the campaign has just started, then the cautious prior answer rate is used and it still dials for ready agents', () => {
    const empty = steadyHistory({ attempts: 0, answered: 0, ringTime: statsOf(0, 1, 1), talkTime: statsOf(0, 1, 1), wrapUpTime: statsOf(0, 1, 1), campaign: { answered: 0, abandoned: 0 }, rolling: { answered: 0, abandoned: 0 } });
    const start = decidePacing(makeInput({ ready: 10, history: empty }));
    assert.ok(start.estimates.answerRate >= 0.5, `prior ${start.estimates.answerRate}`);
    assert.ok(start.callsToPlace >= 10, `placed ${start.callsToPlace}`);
    const learnedLow = decidePacing(makeInput({ ready: 10, history: steadyHistory({ attempts: 3000, answered: 450 }) }));
    assert.ok(learnedLow.callsToPlace > start.callsToPlace, `${learnedLow.callsToPlace} > ${start.callsToPlace}`);
    const fewAttempts = decidePacing(makeInput({ ready: 10, history: { ...empty, attempts: 10, answered: 1 } }));
    assert.ok(fewAttempts.estimates.answerRate > 0.1 + 0.1, 'ten attempts do not override the prior');
  });

  it('when one agent is ready and nothing rings, then exactly one call is safe even with a high answer rate', () => {
    const d = decidePacing(makeInput({ ready: 1, talking: spread(9, 200_000), history: steadyHistory({ attempts: 1000, answered: 600 }) }));
    assert.ok(d.callsToPlace >= 1);
    assert.ok(d.abandon.predictedProbability <= d.abandon.allowedProbability);
  });

  it('when the same input is given twice, then the same decision comes back and the input is untouched', () => {
    const input: PacingInput = makeInput({ ...busyTeam, ringing: [500, 4000, 9000], waiting: [400] });
    const frozen = JSON.stringify(input);
    const a = decidePacing(input);
    const b = decidePacing(JSON.parse(frozen) as PacingInput);
    assert.deepEqual(a, b);
    assert.equal(JSON.stringify(input), frozen);
  });

  it('when it decides, then the decision explains itself for the dashboard', () => {
    const d = decidePacing(makeInput(busyTeam));
    assert.equal(d.agentsLoggedIn, 15);
    assert.equal(d.agentsReady, 2);
    assert.equal(d.linesInUse, 10);
    assert.equal(d.dialLevel, (d.linesInUse + d.callsToPlace) / 15);
    assert.equal(d.abandon.target, 0.03);
    assert.ok(d.estimates.talkMeanMs > 40_000 && d.estimates.talkMeanMs < 90_000, `talk ${d.estimates.talkMeanMs}`);
    assert.ok(d.abandon.expectedAnswers > 0);
    assert.ok(d.abandon.expectedAbandons >= 0 && d.abandon.expectedAbandons < d.abandon.expectedAnswers);
  });
});
