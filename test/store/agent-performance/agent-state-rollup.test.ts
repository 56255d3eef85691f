import assert from 'node:assert/strict';
import path from 'node:path';
import { recomputeRollup, stateTimeKey, type StateChangeFact } from '../../../src/domain/agent-performance/agent-state-rollup';
import { AGENT_STATE_KINDS, type AgentStateKind } from '../../../src/domain/dialer/agent-session-state';
import { createSeededRandom, type RandomSource } from '../../../src/domain/dialer/seeded-random';
import { campaignDefaults } from '../../../src/domain/campaign-settings';
import { AgentSessionRepository } from '../../../src/store/agent-session-repository';
import { AgentPerformanceRepository } from '../../../src/store/agent-performance/agent-performance-repository';
import { AgentStateRollup, toFact } from '../../../src/store/agent-performance/agent-state-rollup';
import { CampaignRepository } from '../../../src/store/campaign-repository';
import { openDatabase, type Db } from '../../../src/store/database';
import { migrate } from '../../../src/store/migrator';
import { insertUser, openTestDb } from '../../support/test-db';

const ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York', 'Asia/Kathmandu'];
const T0 = Date.parse('2026-03-06T00:00:00Z'); // New York changes to summer time on 2026-03-08
const HOUR = 3_600_000;

interface World { db: Db; sessions: AgentSessionRepository; rollup: AgentStateRollup }

const open = (file: string): World => {
  const db = openDatabase(file);
  migrate(db);
  const rollup = new AgentStateRollup(db);
  rollup.catchUp(); // what start-up does: fold whatever a previous process left unfolded
  return { db, sessions: new AgentSessionRepository(db), rollup };
};

const rawChanges = (db: Db): StateChangeFact[] =>
  db.prepare<[], Parameters<typeof toFact>[0]>('SELECT id, agent_id, campaign_id, at, to_state, reason FROM agent_state_changes').all().map(toFact);

function comparable(rows: Iterable<{ agentId: number; campaignId: number; day: string; state: string; reason: string; ms: number }>): string[] {
  return [...rows].map((r) => `${stateTimeKey(r as never)}=${r.ms}`).sort();
}

/** One random change: mostly the next moment in the agent's day, sometimes a late write from the past. */
function randomChange(rnd: RandomSource, clock: Map<number, number>, agentId: number, campaigns: number[]) {
  const now = clock.get(agentId) ?? T0 + Math.floor(rnd() * 20 * HOUR);
  const late = rnd() < 0.1;
  const at = late ? now - Math.floor(rnd() * 30 * HOUR) : now + Math.floor(rnd() * (rnd() < 0.1 ? 30 * HOUR : 40 * 60_000));
  if (!late) clock.set(agentId, at);
  const to = AGENT_STATE_KINDS[Math.floor(rnd() * AGENT_STATE_KINDS.length)] as AgentStateKind;
  const reason = to === 'not_ready' ? (['lunch', 'break', 'joined'][Math.floor(rnd() * 3)] ?? null) : null;
  return { campaignId: campaigns[Math.floor(rnd() * campaigns.length)]!, at: new Date(at), to, reason };
}

describe('agent state rollup', () => {
  it('when random histories are written (late rows, raw rows, a restart in the middle), then the rollup always equals a recomputation from the raw rows', function () {
    this.timeout(60_000);
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = createSeededRandom(seed);
      const t = openTestDb();
      const file = path.join(t.dir, 'dialer.db');
      const boss = insertUser(t.db, 'boss', 'owner');
      const agents = [1, 2, 3].map((n) => insertUser(t.db, `agent${n}`, 'agent'));
      const repo = new CampaignRepository(t.db);
      const campaigns = ZONES.map((tz, i) => repo.create({ ...campaignDefaults(`c${i}`, 'preview'), timezone: tz }, boss, new Date(T0)).id);
      t.db.close();
      let w = open(file);
      const clock = new Map<number, number>();
      const steps = 40 + Math.floor(rnd() * 80);
      const restartAt = Math.floor(rnd() * steps);
      for (let i = 0; i < steps; i++) {
        const agentId = agents[Math.floor(rnd() * agents.length)]!;
        const c = randomChange(rnd, clock, agentId, campaigns);
        if (rnd() < 0.15) {
          // written without the rollup, as by a process before this migration or one that died mid-way
          w.db.prepare(`INSERT INTO agent_state_changes (campaign_id, agent_id, at, from_state, to_state, reason, event)
            VALUES (?, ?, ?, 'ready', ?, ?, 'setReady')`).run(c.campaignId, agentId, c.at.toISOString(), c.to, c.reason);
        } else {
          w.sessions.record(c.campaignId, { agentId, at: c.at, from: 'ready', to: c.to, reason: c.reason, leadId: null, event: 'setReady' },
            { agentId, joinedAt: new Date(T0), state: c.to === 'not_ready' ? { kind: 'not_ready', reason: c.reason ?? '' } : { kind: 'ready' }, since: c.at });
        }
        if (i === restartAt) { w.db.close(); w = open(file); }
        if (i % 10 === 0 || i === steps - 1) {
          w.rollup.catchUp();
          const expected = recomputeRollup(rawChanges(w.db), w.rollup.timeZoneOf);
          assert.deepEqual(comparable(w.rollup.rows()), comparable(expected.values()), `seed ${seed}, step ${i}`);
        }
      }
      assert.ok(w.rollup.rows().length > 0);
      w.db.close();
      t.close();
    }
  });
});

describe('agent attempt rollup', () => {
  it('when attempts are claimed, dialled, connected, ended, disposed, reassigned and deleted at random (and the database reopened), then the hourly rollup equals a recomputation', function () {
    this.timeout(60_000);
    const rnd = createSeededRandom(41);
    const t = openTestDb();
    const boss = insertUser(t.db, 'boss', 'owner');
    const agents = [1, 2, 3].map((n) => insertUser(t.db, `agent${n}`, 'agent'));
    const repo = new CampaignRepository(t.db);
    const campaigns = [0, 1].map((i) => repo.create(campaignDefaults(`c${i}`, 'preview'), boss, new Date(T0)).id);
    let db = t.db;
    const ids: number[] = [];
    const iso = (ms: number) => new Date(ms).toISOString();
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    for (let step = 0; step < 600; step++) {
      const r = rnd();
      if (r < 0.3 || ids.length === 0) {
        const claimed = T0 + Math.floor(rnd() * 48 * HOUR);
        ids.push(Number(db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, claimed_at) VALUES (?, 1, ?, 'preview', 'claimed', ?)`)
          .run(pick(campaigns), rnd() < 0.2 ? null : pick(agents), iso(claimed)).lastInsertRowid));
      } else if (r < 0.85) {
        const id = pick(ids);
        const a = db.prepare<[number], { claimed_at: string }>('SELECT claimed_at FROM dial_attempts WHERE id = ?').get(id);
        if (!a) continue;
        const at = Date.parse(a.claimed_at);
        const col = pick(['dialing_at', 'connected_at', 'ended_at', 'disposition', 'agent_id', 'claimed_at', 'reminded_at'] as const);
        const value = col === 'disposition' ? pick(['closed_deal', 'interested', 'skip', null])
          : col === 'agent_id' ? pick([...agents, null])
            : col === 'claimed_at' ? iso(at + Math.floor(rnd() * 2 * HOUR))
              : rnd() < 0.2 ? null : iso(at + Math.floor(rnd() * 20 * 60_000));
        db.prepare(`UPDATE dial_attempts SET ${col} = ? WHERE id = ?`).run(value, id);
      } else if (r < 0.95) {
        db.prepare('DELETE FROM dial_attempts WHERE id = ?').run(pick(ids));
      } else {
        db.close();
        db = openDatabase(path.join(t.dir, 'dialer.db'));
        migrate(db);
      }
      if (step % 50 === 49) assert.equal(new AgentPerformanceRepository(db).attemptRollupDifferences(), 0, `step ${step}`);
    }
    assert.ok(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM agent_attempt_rollup WHERE talk_ms > 0').get()!.n > 0);
    db.prepare('UPDATE agent_attempt_rollup SET calls = calls + 1 WHERE rowid = (SELECT MIN(rowid) FROM agent_attempt_rollup WHERE calls > 0)').run();
    assert.equal(new AgentPerformanceRepository(db).attemptRollupDifferences(), 2, 'the check sees a corrupted row (once each way)');
    db.close();
    t.close();
  });
});
