import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import type { Campaign } from '../../src/domain/campaign';
import type { CampaignSettings } from '../../src/domain/campaign-settings';
import type { ContactDraft } from '../../src/domain/contact-draft';
import type { ContactStatus } from '../../src/domain/contact-status';
import type { Actor } from '../../src/domain/roles';
import type { Script } from '../../src/domain/script';
import { createLogger } from '../../src/logger';
import { startDialer, type RunningDialer } from '../../src/main';
import type { Services } from '../../src/services/create-services';
import { LeadRepository } from '../../src/store/lead-repository';

export const PASSWORD = 'correct horse battery';

/**
 * The whole product as `npm start` runs it in demo mode (no ari.url: the built-in ARI simulator on the wall
 * clock, agents' phones answering after a second, `0901…` customers answering after a second), on port 0
 * over a temporary data directory, with helpers to seed users, scripts, campaigns and customers.
 */
export class DemoProduct {
  private owner!: Actor;

  private constructor(private readonly dialer: RunningDialer, private readonly dir: string) {}

  /** `extra`: more settings (sections other than the ones set here), e.g. clickToCall. */
  static async start(extra: Record<string, unknown> = {}): Promise<DemoProduct> {
    const dir = mkdtempSync(path.join(tmpdir(), 'dialer-demo-'));
    const config = loadConfig({ env: {}, localFile: path.join(dir, 'none.json'), overrides: {
      dataDir: dir, port: 0, host: '127.0.0.1', logFile: '', logLevel: 'error', shutdownDrainSeconds: 0,
      recordings: { dir: path.join(dir, 'recordings') },
      // An owner from the environment: the database is not seeded with the demo users and campaigns.
      bootstrapOwner: { username: 'owner', password: PASSWORD },
      ...extra,
    } });
    const log = createLogger({ level: process.env.DIALER_TEST_LOG_LEVEL ?? 'error', console: process.env.DIALER_TEST_LOG_LEVEL !== undefined });
    const p = new DemoProduct(await startDialer(config, log), dir);
    p.owner = { id: p.services.repos.users.findByUsername('owner')!.id, role: 'owner' };
    return p;
  }

  get url(): string { return this.dialer.http.url; }

  /** `core restart now` on the demo's simulated PBX. */
  restartPbx(): Promise<void> {
    return this.dialer.telephony.demo!.restart();
  }
  get services(): Services { return this.dialer.services; }

  async user(username: string, role: 'owner' | 'admin' | 'agent', displayName = username, extension: string | null = null): Promise<number> {
    return (await this.services.users.createUnchecked({ username, displayName, role, password: PASSWORD, extension })).id;
  }

  /** A bearer token, for checking through the API what the page did. */
  async token(username: string): Promise<string> {
    return (await this.services.auth.login(username, PASSWORD)).token;
  }

  script(input: Pick<Script, 'name' | 'guidance'> & { questions: { kind: Script['questions'][number]['kind']; text: string; options: string[] }[] }): Script {
    return this.services.scripts.create(this.owner, { sharing: 'all_admins', ...input });
  }

  /** A running campaign (created, submitted, approved and activated by the owner), calling at any hour. */
  campaign(settings: Partial<CampaignSettings> & Pick<CampaignSettings, 'name' | 'dialingMode'>): Campaign {
    const s = this.services.campaigns;
    const c = s.create(this.owner, {
      maxAttempts: 3, retryMinutes: 5, callingHours: { start: '00:00', end: '24:00', weekdays: [1, 2, 3, 4, 5, 6, 7] }, ...settings,
    });
    for (const action of ['submit', 'approve', 'activate'] as const) s.act(this.owner, c.id, action);
    return s.get(this.owner, c.id);
  }

  /**
   * A contact on the campaign's list. Numbers are stored as given (not E.164), so the simulator reads the
   * reference prefixes: `0901…` answers, `0902…` is busy.
   */
  customer(campaignId: number, contact: Partial<Omit<ContactDraft, 'phones'>> & { name: string; phones: string[] }, status?: ContactStatus): number {
    const now = this.services.clock.now();
    const contactId = this.services.crm.repos.contacts.insert({
      email: null, address: null, birthday: null, customFields: {}, tags: [], stage: null, source: 'test', timezone: null,
      ...contact, phones: contact.phones.map((e164) => ({ e164, type: 'mobile' as const })),
    }, { ownerId: null, createdBy: this.owner.id, now: now.toISOString() });
    return new LeadRepository(this.services.db).add({ campaignId, contactId, name: contact.name, phones: contact.phones, status }, now).id;
  }

  async stop(): Promise<void> {
    await this.dialer.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
