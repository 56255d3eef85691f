import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'winston';
import { DialerError } from '../errors';
import type { Role } from '../domain/roles';
import type { AuthService } from '../services/auth-service';
import type { RouteContext, RouteSpec } from './route';
import { sameOrigin } from './same-origin';
import { readSessionToken } from './session-token';
import { parseInput } from './validation';

export function mountRoutes(routes: RouteSpec[], auth: AuthService, log: Logger): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        if (route.method !== 'get' && !sameOrigin(req)) throw new DialerError('E_FORBIDDEN', 'cross-site request refused: Origin is not this server');
        if (route.method !== 'get' && !route.upload) requireJsonBody(req);
        const token = readSessionToken(req);
        const actor = token ? auth.authenticate(token) : undefined;
        if (!route.public) {
          if (!actor) throw new DialerError('E_UNAUTHENTICATED', 'login required');
          // The role gate, before the path, query or body is looked at (an agent's upload to an admin route is never read).
          if (!route.roles.includes(actor.role)) throw new DialerError('E_FORBIDDEN', roleRefusal(`${req.method} ${req.path}`, route.roles, actor.role));
        }
        if (route.upload) checkUploadType(req, route.upload);
        const ctx: RouteContext<unknown, unknown, unknown> = {
          params: route.params ? parseInput(route.params, req.params, 'params') : req.params,
          query: route.query ? parseInput(route.query, req.query, 'query') : undefined,
          body: route.body ? parseInput(route.body, req.body, 'body') : undefined,
          actor: actor!,
          req, res, token,
          log: actor ? log.child({ userId: actor.id }) : log,
        };
        const result = await route.handler(ctx as never);
        if (res.headersSent) return;
        if (result === undefined) res.status(204).end();
        else res.status(route.status ?? (route.method === 'post' ? 201 : 200)).json(result);
      } catch (err) {
        next(err);
      }
    });
  }
  return router;
}

const PLURAL: Record<Role, string> = { owner: 'owners', admin: 'admins', agent: 'agents' };

/** What the role gate answers: which roles the route is for, and the caller's. */
export function roleRefusal(request: string, roles: readonly Role[], role: Role): string {
  const names = roles.map((r) => PLURAL[r]);
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'nobody');
  return `${request} is for ${who} only (your role: ${role})`;
}

function checkUploadType(req: Request, accepted: readonly string[]): void {
  const type = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (!accepted.includes(type)) {
    throw new DialerError('E_UNSUPPORTED_MEDIA', `send the file itself as the body with Content-Type ${accepted.join(', ')} (not ${type})`, 'body');
  }
}

/** A body on a JSON route must say it is JSON: a form or text/plain post is what another site can make a browser send. */
function requireJsonBody(req: Request): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new DialerError('E_UNSUPPORTED_MEDIA', `send the body as JSON with Content-Type application/json (not ${type || 'none'})`, 'body');
  }
}
