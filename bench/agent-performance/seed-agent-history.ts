import { campaignDefaults } from '../../src/domain/campaign-settings';
import { stateTimeKey, type StateTime } from '../../src/domain/agent-performance/agent-state-rollup';
import { localDayStart, nextDateKey } from '../../src/domain/agent-performance/local-day-span';
import type { AgentStateKind } from '../../src/domain/dialer/agent-session-state';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import { DISPOSITIONS } from '../../src/domain/disposition';
import { CampaignRepository } from '../../src/store/campaign-repository';
import type { Db } from '../../src/store/database';

export interface SeedOptions {
  agents: number; campaigns: number; days: number; firstDay: string;
  /** Share of days each agent works (default 0.55). */
  workRate?: number;
}
export interface Seeded { agentIds: number[]; changes: number; attempts: number; lastMs: number }

const ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'UTC', 'America/New_York'];
const MIN = 60_000;

/** Indexes dropped for the bulk load and rebuilt after it (faster than keeping them up row by row). */
function dropIndexes(db: Db, tables: string[]): string[] {
  const rows = db.prepare<[], { name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map((t) => `'${t}'`).join(',')})`).all();
  for (const r of rows) db.exec(`DROP INDEX ${r.name}`);
  return rows.map((r) => r.sql);
}

/**
 * A year of agent shifts inside each campaign's local working day: joined, then cycles of ready → ringing →
 * talking → wrap-up with breaks, then offline; one attempt per call and about 3% abandoned calls. The daily
 * rollup is summed while generating (shifts never cross local midnight); the bench checks it against a
 * recomputation from the raw rows for a sample of agents.
 */
export function seedAgentHistory(db: Db, o: SeedOptions, say: (s: string) => void): Seeded {
  const rnd = createSeededRandom(14);
  const workRate = o.workRate ?? 0.55;
  const now = '2025-01-01T00:00:00.000Z';
  const owner = Number(db.prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('boss', 'Boss', 'owner', 'x', ?, ?)`).run(now, now).lastInsertRowid);
  const addUser = db.prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, 'agent', 'x', ?, ?)`);
  const agentIds = db.transaction(() => Array.from({ length: o.agents }, (_, i) => Number(addUser.run(`agent${i + 1}`, `Agent ${i + 1}`, now, now).lastInsertRowid)))();
  const repo = new CampaignRepository(db);
  const campaigns = db.transaction(() => Array.from({ length: o.campaigns }, (_, i) => {
    const tz = ZONES[i % ZONES.length]!;
    return { id: repo.create({ ...campaignDefaults(`Campaign ${i + 1}`, 'preview'), timezone: tz }, owner, new Date(now)).id, tz };
  }))();
  const indexes = dropIndexes(db, ['agent_state_changes', 'dial_attempts']);
  const change = db.prepare('INSERT INTO agent_state_changes (campaign_id, agent_id, at, from_state, to_state, reason, event) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const attempt = db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, claimed_at, dialing_at, connected_at, ended_at, outcome, disposition, disposed_at)
    VALUES (?, ?, ?, 'preview', 'ended', ?, ?, ?, ?, ?, ?, ?)`);
  const rollup = db.prepare('INSERT INTO agent_state_rollup (agent_id, day, campaign_id, state, reason, ms) VALUES (?, ?, ?, ?, ?, ?)');
  let changes = 0;
  let attempts = 0;
  let lastMs = 0;
  const days: string[] = [];
  for (let d = o.firstDay; days.length < o.days; d = nextDateKey(d)) days.push(d);
  for (const [n, agentId] of agentIds.entries()) {
    const mine = [campaigns[n % campaigns.length]!, campaigns[(n * 7 + 3) % campaigns.length]!];
    db.transaction(() => {
      const sums = new Map<string, StateTime>();
      let prev: AgentStateKind = 'offline';
      for (const [i, day] of days.entries()) {
        if (rnd() >= workRate) continue;
        const c = mine[i % 2]!;
        let t = localDayStart(day, c.tz).getTime() + 8 * 60 * MIN + Math.floor(rnd() * 30 * MIN);
        const end = t + 8.5 * 60 * MIN;
        let open: { to: AgentStateKind; reason: string; at: number } | null = null;
        const push = (to: AgentStateKind, reason: string | null, event: string) => {
          if (open && open.to !== 'offline') {
            const key = stateTimeKey({ agentId, campaignId: c.id, day, state: open.to, reason: open.reason });
            const cur = sums.get(key);
            if (cur) cur.ms += t - open.at;
            else sums.set(key, { agentId, campaignId: c.id, day, state: open.to, reason: open.reason, ms: t - open.at });
          }
          change.run(c.id, agentId, new Date(t).toISOString(), prev, to, reason, event);
          changes++;
          prev = to;
          open = { to, reason: to === 'not_ready' ? reason ?? '' : '', at: t };
        };
        push('not_ready', 'joined', 'join');
        t += 2 * MIN + Math.floor(rnd() * 3 * MIN);
        while (t < end) {
          push('ready', null, 'setReady');
          t += 3 * MIN + Math.floor(rnd() * 5 * MIN);
          if (rnd() < 0.03) {
            attempt.run(c.id, attempts, null, new Date(t - 40_000).toISOString(), new Date(t - 40_000).toISOString(), null, new Date(t - MIN / 6).toISOString(), 'abandoned', null, null);
            attempts++;
          }
          if (rnd() < 0.05) {
            push('not_ready', rnd() < 0.5 ? 'break' : 'lunch', 'setNotReady');
            t += 10 * MIN + Math.floor(rnd() * 30 * MIN);
            continue;
          }
          const claimed = t;
          push('ringing', null, 'callStarted');
          t += 10_000 + Math.floor(rnd() * 10_000);
          const connected = t;
          push('talking', null, 'customerConnected');
          t += MIN + Math.floor(rnd() * 5 * MIN);
          const ended = t;
          push('wrap_up', null, 'callEnded');
          t += 20_000 + Math.floor(rnd() * 40_000);
          const disposition = DISPOSITIONS[Math.floor(rnd() * (DISPOSITIONS.length - 1))]!;
          attempt.run(c.id, attempts, agentId, new Date(claimed).toISOString(), new Date(claimed).toISOString(), new Date(connected).toISOString(),
            new Date(ended).toISOString(), 'answered', disposition, new Date(t).toISOString());
          attempts++;
        }
        push('offline', null, 'leave');
        lastMs = Math.max(lastMs, t);
      }
      for (const s of sums.values()) rollup.run(s.agentId, s.day, s.campaignId, s.state, s.reason, s.ms);
    })();
    if ((n + 1) % 50 === 0) say(`  ${n + 1}/${o.agents} agents, ${changes.toLocaleString('en-US')} state changes, ${attempts.toLocaleString('en-US')} attempts`);
  }
  say('  rebuilding indexes …');
  for (const sql of indexes) db.exec(sql);
  db.prepare('UPDATE agent_state_rollup_mark SET folded_through = (SELECT MAX(id) FROM agent_state_changes) WHERE id = 1').run();
  db.exec('ANALYZE');
  return { agentIds, changes, attempts, lastMs };
}
