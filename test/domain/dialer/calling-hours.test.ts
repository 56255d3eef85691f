import assert from 'node:assert/strict';
import { checkCallingHours, parseClockTime, type CallingHours } from '../../../src/domain/dialer/calling-hours';
import type { LocalTime } from '../../../src/domain/dialer/local-time';

const at = (weekday: number, hhmm: string): LocalTime => {
  const minute = parseClockTime(hhmm);
  if (minute === null) throw new Error(`bad time ${hhmm}`);
  return { year: 2025, month: 1, day: 1, weekday, minuteOfDay: minute, dateKey: '2025-01-01' };
};

describe('calling hours', () => {
  const weekdaysOnly: CallingHours = { start: '08:00', end: '20:00', weekdays: [1, 2, 3, 4, 5] };
  const overnight: CallingHours = { start: '22:00', end: '02:00', weekdays: [5] };
  const cases: Array<[string, CallingHours, LocalTime, string]> = [
    ['the first minute of the window', weekdaysOnly, at(1, '08:00'), 'inside'],
    ['the minute before the window', weekdaysOnly, at(1, '07:59'), 'outside'],
    ['the last minute of the window', weekdaysOnly, at(5, '19:59'), 'inside'],
    ['the end minute of the window', weekdaysOnly, at(5, '20:00'), 'outside'],
    ['a Saturday inside the hours but not a listed day', weekdaysOnly, at(6, '10:00'), 'outside'],
    ['no weekdays listed, a Sunday', { start: '08:00', end: '20:00' }, at(7, '10:00'), 'inside'],
    ['an empty weekday list, a Sunday', { start: '08:00', end: '20:00', weekdays: [] }, at(7, '10:00'), 'inside'],
    ['an end of 24:00 and 23:59', { start: '08:00', end: '24:00' }, at(3, '23:59'), 'inside'],
    ['an overnight window on its listed evening', overnight, at(5, '23:00'), 'inside'],
    ['an overnight window after midnight of its listed day', overnight, at(6, '01:59'), 'inside'],
    ['an overnight window at its end minute', overnight, at(6, '02:00'), 'outside'],
    ['an overnight window after midnight of an unlisted day', overnight, at(5, '01:00'), 'outside'],
    ['an overnight window on an unlisted evening', overnight, at(4, '23:00'), 'outside'],
    ['a Sunday overnight window, Monday 01:00', { start: '22:00', end: '02:00', weekdays: [7] }, at(1, '01:00'), 'inside'],
    ['start equal to end', { start: '00:00', end: '00:00' }, at(2, '13:37'), 'inside'],
    ['a malformed start', { start: '8:00', end: '20:00' }, at(1, '10:00'), 'invalid'],
    ['minutes out of range', { start: '08:60', end: '20:00' }, at(1, '10:00'), 'invalid'],
    ['a start of 24:00', { start: '24:00', end: '20:00' }, at(1, '10:00'), 'invalid'],
  ];
  for (const [what, hours, local, expected] of cases) {
    it(`when ${what}, then it is ${expected}`, () => {
      assert.equal(checkCallingHours(hours, local), expected);
    });
  }

  it('when clock times are parsed, then only HH:MM from 00:00 to 24:00 is accepted', () => {
    const parsed = ['00:00', '09:30', '24:00', '24:01', '9:30', '09:5', 'ab:cd', '25:00'].map(parseClockTime);
    assert.deepEqual(parsed, [0, 570, 1440, null, null, null, null, null]);
  });
});
