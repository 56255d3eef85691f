import assert from 'node:assert/strict';
import { campaignDefaults } from '../../src/domain/campaign-settings';
import { CampaignRepository } from '../../src/store/campaign-repository';
import { openDatabase, type Db } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { UserRepository } from '../../src/store/user-repository';

const NOW = new Date('2026-11-25T08:00:00.000Z');

describe('campaign store', () => {
  let db: Db;
  let repo: CampaignRepository;
  let adminId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    migrate(db);
    adminId = new UserRepository(db).create({ username: 'ad', displayName: 'Ad', role: 'admin', passwordHash: 'x' }, NOW).id;
    repo = new CampaignRepository(db);
  });
  afterEach(() => db.close());

  it('when the migrations run on an empty database and again, then the campaign, script and notification tables exist once', () => {
    assert.deepEqual(migrate(db).applied, []);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['campaigns', 'campaign_managers', 'campaign_agents', 'campaign_groups', 'campaign_events', 'scripts', 'script_questions', 'script_shares', 'notifications']) {
      assert.ok(tables.includes(t), t);
    }
  });

  it('when a campaign is stored and read back, then every setting survives the round trip', () => {
    const settings = {
      ...campaignDefaults('Round trip', 'ivr'), startAt: '2026-12-01T01:00:00.000Z', endAt: '2026-12-02T01:00:00.000Z', callerId: '+84281234567',
      quota: { kind: 'per_day' as const, min: 5, max: 40 }, stickyAgent: true, recordCalls: true,
      callingHours: { start: '09:30', end: '24:00', weekdays: [1, 3, 5] }, timezone: 'Asia/Ho_Chi_Minh',
      machineAction: 'message' as const, machineMessage: 'custom/vm', managerIds: [adminId],
      ivr: { steps: [{ id: 'q', kind: 'question' as const, sound: 'custom/q', validDigits: ['1' as const, '2' as const] }], agentTransfer: { digit: '0' as const } },
    };
    const c = repo.create(settings, adminId, NOW);
    const { id, state, createdBy, createdAt, updatedAt, reviewNote, reviewedBy, reviewedAt, activatedAt, startedAt, endedAt, ...back } = c;
    assert.deepEqual(back, settings);
    assert.equal(state, 'draft');
    assert.equal(createdBy, adminId);
    assert.deepEqual(repo.events(id, { limit: 10, offset: 0 }).items.map((e) => [e.action, e.fromState, e.toState]), [['create', null, 'draft']]);
  });

  it('when two transitions race from the same state, then only the first wins and only it is audited', () => {
    const c = repo.create(campaignDefaults('Race', 'manual'), adminId, NOW);
    const event = { action: 'submit' as const, actorId: adminId, note: null, at: NOW.toISOString() };
    assert.equal(repo.transition(c.id, 'draft', 'pending_approval', {}, event), true);
    assert.equal(repo.transition(c.id, 'draft', 'pending_approval', {}, event), false);
    assert.equal(repo.get(c.id)!.state, 'pending_approval');
    assert.equal(repo.events(c.id, { limit: 10, offset: 0 }).total, 2);
  });

  it('when campaigns wait with start and end times, then due and next times come from the database', () => {
    const mk = (name: string, state: string, startAt: string | null, endAt: string | null) => {
      const c = repo.create({ ...campaignDefaults(name, 'manual'), startAt, endAt }, adminId, NOW);
      db.prepare('UPDATE campaigns SET state = ? WHERE id = ?').run(state, c.id);
      return c.id;
    };
    const due = mk('due', 'scheduled', '2026-11-25T07:00:00.000Z', '2026-11-26T00:00:00.000Z');
    const later = mk('later', 'scheduled', '2026-11-25T09:00:00.000Z', null);
    const over = mk('over', 'running', '2026-11-24T00:00:00.000Z', '2026-11-25T07:59:59.999Z');
    mk('not activated', 'approved', '2026-11-25T07:00:00.000Z', null);
    mk('draft', 'draft', '2026-11-25T08:30:00.000Z', null);
    assert.deepEqual(repo.dueToStart(NOW), [due]);
    assert.deepEqual(repo.dueToFinish(NOW), [over]);
    assert.equal(repo.nextScheduledAfter(NOW)?.toISOString(), '2026-11-25T09:00:00.000Z');
    assert.ok(later);
  });
});
