import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { seedDemoCampaigns } from '../../../src/demo/seed-demo-campaigns';
import { planDemoHistory } from '../../../src/demo/history/demo-history-plan';
import { seedDemoHistory } from '../../../src/demo/history/seed-demo-history';
import type { Campaign } from '../../../src/domain/campaign';
import { localTimeAt } from '../../../src/domain/dialer/local-time';
import { createSeededRandom } from '../../../src/domain/dialer/seeded-random';
import { createLogger } from '../../../src/logger';
import { createServices, type Services } from '../../../src/services/create-services';
import { openDatabase, type Db } from '../../../src/store/database';
import { migrate } from '../../../src/store/migrator';
import { AgentStateRollup } from '../../../src/store/agent-performance/agent-state-rollup';

const log = createLogger({ level: 'error', console: false });
const NOW = new Date('2026-12-07T03:00:00Z');

describe('the demo history generator', () => {
  let dir: string;
  let db: Db;
  let services: Services;
  let campaigns: Campaign[];
  let agentIds: number[];
  let ownerId: number;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'demo-history-'));
    db = openDatabase(path.join(dir, 'dialer.db'));
    migrate(db);
    const config = loadConfig({ env: {}, localFile: path.join(dir, 'none.json'), overrides: { dataDir: dir, logFile: '' } });
    services = createServices(db, config, { now: () => NOW }, log);
    ownerId = services.repos.users.create({ username: 'owner', displayName: 'Demo owner', role: 'owner', passwordHash: 'x' }, NOW).id;
    agentIds = [1, 2, 3, 4].map((i) => services.repos.users.create({ username: `agent${i}`, displayName: `Demo agent ${i}`, role: 'agent', passwordHash: 'x', extension: String(1000 + i) }, NOW).id);
    campaigns = await seedDemoCampaigns(services, ownerId, agentIds, log);
  });
  afterEach(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });

  const input = (seed: number) => ({ campaigns, agentIds, ownerId, days: 30, now: NOW, random: createSeededRandom(seed), scriptOf: (id: number) => services.repos.scripts.get(id) });

  it('when planned twice from one seed, then it is the same history; another seed gives another', () => {
    const a = planDemoHistory(input(5));
    assert.deepEqual(planDemoHistory(input(5)), a);
    assert.notDeepEqual(planDemoHistory(input(6)).changes.slice(0, 50), a.changes.slice(0, 50));
  });

  it('when seeded, then every call has its attempt, times run dial ≤ answer ≤ bridge ≤ end, all before now, and it takes under 3 s', () => {
    const started = performance.now();
    const counts = seedDemoHistory(db, input(11));
    const ms = performance.now() - started;
    assert.ok(ms < 3000, `seeded in ${Math.round(ms)} ms`);
    assert.ok(counts.attempts > 500 && counts.stateChanges > 1000, JSON.stringify(counts));
    const orphans = db.prepare('SELECT COUNT(*) AS n FROM call_records r LEFT JOIN dial_attempts a ON a.id = r.attempt_id WHERE a.id IS NULL').get() as { n: number };
    assert.equal(orphans.n, 0, 'every call record has its attempt');
    const records = db.prepare('SELECT r.*, a.claimed_at, a.dialing_at, a.connected_at, a.ended_at, a.lead_id, a.outcome AS a_outcome FROM call_records r JOIN dial_attempts a ON a.id = r.attempt_id').all() as any[];
    assert.equal(records.length, counts.attempts, 'one record per attempt');
    for (const r of records) {
      const t = [r.claimed_at, r.dialing_at, r.dial_at, r.answer_at, r.bridge_at, r.end_at].filter((x) => x !== null).map(Date.parse);
      assert.deepEqual(t, [...t].sort((x, y) => x - y), `times in order for attempt ${r.attempt_id}`);
      assert.ok(t[t.length - 1]! < NOW.getTime());
      assert.equal(r.outcome, r.a_outcome);
      assert.equal(r.connected_at, r.bridge_at);
      assert.equal(r.ended_at, r.end_at);
      if (r.outcome === 'answered' && r.agent_id !== null) assert.ok(r.bridge_at, 'an answered call with an agent was bridged');
    }
    const leads = db.prepare('SELECT COUNT(*) AS n FROM dial_attempts a LEFT JOIN campaign_contacts c ON c.id = a.lead_id WHERE c.id IS NULL').get() as { n: number };
    assert.equal(leads.n, 0, 'every attempt has its campaign entry');
    const undisposed = db.prepare("SELECT COUNT(*) AS n FROM dial_attempts WHERE outcome = 'answered' AND agent_id IS NOT NULL AND disposition IS NULL").get() as { n: number };
    assert.equal(undisposed.n, 0, 'every answered call with an agent has a disposition');
    const mix = db.prepare('SELECT disposition, COUNT(*) AS n FROM dial_attempts WHERE disposition IS NOT NULL GROUP BY disposition').all() as { disposition: string }[];
    assert.deepEqual(mix.map((m) => m.disposition).sort(), ['callback', 'closed_deal', 'do_not_call_again', 'interested', 'not_interested']);
    // Each agent's state changes chain: from is the previous to.
    for (const agentId of agentIds) {
      const rows = db.prepare('SELECT from_state, to_state, at FROM agent_state_changes WHERE agent_id = ? ORDER BY at, id').all(agentId) as any[];
      assert.ok(rows.length > 100);
      rows.forEach((row, i) => { if (i > 0) assert.equal(row.from_state, rows[i - 1].to_state, `agent ${agentId} change ${i}`); });
      assert.equal(rows[rows.length - 1].to_state, 'offline', 'the last shift ended');
    }
    const statuses = db.prepare('SELECT DISTINCT status FROM campaign_contacts').all().map((r: any) => r.status as string);
    assert.ok(statuses.includes('success') && statuses.includes('retries_exhausted'), statuses.join());
  });

  it('when seeded, then the agent performance report over the month shows time, calls, talk and dispositions for every demo agent', () => {
    seedDemoHistory(db, input(11));
    const to = localTimeAt(new Date(NOW.getTime() - 86_400_000), 'Asia/Ho_Chi_Minh').dateKey;
    const from = localTimeAt(new Date(NOW.getTime() - 30 * 86_400_000), 'Asia/Ho_Chi_Minh').dateKey;
    const report = services.agentPerformance.report({ id: ownerId, role: 'owner' }, { from, to });
    for (const agentId of agentIds) {
      const a = report.agents.find((x) => x.agentId === agentId);
      assert.ok(a, `agent ${agentId} in the report`);
      const t = a.total;
      assert.ok(t.loggedInMs > 20 * 3600_000 && t.readyMs > 0 && t.talkingMs > 0 && t.wrapUpMs > 0 && t.previewingMs > 0, JSON.stringify(t));
      assert.ok(t.calls > 50 && t.connects > 20 && (t.avgTalkMs ?? 0) > 30_000 && t.conversions > 0, JSON.stringify(t));
      assert.ok((t.notReadyByReason.break ?? 0) > 0, 'breaks taken');
    }
    assert.ok(report.team.total.abandonedWhileReady > 0, 'predictive abandons while agents were ready');
  });

  it('when seeded, then the daily rollup equals what folding every change one by one (the sessions\' path) makes', () => {
    seedDemoHistory(db, input(11));
    const rollup = new AgentStateRollup(db);
    const seeded = rollup.rows();
    assert.ok(seeded.length > 100);
    assert.equal(rollup.catchUp(), 0, 'nothing left to fold');
    db.exec('DELETE FROM agent_state_rollup; UPDATE agent_state_rollup_mark SET folded_through = 0');
    rollup.catchUp();
    assert.deepEqual(rollup.rows(), seeded);
  });

  it('when the database already has calls, then it seeds nothing', () => {
    seedDemoHistory(db, input(11));
    const n = (db.prepare('SELECT COUNT(*) AS n FROM dial_attempts').get() as { n: number }).n;
    assert.deepEqual(seedDemoHistory(db, input(12)), { contacts: 0, attempts: 0, callRecords: 0, stateChanges: 0 });
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM dial_attempts').get() as { n: number }).n, n);
  });
});
