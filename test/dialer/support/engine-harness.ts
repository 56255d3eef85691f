import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../../src/config';
import type { Campaign } from '../../../src/domain/campaign';
import type { CampaignSettings } from '../../../src/domain/campaign-settings';
import type { Clock } from '../../../src/domain/clock';
import { createSeededRandom } from '../../../src/domain/dialer/seeded-random';
import type { Lead } from '../../../src/domain/dialer/lead';
import { LeadRepository } from '../../../src/store/lead-repository';
import type { Actor } from '../../../src/domain/roles';
import type { DialerEngine } from '../../../src/dialer/dialer-engine';
import type { Notifier } from '../../../src/dialer/dialer-ports';
import type { DialerSettings } from '../../../src/dialer/engine-deps';
import { createLogger } from '../../../src/logger';
import { createDialer, dialerTelephonyOf } from '../../../src/services/create-dialer';
import { createServices, type Services } from '../../../src/services/create-services';
import { startAriSimulator, type AriSimulator } from '../../../src/simulator/start-ari-simulator';
import { openDatabase, type Db } from '../../../src/store/database';
import { migrate } from '../../../src/store/migrator';
import type { AriRest } from '../../../src/telephony/ari/ari-rest';
import { createTelephony, type Telephony } from '../../../src/telephony/create-telephony';
import { SimTimers } from './sim-timers';

export interface Message { type: string; [k: string]: any }

/** One dialer process: its database handle, services, telephony and engine, on the shared simulator. */
export interface DialerProcess {
  db: Db;
  leads: LeadRepository;
  services: Services;
  telephony: Telephony;
  engine: DialerEngine;
  timers: SimTimers;
}

export interface HarnessOptions {
  seed?: number;
  settings?: Partial<DialerSettings>;
  /** Numbers on the DNC list. */
  dnc?: string[];
  /** More configuration (top-level sections other than ari and telephony), e.g. clickToCall. */
  config?: Record<string, unknown>;
}

async function realTimeUntil(test: () => boolean, maxMs: number): Promise<void> {
  const limit = Date.now() + maxMs;
  while (!test()) {
    if (Date.now() > limit) throw new Error('timed out in real time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const START = Date.parse('2026-11-25T09:00:00Z');
const log = createLogger({ level: process.env.DIALER_TEST_LOG_LEVEL ?? 'error', console: process.env.DIALER_TEST_LOG_LEVEL !== undefined });

/**
 * The engine in simulated time: the ARI simulator on a virtual clock, the real ari-client and telephony
 * layer, the SQLite store in a temp dir, and an in-memory campaign list that outlives a "killed" process
 * (it stands for the database the list will live in). `run` moves virtual time from one timer (the
 * simulator's or the engine's) to the next until a condition holds.
 */
export class EngineHarness {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'dialer-engine-'));
  readonly messages = new Map<number, Message[]>();
  readonly topics: { topic: string; message: Message }[] = [];
  readonly watched = new Set<string>();
  readonly clock: Clock;
  readonly dnc: Set<string>;
  proc!: DialerProcess;
  private readonly everTimers: SimTimers[] = [];
  private bots = new Map<number, (m: Message) => void>();
  owner!: Actor;
  /** Where pushed messages also go (an API test plugs a WebSocket hub in here). */
  forward: Notifier | null = null;

  private constructor(readonly sim: AriSimulator, private readonly opts: HarnessOptions) {
    this.clock = { now: () => new Date(sim.control.now()) };
    this.dnc = new Set(opts.dnc ?? []);
  }

  static async start(opts: HarnessOptions = {}): Promise<EngineHarness> {
    const sim = await startAriSimulator({ clock: 'virtual', startTime: START, settleMs: Number(process.env.SIM_SETTLE_MS ?? 3), seed: opts.seed ?? 7 });
    const h = new EngineHarness(sim, opts);
    await h.boot();
    const owner = h.proc.services.repos.users.create({ username: 'owner', displayName: 'Owner', role: 'owner', passwordHash: 'x' }, h.clock.now());
    h.owner = { id: owner.id, role: 'owner' };
    return h;
  }

  get engine(): DialerEngine { return this.proc.engine; }
  get services(): Services { return this.proc.services; }

  private config(): Config {
    return loadConfig({
      env: {}, localFile: path.join(this.dir, 'none.json'),
      overrides: {
        dataDir: this.dir, port: 0, logFile: '',
        ari: { url: this.sim.url, user: 'dialer', password: 'dialer', app: 'dialer' },
        telephony: { customerEndpoint: 'Local/{number}@sim-customers', agentEndpoint: 'Local/{extension}@sim-agents' },
        ...this.opts.config,
      },
    });
  }

  private notifier(): Notifier {
    return {
      toUser: (userId, message) => {
        const list = this.messages.get(userId) ?? [];
        list.push(message as Message);
        this.messages.set(userId, list);
        const bot = this.bots.get(userId);
        if (bot) setImmediate(() => bot(message as Message));
        this.forward?.toUser(userId, message);
      },
      toTopic: (topic, message) => {
        this.topics.push({ topic, message: message as Message });
        this.forward?.toTopic(topic, message);
      },
      isWatched: (topic) => this.watched.has(topic) || (this.forward?.isWatched(topic) ?? false),
    };
  }

  /** Starts a dialer process over the harness's database and list, and waits until telephony is ready. */
  async boot(): Promise<void> {
    const config = this.config();
    const db = openDatabase(path.join(this.dir, 'dialer.db'));
    migrate(db);
    const services = createServices(db, config, this.clock, log);
    const timers = new SimTimers(() => this.sim.control.now());
    this.everTimers.push(timers);
    const holder: { engine?: DialerEngine } = {};
    const telephony = createTelephony({
      config, log, clock: this.clock, timers, idPrefix: 'dialer',
      onNotice: (e) => holder.engine?.onNotice(e),
      onFinished: (r, flowId) => holder.engine?.onCallRecord(r, flowId),
      onCallbackRequest: (n, at) => holder.engine?.onCallbackRequest(n, at),
      pickInboundAgent: (_flowId, _meta, tried) => holder.engine?.inbound.pick(tried) ?? { agent: null, anyOn: false },
      inboundContact: (n) => holder.engine?.inbound.contactOf(n)?.id,
    });
    const leads = new LeadRepository(db);
    const engine = createDialer({
      services, telephony: dialerTelephonyOf(telephony), leads, notifier: this.notifier(), clock: this.clock, timers, log,
      random: createSeededRandom(this.opts.seed ?? 42), blocks: { check: (n) => (this.dnc.has(n) ? 'dnc' : null) },
      // Test agents are bots without a page: they never connect, so their absence must not take them out.
      settings: { pacingIntervalMs: 2000, idleRetryMs: 60_000, recoveryTimeoutMs: 10_000, agentAwayMs: 7 * 86_400_000, ...this.opts.settings },
    });
    holder.engine = engine;
    this.countRequests(telephony);
    this.proc = { db, leads, services, telephony, engine, timers };
    engine.start();
    telephony.start();
    // Connecting (loading the API docs, opening the socket) takes real time, during which virtual time must stand still.
    await realTimeUntil(() => telephony.port.status === 'ready', 10_000);
    if (!(await this.run(() => engine.recovered, 30_000))) throw new Error('recovery never finished');
  }

  /**
   * Counts the REST requests the dialer has started and not yet seen answered. The simulator only knows a
   * request once it arrives; between an event and the request it causes, virtual time must not move, or a
   * slow turn of the (shared, busy) machine would let a timer fire "before" the request.
   */
  private countRequests(telephony: Telephony): void {
    const proto = Object.getPrototypeOf(telephony.connection) as object;
    const getter = Object.getOwnPropertyDescriptor(proto, 'api')!.get!;
    const counted = new WeakMap<object, AriRest>();
    Object.defineProperty(telephony.connection, 'api', {
      get: () => {
        const real = getter.call(telephony.connection) as AriRest;
        let wrapped = counted.get(real);
        if (!wrapped) {
          wrapped = Object.fromEntries(Object.entries(real).map(([name, fn]) => [name, async (...args: unknown[]) => {
            this.inflight++;
            try { return await (fn as (...a: unknown[]) => Promise<unknown>)(...args); } finally { this.inflight--; }
          }])) as unknown as AriRest;
          counted.set(real, wrapped);
        }
        return wrapped;
      },
    });
  }

  private inflight = 0;

  /** Waits (in real time) until the simulator is quiet and no request of ours is on its way. */
  private async quiet(): Promise<void> {
    const c = this.sim.control;
    await c.settle();
    while (this.inflight > 0) {
      await new Promise((r) => setTimeout(r, 1));
      await c.settle();
    }
  }

  /** Moves simulated time until `until()` holds or `maxMs` passed; true when it holds. */
  async run(until: () => boolean, maxMs: number): Promise<boolean> {
    const c = this.sim.control;
    const end = c.now() + maxMs;
    const next = () => Math.min(...this.everTimers.map((t) => t.nextDue()));
    for (;;) {
      for (const t of this.everTimers) t.fireDue(c.now());
      await this.quiet();
      if (until()) return true;
      const now = c.now();
      if (now >= end) return false;
      const limit = Math.min(next(), end);
      await c.runUntil(() => until() || this.inflight > 0 || next() < limit || next() <= c.now(), Math.max(0, limit - now));
    }
  }

  /** The process dies: no cleanup, no hangups; its socket closes as a killed process's would. */
  async kill(): Promise<void> {
    const p = this.proc;
    p.timers.freeze();
    p.engine.stop();
    await p.telephony.connection.stop();
    p.db.close();
    await this.sim.control.settle();
  }

  async stop(): Promise<void> {
    this.proc.engine.stop();
    await this.proc.telephony.stop();
    this.proc.db.close();
    await this.sim.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  agent(name: string, extension: string): number {
    return this.services.repos.users.create({ username: name, displayName: name, role: 'agent', passwordHash: 'x', extension }, this.clock.now()).id;
  }

  /** A running campaign with these settings (created, submitted, approved and activated by the owner). */
  campaign(settings: Partial<CampaignSettings> & Pick<CampaignSettings, 'dialingMode'>): Campaign {
    const s = this.services.campaigns;
    const c = s.create(this.owner, {
      name: `${settings.dialingMode} test`, maxAttempts: 2, retryMinutes: 1, wrapUpSeconds: 3,
      callingHours: { start: '00:00', end: '24:00', weekdays: [1, 2, 3, 4, 5, 6, 7] }, ...settings,
    });
    for (const action of ['submit', 'approve', 'activate'] as const) s.act(this.owner, c.id, action);
    return s.get(this.owner, c.id);
  }

  get leads(): LeadRepository { return this.proc.leads; }

  /** Contacts with these numbers (as the simulator knows them, not E.164), each added to the campaign's list. */
  addLeads(campaignId: number, numbers: readonly string[]): number[] {
    return numbers.map((n, i) => this.leads.add({ campaignId, contactId: null, name: `Customer ${i + 1}`, phones: [n] }, this.clock.now()).id);
  }

  /** Every entry of a campaign's list, as the engine sees them. */
  leadsOf(campaignId: number): Lead[] {
    return this.rows<{ id: number }>('SELECT id FROM campaign_contacts WHERE campaign_id = ? ORDER BY id', campaignId).map((r) => this.leads.get(r.id)!);
  }

  /** Reacts to every message the agent gets (after the engine call that sent it has returned). */
  bot(agentId: number, fn: (m: Message) => void): void {
    this.bots.set(agentId, fn);
  }

  messagesOf(agentId: number, type?: string): Message[] {
    return (this.messages.get(agentId) ?? []).filter((m) => !type || m.type === type);
  }

  /** Rows of a table, for assertions on what was stored. */
  rows<T = any>(sql: string, ...params: unknown[]): T[] {
    return this.proc.db.prepare(sql).all(...params) as T[];
  }
}
