import type { PauseCodeService } from '../../services/pause-codes/pause-code-service';
import { ANY_USER, defineRoute, STAFF, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { pauseCodeBody, pauseCodeDto, pauseCodePatch } from '../schemas/pause-code-schemas';

/** Pause codes: admins manage them; agents read the active ones to pick from when they go not ready. */
export function pauseCodeRoutes(codes: PauseCodeService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/pause-codes', tag: 'pause codes', roles: ANY_USER, response: pauseCodeDto.array(),
      summary: 'The pause codes: all of them for owners and admins, the active ones for agents',
      handler: ({ actor }) => codes.list(actor),
    }),
    defineRoute({
      method: 'post', path: '/api/pause-codes', tag: 'pause codes', roles: STAFF, body: pauseCodeBody, response: pauseCodeDto, status: 201,
      summary: 'Add a pause code (owners and admins)',
      handler: ({ actor, body }) => codes.create(actor, body),
    }),
    defineRoute({
      method: 'patch', path: '/api/pause-codes/:id', tag: 'pause codes', roles: STAFF, params: idParams, body: pauseCodePatch, response: pauseCodeDto,
      summary: 'Change a pause code\'s code, label or active flag (owners and admins)',
      handler: ({ actor, params, body }) => codes.update(actor, params.id, body),
    }),
    defineRoute({
      method: 'delete', path: '/api/pause-codes/:id', tag: 'pause codes', roles: STAFF, params: idParams,
      summary: 'Delete a pause code; past not-ready time keeps the code (deactivate to keep its label)',
      handler: ({ actor, params }) => { codes.delete(actor, params.id); },
    }),
  ];
}
