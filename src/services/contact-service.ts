import type { Logger } from 'winston';
import type { Clock } from '../domain/clock';
import type { Contact, ContactId } from '../domain/contact';
import { normalizeContact, type ContactDraft, type ContactInput, type FieldError } from '../domain/contact-draft';
import type { ContactFilter, ContactSort } from '../domain/contact-filter';
import { canDeleteContact, canEditContact, canManageContactLists, canSeeAllContacts, canViewContact } from '../domain/contact-permissions';
import { normalizePhone } from '../domain/phone-number';
import type { Actor, UserId } from '../domain/roles';
import { DialerError, forbidden, notFound } from '../errors';
import type { ContactRepository } from '../store/contact-repository';
import type { ContactSearch } from '../store/contact-search';
import type { ContactWriter, PhoneClash } from '../store/contact-writer';
import type { SavedFilterRepository } from '../store/saved-filter-repository';
import type { UserRepository } from '../store/user-repository';

/** A search as the API receives it: phone in any form, agent id or 'none', a saved filter to start from. */
export interface ContactQuery {
  name?: string;
  phone?: string;
  tags?: string[];
  stage?: string;
  agentId?: UserId | 'none';
  createdFrom?: string;
  createdTo?: string;
  groupId?: number;
  doNotContact?: boolean;
  savedFilterId?: number;
}

export interface ContactPage {
  items: Contact[];
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
}

/** How many matches a search counts exactly before answering "at least this many". */
export const SEARCH_COUNT_CAP = 1000;

export type ContactPatch = Partial<ContactInput>;

export class ContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly writer: ContactWriter,
    private readonly searcher: ContactSearch,
    private readonly filters: SavedFilterRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly region: string,
    private readonly log: Logger,
  ) {}

  create(actor: Actor, input: ContactInput, allowSharedPhones = false): Contact {
    const draft = this.check(input);
    const result = this.writer.create(draft, actor, this.now(), allowSharedPhones);
    if (!result.ok) throw clashError(result.clash);
    this.log.info('contact created', { contactId: result.contact.id, ownerId: result.contact.ownerId, assignment: result.assignment.reason });
    return result.contact;
  }

  get(actor: Actor, id: ContactId): Contact {
    const contact = this.contacts.get(id);
    if (!contact || !canViewContact(actor, contact)) throw notFound('contact', id);
    return contact;
  }

  /** Fields present in the patch replace the stored ones (phones, tags and custom fields as whole lists). */
  update(actor: Actor, id: ContactId, patch: ContactPatch, allowSharedPhones = false): Contact {
    const current = this.get(actor, id);
    if (!canEditContact(actor, current)) throw forbidden('you cannot edit this contact');
    return this.write(current, patch, allowSharedPhones);
  }

  /**
   * The customer an agent holds in a campaign (the agent page): the caller has checked the engine's customer
   * access, which decides here instead of contact ownership.
   */
  updateHandedOver(id: ContactId, patch: ContactPatch): Contact {
    const current = this.contacts.get(id);
    if (!current) throw notFound('contact', id);
    return this.write(current, patch, false);
  }

  private write(current: Contact, patch: ContactPatch, allowSharedPhones: boolean): Contact {
    const id = current.id;
    const merged: ContactInput = {
      name: current.name, phones: current.phones.map((p) => p.e164), email: current.email, address: current.address,
      birthday: current.birthday, customFields: current.customFields, tags: current.tags, stage: current.stage,
      source: current.source, timezone: current.timezone, ...patch,
    };
    const result = this.writer.update(id, this.check(merged), this.now(), allowSharedPhones);
    if (!result.ok) throw clashError(result.clash);
    return result.contact;
  }

  delete(actor: Actor, id: ContactId): void {
    this.get(actor, id);
    if (!canDeleteContact(actor)) throw forbidden('only owners and admins delete contacts');
    if (!this.contacts.delete(id)) throw new DialerError('E_IN_USE', `contact ${id} is on a live call; delete it afterwards`);
    this.log.info('contact deleted', { contactId: id });
  }

  search(actor: Actor, query: ContactQuery, page: { limit: number; offset: number; sort: ContactSort; order: 'asc' | 'desc' }): ContactPage {
    const filter = this.resolveFilter(actor, query);
    const found = this.searcher.search(filter, page, SEARCH_COUNT_CAP);
    return { items: this.contacts.getMany(found.ids), total: found.total, totalExact: found.totalExact, limit: page.limit, offset: page.offset };
  }

  /**
   * The stored filter a query stands for: a saved filter as the base, explicit parts on top, the phone in
   * E.164, and an agent limited to their own contacts.
   */
  resolveFilter(actor: Actor, query: ContactQuery): ContactFilter {
    let base: ContactFilter = {};
    if (query.savedFilterId !== undefined) {
      const saved = this.filters.get(query.savedFilterId);
      if (!saved || (saved.userId !== actor.id && !(saved.shared && canSeeAllContacts(actor)))) throw notFound('saved filter', query.savedFilterId);
      base = saved.filter;
    }
    const filter: ContactFilter = { ...base };
    if (query.name !== undefined) filter.name = query.name;
    if (query.phone !== undefined) filter.phone = this.searchPhone(query.phone);
    if (query.tags !== undefined) filter.tags = query.tags.map((t) => t.trim().toLowerCase());
    if (query.stage !== undefined) filter.stage = query.stage;
    if (query.agentId !== undefined) filter.ownerId = query.agentId;
    if (query.createdFrom !== undefined) filter.createdFrom = query.createdFrom;
    if (query.createdTo !== undefined) filter.createdTo = query.createdTo;
    if (query.groupId !== undefined) filter.groupId = query.groupId;
    if (query.doNotContact !== undefined) filter.doNotContact = query.doNotContact;
    if (!canSeeAllContacts(actor)) filter.ownerId = actor.id;
    return filter;
  }

  /** Gives the contact to an agent (reassign) — or, with null, back to the lead pool (unassign). */
  assign(actor: Actor, id: ContactId, agentId: UserId | null): Contact {
    if (!canManageContactLists(actor)) throw forbidden('only owners and admins assign leads');
    this.get(actor, id);
    if (agentId !== null) {
      const agent = this.users.get(agentId);
      if (!agent || agent.role !== 'agent' || !agent.active) throw new DialerError('E_VALIDATION', `user ${agentId} is not an active agent`, 'agentId');
    }
    this.contacts.setOwner(id, agentId, this.now());
    this.log.info(agentId === null ? 'lead unassigned' : 'lead reassigned', { contactId: id, agentId });
    return this.contacts.get(id)!;
  }

  setDoNotContact(actor: Actor, id: ContactId, on: boolean, reason: string | null): Contact {
    this.get(actor, id);
    if (!on && !canManageContactLists(actor)) throw forbidden('only owners and admins clear "do not contact"');
    const updated = this.writer.setDoNotContact(id, on, on ? reason : null, actor, this.now());
    if (!updated) throw notFound('contact', id);
    this.log.info(on ? 'contact marked do not contact' : 'contact do not contact cleared', { contactId: id });
    return updated;
  }

  /** Normalises a phone given in any form, for searches; an unreadable one is a 400 on the `phone` field. */
  searchPhone(raw: string): string {
    const parsed = normalizePhone(raw, this.region);
    if (!parsed.ok) throw new DialerError('E_VALIDATION', `phone: ${parsed.reason}`, 'phone');
    return parsed.phone.e164;
  }

  private check(input: ContactInput): ContactDraft {
    const result = normalizeContact(input, this.region);
    if (!result.ok) throw fieldError(result.error);
    return result.draft;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function fieldError(error: FieldError): DialerError {
  return new DialerError('E_VALIDATION', `${error.field}: ${error.message}`, error.field);
}

function clashError(clash: PhoneClash): DialerError {
  return new DialerError('E_DUPLICATE', `${clash.field}: ${clash.e164} already belongs to contact ${clash.contactId}`, clash.field);
}
