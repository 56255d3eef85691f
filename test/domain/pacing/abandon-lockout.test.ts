import assert from 'node:assert/strict';
import { abandonLockoutEndsAt, DEFAULT_ABANDON_LOCKOUT_MS, isInAbandonLockout } from '../../../src/domain/pacing/abandon-lockout';

const H = 3_600_000;
const abandonedAt = new Date('2025-03-10T09:00:00Z');
const after = (ms: number) => new Date(abandonedAt.getTime() + ms);

describe('abandon lock-out', () => {
  const table: { name: string; last: Date | null; now: Date; lockoutMs?: number; locked: boolean }[] = [
    { name: 'never abandoned', last: null, now: after(0), locked: false },
    { name: 'abandoned a minute ago', last: abandonedAt, now: after(60_000), locked: true },
    { name: 'one ms before 72 h', last: abandonedAt, now: after(72 * H - 1), locked: true },
    { name: 'exactly 72 h later', last: abandonedAt, now: after(72 * H), locked: false },
    { name: 'a week later', last: abandonedAt, now: after(168 * H), locked: false },
    { name: 'configured 24 h, 25 h later', last: abandonedAt, now: after(25 * H), lockoutMs: 24 * H, locked: false },
    { name: 'configured 96 h, 80 h later', last: abandonedAt, now: after(80 * H), lockoutMs: 96 * H, locked: true },
  ];
  for (const t of table) {
    it(`when ${t.name}, then the contact is ${t.locked ? 'locked out' : 'callable'}`, () => {
      assert.equal(isInAbandonLockout(t.last, t.now, t.lockoutMs), t.locked);
    });
  }

  it('when the default lock-out applies, then it ends 72 hours after the abandon', () => {
    assert.equal(DEFAULT_ABANDON_LOCKOUT_MS, 72 * H);
    assert.equal(abandonLockoutEndsAt(abandonedAt).toISOString(), '2025-03-13T09:00:00.000Z');
  });
});
