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
import { topicAuthorizer } from './api/topic-authorizer';
import { WsHub } from './api/ws-hub';
import type { DialerEngine } from './dialer/dialer-engine';
import type { Notifier } from './dialer/dialer-ports';
import { createDialer, dialerTelephonyOf } from './services/create-dialer';
import { startDemoSimulator } from './simulator/start-demo-simulator';
import type { AriSimulator } from './simulator/start-ari-simulator';
import { createTelephony } from './telephony/create-telephony';
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

/** The AMD step of dialplan/extensions_dialer.conf, for the demo simulator to re-enter Stasis the same way. */
const OUR_AMD_STASIS = '${DIALER_APP},${DIALER_ROLE},${DIALER_REF},amd,${AMDSTATUS},${AMDCAUSE}';

/** With no ARI URL configured: the simulator on the wall clock, with demo customers and agents (demo mode). */
async function demoAri(config: Config, log: Logger): Promise<AriSimulator | undefined> {
  if (config.ari.url) return undefined;
  const sim = await startDemoSimulator({
    user: config.ari.user, password: config.ari.password, log, amdContext: config.telephony.customerContext, amdStasis: OUR_AMD_STASIS,
  });
  log.warn('demo mode: no ari.url configured, calls go to the built-in ARI simulator', { url: sim.url });
  return sim;
}

/** The composition root: nothing runs at import, everything is built and wired here. */
export async function startDialer(config: Config, log: Logger): Promise<RunningDialer> {
  const db = openDatabase(path.join(config.dataDir, 'dialer.db'));
  const { applied, version } = migrate(db);
  log.info('database ready', { file: db.name, schemaVersion: version, applied });
  const services = createServices(db, config, systemClock, log);
  await bootstrapOwner(services, config, log);
  const demo = await demoAri(config, log);
  const holder: { engine?: DialerEngine; hub?: WsHub } = {};
  const telephony = createTelephony({
    config: { ...config, ari: { ...config.ari, url: config.ari.url ?? demo?.url } }, log, clock: systemClock,
    onNotice: (e) => holder.engine?.onNotice(e),
    onFinished: (r) => holder.engine?.onCallRecord(r),
    onCallbackRequest: (n, at) => holder.engine?.onCallbackRequest(n, at),
  });
  const notifier: Notifier = {
    toUser: (userId, m) => { holder.hub?.sendToUser(userId, m); },
    toTopic: (topic, m) => { holder.hub?.publish(topic, m); },
    isWatched: (topic) => holder.hub?.isFollowed(topic) ?? false,
  };
  const engine = createDialer({ services, telephony: dialerTelephonyOf(telephony), notifier, clock: systemClock, timers: systemTimers, log });
  holder.engine = engine;
  const app = createApp({
    log, auth: services.auth, routes: apiRoutes(services, () => engine), version: VERSION,
    health: () => ({ status: telephony.port.status === 'ready' ? 'ok' : 'degraded', db: db.open, telephony: telephony.port.status }),
    beforeApi: (express) => serveWeb(express, services.auth),
  });
  const http = await startHttpServer(app, config.host, config.port);
  holder.hub = new WsHub({ server: http.server, auth: services.auth, log: log.child({ component: 'ws' }), authorizeTopic: topicAuthorizer(services.campaigns) });
  const scheduler = new CampaignScheduler(services.campaigns, systemClock, systemTimers, log.child({ component: 'campaign-scheduler' }));
  scheduler.start();
  // The engine first: it must hear the first orphan report telephony makes on connecting.
  engine.start();
  telephony.start();
  return {
    services,
    http,
    stop: async () => {
      scheduler.stop();
      engine.stop();
      await telephony.stop();
      holder.hub?.close();
      await http.stop();
      await demo?.stop();
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
