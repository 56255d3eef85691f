import { DialerError, forbidden, notFound } from '../errors';
import type { Clock } from '../domain/clock';
import type { Actor, Role } from '../domain/roles';
import { canChangeUser, canManageGroups, canManageUsersOfRole } from '../domain/user-permissions';
import type { AgentGroup, GroupRepository } from '../store/group-repository';
import type { SessionRepository } from '../store/session-repository';
import type { User, UserRepository } from '../store/user-repository';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  extension?: string | null;
  language?: 'en' | 'vi';
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  password?: string;
  /** Required when the actor changes their own password. */
  currentPassword?: string;
  extension?: string | null;
  language?: 'en' | 'vi';
  active?: boolean;
  leadReceiving?: boolean;
}

export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly groups: GroupRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  /** Used by the CLI and the bootstrap: no actor, so no permission check. */
  async createUnchecked(input: CreateUserInput): Promise<User> {
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new DialerError('E_VALIDATION', `password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
    }
    if (this.users.findByUsername(input.username)) throw new DialerError('E_DUPLICATE', `username ${input.username} is taken`, 'username');
    const passwordHash = await hashPassword(input.password);
    return this.users.create({ ...input, passwordHash }, this.clock.now());
  }

  async create(actor: Actor, input: CreateUserInput): Promise<User> {
    if (!canManageUsersOfRole(actor, input.role)) throw forbidden(`a ${actor.role} cannot create a ${input.role}`);
    return this.createUnchecked(input);
  }

  list(actor: Actor): User[] {
    const all = this.users.list();
    return actor.role === 'agent' ? all.filter((u) => u.id === actor.id) : all;
  }

  get(actor: Actor, id: number): User {
    const user = this.users.get(id);
    if (!user || (actor.role === 'agent' && actor.id !== id)) throw notFound('user', id);
    return user;
  }

  async update(actor: Actor, id: number, input: UpdateUserInput): Promise<User> {
    const target = this.get(actor, id);
    const self = actor.id === id;
    // Anyone may change their own name, password and language; everything else needs the right to manage the target.
    const selfOnly = self && input.role === undefined && input.active === undefined && input.leadReceiving === undefined && input.extension === undefined;
    if (!selfOnly) {
      const check = canChangeUser(actor, target, input.role);
      if (!check.ok) throw forbidden(check.reason);
      if (self && input.active === false) throw forbidden('you cannot deactivate yourself');
    }
    if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
      throw new DialerError('E_VALIDATION', `password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
    }
    if (self && input.password !== undefined) await this.checkCurrentPassword(target, input.currentPassword);
    const { password, currentPassword: _current, ...rest } = input;
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    const updated = this.users.update(id, { ...rest, passwordHash }, this.clock.now())!;
    if (passwordHash !== undefined || input.active === false) this.sessions.deleteForUser(id);
    return updated;
  }

  /** Someone who finds a logged-in page must not be able to take the account over by setting a new password. */
  private async checkCurrentPassword(target: User, current: string | undefined): Promise<void> {
    if (!current) throw new DialerError('E_VALIDATION', 'give your current password to change it', 'currentPassword');
    const stored = this.users.findCredentials(target.username);
    if (!stored || !(await verifyPassword(current, stored.passwordHash))) {
      throw new DialerError('E_VALIDATION', 'the current password is wrong', 'currentPassword');
    }
  }

  delete(actor: Actor, id: number): void {
    const target = this.get(actor, id);
    if (actor.id === id) throw forbidden('you cannot delete yourself');
    const check = canChangeUser(actor, target);
    if (!check.ok) throw forbidden(check.reason);
    try {
      this.users.delete(id);
    } catch (err) {
      // A user referenced by campaigns, calls or contacts is kept for the history: deactivate instead.
      throw new DialerError('E_IN_USE', `user ${id} has history; deactivate the user instead`, undefined, { cause: err });
    }
  }

  /** Groups name agents and their members: staff work, like the user list an agent sees only themselves in. */
  listGroups(actor: Actor): AgentGroup[] {
    if (!canManageGroups(actor)) throw forbidden('only owners and admins see agent groups');
    return this.groups.list();
  }

  getGroup(actor: Actor, id: number): AgentGroup {
    if (!canManageGroups(actor)) throw forbidden('only owners and admins see agent groups');
    const g = this.groups.get(id);
    if (!g) throw notFound('group', id);
    return g;
  }

  saveGroup(actor: Actor, input: { id?: number; name: string; description: string; memberIds: number[] }): AgentGroup {
    if (!canManageGroups(actor)) throw forbidden('only owners and admins manage groups');
    if (input.id !== undefined) this.getGroup(actor, input.id);
    const clash = this.groups.findByName(input.name);
    if (clash && clash.id !== input.id) throw new DialerError('E_DUPLICATE', `group ${input.name} exists`, 'name');
    input.memberIds.forEach((memberId, i) => {
      const u = this.users.get(memberId);
      if (!u || u.role !== 'agent') throw new DialerError('E_VALIDATION', `memberIds.${i}: user ${memberId} is not an agent`, `memberIds.${i}`);
    });
    return this.groups.save(input, this.clock.now());
  }

  deleteGroup(actor: Actor, id: number): void {
    if (!canManageGroups(actor)) throw forbidden('only owners and admins manage groups');
    if (!this.groups.delete(id)) throw notFound('group', id);
  }
}
