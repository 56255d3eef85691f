import type { Request, Response } from 'express';
import type { Logger } from 'winston';
import type { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';
import type { AuthenticatedUser } from '../services/auth-service';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Present on every route that is not public. */
  actor: AuthenticatedUser;
  req: Request;
  res: Response;
  log: Logger;
  /** The session token of this request (for logout). */
  token?: string;
}

/** Who may call a route: every signed-in user, or some roles only (the route's own `roles`). */
export const ANY_USER: readonly Role[] = ROLES;
export const STAFF: readonly Role[] = ['owner', 'admin'];
export const OWNERS: readonly Role[] = ['owner'];
export const AGENTS: readonly Role[] = ['agent'];

/**
 * Every route says who may call it, so a route cannot be added without deciding: public (no session,
 * then no roles), or the roles whose users mountRoutes lets reach the handler (403 for the others).
 * Services still check per resource (an admin's own campaigns, an agent's own contacts).
 */
export type RouteAccess =
  | { public: true; roles?: never }
  | { public?: false; roles: readonly Role[] };

/**
 * One route: its validation schemas serve both the request parsing and the OpenAPI document,
 * so the two cannot drift apart. A handler that returns undefined answers 204.
 */
export type RouteSpec<
  PS extends z.ZodType | undefined = z.ZodType | undefined,
  QS extends z.ZodType | undefined = z.ZodType | undefined,
  BS extends z.ZodType | undefined = z.ZodType | undefined,
> = RouteFields<PS, QS, BS> & RouteAccess;

interface RouteFields<PS extends z.ZodType | undefined, QS extends z.ZodType | undefined, BS extends z.ZodType | undefined> {
  method: HttpMethod;
  /** Express path syntax: /api/campaigns/:id */
  path: string;
  summary: string;
  tag: string;
  params?: PS;
  query?: QS;
  body?: BS;
  response?: z.ZodType;
  /** Status of a successful answer with a body (default 200, 201 for POST that creates). */
  status?: number;
  /** For routes that answer with something other than JSON (files, pages). */
  produces?: string;
  /**
   * File uploads: the body is the raw file in one of these media types, not JSON. It is left unread for
   * the handler to stream (after authentication), so `body` must not be set.
   */
  upload?: readonly string[];
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>>) => unknown;
}

export function defineRoute<
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<PS, QS, BS>): RouteSpec {
  return spec as unknown as RouteSpec;
}
