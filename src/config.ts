import { isValidTimeZone } from './domain/dialer/local-time';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * One schema for every setting. Values come from config/default.json, then an optional local
 * JSON file (DIALER_CONFIG_FILE, else config/local.json), then DIALER_* environment variables.
 * The environment name of a key is its path in SCREAMING_SNAKE_CASE: ari.url → DIALER_ARI_URL.
 */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);
const optionalString = z.string().transform((v) => (v === '' ? undefined : v)).optional();

export const configSchema = z.object({
  host: z.string().min(1).describe('Address the HTTP server binds to. Keep 127.0.0.1 behind a reverse proxy.'),
  port: int(0, 65535).describe('HTTP port of the API, the web pages and the WebSocket hub (0 picks a free port).'),
  dataDir: z.string().min(1).describe('Directory for the SQLite database (dialer.db), logs and import files; created if missing.'),
  logLevel: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']).describe('Lowest level written to the console and the log file.'),
  logFormat: z.enum(['text', 'json']).describe('Console log lines: text (time level message key=value…, for people) or json (one JSON object per line with campaignId, callId, agentId and requestId as fields, for journald and log shippers). The log file is always JSON.'),
  logFile: z.string().describe('JSON-lines log file; relative paths are inside dataDir; empty disables the file.'),
  sessionTtlHours: int(1, 24 * 90).describe('How long a login session stays valid without use, in hours.'),
  shutdownDrainSeconds: int(0, 3600).describe('On SIGTERM: how long live calls may go on (no new ones start) before the rest are hung up and the process exits. Keep the service manager\'s stop timeout above it.'),
  cookieSecure: bool.describe('Always mark the session cookie Secure (set true when served over HTTPS). With trustProxy, a request the proxy says came over HTTPS gets a Secure cookie anyway.'),
  trustProxy: bool.describe('Trust X-Forwarded-For/-Proto from a reverse proxy on loopback (nginx beside the dialer): client addresses in logs and the login back-off are the real ones, and HTTPS requests get a Secure cookie.'),
  bootstrapOwner: z.object({
    username: optionalString.describe('At first start with no users, create an owner with this username (needs password too).'),
    password: optionalString.describe('Password of the bootstrap owner; at least 10 characters. Never logged.'),
  }),
  ari: z.object({
    url: optionalString.describe('ARI base URL, e.g. http://127.0.0.1:8088. Empty: demo mode with the built-in ARI simulator.'),
    user: z.string().describe('ARI user (ari.conf).'),
    password: z.string().describe('ARI password (ari.conf).'),
    app: z.string().min(1).describe('Stasis application name prefix; a unique suffix is added per process because Asterisk allows one WebSocket per app.'),
    events: z.enum(['own', 'ari-client']).describe('Who reads ARI events: own (the dialer\'s own WebSocket, the fast path) or ari-client (its socket, the path before; for comparison). REST always uses ari-client.'),
  }),
  telephony: z.object({
    customerEndpoint: z.string().includes('{number}').describe('Endpoint template for customers, e.g. PJSIP/{number}@trunk or Local/{number}@sim-customers.'),
    agentEndpoint: z.string().includes('{extension}').describe('Endpoint template for agent phones, e.g. PJSIP/{extension}.'),
    customerContext: z.string().min(1).describe('Dialplan context that runs AMD and enters Stasis for customer-first calls (dialplan/extensions_dialer.conf).'),
    ringTimeoutSeconds: int(15, 120).describe('How long a customer rings before the attempt counts as no answer (15 s is the regulators\' minimum).'),
    agentRingTimeoutSeconds: int(5, 120).describe('How long an agent phone rings before the agent is set not ready.'),
    holdMaxSeconds: int(1, 60).describe('Predictive: how long an answered customer may wait for an agent before the call is abandoned with the safe-harbor prompt.'),
    mohClass: z.string().min(1).describe('Music-on-hold class for customers waiting for an agent.'),
    callbackConfirmationMedia: z.string().min(1).describe('Media played to an inbound caller after a callback request is recorded (comma-separated ARI media URIs, e.g. sound:auth-thankyou).'),
  }),
  engine: z.object({
    safeHarborMedia: z.string().min(1).describe('Predictive: media played to an answered customer no agent took within telephony.holdMaxSeconds (comma-separated ARI media URIs).'),
    ivrMaxLines: int(1, 1000).describe('IVR campaigns: most calls in progress at once, per campaign.'),
    ivrInvalidMedia: z.string().min(1).describe('IVR: media played after a wrong key when the script names none (comma-separated ARI media URIs).'),
    pacingIntervalMs: int(100, 60_000).describe('Predictive: how often the pacer looks again when no call or agent event asked it to, in ms.'),
    idleRetrySeconds: int(1, 3600).describe('A ready agent with nothing to call: longest wait before the list is read again (sooner when a contact falls due).'),
    recoveryTimeoutSeconds: int(1, 3600).describe('After a restart, how long calls found open wait for telephony before they are settled without it.'),
    hopperSize: int(0, 10_000).describe('Leads each campaign\'s hopper reads and checks (due, DNC, blacklist, calling hours) ahead of the call path, refilled from a timer when half is used; 0 reads the list on every claim instead.'),
    hopperRefreshSeconds: int(1, 600).describe('Hopper contents older than this are read again before a pick, so a callback that fell due or a lead added to the list is seen within it.'),
    agentAwaySeconds: int(10, 3600).describe('An agent whose page has been closed (no WebSocket) this long leaves their campaign; one on a call or in wrap-up leaves once it is over.'),
  }),
  clickToCall: z.object({
    callerId: z.string().regex(/^(\+?[0-9]{1,20})?$/).describe('Caller ID (number) shown to customers an agent calls with click-to-call; empty: the trunk\'s default.'),
    callingStart: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).describe('Click-to-call: first minute a customer may be called (HH:MM, inclusive), on the contact\'s own clock (its time zone, else clickToCall.timezone).'),
    callingEnd: z.string().regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/).describe('Click-to-call: end of the calling window (HH:MM, exclusive; 24:00 for midnight; equal to the start: the whole day).'),
    weekdays: z.string().regex(/^[1-7](,[1-7]){0,6}$/).describe('Click-to-call: ISO weekdays on which customers may be called (1 = Monday), comma-separated.'),
    timezone: z.string().min(1).refine(isValidTimeZone, 'an IANA time zone').describe('Click-to-call: the time zone of contacts (and typed-in numbers) that have none.'),
    dialNational: bool.describe('Click-to-call: dial numbers of phone.defaultRegion in their national form (+84912… as 0912…), for trunks and dialplans that want it.'),
  }),
  inbound: z.object({
    greetingMedia: z.string().describe('Inbound calls (dialplan context dialer-inbound): media the caller hears first (comma-separated ARI media URIs; empty: none).'),
    closingMedia: z.string().min(1).describe('Inbound calls: media played when no agent took the call within inbound.maxWaitSeconds, or none is ON (comma-separated ARI media URIs).'),
    callbackOfferMedia: z.string().describe('Inbound calls: instead of the closing message, this offer ("to be called back, press 1"); pressing 1 queues a callback request for the callback campaign. Empty: the closing message only.'),
    agentRingSeconds: int(5, 120).describe('Inbound calls: how long an agent\'s phone rings before the next agent is tried.'),
    maxWaitSeconds: int(10, 3600).describe('Inbound calls: longest wait for an agent (greeting and music included) before the closing message.'),
    retrySeconds: int(1, 60).describe('Inbound calls: while every agent who is ON is busy, how often the queue looks for a free one.'),
  }),
  phone: z.object({
    defaultRegion: z.string().length(2).describe('ISO country used to read numbers written without a country code (VN reads 0912… as +84912…).'),
  }),
  import: z.object({
    maxFileBytes: int(1024, 1024 * 1024 * 1024).describe('Largest accepted import file, in bytes.'),
    batchRows: int(1, 100_000).describe('Rows an import writes per transaction: each batch commits whole or not at all; smaller batches hold the database write lock for less time.'),
    maxReportRows: int(0, 10_000_000).describe('Rejected and duplicate rows an import keeps for its downloadable report; beyond this they are only counted.'),
    cacheMb: int(2, 4096).describe('SQLite page cache of the import worker\'s own connection, in MiB; bigger keeps the indexes of a large contact table in memory while importing.'),
  }),
  recordings: z.object({
    dir: z.string().min(1).describe('Directory where Asterisk keeps the calls the dialer recorded (its astspooldir/recording, where ARI stores <name>.wav); the call log plays and downloads them from here, so the dialer needs read access to it.'),
  }),
  pacing: z.object({
    rollingWindowMinutes: int(5, 24 * 60).describe('Predictive: the abandon rate is held under the target over the whole campaign and over this rolling window.'),
  }),
  metrics: z.object({
    token: optionalString.describe('Bearer token Prometheus sends to GET /metrics (Authorization: Bearer TOKEN). Empty: /metrics answers 404; a wrong token answers 401. Never logged.'),
  }),
  demo: z.object({
    agents: int(0, 500).describe('Demo mode (no ari.url): number of simulated agent phones (extensions 1001, 1002, …); on an empty database a demo agent is created for each.'),
    simulatedAgents: bool.describe('Demo mode (no ari.url) only: the demo agents but agent1 (left for the person trying the demo) work the demo campaigns by themselves (join, ready, talk, fill the script, dispose, take breaks), so the supervisor dashboard is alive from the first minute. Never in production mode.'),
    historyDays: int(0, 90).describe('Demo mode (no ari.url) only: days of generated call history (attempts, call records, dispositions, agent states) seeded on a fresh demo database, so every report has something to show; 0 seeds none.'),
  }),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const projectRoot = path.resolve(__dirname, '..', '..');

export function envName(keyPath: string[]): string {
  return 'DIALER_' + keyPath.map((k) => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('_');
}

/** Every leaf key of the schema with its path and description, for env mapping and the docs. */
export function configKeys(): { path: string[]; description: string }[] {
  const out: { path: string[]; description: string }[] = [];
  const walk = (shape: Record<string, z.ZodType>, prefix: string[]) => {
    for (const [key, type] of Object.entries(shape)) {
      if (type instanceof z.ZodObject) walk(type.shape as Record<string, z.ZodType>, [...prefix, key]);
      else out.push({ path: [...prefix, key], description: type.description ?? '' });
    }
  };
  walk(configSchema.shape as unknown as Record<string, z.ZodType>, []);
  return out;
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError([`${file}: ${(err as Error).message}`]);
  }
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object'
      ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function setPath(target: Record<string, unknown>, keyPath: string[], value: unknown): void {
  let node = target;
  for (const key of keyPath.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keyPath[keyPath.length - 1]!] = value;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  defaultsFile?: string;
  localFile?: string;
  overrides?: Record<string, unknown>;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const defaultsFile = options.defaultsFile ?? path.join(projectRoot, 'config', 'default.json');
  let raw = readJson(defaultsFile);
  const localFile = options.localFile ?? env.DIALER_CONFIG_FILE ?? path.join(projectRoot, 'config', 'local.json');
  if (env.DIALER_CONFIG_FILE && !existsSync(localFile)) throw new ConfigError([`DIALER_CONFIG_FILE: ${localFile} does not exist`]);
  if (existsSync(localFile)) raw = deepMerge(raw, readJson(localFile));
  const known = new Set(['DIALER_CONFIG_FILE']);
  for (const key of configKeys()) {
    const name = envName(key.path);
    known.add(name);
    const value = env[name];
    if (value !== undefined) setPath(raw, key.path, value);
  }
  if (options.overrides) raw = deepMerge(raw, options.overrides);
  const problems: string[] = [];
  for (const name of Object.keys(env)) {
    if (name.startsWith('DIALER_') && !name.startsWith('DIALER_IT_') && !known.has(name)) problems.push(`${name}: unknown setting`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const p = issue.path.map(String);
      problems.push(`${p.join('.')} (${envName(p)}): ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const config = parsed.data;
  config.dataDir = path.resolve(projectRoot, config.dataDir);
  if (config.logFile) config.logFile = path.resolve(config.dataDir, config.logFile);
  return config;
}
