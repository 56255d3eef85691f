import assert from 'node:assert/strict';
import { isValidTimeZone, localTimeAt, startOfLocalDay, startOfNextLocalDay } from '../../../src/domain/dialer/local-time';

describe('local time', () => {
  const readings: Array<[string, string, string, number, number]> = [
    // instant (UTC), zone, local date, ISO weekday, minute of day
    ['2025-03-09T01:30:00Z', 'Asia/Ho_Chi_Minh', '2025-03-09', 7, 8 * 60 + 30],
    ['2025-03-09T17:00:00Z', 'Asia/Ho_Chi_Minh', '2025-03-10', 1, 0],
    ['2025-03-09T06:59:00Z', 'America/New_York', '2025-03-09', 7, 1 * 60 + 59],
    ['2025-03-09T07:00:00Z', 'America/New_York', '2025-03-09', 7, 3 * 60],
    ['2025-11-02T05:30:00Z', 'America/New_York', '2025-11-02', 7, 1 * 60 + 30],
    ['2025-11-02T06:30:00Z', 'America/New_York', '2025-11-02', 7, 1 * 60 + 30],
    ['2025-01-01T00:00:00Z', 'UTC', '2025-01-01', 3, 0],
  ];
  for (const [instant, zone, date, weekday, minute] of readings) {
    it(`when it is ${instant}, then in ${zone} it is ${date} day ${weekday} minute ${minute}`, () => {
      const l = localTimeAt(new Date(instant), zone);
      assert.deepEqual([l.dateKey, l.weekday, l.minuteOfDay], [date, weekday, minute]);
    });
  }

  it('when a zone name is unknown, then it is reported invalid and known ones valid', () => {
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
    assert.equal(isValidTimeZone('Asia/Ho_Chi_Minh'), true);
  });

  const days: Array<[string, string, string, string]> = [
    // instant, zone, local day start, next local day start
    ['2025-06-15T10:00:00Z', 'Asia/Ho_Chi_Minh', '2025-06-14T17:00:00.000Z', '2025-06-15T17:00:00.000Z'],
    ['2025-03-09T15:00:00Z', 'America/New_York', '2025-03-09T05:00:00.000Z', '2025-03-10T04:00:00.000Z'],
    ['2025-11-02T15:00:00Z', 'America/New_York', '2025-11-02T04:00:00.000Z', '2025-11-03T05:00:00.000Z'],
    ['2025-11-02T04:00:00Z', 'America/New_York', '2025-11-02T04:00:00.000Z', '2025-11-03T05:00:00.000Z'],
    ['2025-11-02T03:59:59Z', 'America/New_York', '2025-11-01T04:00:00.000Z', '2025-11-02T04:00:00.000Z'],
    // Santiago skips midnight on the first Sunday of September: the day starts at 01:00 local.
    ['2024-09-08T12:00:00Z', 'America/Santiago', '2024-09-08T04:00:00.000Z', '2024-09-09T03:00:00.000Z'],
  ];
  for (const [instant, zone, start, next] of days) {
    it(`when it is ${instant} in ${zone}, then the local day runs from ${start} to ${next}`, () => {
      assert.equal(startOfLocalDay(new Date(instant), zone).toISOString(), start);
      assert.equal(startOfNextLocalDay(new Date(instant), zone).toISOString(), next);
    });
  }
});
