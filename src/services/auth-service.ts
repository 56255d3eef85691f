import { createHash, randomBytes } from 'node:crypto';
import { DialerError } from '../errors';
import type { Clock } from '../domain/clock';
import type { Actor } from '../domain/roles';
import type { SessionRepository } from '../store/session-repository';
import type { User, UserRepository } from '../store/user-repository';
import { verifyPassword } from './password';
import { LoginThrottle } from '../domain/auth/login-throttle';

export interface AuthenticatedUser extends Actor {
  user: User;
}

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    private readonly ttlHours: number,
    private readonly throttle: LoginThrottle = new LoginThrottle(),
  ) {}

  /** `address` is the client's, for the per-address back-off; a throttled attempt costs no scrypt. */
  async login(username: string, password: string, address = 'unknown'): Promise<{ token: string; user: User; expiresAt: Date }> {
    const keys = [`user:${username.toLowerCase()}`, `addr:${address}`];
    const wait = this.throttle.waitMs(keys, this.clock.now().getTime());
    if (wait > 0) {
      throw new DialerError('E_TOO_MANY_ATTEMPTS', 'too many failed logins; try again later', undefined, { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
    const found = this.users.findCredentials(username);
    // Verify against a dummy hash when the user is unknown so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok || !found.user.active) {
      this.throttle.failed(keys, this.clock.now().getTime());
      throw new DialerError('E_BAD_CREDENTIALS', 'wrong username or password');
    }
    this.throttle.succeeded(keys[0]!);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = this.expiry(now);
    this.sessions.create(sha256(token), found.user.id, now, expiresAt);
    return { token, user: found.user, expiresAt };
  }

  /** The session's user, and the session counted as a use (its expiry moves back). */
  authenticate(token: string): AuthenticatedUser | undefined {
    const hash = sha256(token);
    const user = this.userOfLiveSession(hash);
    if (!user) return undefined;
    const now = this.clock.now();
    this.sessions.touch(hash, now, this.expiry(now));
    return { id: user.id, role: user.role, user };
  }

  /** Whether the session is still valid, without counting this as a use (it does not push the expiry back). */
  isValid(token: string): boolean {
    return this.userOfLiveSession(sha256(token)) !== undefined;
  }

  /** The active user of an unexpired session. */
  private userOfLiveSession(hash: string): User | undefined {
    const session = this.sessions.get(hash);
    if (!session || new Date(session.expiresAt) <= this.clock.now()) return undefined;
    const user = this.users.get(session.userId);
    return user?.active ? user : undefined;
  }

  logout(token: string): void {
    this.sessions.delete(sha256(token));
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.ttlHours * 3600_000);
  }
}

// scrypt hash of a random string nobody knows; only used to spend the same time on unknown users.
const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA==$' + Buffer.alloc(64).toString('base64');
