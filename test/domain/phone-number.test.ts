import assert from 'node:assert/strict';
import { normalizePhone, parseWithLibrary } from '../../src/domain/phone-number';

describe('normalizePhone', () => {
  const vnMobile: [string | number, string][] = [
    ['0912345678', 'national with trunk 0'],
    ['0912 345 678', 'spaces'],
    ['0912.345.678', 'dots'],
    ['0912-345-678', 'dashes'],
    ['84912345678', 'country code without +'],
    ['+84 912 345 678', 'international with spaces'],
    ['+84.912.345.678', 'international with dots'],
    ['(+84) 912-345-678', 'brackets'],
    ['0084 912 345 678', 'IDD prefix 00'],
    ['912345678', 'Excel dropped the leading zero'],
    [912345678, 'a number cell'],
    [84912345678, 'a number cell with the country code'],
    ["'0912345678", 'Excel text marker'],
    ['\u00a00912 345 678 ', 'no-break and trailing spaces'],
  ];
  for (const [raw, form] of vnMobile) {
    it(`when a Vietnamese mobile is written as ${form} (${JSON.stringify(raw)}), then it becomes +84912345678, mobile, VN`, () => {
      const r = normalizePhone(raw, 'VN');
      assert.deepEqual(r, { ok: true, phone: { e164: '+84912345678', country: 'VN', type: 'mobile' } });
    });
  }

  it('when a Hanoi landline is given, then it is E.164 and fixed_line', () => {
    assert.deepEqual(normalizePhone('024 3826 1234', 'VN'), { ok: true, phone: { e164: '+842438261234', country: 'VN', type: 'fixed_line' } });
  });

  it('when a foreign number has its country code, then the default region does not matter', () => {
    const r = normalizePhone('+1 212-555-0123', 'VN');
    assert.ok(r.ok);
    assert.equal(r.phone.e164, '+12125550123');
    assert.equal(r.phone.country, 'US');
  });

  it('when another default region is configured, then national numbers are read in it', () => {
    const r = normalizePhone('020 7946 0018', 'GB');
    assert.ok(r.ok);
    assert.equal(r.phone.e164, '+442079460018');
  });

  const invalid: [string, RegExp][] = [
    ['', /empty/],
    ['   ', /empty/],
    ['0123', /not a valid phone number/],
    ['abc0912345678', /not a phone number/],
    ['0912345678 ext. 5', /not a phone number/],
    ['----', /not a phone number/],
    ['+84 12', /not a valid phone number/],
  ];
  for (const [raw, reason] of invalid) {
    it(`when the input is ${JSON.stringify(raw)}, then it is refused with a reason`, () => {
      const r = normalizePhone(raw, 'VN');
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, reason);
    });
  }
});

describe('normalizePhone, the direct path against the full library parse', () => {
  // Every form of many numbers (valid and not, Vietnamese and foreign) must read exactly as the library reads them.
  const viaLibrary = (raw: string, region: string) => {
    const digits = raw.trim().replace(/[\s\u00a0().\-/']/g, '');
    return parseWithLibrary(digits, raw.trim(), region);
  };
  it('when thousands of numbers in every form are read, then the result equals the library\'s', () => {
    let seed = 42;
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const inputs: string[] = [];
    const prefixes = ['9', '3', '7', '8', '5', '2', '1', '0', '6', '4'];
    for (let i = 0; i < 600; i++) {
      const national = prefixes[next(prefixes.length)]! + String(next(1e9)).padStart(8 + next(3), '0');
      inputs.push(`0${national}`, `+84${national}`, `0084${national}`, `84${national}`, national, `+840${national}`);
    }
    for (const cc of ['1', '7', '33', '44', '49', '61', '65', '66', '81', '86', '855', '856', '880', '971', '998']) {
      for (let i = 0; i < 20; i++) inputs.push(`+${cc}${String(next(1e10)).padStart(9 + next(3), '0')}`, `00${cc}${String(next(1e9))}`);
    }
    for (const region of ['VN', 'TH', 'GB', 'US']) {
      for (const raw of inputs) assert.deepEqual(normalizePhone(raw, region), viaLibrary(raw, region), `${raw} in ${region}`);
    }
  });
});
