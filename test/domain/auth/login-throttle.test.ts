import assert from 'node:assert/strict';
import { LoginThrottle } from '../../../src/domain/auth/login-throttle';

describe('login throttle', () => {
  const policy = { freeFailures: 5, firstDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 3_600_000 };

  it('when a key fails more than the free failures, then each further failure doubles the wait up to the ceiling', () => {
    const t = new LoginThrottle(policy);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      t.failed(['user:a'], 0);
      waits.push(t.waitMs(['user:a'], 0));
    }
    assert.deepEqual(waits, [0, 0, 0, 0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
  });

  it('when any of the keys is blocked, then the request waits for the longest of them', () => {
    const t = new LoginThrottle(policy);
    for (let i = 0; i < 7; i++) t.failed(['addr:1.2.3.4'], 0);
    assert.equal(t.waitMs(['user:fresh', 'addr:1.2.3.4'], 500), 1_500);
    assert.equal(t.waitMs(['user:fresh', 'addr:5.6.7.8'], 500), 0);
  });

  it('when the user logs in, then the user key is cleared but the address keeps its record', () => {
    const t = new LoginThrottle(policy);
    for (let i = 0; i < 6; i++) t.failed(['user:a', 'addr:x'], 0);
    t.succeeded('user:a');
    assert.equal(t.waitMs(['user:a'], 0), 0);
    assert.equal(t.waitMs(['addr:x'], 0), 1_000);
  });

  it('when a key stays quiet past the forget window, then it starts again from zero', () => {
    const t = new LoginThrottle(policy);
    for (let i = 0; i < 10; i++) t.failed(['user:a'], 0);
    t.failed(['user:a'], 3_600_001 + 60_000);
    assert.equal(t.waitMs(['user:a'], 3_600_001 + 60_000), 0);
  });
});
