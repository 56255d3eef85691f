import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { campaignDefaults } from '../../src/domain/campaign-settings';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';
import type { Actor } from '../../src/domain/roles';
import { CustomerResultsService, type CustomerQuery } from '../../src/services/customer-results/customer-results-service';
import { AgentPerformanceRepository } from '../../src/store/agent-performance/agent-performance-repository';
import { CampaignRepository } from '../../src/store/campaign-repository';
import { CustomerResultsRepository } from '../../src/store/customer-results/customer-results-repository';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { recordFigures, type BenchFigure } from '../summary/bench-figure';

/**
 * node dist/bench/customer-results/run-customer-results-bench.js — seeds one campaign of BENCH_ENTRIES contacts
 * (default 1 million; a smaller second campaign beside it), about 1.5 attempts per called contact with script answers,
 * then times the customer results' first and a deep page under each sort, the filters, and the export's reading rate
 * (BENCH_EXPORT_ROWS rows, keyset batches of 1,000). A benchmark, not a test: it reports, it does not fail on a miss.
 */
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const AGENTS = 100;
const STATUSES = ['not_started', 'failed_will_retry', 'success', 'retries_exhausted', 'callback_scheduled', 'do_not_call_again'] as const;
const DISPOSITIONS = ['closed_deal', 'interested', 'not_interested', 'callback', null, null] as const;

const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function seed(db: ReturnType<typeof openDatabase>): { owner: number; agent: number; campaign: number } {
  const now = new Date().toISOString();
  const user = db.prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?)`);
  const owner = Number(user.run('boss', 'Boss', 'owner', now, now).lastInsertRowid);
  const agents = Array.from({ length: AGENTS }, (_, i) => Number(user.run(`agent${i}`, `Agent ${i}`, 'agent', now, now).lastInsertRowid));
  const script = Number(db.prepare("INSERT INTO scripts (name, sharing, created_by, created_at, updated_at) VALUES ('S', 'all_admins', ?, ?, ?)").run(owner, now, now).lastInsertRowid);
  const question = db.prepare("INSERT INTO script_questions (script_id, position, kind, text) VALUES (?, ?, 'free_text', ?)");
  const questions = [1, 2, 3].map((p) => Number(question.run(script, p, `Question ${p}`).lastInsertRowid));
  const repo = new CampaignRepository(db);
  const campaign = repo.create({ ...campaignDefaults('Big', 'preview'), timezone: 'Asia/Ho_Chi_Minh', scriptId: script }, owner, new Date(now)).id;
  const other = repo.create({ ...campaignDefaults('Small', 'preview'), timezone: 'UTC' }, owner, new Date(now)).id;
  const rnd = createSeededRandom(46);
  const contact = db.prepare('INSERT INTO contacts (name, name_folded, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const phone = db.prepare("INSERT INTO contact_phones (contact_id, position, e164, type) VALUES (?, 0, ?, 'mobile')");
  const entry = db.prepare(`INSERT INTO campaign_contacts (campaign_id, contact_id, phone, status, attempts, last_outcome, last_disposition, agent_id, added_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const attempt = db.prepare(`INSERT INTO dial_attempts (campaign_id, lead_id, contact_id, agent_id, mode, state, claimed_at, dialing_at, ended_at, outcome)
    VALUES (?, ?, ?, ?, 'preview', 'ended', ?, ?, ?, ?)`);
  const answer = db.prepare('INSERT INTO dial_attempt_answers (attempt_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)');
  const first = Date.parse('2026-06-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < ENTRIES + ENTRIES / 10; i++) {
      const camp = i < ENTRIES ? campaign : other;
      const name = `Khách ${Math.floor(rnd() * 1e9).toString(36)}`;
      const e164 = `+849${String(i).padStart(8, '0')}`;
      const c = Number(contact.run(name, name.toLowerCase(), now, now).lastInsertRowid);
      phone.run(c, e164);
      const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
      const tries = status === 'not_started' ? 0 : 1 + Math.floor(rnd() * 2);
      const agent = agents[Math.floor(rnd() * AGENTS)]!;
      const e = Number(entry.run(camp, c, e164, status, tries, tries ? 'answered' : null, tries ? DISPOSITIONS[Math.floor(rnd() * DISPOSITIONS.length)] : null,
        agent, now, now).lastInsertRowid);
      for (let k = 0; k < tries; k++) {
        const at = new Date(first + Math.floor(rnd() * 60 * 86_400_000)).toISOString();
        const a = Number(attempt.run(camp, e, c, agent, at, at, at, 'answered').lastInsertRowid);
        if (camp === campaign && k === tries - 1) for (const q of questions) answer.run(a, q, JSON.stringify(`answer ${q}`), at);
      }
    }
  })();
  return { owner, agent: agents[3]!, campaign };
}

function time(what: string, f: () => { total: number; items: unknown[] }): number {
  const ms: number[] = [];
  let size = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = f();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    size = `${fmt(r.items.length)} rows of ${fmt(r.total)}`;
  }
  ms.sort((a, b) => a - b);
  say(`  ${what.padEnd(46)} p50 ${fmt(ms[Math.floor(ms.length / 2)]!, 1).padStart(8)} ms   max ${fmt(ms[ms.length - 1]!, 1).padStart(8)} ms   (${size})`);
  return ms[Math.min(ms.length - 1, Math.floor(0.99 * ms.length))]!;
}

async function exportRate(svc: CustomerResultsService, owner: Actor, q: CustomerQuery): Promise<number> {
  const t0 = Date.now();
  let rows = 0;
  for await (const batch of svc.exportBatches(svc.plan(owner, q))) {
    rows += batch.length;
    if (rows >= EXPORT_ROWS) break;
  }
  const perSecond = rows / Math.max(0.001, (Date.now() - t0) / 1000);
  say(`  export, sort ${q.sort} ${q.order}: ${fmt(rows)} rows read at ${fmt(perSecond)} rows/s`);
  return perSecond;
}

async function main(): Promise<void> {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(path.join(tmpdir(), 'dialer-bench-customers-'));
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
    db.exec('ANALYZE');
    say(`seeded ${fmt(ENTRIES)} entries in one campaign (and ${fmt(ENTRIES / 10)} in another): ${fmt(statSync(file).size / 1e6)} MB, ${fmt((Date.now() - started) / 1000, 1)} s`);
    const svc = new CustomerResultsService(new CustomerResultsRepository(db), new AgentPerformanceRepository(db));
    const owner: Actor = { id: ids.owner, role: 'owner' };
    const base: CustomerQuery = { campaignId: ids.campaign, sort: 'id', order: 'asc' };
    const figures: BenchFigure[] = [];
    const detail = `${fmt(ENTRIES)} contacts in the campaign, ${RUNS} runs`;
    for (const sort of ['id', 'status', 'attempts', 'lastCallAt', 'name'] as const) {
      say(`sort ${sort}:`);
      const firstPage = time('first page of 50, descending', () => svc.page(owner, { ...base, sort, order: 'desc' }, 50, 0));
      time('page 100 (offset 4,950)', () => svc.page(owner, { ...base, sort }, 50, 4950));
      if (sort === 'lastCallAt') figures.push({ name: 'customer results first page, by last call, p99', value: firstPage, unit: 'ms', goal: 150, better: 'lower', detail });
      if (sort === 'name') figures.push({ name: 'customer results first page, by name, p99', value: firstPage, unit: 'ms', goal: 3000, better: 'lower', detail });
    }
    say('filters (list order):');
    const byStatus = time('status success', () => svc.page(owner, { ...base, status: 'success' }, 50, 0));
    time('disposition callback', () => svc.page(owner, { ...base, disposition: 'callback' }, 50, 0));
    time('one agent', () => svc.page(owner, { ...base, agentId: ids.agent }, 50, 0));
    time('last call on one day, by last call', () => svc.page(owner, { ...base, from: '2026-06-15', to: '2026-06-15', sort: 'lastCallAt', order: 'asc' }, 50, 0));
    figures.push({ name: 'customer results filtered by status, p99', value: byStatus, unit: 'ms', goal: 150, better: 'lower', detail });
    const rate = await exportRate(svc, owner, { ...base, sort: 'lastCallAt', order: 'desc' });
    await exportRate(svc, owner, { ...base, sort: 'attempts', order: 'asc' });
    figures.push({ name: 'customer results export read rate', value: Math.round(rate), unit: 'rows/s', goal: 20_000, better: 'higher', detail: `${fmt(EXPORT_ROWS)} rows of ${detail}` });
    recordFigures('customer-results', figures);
  } finally {
    db.close();
    if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
