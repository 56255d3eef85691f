import assert from 'node:assert/strict';
import { ZoneWallClock } from '../../../src/domain/campaign-overview/zone-wall-clock';
import { createSeededRandom } from '../../../src/domain/dialer/seeded-random';
import { localTimeAt } from '../../../src/domain/dialer/local-time';

const ZONES = ['UTC', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Asia/Kolkata', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham'];
const MIN = 60_000;

describe('the local day and minute of day of many instants in one zone', () => {
  it('when instants are drawn at random over two years, and around every clock change, then each reads what localTimeAt reads', function () {
    this.timeout(30_000);
    const rnd = createSeededRandom(47);
    const from = Date.parse('2025-06-01T00:00:00Z');
    const span = 2 * 365 * 86_400_000;
    for (const tz of ZONES) {
      const clock = new ZoneWallClock(tz);
      const instants: number[] = [];
      for (let i = 0; i < 2000; i++) instants.push(from + Math.floor(rnd() * span));
      // Every minute of the days holding a clock change: the offset moves in the middle of a UTC hour in some zones.
      let prev = localTimeAt(new Date(from), tz).minuteOfDay;
      for (let t = from + 3_600_000; t < from + span; t += 3_600_000) {
        const now = localTimeAt(new Date(t), tz).minuteOfDay;
        if ((prev + 60) % 1440 !== now) for (let m = t - 2 * 3_600_000; m < t + 3_600_000; m += MIN) instants.push(m, m + 59_999);
        prev = now;
      }
      for (const ms of instants) {
        const want = localTimeAt(new Date(ms), tz);
        assert.deepEqual(clock.at(ms), { dateKey: want.dateKey, minuteOfDay: want.minuteOfDay }, `${tz} at ${new Date(ms).toISOString()}`);
      }
    }
  });

  it('when an hour holds no clock change, then its instants are read from one offset (Kathmandu, 5:45 ahead of UTC, across midnight)', () => {
    const clock = new ZoneWallClock('Asia/Kathmandu');
    assert.deepEqual(clock.at(Date.parse('2026-12-01T18:14:59.999Z')), { dateKey: '2026-12-01', minuteOfDay: 23 * 60 + 59 });
    assert.deepEqual(clock.at(Date.parse('2026-12-01T18:15:00.000Z')), { dateKey: '2026-12-02', minuteOfDay: 0 });
  });
});
