import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'winston';
import { DialerError } from '../errors';
import type { AuthService } from '../services/auth-service';
import type { RouteContext, RouteSpec } from './route';
import { readSessionToken } from './session-token';
import { parseInput } from './validation';

export function mountRoutes(routes: RouteSpec[], auth: AuthService, log: Logger): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const token = readSessionToken(req);
        const actor = token ? auth.authenticate(token) : undefined;
        if (!route.public && !actor) throw new DialerError('E_UNAUTHENTICATED', 'login required');
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

function checkUploadType(req: Request, accepted: readonly string[]): void {
  const type = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (!accepted.includes(type)) {
    throw new DialerError('E_UNSUPPORTED_MEDIA', `send the file itself as the body with Content-Type ${accepted.join(', ')} (not ${type})`, 'body');
  }
}
