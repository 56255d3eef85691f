import { z } from 'zod';
import type { UserService } from '../../services/user-service';
import { ANY_USER, STAFF, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { createUserBody, groupBody, groupDto, updateUserBody, userDto } from '../schemas/user-schemas';

export function userRoutes(users: UserService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/users', tag: 'users', roles: ANY_USER, summary: 'List users (agents see only themselves)',
      response: z.object({ users: z.array(userDto) }),
      handler: ({ actor }) => ({ users: users.list(actor) }),
    }),
    defineRoute({
      method: 'post', path: '/api/users', tag: 'users', roles: STAFF, summary: 'Create a user (owners: any role; admins: agents)',
      body: createUserBody, response: userDto,
      handler: ({ actor, body }) => users.create(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/users/:id', tag: 'users', roles: ANY_USER, summary: 'One user', params: idParams, response: userDto,
      handler: ({ actor, params }) => users.get(actor, params.id),
    }),
    defineRoute({
      method: 'patch', path: '/api/users/:id', tag: 'users', roles: ANY_USER, summary: 'Change a user; a new password ends their sessions',
      params: idParams, body: updateUserBody, response: userDto,
      handler: ({ actor, params, body }) => users.update(actor, params.id, body),
    }),
    defineRoute({
      method: 'delete', path: '/api/users/:id', tag: 'users', roles: STAFF, summary: 'Delete a user without history', params: idParams,
      handler: ({ actor, params }) => { users.delete(actor, params.id); },
    }),
    defineRoute({
      method: 'get', path: '/api/groups', tag: 'groups', roles: STAFF, summary: 'List agent groups', response: z.object({ groups: z.array(groupDto) }),
      handler: ({ actor }) => ({ groups: users.listGroups(actor) }),
    }),
    defineRoute({
      method: 'post', path: '/api/groups', tag: 'groups', roles: STAFF, summary: 'Create an agent group', body: groupBody, response: groupDto,
      handler: ({ actor, body }) => users.saveGroup(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/groups/:id', tag: 'groups', roles: STAFF, summary: 'One agent group', params: idParams, response: groupDto,
      handler: ({ actor, params }) => users.getGroup(actor, params.id),
    }),
    defineRoute({
      method: 'put', path: '/api/groups/:id', tag: 'groups', roles: STAFF, summary: 'Replace an agent group', params: idParams, body: groupBody, response: groupDto,
      handler: ({ actor, params, body }) => users.saveGroup(actor, { ...body, id: params.id }),
    }),
    defineRoute({
      method: 'delete', path: '/api/groups/:id', tag: 'groups', roles: STAFF, summary: 'Delete an agent group', params: idParams,
      handler: ({ actor, params }) => { users.deleteGroup(actor, params.id); },
    }),
  ];
}
