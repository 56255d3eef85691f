import { apiRoutes } from '../../../src/api/api-routes';
import { createApp } from '../../../src/api/create-app';
import { startHttpServer, type RunningServer } from '../../../src/api/http-server';
import type { Role } from '../../../src/domain/roles';
import { createLogger } from '../../../src/logger';
import { VERSION } from '../../../src/version';
import type { EngineHarness } from './engine-harness';

const log = createLogger({ level: 'error', console: false });
const PASSWORD = 'correct horse battery';

/** The product's API over HTTP in front of an engine harness, with named users signed in. */
export interface EngineHttp {
  readonly http: RunningServer;
  readonly tokens: Record<string, string>;
  readonly ids: Record<string, number>;
  /** A request as `who` (no session when omitted); the body parsed from JSON. */
  call(method: string, path: string, who?: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export async function startEngineHttp(h: EngineHarness, users: ReadonlyArray<readonly [string, Role, string | null]>): Promise<EngineHttp> {
  const s = h.services;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  for (const [name, role, extension] of users) {
    ids[name] = (await s.users.createUnchecked({ username: name, displayName: name, role, password: PASSWORD, extension })).id;
    tokens[name] = (await s.auth.login(name, PASSWORD)).token;
  }
  const app = createApp({ log, auth: s.auth, routes: apiRoutes(s, () => h.engine), version: VERSION, health: () => ({ status: 'ok', db: true, telephony: 'ready' }) });
  const http = await startHttpServer(app, '127.0.0.1', 0);
  return {
    http, tokens, ids,
    call: async (method, path, who, body) => {
      const headers: Record<string, string> = {};
      if (who) headers.authorization = `Bearer ${tokens[who]}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(http.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}
