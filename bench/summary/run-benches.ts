import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { meetsGoal, type BenchFigure } from './bench-figure';
import { benchPlan } from './bench-plan';

/**
 * npm run bench [-- --full] [-- --out FILE] [-- --only NAME]; DIALER_BENCH_ARI_URL adds the real-Asterisk connect latency
 * Runs every benchmark (CI-friendly sizes unless --full), one after the other so they do not share the cores,
 * then prints one table (figure, goal, status) and writes it as JSON (default bench/results.json, committed,
 * so a change that makes a figure worse shows in review). A benchmark reports; it does not fail the build,
 * but this exits 1 when a bench crashed or recorded nothing.
 */
const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(__dirname, '..', '..', '..', 'bench', 'results.json') },
    only: { type: 'string' },
  },
});

interface BenchRun { readonly bench: string; readonly seconds: number; readonly exitCode: number; readonly figures: readonly BenchFigure[] }

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

function runOne(bench: string, script: string, args: readonly string[], env: Record<string, string>, resultsDir: string): BenchRun {
  const t0 = Date.now();
  process.stdout.write(`\n=== ${bench}: node ${script} ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [path.join(__dirname, '..', script), ...args], {
    stdio: 'inherit', env: { ...process.env, ...env, BENCH_RESULTS_DIR: resultsDir },
  });
  const file = path.join(resultsDir, `${bench}.json`);
  const figures = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { figures: BenchFigure[] }).figures : [];
  return { bench, seconds: (Date.now() - t0) / 1000, exitCode: r.status ?? 1, figures };
}

function table(runs: readonly BenchRun[]): string {
  const rows: string[][] = [['bench', 'figure', 'value', 'goal', 'status']];
  for (const run of runs) {
    if (run.exitCode !== 0 || run.figures.length === 0) rows.push([run.bench, run.exitCode !== 0 ? `crashed (exit ${run.exitCode})` : 'recorded no figure', '', '', 'ERROR']);
    for (const f of run.figures) {
      rows.push([run.bench, f.name + (f.detail ? ` (${f.detail})` : ''), `${fmt(f.value)} ${f.unit}`, `${f.better === 'lower' ? '≤' : '≥'} ${fmt(f.goal)} ${f.unit}`, meetsGoal(f) ? 'ok' : 'MISS']);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function main(): void {
  const resultsDir = mkdtempSync(path.join(tmpdir(), 'dialer-bench-results-'));
  try {
    const ariUrl = process.env.DIALER_BENCH_ARI_URL ?? process.env.DIALER_IT_ARI_URL;
    if (!ariUrl) process.stdout.write('real-Asterisk connect latency skipped: set DIALER_BENCH_ARI_URL (a real Asterisk with dialplan/extensions_dialer.conf loaded)\n');
    const plan = benchPlan(values.full ? 'full' : 'ci', ariUrl).filter((b) => !values.only || b.bench === values.only);
    const runs = plan.map((b) => runOne(b.bench, b.script, b.args, b.env, resultsDir));
    const text = table(runs);
    process.stdout.write(`\nsummary (${values.full ? 'full' : 'CI'} size, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}):\n${text}\n`);
    const misses = runs.flatMap((r) => r.figures).filter((f) => !meetsGoal(f)).length;
    process.stdout.write(`${runs.reduce((n, r) => n + r.figures.length, 0)} figures, ${misses} short of their goal\n`);
    writeFileSync(values.out, `${JSON.stringify({ size: values.full ? 'full' : 'ci', at: new Date().toISOString(), cores: cpus().length, runs }, null, 2)}\n`);
    process.stdout.write(`written to ${values.out}\n`);
    if (runs.some((r) => r.exitCode !== 0 || r.figures.length === 0)) process.exitCode = 1;
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

main();
