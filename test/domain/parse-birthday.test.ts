import assert from 'node:assert/strict';
import { parseBirthday } from '../../src/domain/parse-birthday';

describe('parseBirthday', () => {
  const cases: [string | number, string | null][] = [
    ['1990-05-17', '1990-05-17'],
    ['1990-5-7', '1990-05-07'],
    ['17/05/1990', '1990-05-17'],
    ['7/5/1990', '1990-05-07'],
    ['17-05-1990', '1990-05-17'],
    ['17.05.1990', '1990-05-17'],
    [33010, '1990-05-17'],
    ['33010', '1990-05-17'],
    ['31/02/1990', null],
    ['1990-13-01', null],
    ['17/05/90', null],
    ['yesterday', null],
    [12.5, null],
    ['1850-01-01', null],
  ];
  for (const [input, expected] of cases) {
    it(`when the birthday is ${JSON.stringify(input)}, then it reads ${JSON.stringify(expected)}`, () => {
      assert.equal(parseBirthday(input), expected);
    });
  }
});
