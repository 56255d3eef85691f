import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { campaignDefaults } from '../../src/domain/campaign-settings';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import { CampaignOverviewService } from '../../src/services/campaign-overview/campaign-overview-service';
import { CampaignOverviewRepository } from '../../src/store/campaign-overview/campaign-overview-repository';
import { CampaignRepository } from '../../src/store/campaign-repository';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { recordFigures } from '../summary/bench-figure';

/**
 * npm run bench:campaign-overview — seeds BENCH_CAMPAIGNS campaigns (default 20, half predictive, in UTC+7) with
 * BENCH_ATTEMPTS attempts each over BENCH_DAYS days (default 100,000 over 90 days: about 1,100 a day), then times
 * the overview of one campaign over a month and of every campaign over a month (BENCH_RUNS each). A benchmark,
 * not a test: it reports, it does not fail on a miss.
 */
const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 20);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 100_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 90);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const START = Date.parse('2026-09-01T00:00:00Z');

const say = (line: string) => process.stdout.write(`${line}\n`);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const OUTCOMES = ['answered', 'answered', 'busy', 'no_answer', 'no_answer', 'machine', 'abandoned', 'failed'] as const;
const DISPOSITIONS = ['closed_deal', 'interested', 'not_interested', 'callback', null] as const;

function seed(db: ReturnType<typeof openDatabase>): number[] {
  db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('owner', 'owner', 'owner', 'x', '2026-01-01', '2026-01-01')").run();
  const campaigns = new CampaignRepository(db);
  const rnd = createSeededRandom(11);
  const ins = db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, claimed_at, dialing_at, answered_at, connected_at, ended_at, outcome, disposition)
    VALUES (?, 1, NULL, ?, 'ended', ?, ?, ?, ?, ?, ?, ?)`);
  const ids: number[] = [];
  for (let c = 0; c < CAMPAIGNS; c++) {
    const mode = c % 2 === 0 ? 'predictive' : 'progressive';
    const id = campaigns.create({ ...campaignDefaults(`C${c}`, mode), timezone: 'Asia/Ho_Chi_Minh' }, 1, new Date(START)).id;
    ids.push(id);
    db.transaction(() => {
      for (let i = 0; i < ATTEMPTS; i++) {
        const t = START + Math.floor(rnd() * DAYS * 86_400_000);
        const outcome = OUTCOMES[Math.floor(rnd() * OUTCOMES.length)]!;
        const answered = outcome === 'answered' || outcome === 'abandoned' || outcome === 'machine';
        const connected = outcome === 'answered';
        const iso = (ms: number) => new Date(t + ms).toISOString();
        ins.run(id, mode, iso(0), iso(0), answered ? iso(15_000) : null, connected ? iso(20_000) : null, iso(connected ? 200_000 : 30_000), outcome,
          connected ? DISPOSITIONS[Math.floor(rnd() * DISPOSITIONS.length)] ?? null : null);
      }
    })();
  }
  return ids;
}

/** Wall time and CPU time (the fairer figure on cores other processes share), after two warm-up runs. */
/** Times `run` (the first two runs warm up), prints wall and CPU figures, and answers the wall p99. */
function time(label: string, run: () => void): number {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    if (i >= 2) { ms.push(Number(process.hrtime.bigint() - t0) / 1e6); cpu.push((c.user + c.system) / 1000); }
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  say(`  ${label}: wall p50 ${quantile(ms, 0.5).toFixed(0)} ms, p99 ${quantile(ms, 0.99).toFixed(0)} ms; cpu p50 ${quantile(cpu, 0.5).toFixed(0)} ms`);
  return quantile(ms, 0.99);
}

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialer-bench-overview-'));
  say(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes share these cores)`);
  const db = openDatabase(path.join(dir, 'dialer.db'));
  try {
    migrate(db);
    db.pragma('synchronous = OFF');
    const started = Date.now();
    const ids = seed(db);
    say(`seeded ${CAMPAIGNS} campaigns × ${ATTEMPTS.toLocaleString('en-US')} attempts over ${DAYS} days in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const service = new CampaignOverviewService(new CampaignOverviewRepository(db), { now: () => new Date(START + DAYS * 86_400_000) });
    const owner = { id: 1, role: 'owner' as const };
    const month = { from: '2026-10-01', to: '2026-10-31' };
    const one = service.report(owner, { ...month, campaignIds: [ids[0]!] });
    say(`  one campaign, a month: ${one.campaigns[0]!.total.attempts.toLocaleString('en-US')} attempts`);
    const p99 = time('one campaign over a month', () => service.report(owner, { ...month, campaignIds: [ids[0]!] }));
    time(`all ${CAMPAIGNS} campaigns over a month`, () => service.report(owner, month));
    recordFigures('campaign-overview', [{
      name: 'overview of one campaign-month, p99', value: p99, unit: 'ms', goal: 100, better: 'lower',
      detail: `${one.campaigns[0]!.total.attempts.toLocaleString('en-US')} attempts in the month, ${RUNS} runs`,
    }]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
