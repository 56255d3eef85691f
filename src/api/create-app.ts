import express, { type Express } from 'express';
import type { Logger } from 'winston';
import { DialerError } from '../errors';
import type { AuthService } from '../services/auth-service';
import { errorMiddleware } from './error-middleware';
import { mountRoutes } from './mount-routes';
import { buildOpenApiDocument } from './openapi';
import { requestContext } from './request-context';
import { ANY_USER, defineRoute, type RouteSpec } from './route';
import { z } from 'zod';
import { timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';

export interface HealthReport {
  status: 'ok' | 'degraded';
  db: boolean;
  telephony: string;
}

export interface AppDeps {
  log: Logger;
  auth: AuthService;
  routes: RouteSpec[];
  version: string;
  /** Also the readiness answer: ready when the database is open and telephony is `ready`. */
  health: () => HealthReport;
  /** Believe X-Forwarded-* from a proxy on loopback (req.secure, req.ip). */
  trustProxy?: boolean;
  /** GET /metrics: the app's Prometheus registry and the bearer token scrapers send (unset: /metrics answers 404). */
  metrics?: { registry: Registry; token: string | undefined };
  /** Extra middleware mounted before the API (static pages). */
  beforeApi?: (app: Express) => void;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Every route of the app, including the ones this file adds, so tests and the OpenAPI document see the same table. */
export function allRoutes(deps: Pick<AppDeps, 'routes' | 'health' | 'version' | 'metrics'>): RouteSpec[] {
  const routes: RouteSpec[] = [
    defineRoute({
      method: 'get', path: '/health', tag: 'system', public: true, summary: 'Liveness: 200 while the process serves requests',
      response: z.object({ status: z.enum(['ok', 'degraded']), db: z.boolean(), telephony: z.string() }),
      handler: () => deps.health(),
    }),
    defineRoute({
      method: 'get', path: '/ready', tag: 'system', public: true, summary: 'Readiness: 200 when ARI is ready and the database open, else 503 E_NOT_READY',
      response: z.object({ ready: z.literal(true), db: z.boolean(), telephony: z.string() }),
      handler: () => {
        const { db, telephony } = deps.health();
        if (!db || telephony !== 'ready') throw new DialerError('E_NOT_READY', `not ready: database ${db ? 'open' : 'closed'}, telephony ${telephony}`);
        return { ready: true, db, telephony };
      },
    }),
    defineRoute({
      method: 'get', path: '/metrics', tag: 'system', public: true, produces: 'text/plain',
      summary: 'Prometheus metrics; needs Authorization: Bearer <metrics.token>, not a session. 404 when metrics.token is unset, 401 on a missing or wrong token',
      handler: async ({ req, res }) => {
        const metrics = deps.metrics;
        if (!metrics?.token) throw new DialerError('E_NOT_FOUND', 'metrics are off: set metrics.token');
        if (!tokenMatches(req.headers.authorization, metrics.token)) throw new DialerError('E_UNAUTHENTICATED', 'metrics need the bearer token of metrics.token');
        const text = await metrics.registry.metrics();
        res.status(200).type(metrics.registry.contentType).send(text);
      },
    }),
    ...deps.routes,
  ];
  let document: object | undefined;
  routes.push(defineRoute({
    method: 'get', path: '/api/openapi.json', tag: 'system', roles: ANY_USER, summary: 'This API as an OpenAPI 3 document',
    handler: () => (document ??= buildOpenApiDocument(routes, deps.version)),
  }));
  return routes;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7).trim());
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy) app.set('trust proxy', 'loopback');
  app.use(requestContext(deps.log));
  app.use((_req, res, next) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    next();
  });
  app.use(express.json({ limit: '1mb', strict: false }));
  deps.beforeApi?.(app);
  app.use(mountRoutes(allRoutes(deps), deps.auth, deps.log));
  app.use('/api', (_req, _res, next) => next(Object.assign(new Error('no such route'), { status: 404 })));
  app.use(errorMiddleware(deps.log));
  return app;
}
