import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { recordFigures } from '../summary/bench-figure';

/**
 * npm run bench:contacts — generates a 1,000,000-row CSV and a 100,000-row .xlsx, imports both through
 * the import service (worker thread, default settings but the file size limit), then runs the contact
 * search mix with 1,100,000 contacts in the store. Each step runs in its own process, so the peak memory
 * reported for an import is that import's. Targets: CSV ≥ 50,000 rows/s, .xlsx ≤ 10 s, peak RSS ≤ 400 MB,
 * search p99 ≤ 50 ms. A benchmark, not a test: it reports, it does not fail on a miss.
 */
const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);

const node = (script: string, args: (string | number)[]): string =>
  execFileSync(process.execPath, [path.join(__dirname, script), ...args.map(String)], { encoding: 'utf8', maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'inherit'] });

const say = (line: string) => process.stdout.write(`${line}\n`);
const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface ImportResult { status: string; error: string | null; rows: number; seconds: number; cpuSeconds: number; counts: Record<string, number>; peakRssMb: number }

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialer-bench-contacts-'));
  say(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes share these cores)`);
  try {
    const csv = path.join(dir, 'contacts.csv');
    const xlsx = path.join(dir, 'contacts.xlsx');
    say(`generating ${fmt(CSV_ROWS)}-row CSV and ${fmt(XLSX_ROWS)}-row .xlsx in ${dir} …`);
    node('generate-contact-files.js', ['csv', csv, 0, CSV_ROWS]);
    node('generate-contact-files.js', ['xlsx', xlsx, CSV_ROWS, XLSX_ROWS]);
    say(`  CSV ${fmt(statSync(csv).size / 1e6, 1)} MB, .xlsx ${fmt(statSync(xlsx).size / 1e6, 1)} MB`);
    const data = path.join(dir, 'data');
    node('bench-setup.js', [data]);
    const c = JSON.parse(node('bench-import.js', [data, csv])) as ImportResult;
    const x = JSON.parse(node('bench-import.js', [data, xlsx])) as ImportResult;
    const q = JSON.parse(node('bench-queries.js', [data, 30, CSV_ROWS])) as { contacts: number; queries: number; p50: number; p99: number; cpuP50: number; cpuP99: number; peakRssMb: number; kinds: { kind: string; p50: number; p99: number; max: number }[] };
    const csvRate = c.rows / c.seconds;
    const peak = Math.max(c.peakRssMb, x.peakRssMb, q.peakRssMb);
    say('');
    say(`CSV import      ${fmt(c.rows)} rows in ${fmt(c.seconds, 1)} s = ${fmt(csvRate)} rows/s   [${mark(csvRate >= 50_000)}] target ≥ 50,000 rows/s   (${c.status}; ${JSON.stringify(c.counts)})`);
    say(`                CPU: ${fmt(c.cpuSeconds, 1)} s over all threads = ${fmt((c.cpuSeconds / c.rows) * 1e6, 1)} µs per row; reader and writer threads run side by side`);
    say(`.xlsx import    ${fmt(x.rows)} rows in ${fmt(x.seconds, 1)} s = ${fmt(x.rows / x.seconds)} rows/s   [${mark(x.seconds <= 10)}] target ≤ 10 s   (${x.status}; ${JSON.stringify(x.counts)})`);
    say(`peak RSS        CSV import ${fmt(c.peakRssMb)} MB, .xlsx import ${fmt(x.peakRssMb)} MB, searches ${fmt(q.peakRssMb)} MB   [${mark(peak <= 400)}] target ≤ 400 MB`);
    say(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    say(`search/list     ${fmt(q.queries)} queries over ${fmt(q.contacts)} contacts: p50 ${fmt(q.p50, 2)} ms, p99 ${fmt(q.p99, 2)} ms   [${mark(q.p99 <= 50)}] target p99 ≤ 50 ms`);
    say(`                CPU time per query (what the query itself costs): p50 ${fmt(q.cpuP50, 2)} ms, p99 ${fmt(q.cpuP99, 2)} ms`);
    recordFigures('contacts', [
      { name: 'CSV import rate', value: csvRate, unit: 'rows/s', goal: 50_000, better: 'higher', detail: `${fmt(c.rows)} rows` },
      { name: '.xlsx import of 100,000 rows', value: (x.seconds / x.rows) * 100_000, unit: 's', goal: 10, better: 'lower', detail: `${fmt(x.rows)} rows in ${fmt(x.seconds, 1)} s, scaled to 100,000` },
      { name: 'import peak RSS', value: Math.max(c.peakRssMb, x.peakRssMb), unit: 'MB', goal: 400, better: 'lower' },
      { name: 'contact search p99', value: q.p99, unit: 'ms', goal: 50, better: 'lower', detail: `${fmt(q.contacts)} contacts` },
    ]);
    for (const k of q.kinds) say(`  ${k.kind.padEnd(28)} p50 ${fmt(k.p50, 2).padStart(7)} ms   p99 ${fmt(k.p99, 2).padStart(7)} ms   max ${fmt(k.max, 2).padStart(7)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
