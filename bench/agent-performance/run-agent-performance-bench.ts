import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import { AgentPerformanceService } from '../../src/services/agent-performance/agent-performance-service';
import { AgentPerformanceRepository } from '../../src/store/agent-performance/agent-performance-repository';
import { AgentStateRollup } from '../../src/store/agent-performance/agent-state-rollup';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { rollupMatchesRecomputation } from './rollup-check';
import { seedAgentHistory } from './seed-agent-history';
import { recordFigures } from '../summary/bench-figure';

/**
 * npm run bench:agent-performance — seeds a year of history for 500 agents and 1,000 campaigns (about 20 million
 * agent state changes and 5 million attempts), checks the daily rollup against a recomputation from the raw rows
 * for a sample of agents, then times the agent performance report of 50 agents over a month (target p99 ≤ 100 ms)
 * and reports peak RSS (target ≤ 400 MB). BENCH_AGENTS, BENCH_CAMPAIGNS, BENCH_DAYS and BENCH_RUNS scale it down.
 * A benchmark, not a test: it reports, it does not fail on a miss.
 */
const AGENTS = Number(process.env.BENCH_AGENTS ?? 500);
const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 1000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const FIRST_DAY = '2025-12-01';

const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function main(): void {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(path.join(tmpdir(), 'dialer-bench-agent-perf-'));
  const file = path.join(dir, 'dialer.db');
  say(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes share these cores)`);
  const db = openDatabase(file);
  try {
    migrate(db);
    say(`seeding ${fmt(AGENTS)} agents, ${fmt(CAMPAIGNS)} campaigns, ${DAYS} days into ${file} …`);
    const started = Date.now();
    db.pragma('synchronous = OFF');
    const seeded = seedAgentHistory(db, { agents: AGENTS, campaigns: CAMPAIGNS, days: DAYS, firstDay: FIRST_DAY }, say);
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const rollupRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM agent_state_rollup').get()!.n;
    say(`  ${fmt(seeded.changes)} state changes, ${fmt(seeded.attempts)} attempts, ${fmt(rollupRows)} rollup rows, `
      + `${fmt(statSync(file).size / 1e6)} MB, ${fmt((Date.now() - started) / 1000, 1)} s`);

    const sample = [seeded.agentIds[0]!, seeded.agentIds[Math.floor(AGENTS / 2)]!, seeded.agentIds[AGENTS - 1]!];
    for (const agentId of sample) {
      const { changes, same } = rollupMatchesRecomputation(db, agentId);
      say(`  rollup of agent ${agentId} (${fmt(changes)} changes) ${same ? 'equals' : 'DIFFERS FROM'} a recomputation from the raw rows`);
    }

    const clock = { now: () => new Date(seeded.lastMs + 3_600_000) };
    const service = new AgentPerformanceService(new AgentPerformanceRepository(db), new AgentStateRollup(db), clock);
    const rnd = createSeededRandom(7);
    const times: number[] = [];
    const cpu: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const ids = new Set<number>();
      while (ids.size < Math.min(50, AGENTS)) ids.add(seeded.agentIds[Math.floor(rnd() * AGENTS)]!);
      const month = Math.floor(rnd() * Math.max(1, Math.floor(DAYS / 31)));
      const first = new Date(Date.UTC(2025, 11 + month, 1));
      const last = new Date(Date.UTC(2025, 12 + month, 0));
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      const r = service.report({ id: 1, role: 'owner' }, { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10), agentIds: [...ids] });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      if (i >= 3) { times.push(ms); cpu.push((c.user + c.system) / 1000); } // the first runs warm the page cache and the statements
      rows = r.agents.reduce((n, a) => n + a.days.length, 0);
      if (i === 3) say(`  a month of 50 agents: ${fmt(rows)} agent-days, ${fmt(r.team.total.calls)} calls, team occupancy ${fmt((r.team.total.occupancy ?? 0) * 100, 1)}%`);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const p99 = quantile(times, 0.99);
    const rss = process.resourceUsage().maxRSS / 1024;
    say(`agent performance, 50 agents × 1 month, ${RUNS} runs: p50 ${fmt(quantile(times, 0.5), 1)} ms, p99 ${fmt(p99, 1)} ms `
      + `(target ≤ 100 ms: ${p99 <= 100 ? 'ok' : 'MISS'}); CPU time p50 ${fmt(quantile(cpu, 0.5), 1)} ms, p99 ${fmt(quantile(cpu, 0.99), 1)} ms `
      + '(what the run costs on an idle core when other processes share the machine)');
    say(`peak RSS ${fmt(rss)} MB (target ≤ 400 MB: ${rss <= 400 ? 'ok' : 'MISS'})`);
    recordFigures('agent-performance', [
      { name: 'agent performance, 50 agents × 1 month, p99', value: p99, unit: 'ms', goal: 100, better: 'lower', detail: `${fmt(AGENTS)} agents, ${DAYS} days seeded` },
      { name: 'agent performance peak RSS', value: rss, unit: 'MB', goal: 400, better: 'lower' },
    ]);
  } finally {
    db.close();
    if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

main();
