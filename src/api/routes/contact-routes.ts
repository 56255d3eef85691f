import type { ContactQuery, ContactService } from '../../services/contact-service';
import { ANY_USER, STAFF, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { noBody } from '../schemas/pagination';
import {
  assignBody, contactDto, contactPageDto, contactSearchQuery, createContactBody, doNotContactBody, updateContactBody,
} from '../schemas/contact-schemas';

/** API filter fields → a contact query; a bare `createdTo` date covers that whole day. */
export function toContactQuery(q: {
  name?: string; phone?: string; tag?: string[]; stage?: string; agentId?: number | 'none'; createdFrom?: string;
  createdTo?: string; groupId?: number; doNotContact?: boolean; savedFilterId?: number;
}): ContactQuery {
  const query: ContactQuery = {};
  if (q.name !== undefined) query.name = q.name;
  if (q.phone !== undefined) query.phone = q.phone;
  if (q.tag !== undefined) query.tags = q.tag;
  if (q.stage !== undefined) query.stage = q.stage;
  if (q.agentId !== undefined) query.agentId = q.agentId;
  if (q.createdFrom !== undefined) query.createdFrom = q.createdFrom.length === 10 ? `${q.createdFrom}T00:00:00.000Z` : new Date(q.createdFrom).toISOString();
  if (q.createdTo !== undefined) query.createdTo = q.createdTo.length === 10 ? `${q.createdTo}T23:59:59.999Z` : new Date(q.createdTo).toISOString();
  if (q.groupId !== undefined) query.groupId = q.groupId;
  if (q.doNotContact !== undefined) query.doNotContact = q.doNotContact;
  if (q.savedFilterId !== undefined) query.savedFilterId = q.savedFilterId;
  return query;
}

export function contactRoutes(contacts: ContactService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/contacts', tag: 'contacts', roles: ANY_USER, summary: 'Search contacts (name, phone in any form, tags, stage, agent, created range), paginated and sorted',
      query: contactSearchQuery, response: contactPageDto,
      handler: ({ actor, query }) => contacts.search(actor, toContactQuery(query), {
        limit: query.limit, offset: query.offset, sort: query.sort, order: query.order ?? (query.sort === 'name' ? 'asc' : 'desc'),
      }),
    }),
    defineRoute({
      method: 'post', path: '/api/contacts', tag: 'contacts', roles: ANY_USER,
      summary: 'Create a contact; with a mobile number it goes to its agent creator or round robin to the agents who are ON',
      body: createContactBody, response: contactDto,
      handler: ({ actor, body }) => {
        const { allowSharedPhones, ...input } = body;
        return contacts.create(actor, input, allowSharedPhones);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/contacts/:id', tag: 'contacts', roles: ANY_USER, summary: 'One contact', params: idParams, response: contactDto,
      handler: ({ actor, params }) => contacts.get(actor, params.id),
    }),
    defineRoute({
      method: 'patch', path: '/api/contacts/:id', tag: 'contacts', roles: ANY_USER, summary: 'Change a contact; lists (phones, tags, custom fields) are replaced whole',
      params: idParams, body: updateContactBody, response: contactDto,
      handler: ({ actor, params, body }) => {
        const { allowSharedPhones, ...patch } = body;
        return contacts.update(actor, params.id, patch, allowSharedPhones);
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/contacts/:id', tag: 'contacts', roles: STAFF, summary: 'Delete a contact', params: idParams,
      handler: ({ actor, params }) => { contacts.delete(actor, params.id); },
    }),
    defineRoute({
      method: 'post', path: '/api/contacts/:id/assign', tag: 'leads', roles: STAFF, summary: 'Reassign the contact to a chosen agent', status: 200,
      params: idParams, body: assignBody, response: contactDto,
      handler: ({ actor, params, body }) => contacts.assign(actor, params.id, body.agentId),
    }),
    defineRoute({
      method: 'post', path: '/api/contacts/:id/unassign', tag: 'leads', roles: STAFF, summary: 'Put the contact back in the lead pool', status: 200,
      params: idParams, body: noBody, response: contactDto,
      handler: ({ actor, params }) => contacts.assign(actor, params.id, null),
    }),
    defineRoute({
      method: 'put', path: '/api/contacts/:id/do-not-contact', tag: 'contacts', roles: ANY_USER,
      summary: 'Mark "do not contact" with a reason; its numbers join the DNC list', params: idParams, body: doNotContactBody, response: contactDto,
      handler: ({ actor, params, body }) => contacts.setDoNotContact(actor, params.id, true, body.reason),
    }),
    defineRoute({
      method: 'delete', path: '/api/contacts/:id/do-not-contact', tag: 'contacts', roles: STAFF,
      summary: 'Clear "do not contact" (and the DNC entries it made)', params: idParams, response: contactDto, status: 200,
      handler: ({ actor, params }) => contacts.setDoNotContact(actor, params.id, false, null),
    }),
  ];
}
