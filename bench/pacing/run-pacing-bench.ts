/**
 * npm run bench:pacing [-- --talk 60,180 --hours 8 --only "35% ans"]
 * Simulates whole shifts for each scenario and prints every policy side by side with a verdict.
 */
import { pacingSettings } from '../../src/domain/pacing/pacing-settings';
import { adaptiveTaperedPolicy } from './adaptive-tapered-policy';
import { fixedRatioPolicy } from './fixed-ratio-policy';
import { progressivePolicy } from './progressive-policy';
import type { DialPolicyFactory } from './dial-policy';
import { predictivePolicy } from './predictive-policy';
import type { ShiftResult } from './shift-result';
import { benchmarkScenarios, driftingScenario, HOUR_MS, type ShiftScenario } from './shift-scenario';
import { simulateShift } from './simulate-shift';
import { recordFigures, type BenchFigure } from '../summary/bench-figure';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Time spent inside the pacer's decisions, to report what a decision costs. */
const pacerClock = { ns: 0n, decisions: 0 };

function timed(make: DialPolicyFactory): DialPolicyFactory {
  return () => {
    const p = make();
    return {
      name: p.name,
      decide(v) {
        const t0 = process.hrtime.bigint();
        const n = p.decide(v);
        pacerClock.ns += process.hrtime.bigint() - t0;
        pacerClock.decisions += 1;
        return n;
      },
    };
  };
}

function policiesFor(s: ShiftScenario): DialPolicyFactory[] {
  return [
    timed(predictivePolicy(pacingSettings({
      abandonTarget: s.abandonTarget, holdLimitMs: s.holdLimitMs, ringTimeoutMs: s.ringTimeoutMs, wrapUpLimitMs: s.wrapUp.limitMs,
    }))),
    progressivePolicy,
    fixedRatioPolicy(1.5),
    fixedRatioPolicy(2.0),
    fixedRatioPolicy(3.0),
    adaptiveTaperedPolicy({ target: s.abandonTarget, maxLevel: 3, intervalMs: 15_000, minAnswered: 50 }),
  ];
}

const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`.padStart(7);
const num = (x: number, d = 1) => x.toFixed(d).padStart(7);

function row(r: ShiftResult, target: number): string {
  const flag = r.abandonRate <= target ? ' ' : '!';
  return `  ${r.policy.padEnd(16)} ${pct(r.occupancy)} ${pct(r.abandonRate, 2)}${flag}${pct(r.worstHourAbandonRate, 2)} `
    + `${num(r.meanWaitMs / 1000, 2)} ${num(r.p95WaitMs / 1000, 2)} ${num(r.connectsPerAgentHour)} ${String(r.callsPlaced).padStart(8)}`;
}

function verdict(results: ShiftResult[], target: number): { ok: boolean; best: ShiftResult | null; text: string } {
  const [ours, ...baselines] = results;
  if (!ours) return { ok: false, best: null, text: 'no result' };
  const compliant = baselines.filter((b) => b.abandonRate <= target);
  const best = compliant.reduce<ShiftResult | null>((a, b) => (a && a.occupancy >= b.occupancy ? a : b), null);
  const keeps = ours.abandonRate <= target;
  const beats = !best || ours.occupancy > best.occupancy;
  const vs = best ? `best compliant baseline ${best.policy.trim()} ${pct(best.occupancy).trim()}` : 'no compliant baseline';
  const ok = keeps && beats;
  return { ok, best, text: `${ok ? 'PASS' : 'FAIL'}: abandon ${pct(ours.abandonRate).trim()} ${keeps ? '≤' : '>'} ${pct(target).trim()}, `
    + `occupancy ${pct(ours.occupancy).trim()} ${beats ? 'beats' : 'does not beat'} ${vs}` };
}

interface Summary {
  readonly scenario: ShiftScenario;
  readonly ours: ShiftResult;
  readonly best: ShiftResult | null;
  readonly ok: boolean;
}

function summaryTable(rows: Summary[]): string {
  const head = `  ${'scenario'.padEnd(42)} ${'occup'.padStart(7)} ${'abandon'.padStart(7)} ${'worst1h'.padStart(7)}   best compliant baseline\n`;
  return head + rows.map(({ scenario, ours, best, ok }) => `  ${scenario.name.padEnd(42)} ${pct(ours.occupancy)} ${pct(ours.abandonRate, 2)} `
    + `${pct(ours.worstHourAbandonRate, 2)}   ${best ? `${best.policy.padEnd(16)}${pct(best.occupancy)}` : 'none'.padEnd(23)}  ${ok ? 'PASS' : 'FAIL'}`).join('\n') + '\n';
}

function main(): void {
  const talks = (arg('talk') ?? '60,180').split(',').map((t) => Number(t) * 1000);
  const hours = Number(arg('hours') ?? '8');
  const only = arg('only');
  const scenarios = [...benchmarkScenarios(talks), driftingScenario(19)]
    .map((s) => ({ ...s, shiftMs: hours * HOUR_MS }))
    .filter((s) => !only || s.name.includes(only));
  const out = process.stdout;
  out.write(`pacing benchmark: ${scenarios.length} scenarios (talk means ${talks.map((t) => t / 1000).join(' s, ')} s, and a drifting answer rate), ${hours} h shifts, `
    + `tick 250 ms, hold limit 2 s, ring timeout 15 s, abandon target 3%\n`);
  out.write('occupancy = (talk + wrap-up) / logged-in time; waits over all answered customers; ! = abandon over target;\n'
    + 'worst1h = worst abandon rate over any 60 minutes; fixed r and adapt tapered keep lines in use (ringing + on hold +\n'
    + 'connected) at r × agents ready or talking, as a VICIdial dial level does; progressive places one call per ready agent\n');
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  const summary: Summary[] = [];
  for (const s of scenarios) {
    const t0 = Date.now();
    pacerClock.ns = 0n;
    pacerClock.decisions = 0;
    const results = policiesFor(s).map((make) => simulateShift(s, make()));
    const perDecision = Number(pacerClock.ns / BigInt(Math.max(1, pacerClock.decisions))) / 1000;
    out.write(`\n${s.name} (seed ${s.seed}, ${((Date.now() - t0) / 1000).toFixed(1)} s, pacer ${perDecision.toFixed(0)} µs per decision)\n`);
    out.write(`  ${'policy'.padEnd(16)} ${'occup'.padStart(7)} ${'abandon'.padStart(7)} ${'worst1h'.padStart(7)} `
      + `${'wait s'.padStart(7)} ${'p95 s'.padStart(7)} ${'conn/ah'.padStart(7)} ${'calls'.padStart(8)}\n`);
    for (const r of results) out.write(row(r, s.abandonTarget) + '\n');
    const v = verdict(results, s.abandonTarget);
    summary.push({ scenario: s, ours: results[0]!, best: v.best, ok: v.ok });
    out.write(`  ${v.text}\n`);
  }
  recordFigures('pacing', summary.flatMap(({ scenario, ours }): BenchFigure[] => [
    { name: `shift abandon, ${scenario.name}`, value: ours.abandonRate * 100, unit: '%', goal: scenario.abandonTarget * 100, better: 'lower', detail: `occupancy ${pct(ours.occupancy).trim()}` },
    { name: `worst hour abandon, ${scenario.name}`, value: ours.worstHourAbandonRate * 100, unit: '%', goal: scenario.abandonTarget * 100 + 1, better: 'lower' },
  ]));
  const cpu = process.cpuUsage(cpuStart);
  out.write(`\nsummary (predictive pacer):\n${summaryTable(summary)}`);
  out.write(`\n${summary.filter((r) => r.ok).length}/${scenarios.length} scenarios pass; `
    + `${((Date.now() - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU\n`);
}

main();
