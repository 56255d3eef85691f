import type { ContactDraft } from './contact-draft';
import type { UserId } from './roles';

export type ContactId = number;

/** A stored contact. */
export interface Contact extends ContactDraft {
  id: ContactId;
  /** The owning agent; null while the contact is in the lead pool. */
  ownerId: UserId | null;
  createdBy: UserId | null;
  doNotContact: boolean;
  doNotContactReason: string | null;
  createdAt: string;
  updatedAt: string;
}
