import assert from 'node:assert/strict';
import { normalizeContact } from '../../src/domain/contact-draft';
import { strongestBlock } from '../../src/domain/block-list';

describe('normalizeContact', () => {
  it('when a Vietnamese contact is given loosely, then phones are E.164, tags folded to lower case and the zone is Ho Chi Minh', () => {
    const r = normalizeContact({
      name: '  Nguyễn Thị Lan ', phones: ['0912 345 678', '+84 24 3826 1234', '0912.345.678'], email: 'lan@example.vn',
      birthday: '17/05/1990', tags: ['VIP', ' vip ', 'Khách Mới'], customFields: { company: 'ABC' },
    }, 'VN');
    assert.ok(r.ok);
    assert.equal(r.draft.name, 'Nguyễn Thị Lan');
    assert.deepEqual(r.draft.phones, [{ e164: '+84912345678', type: 'mobile' }, { e164: '+842438261234', type: 'fixed_line' }]);
    assert.deepEqual(r.draft.tags, ['vip', 'khách mới']);
    assert.equal(r.draft.birthday, '1990-05-17');
    assert.equal(r.draft.timezone, 'Asia/Ho_Chi_Minh');
  });

  it('when the first phone is in a multi-zone country, then no time zone is guessed; an explicit one is kept', () => {
    const us = normalizeContact({ phones: ['+1 212 555 0123'] }, 'VN');
    assert.ok(us.ok);
    assert.equal(us.draft.timezone, null);
    const set = normalizeContact({ phones: ['+1 212 555 0123'], timezone: 'America/New_York' }, 'VN');
    assert.ok(set.ok);
    assert.equal(set.draft.timezone, 'America/New_York');
  });

  const refusals: [string, Parameters<typeof normalizeContact>[0], string][] = [
    ['no phone', { name: 'A', phones: [] }, 'phones'],
    ['the second phone is invalid', { phones: ['0912345678', '0123'] }, 'phones.1'],
    ['the email is not one', { phones: ['0912345678'], email: 'lan@' }, 'email'],
    ['the birthday is not a date', { phones: ['0912345678'], birthday: '31/02/1990' }, 'birthday'],
    ['the time zone is unknown', { phones: ['0912345678'], timezone: 'Mars/Olympus' }, 'timezone'],
    ['the name is too long', { phones: ['0912345678'], name: 'x'.repeat(201) }, 'name'],
    ['a tag is too long', { phones: ['0912345678'], tags: ['ok', 'y'.repeat(51)] }, 'tags.1'],
  ];
  for (const [when, input, field] of refusals) {
    it(`when ${when}, then the error names ${field}`, () => {
      const r = normalizeContact(input, 'VN');
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.error.field, field);
    });
  }
});

describe('strongestBlock', () => {
  it('when a number is on both lists, then the blacklist is reported', () => {
    assert.deepEqual(strongestBlock([{ list: 'dnc', reason: 'asked' }, { list: 'blacklist', reason: 'fraud' }]), { blocked: true, list: 'blacklist', reason: 'fraud' });
    assert.deepEqual(strongestBlock([]), { blocked: false });
  });
});
