import type { ContactSort } from '../../src/domain/contact-filter';
import type { ContactQuery } from '../../src/services/contact-service';
import { benchServices, peakRssMb } from './bench-services';
import { nationalNumber } from './generate-contact-files';

interface Probe { kind: string; query: ContactQuery; sort?: ContactSort; offset?: number }

const FAMILIES = ['nguyen', 'tran', 'le', 'pham', 'Nguyễn', 'Trần'];
const FULL = ['Nguyễn Văn An', 'Trần Thị Lan', 'Lê Minh Tuấn', 'Phạm Ngọc Hà', 'Đặng Đức Huy', 'nguyen thi hoa'];
const RARE = ['kieu', 'quach', 'xuyen', 'ung', 'ổn', 'tạ anh'];
const PREFIX = ['ng', 'th', 'ph', 'h', 'tr'];
const TAGS = ['vip', 'hà nội', 'zalo', 'khách cũ'];
const STAGES = ['new', 'won', 'lost', 'qualified'];

/** The search mix: every filter and sort of the contact list, with varied values. */
function probes(i: number, agentIds: number[], createdFrom: string, csvRows: number): Probe[] {
  const pick = <T>(list: T[]) => list[i % list.length]!;
  const n = (i * 104729) % csvRows;
  const nat = nationalNumber(n);
  return [
    { kind: 'list newest', query: {} },
    { kind: 'list page 20', query: {}, offset: 950 },
    { kind: 'sort by name', query: {}, sort: 'name' },
    { kind: 'sort by name, offset 5000', query: {}, sort: 'name', offset: 5000 },
    { kind: 'name: family name', query: { name: pick(FAMILIES) } },
    { kind: 'name: full name', query: { name: pick(FULL) } },
    { kind: 'name: rare word', query: { name: pick(RARE) } },
    { kind: 'name: 1-2 letter prefix', query: { name: pick(PREFIX) } },
    { kind: 'phone (any form)', query: { phone: [`0${nat}`, `+84 ${nat}`, `84${nat}`, `0${nat.slice(0, 3)}.${nat.slice(3, 6)}.${nat.slice(6)}`][i % 4] } },
    { kind: 'phone (absent)', query: { phone: `0912${String(n).padStart(6, '0')}` } },
    { kind: 'tag', query: { tags: [pick(TAGS)] } },
    { kind: 'stage', query: { stage: pick(STAGES) } },
    { kind: 'agent', query: { agentId: pick(agentIds) } },
    { kind: 'lead pool (no agent)', query: { agentId: 'none' } },
    { kind: 'created range', query: { createdFrom } },
    { kind: 'name + tag', query: { name: pick(FAMILIES), tags: [pick(TAGS)] } },
    { kind: 'name + stage + agent', query: { name: pick(FULL).split(' ')[0], stage: pick(STAGES), agentId: pick(agentIds) } },
    { kind: 'stage, sorted by name', query: { stage: pick(STAGES) }, sort: 'name' },
  ];
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const [dataDir, roundsArg, csvRowsArg] = process.argv.slice(2) as [string, string | undefined, string | undefined];
  const rounds = Number(roundsArg ?? 30);
  const csvRows = Number(csvRowsArg ?? 1_000_000);
  const s = benchServices(dataDir);
  const admin = s.repos.users.findByUsername('bench-admin')!;
  const actor = { id: admin.id, role: admin.role };
  const agentIds = s.repos.users.list().filter((u) => u.role === 'agent').map((u) => u.id);
  const createdFrom = (s.db.prepare('SELECT max(created_at) AS t FROM contacts').get() as { t: string }).t;
  const total = (s.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  const run = (p: Probe) => s.crm.contacts.search(actor, p.query, { limit: 50, offset: p.offset ?? 0, sort: p.sort ?? 'createdAt', order: p.sort === 'name' ? 'asc' : 'desc' });
  for (const p of probes(0, agentIds, createdFrom, csvRows)) run(p); // first touch of each index, not measured
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  /** CPU time per query: what the query costs, whatever else the machine runs meanwhile. */
  const cpu: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    for (const p of probes(i, agentIds, createdFrom, csvRows)) {
      const t = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      const page = run(p);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
      if (p.kind === 'phone (any form)' && page.items.length !== 1) throw new Error(`phone search found ${page.items.length} contacts`);
      byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), ms]);
      all.push(ms);
    }
  }
  const kinds = [...byKind].map(([kind, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { kind, p50: pct(sorted, 50), p99: pct(sorted, 99), max: sorted[sorted.length - 1]! };
  });
  all.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  s.db.close();
  process.stdout.write(JSON.stringify({
    contacts: total, queries: all.length, p50: pct(all, 50), p99: pct(all, 99), cpuP50: pct(cpu, 50), cpuP99: pct(cpu, 99), kinds, peakRssMb: peakRssMb(),
  }) + '\n');
}

main().catch((err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
