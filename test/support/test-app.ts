import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'winston';
import { apiRoutes } from '../../src/api/api-routes';
import { createApp } from '../../src/api/create-app';
import type { RouteSpec } from '../../src/api/route';
import { createMetrics } from '../../src/api/metrics';
import { MetricsQueries } from '../../src/store/metrics/metrics-queries';
import { Registry } from 'prom-client';
import { startHttpServer, type RunningServer } from '../../src/api/http-server';
import { loadConfig, type Config } from '../../src/config';
import type { Clock } from '../../src/domain/clock';
import type { Role } from '../../src/domain/roles';
import { createLogger } from '../../src/logger';
import { createServices, type Services } from '../../src/services/create-services';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { VERSION } from '../../src/version';
import { serveWeb } from '../../src/web/serve-web';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date('2026-11-25T08:00:00Z')) {}
  now(): Date { return new Date(this.current); }
  set(d: Date): void { this.current = new Date(d); }
  advance(ms: number): void { this.current = new Date(this.current.getTime() + ms); }
}

export interface TestApp {
  url: string;
  services: Services;
  clock: ManualClock;
  config: Config;
  http: RunningServer;
  close(): Promise<void>;
  /** Creates a user directly and returns a bearer token for it. */
  login(role: Role, username?: string, extra?: { extension?: string }): Promise<{ token: string; id: number }>;
  request(method: string, urlPath: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

let counter = 0;

/**
 * `log` replaces the silent logger, for tests that read what the app logged; `routes` replaces the API's
 * route table (a test that takes the role gate away to see the services refuse on their own).
 */
export async function startTestApp(
  overrides: Record<string, unknown> = {}, options: { log?: Logger; routes?: (s: Services) => RouteSpec[] } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialer-test-'));
  const config = loadConfig({ env: {}, localFile: path.join(dir, 'none.json'), overrides: { dataDir: dir, port: 0, logFile: '', recordings: { dir: path.join(dir, 'recordings') }, ...overrides } });
  const log = options.log ?? createLogger({ level: 'error', console: false });
  const db = openDatabase(path.join(dir, 'dialer.db'));
  migrate(db);
  const clock = new ManualClock();
  const services = createServices(db, config, clock, log);
  const metrics = createMetrics({ registry: new Registry(), callRecords: services.repos.callRecords, telephonyStatus: () => 'ready', queries: new MetricsQueries(db) });
  const app = createApp({ log, auth: services.auth, metrics: { registry: metrics.registry, token: config.metrics.token }, routes: (options.routes ?? apiRoutes)(services), version: VERSION, trustProxy: config.trustProxy, health: () => ({ status: 'ok', db: db.open, telephony: 'none' }), beforeApi: (e) => serveWeb(e, services.auth) });
  const http = await startHttpServer(app, '127.0.0.1', 0);
  const request: TestApp['request'] = async (method, urlPath, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(http.url + urlPath, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    url: http.url, services, clock, config, http, request,
    async close() {
      await services.crm.imports.stop();
      await http.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async login(role, username, extra) {
      const name = username ?? `${role}${++counter}`;
      const password = 'correct horse battery';
      const user = await services.users.createUnchecked({ username: name, displayName: name, role, password, extension: extra?.extension ?? null });
      const { token } = await services.auth.login(name, password);
      return { token, id: user.id };
    },
  };
}

/** A fresh app for each test with an admin signed in; `set` receives both (the test keeps them in its own variables). */
export function withTestApp(set: (app: TestApp, adminToken: string) => void): void {
  let app: TestApp | undefined;
  beforeEach(async () => {
    app = await startTestApp();
    set(app, (await app.login('admin')).token);
  });
  afterEach(async () => { await app?.close(); });
}
