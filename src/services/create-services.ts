import type { Logger } from 'winston';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Db } from '../store/database';
import { GroupRepository } from '../store/group-repository';
import { SessionRepository } from '../store/session-repository';
import { UserRepository } from '../store/user-repository';
import { AuthService } from './auth-service';
import { createContactServices } from './create-contact-services';
import { UserService } from './user-service';

/** The repositories and services of one process, built from its database, config and clock. */
export function createServices(db: Db, config: Config, clock: Clock, log: Logger) {
  const userRepo = new UserRepository(db);
  const groupRepo = new GroupRepository(db);
  const sessionRepo = new SessionRepository(db);
  const auth = new AuthService(userRepo, sessionRepo, clock, config.sessionTtlHours);
  const users = new UserService(userRepo, groupRepo, sessionRepo, clock);
  const crm = createContactServices(db, config, clock, log, userRepo);
  return { db, config, clock, log, repos: { users: userRepo, groups: groupRepo, sessions: sessionRepo }, auth, users, crm };
}

export type Services = ReturnType<typeof createServices>;
