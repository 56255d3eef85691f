import assert from 'node:assert/strict';
import { loggedInHours, splitByLocalHour, type StateStep } from '../../../src/domain/campaign-overview/logged-in-hours';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('logged-in agent time per local hour', () => {
  it('when an interval crosses local hours in a zone 5:45 ahead of UTC, then it is split at the local whole hours and midnight', () => {
    // 18:00Z is 23:45 in Kathmandu; 18:40Z is 00:25 the next day.
    assert.deepEqual(splitByLocalHour(at('2026-12-01T18:00:00Z'), at('2026-12-01T18:40:00Z'), 'Asia/Kathmandu'),
      [{ day: '2026-12-01', hour: 23, ms: 15 * MIN }, { day: '2026-12-02', hour: 0, ms: 25 * MIN }]);
  });

  it('when an interval starts mid-second, then the first piece ends on the next local hour exactly', () => {
    assert.deepEqual(splitByLocalHour(at('2026-12-01T09:59:59.500Z'), at('2026-12-01T10:00:30Z'), 'UTC'),
      [{ day: '2026-12-01', hour: 9, ms: 500 }, { day: '2026-12-01', hour: 10, ms: 30_000 }]);
  });

  it('when agents change state in and out of the campaign, then only the time in it counts, closed by the next change in any campaign, clipped to the window', () => {
    const steps: StateStep[] = [
      { agentId: 1, campaignId: 7, at: at('2026-12-01T08:30:00Z'), to: 'ready' }, // before the window
      { agentId: 1, campaignId: 7, at: at('2026-12-01T09:15:00Z'), to: 'talking' },
      { agentId: 1, campaignId: 8, at: at('2026-12-01T09:45:00Z'), to: 'ready' }, // another campaign
      { agentId: 1, campaignId: 7, at: at('2026-12-01T10:30:00Z'), to: 'paused' },
      { agentId: 2, campaignId: 7, at: at('2026-12-01T10:50:00Z'), to: 'ready' }, // still open at the window's end
      { agentId: 2, campaignId: 7, at: at('2026-12-01T09:00:00Z'), to: 'offline' },
    ];
    const hours = loggedInHours(steps, 7, at('2026-12-01T09:00:00Z'), at('2026-12-01T11:00:00Z'), 'UTC')
      .sort((a, b) => a.hour - b.hour).map((x) => [x.hour, x.ms / MIN]);
    assert.deepEqual(hours, [[9, 45], [10, 30 + 10]]);
  });
});
