import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { localDayStart, nextDateKey } from '../../src/domain/agent-performance/local-day-span';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import type { Actor } from '../../src/domain/roles';
import { AgentPerformanceService } from '../../src/services/agent-performance/agent-performance-service';
import { CallLogService } from '../../src/services/call-log/call-log-service';
import { callLogXlsx } from '../../src/services/call-log/call-log-xlsx';
import { CampaignOverviewService } from '../../src/services/campaign-overview/campaign-overview-service';
import { AgentPerformanceRepository } from '../../src/store/agent-performance/agent-performance-repository';
import { AgentStateRollup } from '../../src/store/agent-performance/agent-state-rollup';
import { CallLogRepository } from '../../src/store/call-log/call-log-repository';
import { CampaignOverviewRepository } from '../../src/store/campaign-overview/campaign-overview-repository';
import { openDatabase, type Db } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { rollupMatchesRecomputation } from '../agent-performance/rollup-check';
import { seedAgentHistory } from '../agent-performance/seed-agent-history';
import { recordFigures, type BenchFigure } from '../summary/bench-figure';
import { seedBigCampaign, seedCallRecords } from './seed-report-calls';

/**
 * npm run bench:reports (issue 14 item 8) — the reports at call-center scale, on one database holding all of it:
 * a year of 500 agents over 1,000 campaigns, each working 60% of the days (over 20 million agent state changes and
 * 5 million attempts, from the agent performance seeder), one predictive campaign dialling around the clock (about 600,000 more attempts, in SQL),
 * and a call record per dialled attempt (written from the attempts in SQL). Then, in the same run: the overview of
 * that campaign over a month, the agent performance of 50 agents over a month and a filtered call-log page (p50/p99
 * over BENCH_RUNS runs each, target p99 ≤ 100 ms), the export of 100,000 calls to .xlsx through the service's export
 * path (≤ 15 s) and the peak RSS (≤ 400 MB). BENCH_AGENTS, BENCH_CAMPAIGNS, BENCH_DAYS (≥ 61), BENCH_EXPORT_ROWS and
 * BENCH_RUNS scale it down; BENCH_DIR keeps the database. A benchmark, not a test: it reports, it does not fail on a miss.
 */
const AGENTS = Number(process.env.BENCH_AGENTS ?? 500);
const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 1000);
const DAYS = Math.max(61, Number(process.env.BENCH_DAYS ?? 365));
const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 40));
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const FIRST_DAY = '2025-12-01';
const DAY_MS = 86_400_000;
const EXPORT_DAYS = 61;
const WARM_UP = 3;

const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const dayAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const verdict = (value: number, goal: number) => (value <= goal ? 'MET' : 'MISSED');

interface Timing { p50: number; p99: number; cpu50: number }

/** Runs `f` WARM_UP + RUNS times (the first ones warm the page cache and the statements); wall and CPU time. */
function time(f: (i: number) => void): Timing {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + WARM_UP; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    f(i);
    const c = process.cpuUsage(c0);
    if (i >= WARM_UP) { ms.push(Number(process.hrtime.bigint() - t0) / 1e6); cpu.push((c.user + c.system) / 1000); }
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), cpu50: quantile(cpu, 0.5) };
}

const timingLine = (what: string, t: Timing, goal: number) =>
  `${what}: p50 ${fmt(t.p50, 1)} ms, p99 ${fmt(t.p99, 1)} ms (goal p99 ≤ ${goal} ms: ${verdict(t.p99, goal)}); CPU p50 ${fmt(t.cpu50, 1)} ms`;

/** The last whole calendar month of the seeded days. */
function lastWholeMonth(lastDay: string): { from: string; to: string } {
  const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const back = d === monthEnd ? 0 : 1;
  return { from: dayAt(Date.UTC(y, m - 1 - back, 1)), to: dayAt(Date.UTC(y, m - back, 0)) };
}

/** The state rollup of a few agents against a recomputation from their raw rows. */
function checkRollup(db: Db, agentIds: readonly number[]): void {
  for (const agentId of agentIds) {
    const { changes, same } = rollupMatchesRecomputation(db, agentId);
    say(`  state rollup of agent ${agentId} (${fmt(changes)} changes) ${same ? 'equals' : 'DIFFERS FROM'} a recomputation from the raw rows`);
  }
}

function seed(db: Db, file: string) {
  say(`seeding ${fmt(AGENTS)} agents, ${fmt(CAMPAIGNS)} campaigns, ${DAYS} days into ${file} …`);
  const started = Date.now();
  db.pragma('synchronous = OFF');
  const history = seedAgentHistory(db, { agents: AGENTS, campaigns: CAMPAIGNS, days: DAYS, firstDay: FIRST_DAY, workRate: 0.6 }, say);
  const agentSeconds = (Date.now() - started) / 1000;
  const firstMs = Date.parse(`${FIRST_DAY}T00:00:00Z`);
  const endMs = firstMs + DAYS * DAY_MS;
  const campaignId = db.prepare<[], { id: number }>('SELECT MIN(id) AS id FROM campaigns').get()!.id;
  const tz = db.prepare<[number], { timezone: string }>('SELECT timezone FROM campaigns WHERE id = ?').get(campaignId)!.timezone;
  // The export reads the campaign's calls over its last EXPORT_DAYS local days: exactly EXPORT_ROWS of them, counting
  // those its agents already made, with 10 minutes' quiet at both edges so no call straddles them.
  const lastDay = dayAt(endMs - DAY_MS);
  const exportFrom = localDayStart(dayAt(endMs - EXPORT_DAYS * DAY_MS), tz).getTime();
  const exportTo = localDayStart(nextDateKey(lastDay), tz).getTime();
  const already = db.prepare<[number, string, string], { n: number }>(`SELECT COUNT(*) AS n FROM dial_attempts WHERE campaign_id = ?
    AND dialing_at IS NOT NULL AND COALESCE(ended_at, dialing_at) >= ? AND COALESCE(ended_at, dialing_at) < ?`)
    .get(campaignId, new Date(exportFrom).toISOString(), new Date(exportTo).toISOString())!.n;
  const quiet = 600_000;
  const inRange = EXPORT_ROWS - already;
  const before = Math.round(((exportFrom - quiet - firstMs) / (exportTo - exportFrom)) * inRange);
  const t1 = Date.now();
  const big = seedBigCampaign(db, {
    campaignId, agentIds: history.agentIds.slice(0, 40),
    stretches: [{ fromMs: firstMs, toMs: exportFrom - quiet, n: before }, { fromMs: exportFrom + quiet, toMs: exportTo - quiet, n: inRange }],
  });
  const bigSeconds = (Date.now() - t1) / 1000;
  const t2 = Date.now();
  const calls = seedCallRecords(db);
  const callSeconds = (Date.now() - t2) / 1000;
  db.exec('ANALYZE');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()!.n;
  const attempts = count('SELECT COUNT(*) AS n FROM dial_attempts');
  const seconds = (Date.now() - started) / 1000;
  say(`  ${fmt(history.changes)} agent state changes, ${fmt(attempts)} attempts (${fmt(big)} of them campaign ${campaignId}'s, predictive), `
    + `${fmt(calls)} call records, ${fmt(count('SELECT COUNT(*) AS n FROM agent_state_rollup'))} state rollup rows; ${fmt(statSync(file).size / 1e6)} MB`);
  say(`  seeding took ${fmt(seconds, 1)} s (agent history ${fmt(agentSeconds, 1)} s, the predictive campaign ${fmt(bigSeconds, 1)} s, `
    + `call records ${fmt(callSeconds, 1)} s, the rest indexes and ANALYZE)`);
  return { ...history, campaignId, endMs, seconds, attempts, calls, exportRange: { from: dayAt(endMs - EXPORT_DAYS * DAY_MS), to: lastDay } };
}

type SeedFacts = ReturnType<typeof seed>;

/** The reports, in a fresh process on the seeded database, so the peak RSS is what serving them takes. */
async function reports(dir: string): Promise<void> {
  const file = path.join(dir, 'dialer.db');
  const s = JSON.parse(readFileSync(path.join(dir, 'seeded.json'), 'utf8')) as SeedFacts;
  const db = openDatabase(file);
  try {
    const owner: Actor = { id: db.prepare<[], { id: number }>("SELECT id FROM users WHERE username = 'boss'").get()!.id, role: 'owner' };
    const clock = { now: () => new Date(Math.max(s.lastMs, s.endMs) + 3_600_000) };
    const lastDay = dayAt(s.endMs - DAY_MS);
    const month = lastWholeMonth(lastDay);
    const figures: BenchFigure[] = [];
    const detail = `${fmt(s.changes)} state changes, ${fmt(s.attempts)} attempts, ${fmt(s.calls)} calls seeded; ${RUNS} runs`;

    const overview = new CampaignOverviewService(new CampaignOverviewRepository(db), clock);
    const one = overview.report(owner, { ...month, campaignIds: [s.campaignId] });
    const ov = time(() => overview.report(owner, { ...month, campaignIds: [s.campaignId] }));
    say(timingLine(`overview of campaign ${s.campaignId}, ${month.from} – ${month.to} (${fmt(one.campaigns[0]!.total.attempts)} attempts)`, ov, 100));
    figures.push({ name: 'overview of one campaign-month, p99', value: ov.p99, unit: 'ms', goal: 100, better: 'lower', detail: `${fmt(one.campaigns[0]!.total.attempts)} attempts in the month; ${detail}` });

    const perf = new AgentPerformanceService(new AgentPerformanceRepository(db), new AgentStateRollup(db), clock);
    const rnd = createSeededRandom(7);
    const months = Math.max(1, Math.floor(DAYS / 31));
    let agentDays = 0;
    const ap = time(() => {
      const ids = new Set<number>();
      while (ids.size < Math.min(50, s.agentIds.length)) ids.add(s.agentIds[Math.floor(rnd() * s.agentIds.length)]!);
      const m = Math.floor(rnd() * months);
      const r = perf.report(owner, { from: dayAt(Date.UTC(2025, 11 + m, 1)), to: dayAt(Date.UTC(2025, 12 + m, 0)), agentIds: [...ids] });
      agentDays = r.agents.reduce((n, a) => n + a.days.length, 0);
    });
    say(timingLine(`agent performance, 50 agents × a month (${fmt(agentDays)} agent-days)`, ap, 100));
    figures.push({ name: 'agent performance, 50 agents × 1 month, p99', value: ap.p99, unit: 'ms', goal: 100, better: 'lower', detail });

    const log = new CallLogService(new CallLogRepository(db), new AgentPerformanceRepository(db), dir);
    const busy = time(() => log.page(owner, { ...month, outcome: 'busy' }, 50, 0));
    say(timingLine(`call log, every campaign, outcome busy, ${month.from} – ${month.to}, first page of 50`, busy, 100));
    figures.push({ name: 'call log page filtered by outcome over a month, p99', value: busy.p99, unit: 'ms', goal: 100, better: 'lower', detail });
    const agentId = s.agentIds[Math.floor(s.agentIds.length / 3)]!;
    const mixed = time((i) => log.page(owner, { ...month, agentId, outcome: 'answered' }, 50, 50 * (i % 3)));
    say(timingLine(`call log, agent ${agentId}, outcome answered, a month, pages 1–3`, mixed, 100));

    const beforeExport = process.resourceUsage().maxRSS / 1024;
    say(`peak RSS before the export ${fmt(beforeExport)} MB`);
    const exportRange = { ...s.exportRange, campaignId: s.campaignId };
    const t0 = Date.now();
    const c0 = process.cpuUsage();
    const xlsx = await callLogXlsx(log, log.planExport(owner, exportRange), 'en');
    const exportSeconds = (Date.now() - t0) / 1000;
    const exportCpu = process.cpuUsage(c0);
    writeFileSync(path.join(dir, 'calls.xlsx'), xlsx.body);
    say(`export of campaign ${s.campaignId}'s calls ${exportRange.from} – ${exportRange.to} to .xlsx: ${fmt(xlsx.rows)} rows, ${fmt(xlsx.body.length / 1e6, 1)} MB `
      + `in ${fmt(exportSeconds, 1)} s (goal ≤ 15 s: ${verdict(exportSeconds, 15)}); CPU ${fmt((exportCpu.user + exportCpu.system) / 1e6, 1)} s (both threads)`);
    figures.push({ name: `export of ${fmt(xlsx.rows)} calls to .xlsx`, value: exportSeconds, unit: 's', goal: 15, better: 'lower', detail: 'read in batches of 1,000, workbook built in the worker thread' });

    const rss = process.resourceUsage().maxRSS / 1024;
    say(`peak RSS ${fmt(rss)} MB (goal ≤ 400 MB: ${verdict(rss, 400)}; the worker thread that builds the workbook is in the same process)`);
    figures.push({ name: 'reports peak RSS', value: rss, unit: 'MB', goal: 400, better: 'lower', detail: `the reports and the export in a fresh process; ${fmt(beforeExport)} MB before the export` });
    recordFigures('reports', figures);
  } finally {
    db.close();
  }
}

/**
 * Seeds (or, with BENCH_REUSE=1 and BENCH_DIR, reuses the database seeded before), then runs the reports in a
 * child process.
 */
async function main(): Promise<void> {
  if (process.argv.includes('--reports')) return reports(process.env.BENCH_DIR!);
  const dir = process.env.BENCH_DIR ?? mkdtempSync(path.join(tmpdir(), 'dialer-bench-reports-'));
  const file = path.join(dir, 'dialer.db');
  say(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes share these cores)`);
  try {
    const db = openDatabase(file);
    try {
      const reuse = process.env.BENCH_REUSE === '1' && existsSync(path.join(dir, 'seeded.json'));
      migrate(db);
      if (reuse) say(`reusing the database seeded before in ${dir}`);
      else {
        const s = seed(db, file);
        checkRollup(db, [s.agentIds[0]!, s.agentIds[s.agentIds.length - 1]!]);
        writeFileSync(path.join(dir, 'seeded.json'), JSON.stringify(s));
        say(`  peak RSS while seeding ${fmt(process.resourceUsage().maxRSS / 1024)} MB (not a figure: the reports run in a fresh process)`);
      }
    } finally {
      db.close();
    }
    const r = spawnSync(process.execPath, [__filename, '--reports'], { stdio: 'inherit', env: { ...process.env, BENCH_DIR: dir } });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  } finally {
    if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
