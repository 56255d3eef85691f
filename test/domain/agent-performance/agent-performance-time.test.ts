import assert from 'node:assert/strict';
import { buildAgentPerformance } from '../../../src/domain/agent-performance/agent-performance-report';
import { openIntervalTimes, recomputeRollup, type StateChangeFact } from '../../../src/domain/agent-performance/agent-state-rollup';
import { dateKeysBetween, localDayStart, splitByLocalDay } from '../../../src/domain/agent-performance/local-day-span';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const fact = (id: number, iso: string, to: StateChangeFact['to'], reason: string | null = null, campaignId = 1): StateChangeFact =>
  ({ id, agentId: 7, campaignId, at: at(iso), to, reason });

describe('agent performance: time per state by local day', () => {
  it('when an interval crosses local midnight, then it splits there, in the campaign\'s zone and not in UTC', () => {
    assert.deepEqual(splitByLocalDay(at('2026-12-01T16:30:00Z'), at('2026-12-01T17:30:00Z'), 'Asia/Ho_Chi_Minh'),
      [{ day: '2026-12-01', ms: 30 * MIN }, { day: '2026-12-02', ms: 30 * MIN }]);
    assert.deepEqual(splitByLocalDay(at('2026-12-01T16:30:00Z'), at('2026-12-01T17:30:00Z'), 'UTC'), [{ day: '2026-12-01', ms: 60 * MIN }]);
    assert.deepEqual(splitByLocalDay(at('2026-12-01T10:00:00Z'), at('2026-12-03T11:00:00Z'), 'UTC').map((p) => [p.day, p.ms / MIN]),
      [['2026-12-01', 14 * 60], ['2026-12-02', 24 * 60], ['2026-12-03', 11 * 60]]);
    assert.deepEqual(splitByLocalDay(5, 5, 'UTC'), []);
  });

  it('when a day has a clock change, then it lasts 23 or 25 hours and its start is the real local midnight', () => {
    const spring = localDayStart('2026-03-08', 'America/New_York');
    assert.equal(spring.toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(localDayStart('2026-03-09', 'America/New_York').getTime() - spring.getTime(), 23 * 60 * MIN);
    const fall = localDayStart('2026-11-01', 'America/New_York');
    assert.equal(localDayStart('2026-11-02', 'America/New_York').getTime() - fall.getTime(), 25 * 60 * MIN);
    assert.deepEqual(splitByLocalDay(fall.getTime(), fall.getTime() + 26 * 60 * MIN, 'America/New_York').map((p) => [p.day, p.ms / MIN]),
      [['2026-11-01', 25 * 60], ['2026-11-02', 60]]);
    assert.equal(localDayStart('2026-12-01', 'Pacific/Kiritimati').toISOString(), '2026-11-30T10:00:00.000Z');
    assert.deepEqual(dateKeysBetween('2026-02-27', '2026-03-02'), ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('when changes are summed, then each closed interval goes to the state and reason it opened, offline not at all', () => {
    const rollup = recomputeRollup([
      fact(3, '2026-12-01T16:50:00Z', 'ready'),
      fact(1, '2026-12-01T16:00:00Z', 'not_ready', 'lunch'),
      fact(4, '2026-12-01T17:10:00Z', 'offline'),
      fact(5, '2026-12-02T09:00:00Z', 'ready'),
      fact(2, '2026-12-01T16:40:00Z', 'not_ready', 'break'),
    ], () => 'Asia/Ho_Chi_Minh');
    assert.deepEqual([...rollup.values()].map((t) => [t.day, t.state, t.reason, t.ms / MIN]), [
      ['2026-12-01', 'not_ready', 'lunch', 40], ['2026-12-01', 'not_ready', 'break', 10], ['2026-12-01', 'ready', '', 10], ['2026-12-02', 'ready', '', 10],
    ]);
  });

  it('when the last change is still open, then it counts only inside the range and up to now', () => {
    const last = fact(9, '2026-11-30T08:00:00Z', 'ready');
    const range = { startMs: at('2026-12-01T00:00:00Z'), endMs: at('2026-12-03T00:00:00Z') };
    assert.deepEqual(openIntervalTimes(last, range, at('2026-12-02T06:00:00Z'), () => 'UTC').map((t) => [t.day, t.ms / MIN]),
      [['2026-12-01', 24 * 60], ['2026-12-02', 6 * 60]]);
    assert.deepEqual(openIntervalTimes(last, range, at('2026-12-09T00:00:00Z'), () => 'UTC').map((t) => t.ms / MIN), [24 * 60, 24 * 60], 'the range ends before now');
    assert.deepEqual(openIntervalTimes(fact(9, '2026-12-05T00:00:00Z', 'ready'), range, at('2026-12-09T00:00:00Z'), () => 'UTC'), [], 'opened after the range');
    assert.deepEqual(openIntervalTimes(fact(9, '2026-12-01T00:00:00Z', 'offline'), range, at('2026-12-02T00:00:00Z'), () => 'UTC'), []);
  });

  it('when figures are built, then occupancy, averages and quota days come from the cells, and agents without activity get zeros', () => {
    const r = buildAgentPerformance({
      agentIds: [7, 8],
      times: [
        { agentId: 7, campaignId: 1, day: 'd1', state: 'ready', reason: '', ms: 60 * MIN },
        { agentId: 7, campaignId: 1, day: 'd1', state: 'talking', reason: '', ms: 30 * MIN },
        { agentId: 7, campaignId: 1, day: 'd1', state: 'wrap_up', reason: '', ms: 10 * MIN },
        { agentId: 7, campaignId: 1, day: 'd2', state: 'not_ready', reason: 'lunch', ms: 20 * MIN },
        { agentId: 99, campaignId: 1, day: 'd1', state: 'ready', reason: '', ms: MIN },
      ],
      attempts: [
        { agentId: 7, campaignId: 1, day: 'd1', calls: 1, connects: 1, talkMs: 20 * MIN, dispositions: { closed_deal: 1 } },
        { agentId: 7, campaignId: 1, day: 'd1', calls: 1, connects: 1, talkMs: 10 * MIN, dispositions: { interested: 1, skip: 1 } },
      ],
      abandons: [{ agentId: 7, day: 'd1', count: 2 }],
      quota: { kind: 'per_day', min: 2, max: 2 },
    });
    const [a, b] = r.agents;
    assert.deepEqual([a!.days.map((d) => d.day), a!.total.loggedInMs, a!.total.occupancy], [['d1', 'd2'], 120 * MIN, 40 / 120]);
    assert.deepEqual([a!.total.calls, a!.total.connects, a!.total.avgTalkMs, a!.total.avgWrapMs, a!.total.conversionRate, a!.total.abandonedWhileReady],
      [2, 2, 15 * MIN, 5 * MIN, 0.5, 2]);
    assert.deepEqual(a!.total.dispositions, { closed_deal: 1, interested: 1, skip: 1 });
    assert.deepEqual(a!.quota, { kind: 'per_day', min: 2, max: 2, count: 2, daysWorked: 2, daysMetMin: 1, daysAtMax: 1 });
    assert.deepEqual([b!.days, b!.total.loggedInMs, b!.total.occupancy, b!.total.avgTalkMs], [[], 0, null, null]);
    assert.equal(r.team.total.loggedInMs, 120 * MIN, 'agents not asked for stay out');
    assert.deepEqual(r.team.days.map((d) => d.day), ['d1', 'd2']);
  });
});
