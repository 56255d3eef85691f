import { randomBytes } from 'node:crypto';
import type { Logger } from 'winston';
import type { Services } from '../services/create-services';

export interface DemoLogins {
  readonly usernames: string[];
  /** One password for every demo user, made up for this database; shown once, never logged. */
  readonly password: string;
}

/**
 * Demo mode on an empty database: an owner and one agent per simulated phone, so a newcomer can
 * log in at once. Returns undefined (and creates nothing) when the database has users already.
 */
export async function seedDemoUsers(services: Pick<Services, 'repos' | 'users'>, extensions: readonly string[], log: Logger): Promise<DemoLogins | undefined> {
  if (services.repos.users.count() > 0) return undefined;
  const password = randomBytes(12).toString('base64url');
  const usernames = ['owner'];
  await services.users.createUnchecked({ username: 'owner', displayName: 'Demo owner', role: 'owner', password });
  for (const [i, extension] of extensions.entries()) {
    const username = `agent${i + 1}`;
    await services.users.createUnchecked({ username, displayName: `Demo agent ${i + 1}`, role: 'agent', password, extension });
    usernames.push(username);
  }
  log.info('demo users created', { usernames });
  return { usernames, password };
}
