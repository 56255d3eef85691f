import type { Clock } from '../domain/clock';
import type { ContactId } from '../domain/contact';
import type { ContactFilter } from '../domain/contact-filter';
import { canManageContactLists, canSeeAllContacts } from '../domain/contact-permissions';
import type { Actor } from '../domain/roles';
import { DialerError, forbidden, notFound } from '../errors';
import type { ContactGroup, ContactGroupRepository } from '../store/contact-group-repository';
import type { SavedFilter, SavedFilterRepository } from '../store/saved-filter-repository';

/** Saved filters (per user, optionally shared with admins) and static contact groups. */
export class ContactListService {
  constructor(
    private readonly filters: SavedFilterRepository,
    private readonly groups: ContactGroupRepository,
    private readonly clock: Clock,
  ) {}

  listFilters(actor: Actor): SavedFilter[] {
    const all = this.filters.visibleTo(actor.id);
    return canSeeAllContacts(actor) ? all : all.filter((f) => f.userId === actor.id);
  }

  getFilter(actor: Actor, id: number): SavedFilter {
    const f = this.filters.get(id);
    if (!f || (f.userId !== actor.id && !(f.shared && canSeeAllContacts(actor)))) throw notFound('saved filter', id);
    return f;
  }

  saveFilter(actor: Actor, input: { id?: number; name: string; shared: boolean; filter: ContactFilter }): SavedFilter {
    const now = this.clock.now().toISOString();
    const clash = this.filters.findByName(actor.id, input.name);
    if (clash && clash.id !== input.id) throw new DialerError('E_DUPLICATE', `you already have a filter named ${input.name}`, 'name');
    if (input.id === undefined) return this.filters.create({ ...input, userId: actor.id }, now);
    const current = this.getFilter(actor, input.id);
    if (current.userId !== actor.id) throw forbidden('only its author changes a saved filter');
    return this.filters.update(input.id, input, now)!;
  }

  deleteFilter(actor: Actor, id: number): void {
    const current = this.getFilter(actor, id);
    if (current.userId !== actor.id && actor.role !== 'owner') throw forbidden('only its author or an owner deletes a saved filter');
    this.filters.delete(id);
  }

  listGroups(actor: Actor): ContactGroup[] {
    this.mustManage(actor);
    return this.groups.list();
  }

  getGroup(actor: Actor, id: number): ContactGroup {
    this.mustManage(actor);
    const g = this.groups.get(id);
    if (!g) throw notFound('contact group', id);
    return g;
  }

  saveGroup(actor: Actor, input: { id?: number; name: string; description: string }): ContactGroup {
    this.mustManage(actor);
    const clash = this.groups.findByName(input.name);
    if (clash && clash.id !== input.id) throw new DialerError('E_DUPLICATE', `contact group ${input.name} exists`, 'name');
    if (input.id === undefined) return this.groups.create({ ...input, createdBy: actor.id }, this.clock.now().toISOString());
    this.getGroup(actor, input.id);
    return this.groups.update(input.id, input)!;
  }

  deleteGroup(actor: Actor, id: number): void {
    this.getGroup(actor, id);
    this.groups.delete(id);
  }

  /** Adds contacts by id, or every contact matching a (resolved) filter; returns how many joined. */
  addToGroup(actor: Actor, id: number, what: { contactIds: ContactId[] } | { filter: ContactFilter }): { added: number; group: ContactGroup } {
    this.getGroup(actor, id);
    const now = this.clock.now().toISOString();
    const added = 'contactIds' in what ? this.groups.addContacts(id, what.contactIds, now) : this.groups.addMatching(id, what.filter, now);
    return { added, group: this.groups.get(id)! };
  }

  removeFromGroup(actor: Actor, id: number, contactIds: ContactId[]): { removed: number; group: ContactGroup } {
    this.getGroup(actor, id);
    return { removed: this.groups.removeContacts(id, contactIds), group: this.groups.get(id)! };
  }

  private mustManage(actor: Actor): void {
    if (!canManageContactLists(actor)) throw forbidden('only owners and admins manage contact groups');
  }
}
