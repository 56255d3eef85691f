import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import type { Campaign } from '../../../src/domain/campaign';
import type { CampaignSettings } from '../../../src/domain/campaign-settings';
import { systemClock } from '../../../src/domain/clock';
import { createSeededRandom } from '../../../src/domain/dialer/seeded-random';
import type { Lead } from '../../../src/domain/dialer/lead';
import type { Actor } from '../../../src/domain/roles';
import type { DialerEngine } from '../../../src/dialer/dialer-engine';
import type { DialerSettings } from '../../../src/dialer/engine-deps';
import { createLogger } from '../../../src/logger';
import { createDialer, dialerTelephonyOf } from '../../../src/services/create-dialer';
import { createServices, type Services } from '../../../src/services/create-services';
import { openDatabase, type Db } from '../../../src/store/database';
import { LeadRepository } from '../../../src/store/lead-repository';
import { migrate } from '../../../src/store/migrator';
import type { AriRest } from '../../../src/telephony/ari/ari-rest';
import { createTelephony, type Telephony } from '../../../src/telephony/create-telephony';
import { systemTimers } from '../../../src/domain/clock';
import type { RealAsteriskSettings } from '../../support/asterisk-target';

export type Pushed = { type: string; [k: string]: any };
let instances = 0;
const log = createLogger({ level: process.env.DIALER_IT_LOG_LEVEL ?? 'error', console: process.env.DIALER_IT_LOG_LEVEL !== undefined });

/**
 * The whole dialer (store, engine, telephony) on the wall clock against a real Asterisk, with customers and
 * agents behind its simulated dialplan (Local/<n>@sim-customers, Local/<ext>@sim-agents). `idPrefix` is
 * unique per run, so what is ours on the PBX can be told apart.
 */
export class RealEngine {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'dialer-it-engine-'));
  /** Unique per instance too: several engines may share the PBX at once. */
  readonly idPrefix = `it${process.pid}x${Date.now() % 100_000}n${++instances}`;
  /** Every channel the engine asked the PBX to create, with the telephony status at that moment. */
  readonly originated: { at: number; status: string }[] = [];
  db!: Db;
  services!: Services;
  telephony!: Telephony;
  engine!: DialerEngine;
  leads!: LeadRepository;
  owner!: Actor;
  private readonly listeners = new Map<number, (m: Pushed) => void>();

  /** `config`: more settings (sections other than ari and telephony), e.g. clickToCall. */
  constructor(readonly target: RealAsteriskSettings, private readonly settings: Partial<DialerSettings> = {}, private readonly config: Record<string, unknown> = {}) {}

  async boot(): Promise<void> {
    const config = loadConfig({
      env: {}, localFile: path.join(this.dir, 'none.json'),
      overrides: {
        dataDir: this.dir, port: 0, logFile: '',
        ari: { url: this.target.url, user: this.target.user, password: this.target.password, app: this.idPrefix },
        telephony: { customerEndpoint: 'Local/{number}@sim-customers', agentEndpoint: 'Local/{extension}@sim-agents', customerContext: 'dialer-outbound' },
        ...this.config,
      },
    });
    this.db = openDatabase(path.join(this.dir, 'dialer.db'));
    migrate(this.db);
    this.services = createServices(this.db, config, systemClock, log);
    const holder: { engine?: DialerEngine } = {};
    this.telephony = createTelephony({
      config, log, clock: systemClock, idPrefix: this.idPrefix,
      onNotice: (e) => holder.engine?.onNotice(e),
      onFinished: (r) => holder.engine?.onCallRecord(r),
      onCallbackRequest: (n, at) => holder.engine?.onCallbackRequest(n, at),
    });
    this.leads = new LeadRepository(this.db);
    this.engine = createDialer({
      services: this.services, telephony: dialerTelephonyOf(this.telephony), leads: this.leads, clock: systemClock, timers: systemTimers, log,
      random: createSeededRandom(7), blocks: { check: () => null },
      notifier: {
        toUser: (id, m) => { const l = this.listeners.get(id); if (l) setImmediate(() => l(m as Pushed)); },
        toTopic: () => undefined, isWatched: () => false,
      },
      // Test agents are bots without a page: they never connect, so their absence must not take them out.
      settings: { pacingIntervalMs: 500, agentAwayMs: 7 * 86_400_000, ...this.settings },
    });
    holder.engine = this.engine;
    this.watchOriginates();
    this.engine.start();
    this.telephony.start();
    await this.until(() => this.telephony.port.status === 'ready' && this.engine.recovered, 15_000, 'telephony ready');
    if (!this.owner) {
      const u = this.services.repos.users.create({ username: 'owner', displayName: 'Owner', role: 'owner', passwordHash: 'x' }, new Date());
      this.owner = { id: u.id, role: 'owner' };
    }
  }

  private watchOriginates(): void {
    const t = this.telephony;
    const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(t.connection) as object, 'api')!.get!;
    Object.defineProperty(t.connection, 'api', {
      get: () => {
        const api = getter.call(t.connection) as AriRest;
        return { ...api, createChannel: (p: Parameters<AriRest['createChannel']>[0]) => {
          this.originated.push({ at: Date.now(), status: t.port.status });
          return api.createChannel(p);
        } };
      },
    });
  }

  /** The process dies: timers and socket go, no hangups, the database file stays. */
  async kill(): Promise<void> {
    this.engine.stop();
    await this.telephony.connection.stop();
    this.db.close();
  }

  async stop(): Promise<void> {
    this.engine.stop();
    await this.telephony.stop();
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async until(test: () => boolean, ms: number, what: string): Promise<void> {
    const limit = Date.now() + ms;
    while (!test()) {
      if (Date.now() > limit) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  agent(name: string, extension: string): number {
    return this.services.repos.users.create({ username: name, displayName: name, role: 'agent', passwordHash: 'x', extension }, new Date()).id;
  }

  campaign(settings: Partial<CampaignSettings> & Pick<CampaignSettings, 'dialingMode'>): Campaign {
    const s = this.services.campaigns;
    const c = s.create(this.owner, {
      name: `${settings.dialingMode} on Asterisk`, maxAttempts: 2, retryMinutes: 1, wrapUpSeconds: 1,
      callingHours: { start: '00:00', end: '24:00', weekdays: [1, 2, 3, 4, 5, 6, 7] }, ...settings,
    });
    for (const action of ['submit', 'approve', 'activate'] as const) s.act(this.owner, c.id, action);
    return s.get(this.owner, c.id);
  }

  addLeads(campaignId: number, numbers: readonly string[]): void {
    for (const [i, n] of numbers.entries()) this.leads.add({ campaignId, contactId: null, name: `Customer ${i + 1}`, phones: [n] }, new Date());
  }

  leadsOf(campaignId: number): Lead[] {
    return this.db.prepare<[number], { id: number }>('SELECT id FROM campaign_contacts WHERE campaign_id = ? ORDER BY id').all(campaignId)
      .map((r) => this.leads.get(r.id)!);
  }

  onMessage(agentId: number, fn: (m: Pushed) => void): void {
    this.listeners.set(agentId, fn);
  }

  rows<T = any>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }
}
