import type { UserId } from './roles';

/** What a contact search, a saved filter and "add to campaign from a filter" select on. All parts are ANDed. */
export interface ContactFilter {
  /** Words of the name: all whole but the last, which may be the start of a word; diacritics and case ignored. */
  name?: string;
  /** E.164; matches any of the contact's numbers. */
  phone?: string;
  /** The contact carries every one of these tags. */
  tags?: string[];
  stage?: string;
  /** An agent, or 'none' for the unassigned pool. */
  ownerId?: UserId | 'none';
  /** ISO timestamps, inclusive. */
  createdFrom?: string;
  createdTo?: string;
  groupId?: number;
  doNotContact?: boolean;
}

export const CONTACT_SORTS = ['createdAt', 'name'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
