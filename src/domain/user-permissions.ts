import type { Actor, Role } from './roles';

/**
 * Owners manage everyone; admins manage agents only; agents manage nobody.
 * Nobody may demote or delete themselves, so a system never loses its last owner by accident.
 */
export function canManageUsersOfRole(actor: Actor, role: Role): boolean {
  if (actor.role === 'owner') return true;
  return actor.role === 'admin' && role === 'agent';
}

export function canChangeUser(actor: Actor, target: { id: number; role: Role }, newRole?: Role): { ok: true } | { ok: false; reason: string } {
  if (!canManageUsersOfRole(actor, target.role)) return { ok: false, reason: `a ${actor.role} cannot manage a ${target.role}` };
  if (newRole && !canManageUsersOfRole(actor, newRole)) return { ok: false, reason: `a ${actor.role} cannot grant the ${newRole} role` };
  if (actor.id === target.id && newRole && newRole !== target.role) return { ok: false, reason: 'you cannot change your own role' };
  return { ok: true };
}

export const canManageGroups = (actor: Actor): boolean => actor.role === 'owner' || actor.role === 'admin';
