import assert from 'node:assert/strict';
import { campaignDefaults } from '../../src/domain/campaign-settings';
import type { Campaign } from '../../src/domain/campaign';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import { LeadSelector } from '../../src/dialer/lead-selector';
import { createLogger } from '../../src/logger';
import { AttemptRepository } from '../../src/store/attempt-repository';
import { CampaignRepository } from '../../src/store/campaign-repository';
import { LeadRepository } from '../../src/store/lead-repository';
import type { LeadStore } from '../../src/dialer/dialer-ports';
import { ManualTimers } from '../support/manual-timers';
import { ManualClock } from '../support/test-app';
import { insertUser, openTestDb } from '../support/test-db';

const log = createLogger({ level: 'error', console: false });

describe('the lead hopper', () => {
  let t: ReturnType<typeof openTestDb>;
  let clock: ManualClock;
  let timers: ManualTimers;
  let leads: LeadRepository;
  let reads: number;
  let dnc: Set<string>;
  let campaign: Campaign;
  let selector: LeadSelector;
  let agentId: number;

  /** The list store, counting the prefilter reads (what the hopper keeps off the call path). */
  const counted = (): LeadStore => {
    const store = leads as unknown as LeadStore;
    return new Proxy(store, { get: (target, name) => (name === 'candidates' ? (q: never) => { reads++; return target.candidates(q); } : Reflect.get(target, name, target)) });
  };

  const make = (size: number, refreshMs = 10_000) => new LeadSelector({
    leads: counted(), attempts: new AttemptRepository(t.db), blocks: { check: (n) => (dnc.has(n) ? 'dnc' : null) },
    random: createSeededRandom(3), log, hopper: { size, refreshMs, timers, now: () => clock.now() },
  });

  beforeEach(() => {
    t = openTestDb();
    clock = new ManualClock(new Date('2026-11-25T10:00:00Z'));
    timers = new ManualTimers(clock);
    leads = new LeadRepository(t.db);
    reads = 0;
    dnc = new Set();
    const owner = insertUser(t.db, 'owner', 'owner');
    agentId = insertUser(t.db, 'agent', 'agent');
    const campaigns = new CampaignRepository(t.db);
    const created = campaigns.create({ ...campaignDefaults('Hopper', 'predictive'), callingHours: { start: '00:00', end: '24:00', weekdays: [1, 2, 3, 4, 5, 6, 7] } }, owner as never, clock.now());
    t.db.prepare("UPDATE campaigns SET state = 'running' WHERE id = ?").run(created.id);
    campaign = campaigns.get(created.id)!;
    for (let i = 1; i <= 30; i++) leads.add({ campaignId: campaign.id, contactId: null, name: `C${i}`, phones: [`+8491200${String(i).padStart(4, '0')}`] }, clock.now());
    selector = make(10);
  });
  afterEach(() => { selector.stop(); t.close(); });

  it('when leads are claimed one after another, then the list is read once per fill, from a timer after the first, and each lead is claimed once', () => {
    const claimed = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const c = selector.claimNext(campaign, null, clock.now());
      assert.ok(c, `claim ${i + 1}`);
      assert.ok(!claimed.has(c.lead.id), 'never the same lead twice');
      claimed.add(c.lead.id);
      const before = reads;
      timers.advance(0);
      // A refill, when one was due, ran from the timer rather than inside the claim.
      assert.ok(reads - before <= 1);
    }
    assert.equal(selector.claimNext(campaign, null, clock.now()), null, 'the list is worked through');
    const stats = selector.hopperStats(campaign.id)!;
    assert.ok(stats.refills >= 3 && stats.refills < 30, `${stats.refills} refills for 30 claims`);
    assert.ok(stats.coldFills <= 4, `${stats.coldFills} fills on the call path`);
    assert.equal((t.db.prepare("SELECT COUNT(*) AS n FROM campaign_contacts WHERE status = 'in_progress'").get() as { n: number }).n, 30);
  });

  it('when a held number is put on the DNC list, then it is not claimed: the pick re-checks the list and retires it', () => {
    selector.claimNext(campaign, null, clock.now());
    const held = [...(selector as unknown as { hoppers: Map<number, { leads: { id: number; phones: string[] }[] }> }).hoppers.get(campaign.id)!.leads];
    assert.ok(held.length > 0);
    for (const l of held) dnc.add(l.phones[0]!);
    const claims: number[] = [];
    for (let c = selector.claimNext(campaign, null, clock.now()); c; c = selector.claimNext(campaign, null, clock.now())) claims.push(c.lead.id);
    for (const l of held) {
      assert.ok(!claims.includes(l.id), `lead ${l.id} on DNC was not claimed`);
      assert.equal(leads.get(l.id)!.status, 'dnc');
    }
    assert.equal(claims.length, 30 - 1 - held.length);
  });

  it('when the hopper is older than its refresh time, then a callback that fell due meanwhile is picked first', () => {
    selector = make(10, 5_000);
    const first = selector.claimNext(campaign, agentId, clock.now())!;
    assert.ok(first);
    const cb = leads.add({ campaignId: campaign.id, contactId: null, name: 'Callback', phones: ['+84912009999'], status: 'callback_scheduled', callbackAt: new Date('2026-11-25T10:00:03Z') }, clock.now());
    clock.set(new Date('2026-11-25T10:00:06Z'));
    assert.equal(selector.claimNext(campaign, agentId, clock.now())!.lead.id, cb.id);
  });

  it('when a held lead was changed meanwhile (claimed by another path), then the claim moves on to the next', () => {
    selector.claimNext(campaign, null, clock.now());
    const held = (selector as unknown as { hoppers: Map<number, { leads: { id: number }[] }> }).hoppers.get(campaign.id)!.leads.map((l) => l.id);
    t.db.prepare(`UPDATE campaign_contacts SET status = 'success' WHERE id IN (${held.join(',')})`).run();
    const next = selector.claimNext(campaign, null, clock.now());
    assert.ok(next && !held.includes(next.lead.id));
  });

  it('when stopped, then no refill is left armed', () => {
    for (let i = 0; i < 8; i++) selector.claimNext(campaign, null, clock.now());
    assert.ok(timers.armed > 0, 'a refill was armed');
    selector.stop();
    assert.equal(timers.armed, 0);
  });

  it('when the hopper is off (size 0), then each claim reads the list itself', () => {
    selector = make(0);
    for (let i = 0; i < 5; i++) assert.ok(selector.claimNext(campaign, null, clock.now()));
    assert.equal(reads, 5);
    assert.equal(selector.hopperStats(campaign.id), null);
  });
});
