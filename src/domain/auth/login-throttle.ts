/**
 * Backs off repeated failed logins, per user name and per client address, so a password cannot be
 * guessed at line speed and each guess does not cost the server a scrypt. The first few failures are
 * free (people mistype); after that each further failure doubles the wait, up to a ceiling. A success
 * clears the user's record; a quiet window clears both.
 */
export interface LoginThrottlePolicy {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  freeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

interface Record { failures: number; lastFailureMs: number; blockedUntilMs: number }

export class LoginThrottle {
  private readonly records = new Map<string, Record>();

  constructor(private readonly policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE) {}

  /** Milliseconds to wait before any of these keys may try again; 0 when none is blocked. */
  waitMs(keys: readonly string[], nowMs: number): number {
    let wait = 0;
    for (const key of keys) {
      const r = this.live(key, nowMs);
      if (r) wait = Math.max(wait, r.blockedUntilMs - nowMs);
    }
    return Math.max(0, wait);
  }

  failed(keys: readonly string[], nowMs: number): void {
    for (const key of keys) {
      const r = this.live(key, nowMs) ?? { failures: 0, lastFailureMs: nowMs, blockedUntilMs: 0 };
      r.failures += 1;
      r.lastFailureMs = nowMs;
      const over = r.failures - this.policy.freeFailures;
      if (over > 0) {
        const delay = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** Math.min(over - 1, 30));
        r.blockedUntilMs = nowMs + delay;
      }
      this.records.set(key, r);
    }
    if (this.records.size > 100_000) this.sweep(nowMs);
  }

  succeeded(key: string): void {
    this.records.delete(key);
  }

  private live(key: string, nowMs: number): Record | undefined {
    const r = this.records.get(key);
    if (r && nowMs - r.lastFailureMs > this.policy.forgetAfterMs && nowMs >= r.blockedUntilMs) {
      this.records.delete(key);
      return undefined;
    }
    return r;
  }

  private sweep(nowMs: number): void {
    for (const key of [...this.records.keys()]) this.live(key, nowMs);
  }
}
