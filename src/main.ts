import path from 'node:path';
import type { Logger } from 'winston';
import { createApp } from './api/create-app';
import { apiRoutes } from './api/api-routes';
import { startHttpServer, type RunningServer } from './api/http-server';
import { ConfigError, loadConfig, type Config } from './config';
import { systemClock } from './domain/clock';
import { createLogger } from './logger';
import { CampaignScheduler, systemTimers } from './services/campaign-scheduler';
import { createServices, type Services } from './services/create-services';
import { openDatabase } from './store/database';
import { migrate } from './store/migrator';
import { VERSION } from './version';
import { serveWeb } from './web/serve-web';

export interface RunningDialer {
  services: Services;
  http: RunningServer;
  stop(): Promise<void>;
}

async function bootstrapOwner(services: Services, config: Config, log: Logger): Promise<void> {
  const { username, password } = config.bootstrapOwner;
  if (services.repos.users.count() > 0) return;
  if (!username || !password) {
    log.warn('no users yet: create the first owner with `npm run user:add -- --role owner --username NAME` or set DIALER_BOOTSTRAP_OWNER_USERNAME and DIALER_BOOTSTRAP_OWNER_PASSWORD');
    return;
  }
  await services.users.createUnchecked({ username, displayName: username, role: 'owner', password });
  log.info('created the first owner from the environment', { username });
}

/** The composition root: nothing runs at import, everything is built and wired here. */
export async function startDialer(config: Config, log: Logger): Promise<RunningDialer> {
  const db = openDatabase(path.join(config.dataDir, 'dialer.db'));
  const { applied, version } = migrate(db);
  log.info('database ready', { file: db.name, schemaVersion: version, applied });
  const services = createServices(db, config, systemClock, log);
  await bootstrapOwner(services, config, log);
  const app = createApp({
    log, auth: services.auth, routes: apiRoutes(services), version: VERSION,
    health: () => ({ status: 'ok', db: db.open, telephony: 'not configured' }),
    beforeApi: (express) => serveWeb(express, services.auth),
  });
  const http = await startHttpServer(app, config.host, config.port);
  const scheduler = new CampaignScheduler(services.campaigns, systemClock, systemTimers, log.child({ component: 'campaign-scheduler' }));
  scheduler.start();
  return {
    services,
    http,
    stop: async () => {
      scheduler.stop();
      await http.stop();
      db.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel, file: config.logFile || undefined }).child({ component: 'main' });
  const dialer = await startDialer(config, log);
  log.info(`dialer ${VERSION} listening on ${dialer.http.url}`);
  process.stdout.write(`Dialer running at ${dialer.http.url}/\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    dialer.stop().then(() => process.exit(0), (err: unknown) => { log.error('shutdown failed', { err }); process.exit(1); });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`dialer failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
