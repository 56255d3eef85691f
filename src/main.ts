import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'winston';
import { createApp } from './api/create-app';
import { insecureCookieWarning } from './api/cookie-warning';
import { createMetrics } from './api/metrics';
import { MetricsQueries } from './store/metrics/metrics-queries';
import { OffThreadCheckpoints } from './store/wal-checkpoint/off-thread-checkpoints';
import { Registry } from 'prom-client';
import { apiRoutes } from './api/api-routes';
import { startHttpServer, type RunningServer } from './api/http-server';
import { ConfigError, loadConfig, type Config } from './config';
import { systemClock, systemTimers } from './domain/clock';
import { createLogger } from './logger';
import { CampaignScheduler } from './services/campaign-scheduler';
import { createServices, type Services } from './services/create-services';
import { seedDemoCampaigns } from './demo/seed-demo-campaigns';
import { seedDemoUsers } from './demo/seed-demo-users';
import { demoAgentIds } from './demo/agents/demo-agent-ids';
import { SimulatedAgents } from './demo/agents/simulated-agents';
import { seedDemoHistory } from './demo/history/seed-demo-history';
import type { Campaign } from './domain/campaign';
import { createSeededRandom } from './domain/dialer/seeded-random';
import type { DemoPbx } from './demo/start-demo-pbx';
import { startTelephony, type RunningTelephony } from './start-telephony';
import { openDatabase } from './store/database';
import { migrate } from './store/migrator';
import { removePidFile, writePidFile } from './store/pid-file';
import { VERSION } from './version';
import { topicAuthorizer } from './api/topic-authorizer';
import { WsHub } from './api/ws-hub';
import type { DialerEngine } from './dialer/dialer-engine';
import type { Notifier } from './dialer/dialer-ports';
import { createDialer, dialerTelephonyOf } from './services/create-dialer';
import { serveWeb } from './web/serve-web';

export interface RunningDialer {
  services: Services;
  http: RunningServer;
  telephony: RunningTelephony;
  stop(): Promise<void>;
}

/** An empty database gets its first owner from the environment, or demo users in demo mode; else a hint. */
async function firstUsers(services: Services, config: Config, log: Logger, demo: DemoPbx | undefined): Promise<void> {
  const { username, password } = config.bootstrapOwner;
  if (services.repos.users.count() > 0) return;
  if (username && password) {
    await services.users.createUnchecked({ username, displayName: username, role: 'owner', password });
    log.info('created the first owner from the environment', { username });
    return;
  }
  if (demo) {
    const logins = await seedDemoUsers(services, demo.agentExtensions, log);
    // Shown once, on stdout only (never in the log file): the database keeps only its hash.
    if (!logins) return;
    process.stdout.write(`Demo users ${logins.usernames.join(', ')} created; their password (shown only now): ${logins.password}\n`);
    const ids = logins.usernames.map((u) => services.repos.users.findByUsername(u)!);
    const agentIds = ids.filter((u) => u.role === 'agent').map((u) => u.id);
    const campaigns = await seedDemoCampaigns(services, ids[0]!.id, agentIds, log);
    if (config.demo.historyDays > 0) seedHistory(services, campaigns, agentIds, ids[0]!.id, config.demo.historyDays, log);
    return;
  }
  log.warn('no users yet: create the first owner with `npm run user:add -- --role owner --username NAME` or set DIALER_BOOTSTRAP_OWNER_USERNAME and DIALER_BOOTSTRAP_OWNER_PASSWORD');
}

/** A fresh demo database gets a month (demo.historyDays) of generated calls, so every report has something to show. */
function seedHistory(services: Services, campaigns: Campaign[], agentIds: number[], ownerId: number, days: number, log: Logger): void {
  const started = performance.now();
  const counts = seedDemoHistory(services.db, {
    campaigns, agentIds, ownerId, days, now: systemClock.now(), random: createSeededRandom(20_261_207),
    scriptOf: (id) => services.repos.scripts.get(id),
  });
  log.info('demo history seeded', { days, ...counts, ms: Math.round(performance.now() - started) });
}

/** Demo mode: every demo agent but agent1 works the demo campaigns by itself (demo.simulatedAgents). */
function simulatedAgents(services: Services, engine: DialerEngine, log: Logger): SimulatedAgents {
  return new SimulatedAgents({
    engine, timers: systemTimers, clock: systemClock, random: Math.random, log,
    agentIds: demoAgentIds(services.repos.users.list()),
    scriptOf: (id) => services.repos.scripts.get(id),
    pauseCodes: () => services.pauseCodes.list({ id: 0, role: 'agent' }).map((c) => c.code),
  });
}

/** The composition root: nothing runs at import, everything is built and wired here. */
export async function startDialer(config: Config, log: Logger): Promise<RunningDialer> {
  const db = openDatabase(path.join(config.dataDir, 'dialer.db'));
  const { applied, version } = migrate(db);
  log.info('database ready', { file: db.name, schemaVersion: version, applied });
  const services = createServices(db, config, systemClock, log);
  const checkpoints = new OffThreadCheckpoints(db, log, { skip: () => services.crm.imports.running > 0 });
  const holder: { engine?: DialerEngine; hub?: WsHub; demoAgents?: SimulatedAgents } = {};
  const telephony = await startTelephony({
    config, log, clock: systemClock,
    handlers: {
      onNotice: (e) => holder.engine?.onNotice(e),
      onFinished: (r, flowId) => holder.engine?.onCallRecord(r, flowId),
      onCallbackRequest: (n, at) => holder.engine?.onCallbackRequest(n, at),
      pickInboundAgent: (_flowId, _meta, tried) => holder.engine?.inbound.pick(tried) ?? { agent: null, anyOn: false },
      inboundContact: (n) => holder.engine?.inbound.contactOf(n)?.id,
    },
  });
  await firstUsers(services, config, log, telephony.demo);
  const notifier: Notifier = {
    toUser: (userId, m) => { holder.hub?.sendToUser(userId, m); holder.demoAgents?.heard(userId, m); },
    toTopic: (topic, m) => { holder.hub?.publish(topic, m); },
    isWatched: (topic) => holder.hub?.isFollowed(topic) ?? false,
  };
  const engine = createDialer({ services, telephony: dialerTelephonyOf(telephony.telephony), notifier, clock: systemClock, timers: systemTimers, log });
  holder.engine = engine;
  // Never in production mode: only the built-in simulator (no ari.url) brings simulated agents.
  if (telephony.demo && config.demo.simulatedAgents) holder.demoAgents = simulatedAgents(services, engine, log);
  const cookieWarning = insecureCookieWarning(config.host, config.cookieSecure, config.trustProxy);
  if (cookieWarning) log.warn(cookieWarning);
  const metrics = createMetrics({
    registry: new Registry(), callRecords: services.repos.callRecords, telephonyStatus: () => telephony.status(), live: () => engine.snapshots(),
    queries: new MetricsQueries(db), campaignTimezone: (id) => services.repos.campaigns.get(id)?.timezone,
  });
  telephony.telephony.port.onStatus((s) => metrics.telephonyStatusChanged(s));
  metrics.telephonyStatusChanged(telephony.status());
  const app = createApp({
    log, auth: services.auth, metrics: { registry: metrics.registry, token: config.metrics.token }, routes: apiRoutes(services, () => engine), version: VERSION, trustProxy: config.trustProxy,
    health: () => ({ status: db.open && telephony.status() === 'ready' ? 'ok' : 'degraded', db: db.open, telephony: telephony.status() }),
    beforeApi: (express) => serveWeb(express, services.auth),
  });
  const http = await startHttpServer(app, config.host, config.port);
  holder.hub = new WsHub({
    server: http.server, auth: services.auth, log: log.child({ component: 'ws' }), authorizeTopic: topicAuthorizer(services.campaigns),
    onConnect: (actor) => {
      if (actor.role !== 'agent') return;
      // A person at a simulated demo agent's page takes it over.
      holder.demoAgents?.release(actor.id);
      engine.agentConnected(actor.id);
    },
    onLastDisconnect: (actor) => { if (actor.role === 'agent') engine.agentDisconnected(actor.id); },
  });
  const scheduler = new CampaignScheduler(services.campaigns, systemClock, systemTimers, log.child({ component: 'campaign-scheduler' }));
  scheduler.start();
  // The engine first: it must hear the first orphan report telephony makes on connecting.
  engine.start();
  telephony.telephony.start();
  holder.demoAgents?.start();
  return {
    services,
    http,
    telephony,
    stop: async () => {
      // First: no simulated agent acts while calls drain, nor once the engine and the database are gone.
      holder.demoAgents?.stop();
      scheduler.stop();
      // Live calls end (or are hung up) while the API still answers, then the rest goes down.
      await telephony.drainAndStop(config.shutdownDrainSeconds * 1000);
      engine.stop();
      holder.hub?.close();
      await http.stop();
      // An import still running is cut off: committed batches stay, the open one rolls back, the job is marked failed.
      await services.crm.imports.stop();
      await checkpoints.stop();
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
  const log = createLogger({ level: config.logLevel, format: config.logFormat, file: config.logFile || undefined }).child({ component: 'main' });
  // Held while running so `npm run restore` can refuse; a stale one (dead pid) does not block.
  const dbFile = path.join(config.dataDir, 'dialer.db');
  mkdirSync(config.dataDir, { recursive: true });
  writePidFile(dbFile);
  let dialer: RunningDialer;
  try {
    dialer = await startDialer(config, log);
  } catch (err) {
    removePidFile(dbFile);
    throw err;
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    dialer.stop().then(() => { removePidFile(dbFile); process.exit(0); }, (err: unknown) => { log.error('shutdown failed', { err }); process.exit(1); });
  };
  // Before the line below: whoever reads it (a service manager, a test) may send SIGTERM the moment it appears.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  log.info(`dialer ${VERSION} listening on ${dialer.http.url}`);
  process.stdout.write(`Dialer running at ${dialer.http.url}/\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`dialer failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
