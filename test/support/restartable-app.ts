import path from 'node:path';
import { apiRoutes } from '../../src/api/api-routes';
import { createApp } from '../../src/api/create-app';
import { startHttpServer } from '../../src/api/http-server';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { CampaignScheduler } from '../../src/services/campaign-scheduler';
import { createServices, type Services } from '../../src/services/create-services';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { VERSION } from '../../src/version';
import type { ManualTimers } from './manual-timers';
import type { ManualClock, TestApp } from './test-app';

export interface RestartableApp extends Pick<TestApp, 'request'> {
  services: Services;
  scheduler: CampaignScheduler;
  /** Stops the scheduler and the server and closes the database, leaving the file for the next start. */
  close(): Promise<void>;
}

/**
 * A whole process over the database file in `dir`, wired like main.ts but with the test's clock and
 * timers: closing one and starting another on the same dir is a restart.
 */
export async function startAppOn(dir: string, clock: ManualClock, timers: ManualTimers): Promise<RestartableApp> {
  const config = loadConfig({ env: {}, localFile: path.join(dir, 'none.json'), overrides: { dataDir: dir, port: 0, logFile: '' } });
  const log = createLogger({ level: 'error', console: false });
  const db = openDatabase(path.join(dir, 'dialer.db'));
  migrate(db);
  const services = createServices(db, config, clock, log);
  const app = createApp({ log, auth: services.auth, routes: apiRoutes(services), version: VERSION, health: () => ({ status: 'ok', db: db.open, telephony: 'none' }) });
  const http = await startHttpServer(app, '127.0.0.1', 0);
  const scheduler = new CampaignScheduler(services.campaigns, clock, timers, log);
  scheduler.start();
  return {
    services,
    scheduler,
    async request(method, urlPath, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(http.url + urlPath, { method, headers, body });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    async close() {
      scheduler.stop();
      await http.stop();
      db.close();
    },
  };
}
