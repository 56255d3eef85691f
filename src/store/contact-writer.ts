import type { Contact, ContactId } from '../domain/contact';
import type { ContactDraft } from '../domain/contact-draft';
import { assignLead, type LeadAssignment } from '../domain/lead-assignment';
import { isMobileType } from '../domain/phone-number';
import type { Actor } from '../domain/roles';
import type { BlockListRepository } from './block-list-repository';
import type { ContactRepository } from './contact-repository';
import type { Db } from './database';
import type { LeadRotationRepository } from './lead-rotation-repository';

/** A phone of the draft that another contact already has. */
export interface PhoneClash {
  field: string;
  e164: string;
  contactId: ContactId;
}

export type WriteResult<T> = ({ ok: true } & T) | { ok: false; clash: PhoneClash };

/**
 * The contact changes that touch several rows, each in one immediate transaction: the duplicate-phone
 * check, the write and the lead rotation commit or fail together.
 */
export class ContactWriter {
  constructor(
    private readonly db: Db,
    private readonly contacts: ContactRepository,
    private readonly rotation: LeadRotationRepository,
    private readonly blocks: BlockListRepository,
  ) {}

  create(draft: ContactDraft, creator: Actor, now: string, allowSharedPhones: boolean): WriteResult<{ contact: Contact; assignment: LeadAssignment }> {
    return this.db.transaction((): WriteResult<{ contact: Contact; assignment: LeadAssignment }> => {
      const clash = allowSharedPhones ? undefined : this.findClash(draft, undefined);
      if (clash) return { ok: false, clash };
      const assignment = this.assignOwner(draft, creator);
      const id = this.contacts.insert(draft, { ownerId: assignment.ownerId, createdBy: creator.id, now });
      return { ok: true, contact: this.contacts.get(id)!, assignment };
    }).immediate();
  }

  update(id: ContactId, draft: ContactDraft, now: string, allowSharedPhones: boolean): WriteResult<{ contact: Contact }> {
    return this.db.transaction((): WriteResult<{ contact: Contact }> => {
      const clash = allowSharedPhones ? undefined : this.findClash(draft, id);
      if (clash) return { ok: false, clash };
      this.contacts.replace(id, draft, now);
      return { ok: true, contact: this.contacts.get(id)! };
    }).immediate();
  }

  /**
   * Marks or clears "do not contact". Marking also puts the contact's numbers on the DNC list (source
   * contact:<id>), so the dialer's per-dial check stops them in every campaign; clearing takes back only those entries.
   */
  setDoNotContact(id: ContactId, on: boolean, reason: string | null, by: Actor, now: string): Contact | undefined {
    return this.db.transaction(() => {
      const contact = this.contacts.get(id);
      if (!contact) return undefined;
      this.contacts.setDoNotContact(id, on, reason, now);
      const source = `contact:${id}`;
      if (on) for (const p of contact.phones) this.blocks.add({ e164: p.e164, list: 'dnc', reason: reason ?? '', source, createdBy: by.id }, now);
      else this.blocks.removeBySource('dnc', source);
      return this.contacts.get(id);
    }).immediate();
  }

  /** Decides the owner of a new contact and moves the rotation. Call inside a transaction. */
  assignOwner(draft: ContactDraft, creator: Actor): LeadAssignment {
    const assignment = assignLead({
      creator,
      hasMobile: draft.phones.some((p) => isMobileType(p.type)),
      receivingAgentIds: creator.role === 'agent' ? [] : this.rotation.receivingAgentIds(),
      lastAssignedId: this.rotation.lastAssigned(),
    });
    if (assignment.reason === 'round_robin') this.rotation.setLastAssigned(assignment.lastAssignedId);
    return assignment;
  }

  private findClash(draft: ContactDraft, self: ContactId | undefined): PhoneClash | undefined {
    for (const [i, phone] of draft.phones.entries()) {
      const other = this.contacts.holdersOf(phone.e164).find((h) => h.contactId !== self);
      if (other) return { field: `phones.${i}`, e164: phone.e164, contactId: other.contactId };
    }
    return undefined;
  }
}
