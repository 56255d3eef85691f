import { z } from 'zod';
import type { ContactListService } from '../../services/contact-list-service';
import type { ContactService } from '../../services/contact-service';
import { ANY_USER, STAFF, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { contactGroupBody, contactGroupDto, contactIdsBody, groupMembersBody, savedFilterBody, savedFilterDto } from '../schemas/contact-schemas';
import { toContactQuery } from './contact-routes';

/** Saved filters and contact groups. */
export function contactListRoutes(lists: ContactListService, contacts: ContactService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/contact-filters', tag: 'contacts', roles: ANY_USER, summary: 'Saved filters: mine and the shared ones',
      response: z.object({ filters: z.array(savedFilterDto) }),
      handler: ({ actor }) => ({ filters: lists.listFilters(actor) }),
    }),
    defineRoute({
      method: 'post', path: '/api/contact-filters', tag: 'contacts', roles: ANY_USER, summary: 'Save a filter', body: savedFilterBody, response: savedFilterDto,
      handler: ({ actor, body }) => lists.saveFilter(actor, { name: body.name, shared: body.shared, filter: contacts.resolveFilter(actor, toContactQuery(body.filter)) }),
    }),
    defineRoute({
      method: 'get', path: '/api/contact-filters/:id', tag: 'contacts', roles: ANY_USER, summary: 'One saved filter', params: idParams, response: savedFilterDto,
      handler: ({ actor, params }) => lists.getFilter(actor, params.id),
    }),
    defineRoute({
      method: 'put', path: '/api/contact-filters/:id', tag: 'contacts', roles: ANY_USER, summary: 'Replace a saved filter', params: idParams, body: savedFilterBody, response: savedFilterDto,
      handler: ({ actor, params, body }) => lists.saveFilter(actor, {
        id: params.id, name: body.name, shared: body.shared, filter: contacts.resolveFilter(actor, toContactQuery(body.filter)),
      }),
    }),
    defineRoute({
      method: 'delete', path: '/api/contact-filters/:id', tag: 'contacts', roles: ANY_USER, summary: 'Delete a saved filter', params: idParams,
      handler: ({ actor, params }) => { lists.deleteFilter(actor, params.id); },
    }),
    defineRoute({
      method: 'get', path: '/api/contact-groups', tag: 'contacts', roles: STAFF, summary: 'Contact groups', response: z.object({ groups: z.array(contactGroupDto) }),
      handler: ({ actor }) => ({ groups: lists.listGroups(actor) }),
    }),
    defineRoute({
      method: 'post', path: '/api/contact-groups', tag: 'contacts', roles: STAFF, summary: 'Create a contact group', body: contactGroupBody, response: contactGroupDto,
      handler: ({ actor, body }) => lists.saveGroup(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/contact-groups/:id', tag: 'contacts', roles: STAFF, summary: 'One contact group', params: idParams, response: contactGroupDto,
      handler: ({ actor, params }) => lists.getGroup(actor, params.id),
    }),
    defineRoute({
      method: 'put', path: '/api/contact-groups/:id', tag: 'contacts', roles: STAFF, summary: 'Rename or describe a contact group', params: idParams, body: contactGroupBody, response: contactGroupDto,
      handler: ({ actor, params, body }) => lists.saveGroup(actor, { ...body, id: params.id }),
    }),
    defineRoute({
      method: 'delete', path: '/api/contact-groups/:id', tag: 'contacts', roles: STAFF, summary: 'Delete a contact group (its contacts stay)', params: idParams,
      handler: ({ actor, params }) => { lists.deleteGroup(actor, params.id); },
    }),
    defineRoute({
      method: 'post', path: '/api/contact-groups/:id/members', tag: 'contacts', roles: STAFF, summary: 'Add contacts by id or every contact matching a filter',
      params: idParams, body: groupMembersBody, response: z.object({ added: z.number(), group: contactGroupDto }), status: 200,
      handler: ({ actor, params, body }) => lists.addToGroup(actor, params.id,
        body.contactIds ? { contactIds: body.contactIds } : { filter: contacts.resolveFilter(actor, toContactQuery(body.filter ?? {})) }),
    }),
    defineRoute({
      method: 'post', path: '/api/contact-groups/:id/members/remove', tag: 'contacts', roles: STAFF, summary: 'Remove contacts from the group',
      params: idParams, body: contactIdsBody, response: z.object({ removed: z.number(), group: contactGroupDto }), status: 200,
      handler: ({ actor, params, body }) => lists.removeFromGroup(actor, params.id, body.contactIds),
    }),
  ];
}
