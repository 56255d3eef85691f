import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { campaignDefaults } from '../../src/domain/campaign-settings';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import type { Actor } from '../../src/domain/roles';
import { CallLogService, type CallLogQuery } from '../../src/services/call-log/call-log-service';
import { AgentPerformanceRepository } from '../../src/store/agent-performance/agent-performance-repository';
import { CallLogRepository } from '../../src/store/call-log/call-log-repository';
import { CampaignRepository } from '../../src/store/campaign-repository';
import { openDatabase } from '../../src/store/database';
import { recordFigures, type BenchFigure } from '../summary/bench-figure';
import { migrate } from '../../src/store/migrator';

/**
 * node dist/bench/call-log/run-call-log-bench.js — seeds BENCH_CALLS call records (default 2 million) over a year,
 * BENCH_CAMPAIGNS campaigns in three time zones and 200 agents, then times the call log's first page, a deep page,
 * one campaign's, one agent's and an admin's page, a number search, and the stats, each over a day and a month.
 * A benchmark, not a test: it reports, it does not fail on a miss.
 */
const CALLS = Number(process.env.BENCH_CALLS ?? 2_000_000);
const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 60);
const AGENTS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const FIRST_MS = Date.parse('2025-12-01T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;
const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'Asia/Kolkata'];
const OUTCOMES = ['answered', 'busy', 'no_answer', 'no_answer', 'answered', 'machine', 'congestion', 'abandoned'] as const;
const CAUSE = { answered: 16, busy: 17, no_answer: 19, machine: 16, congestion: 34, abandoned: 16 } as const;

const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function seed(db: ReturnType<typeof openDatabase>): { owner: number; admin: number; agent: number; campaign: number } {
  const now = new Date().toISOString();
  const user = db.prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?)`);
  const owner = Number(user.run('boss', 'Boss', 'owner', now, now).lastInsertRowid);
  const admin = Number(user.run('sue', 'Sue', 'admin', now, now).lastInsertRowid);
  const agents = Array.from({ length: AGENTS }, (_, i) => Number(user.run(`agent${i}`, `Agent ${i}`, 'agent', now, now).lastInsertRowid));
  const repo = new CampaignRepository(db);
  const campaigns = db.transaction(() => Array.from({ length: CAMPAIGNS }, (_, i) =>
    repo.create({ ...campaignDefaults(`C${i}`, 'preview'), timezone: ZONES[i % ZONES.length]! }, i % 6 === 0 ? admin : owner, new Date(now)).id))();
  const rnd = createSeededRandom(43);
  const insert = db.prepare(`INSERT INTO call_records (flow, campaign_id, agent_id, phone_number, dial_at, answer_at, bridge_at, end_at, hangup_cause, outcome, end_reason)
    VALUES ('agent-first', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < CALLS; i++) {
      const dial = FIRST_MS + Math.floor((i / CALLS) * YEAR_MS);
      const outcome = OUTCOMES[Math.floor(rnd() * OUTCOMES.length)]!;
      const answered = outcome === 'answered' || outcome === 'machine' || outcome === 'abandoned';
      const answer = answered ? dial + 8_000 : null;
      const bridge = outcome === 'answered' ? dial + 9_000 : null;
      const end = bridge ? bridge + Math.floor(rnd() * 600_000) : dial + 20_000;
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      insert.run(campaigns[i % CAMPAIGNS]!, outcome === 'answered' ? agents[i % AGENTS]! : null, `+849${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
        iso(dial), iso(answer), iso(bridge), iso(end), CAUSE[outcome], outcome, outcome === 'answered' ? 'customer_hangup' : 'not_reached');
    }
  })();
  return { owner, admin, agent: agents[7]!, campaign: campaigns[1]! };
}

/** Times `f` RUNS times, prints p50 and max, and answers the p99. */
function time(what: string, f: () => unknown): number {
  const ms: number[] = [];
  let size = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = f() as { total?: number; calls?: number };
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    size = r.total !== undefined ? `${fmt(r.total)} calls` : `${fmt(r.calls ?? 0)} calls`;
  }
  ms.sort((a, b) => a - b);
  say(`  ${what.padEnd(44)} p50 ${fmt(ms[Math.floor(ms.length / 2)]!, 1).padStart(8)} ms   max ${fmt(ms[ms.length - 1]!, 1).padStart(8)} ms   (${size})`);
  return ms[Math.min(ms.length - 1, Math.floor(0.99 * ms.length))]!;
}

function main(): void {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(path.join(tmpdir(), 'dialer-bench-call-log-'));
  const file = path.join(dir, 'dialer.db');
  say(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes share these cores)`);
  const db = openDatabase(file);
  try {
    migrate(db);
    const started = Date.now();
    db.pragma('synchronous = OFF');
    const ids = seed(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    say(`seeded ${fmt(CALLS)} calls, ${CAMPAIGNS} campaigns: ${fmt(statSync(file).size / 1e6)} MB, ${fmt((Date.now() - started) / 1000, 1)} s`);
    const log = new CallLogService(new CallLogRepository(db), new AgentPerformanceRepository(db), dir);
    const owner: Actor = { id: ids.owner, role: 'owner' };
    const admin: Actor = { id: ids.admin, role: 'admin' };
    const agent: Actor = { id: ids.agent, role: 'agent' };
    const day: CallLogQuery = { from: '2026-06-15', to: '2026-06-15' };
    const month: CallLogQuery = { from: '2026-06-01', to: '2026-06-30' };
    const figures: BenchFigure[] = [];
    for (const [name, q] of [['a day', day], ['a month', month]] as const) {
      say(`${name}:`);
      time('owner, first page of 50', () => log.page(owner, q, 50, 0));
      time('owner, page 100 (offset 4,950)', () => log.page(owner, q, 50, 4950));
      const campaignPage = time('one campaign, first page', () => log.page(owner, { ...q, campaignId: ids.campaign }, 50, 0));
      time('an admin (a sixth of the campaigns), first page', () => log.page(admin, q, 50, 0));
      time('an agent, own calls, first page', () => log.page(agent, q, 50, 0));
      const filtered = time('owner, outcome busy, first page', () => log.page(owner, { ...q, outcome: 'busy' }, 50, 0));
      if (q === month) {
        const detail = `${fmt(CALLS)} calls over a year, a month's range, ${RUNS} runs`;
        figures.push({ name: 'call log page, one campaign, p99', value: campaignPage, unit: 'ms', goal: 100, better: 'lower', detail });
        figures.push({ name: 'call log page filtered by outcome, p99', value: filtered, unit: 'ms', goal: 100, better: 'lower', detail });
      }
      time('owner, number contains 12345', () => log.page(owner, { ...q, number: '12345' }, 50, 0));
      time('owner, stats', () => log.stats(owner, q));
      time('one campaign, stats', () => log.stats(owner, { ...q, campaignId: ids.campaign }));
    }
    recordFigures('call-log', figures);
  } finally {
    db.close();
    if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

main();
