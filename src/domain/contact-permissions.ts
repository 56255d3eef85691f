import type { Actor, UserId } from './roles';

/**
 * Owners and admins work with every contact; an agent sees and edits the contacts they own (their
 * leads). Lists, imports, exports, groups, block lists and lead distribution are admin work.
 */
export const canSeeAllContacts = (actor: Actor): boolean => actor.role === 'owner' || actor.role === 'admin';

export const canViewContact = (actor: Actor, contact: { ownerId: UserId | null }): boolean =>
  canSeeAllContacts(actor) || contact.ownerId === actor.id;

export const canEditContact = canViewContact;

export const canDeleteContact = (actor: Actor): boolean => canSeeAllContacts(actor);

export const canManageContactLists = (actor: Actor): boolean => canSeeAllContacts(actor);

/** Agents switch themselves ON or OFF; admins and owners switch anyone. */
export const canSetLeadReceiving = (actor: Actor, agentId: UserId): boolean => canSeeAllContacts(actor) || actor.id === agentId;
