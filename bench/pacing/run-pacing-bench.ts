/**
 * npm run bench:pacing [-- --talk 60,180 --hours 8 --only "35% ans|drop" --bound-cache FILE --no-bound | --ci]
 * Simulates whole shifts for each scenario and prints every policy side by side, the hindsight
 * bound (best compliant fixed setting of a broad pacer family, searched on the same seeds), the
 * pacer's gap to it, and a verdict.
 */
import { pacingSettings } from '../../src/domain/pacing/pacing-settings';
import { adaptiveTaperedPolicy } from './adaptive-tapered-policy';
import { fixedRatioPolicy } from './fixed-ratio-policy';
import { progressivePolicy } from './progressive-policy';
import type { DialPolicyFactory } from './dial-policy';
import { predictivePolicy } from './predictive-policy';
import type { ShiftResult } from './shift-result';
import { BoundCache, describeBound, isCompliant, type HindsightBound } from './hindsight-bound';
import { allowedGap, verdict } from './pacing-verdict';
import { benchmarkScenarios, driftingScenario, extraScenarios, HOUR_MS, type ShiftScenario } from './shift-scenario';
import { simulateShift } from './simulate-shift';
import { recordFigures, type BenchFigure } from '../summary/bench-figure';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const flag = (name: string) => process.argv.includes(`--${name}`);

/** The CI size: one 10-agent scenario, two hours (with its bound search, well under two minutes). */
const CI_ARGS = { hours: '2', talk: '60', only: '35% ans, 10 agents' };

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
const pts = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`.padStart(6);

function row(r: ShiftResult, target: number): string {
  const mark = isCompliant(r, target) ? ' ' : '!';
  return `  ${r.policy.padEnd(16)} ${pct(r.occupancy)} ${pct(r.abandonRate, 2)}${mark}${pct(r.worstHourAbandonRate, 2)} `
    + `${num(r.meanWaitMs / 1000, 2)} ${num(r.p95WaitMs / 1000, 2)} ${num(r.connectsPerAgentHour)} ${String(r.callsPlaced).padStart(8)}`;
}

interface Summary {
  readonly scenario: ShiftScenario;
  readonly ours: ShiftResult;
  readonly best: ShiftResult | null;
  readonly bound: HindsightBound | null;
  readonly gap: number | null;
  readonly ok: boolean;
}

function summaryTable(rows: Summary[]): string {
  const head = `  ${'scenario'.padEnd(50)} ${'occup'.padStart(7)} ${'abandon'.padStart(7)} ${'worst1h'.padStart(7)}  ${'bound'.padStart(7)} ${'gap'.padStart(6)}  `
    + `${'bound setting'.padEnd(18)} best compliant baseline\n`;
  return head + rows.map(({ scenario, ours, best, bound, gap, ok }) => `  ${scenario.name.padEnd(50)} ${pct(ours.occupancy)} ${pct(ours.abandonRate, 2)} `
    + `${pct(ours.worstHourAbandonRate, 2)}  ${bound?.best ? pct(bound.best.occupancy) : '      –'} ${gap === null ? '     –' : pts(gap)}  `
    + `${(bound?.best ? describeBound(bound.best) : '–').padEnd(18)} `
    + `${best ? `${best.policy.padEnd(16)}${pct(best.occupancy)}` : 'none'.padEnd(23)}  ${ok ? 'PASS' : 'FAIL'}`).join('\n') + '\n';
}

function main(): void {
  const ci = flag('ci');
  const talks = (arg('talk') ?? (ci ? CI_ARGS.talk : '60,180')).split(',').map((t) => Number(t) * 1000);
  const hours = Number(arg('hours') ?? (ci ? CI_ARGS.hours : '8'));
  const only = arg('only') ?? (ci ? CI_ARGS.only : undefined);
  const cache = flag('no-bound') ? null : new BoundCache(arg('bound-cache'));
  const scenarios = [...benchmarkScenarios(talks), driftingScenario(19), ...extraScenarios()]
    .map((s) => ({ ...s, shiftMs: hours * HOUR_MS }))
    .filter((s) => !only || only.split('|').some((o) => s.name.includes(o)));
  const out = process.stdout;
  out.write(`pacing benchmark: ${scenarios.length} scenarios (talk means ${talks.map((t) => t / 1000).join(' s, ')} s, a drifting answer rate, and the extra ones), ${hours} h shifts, `
    + `tick 250 ms, hold limit 2 s, ring timeout 15 s, abandon target 3%\n`);
  out.write('occupancy = (talk + wrap-up) / logged-in time; waits over all answered customers; ! = shift abandon over target or an\n'
    + 'hour over target + 1 point; worst1h = worst abandon rate over any 60 minutes; fixed r and adapt tapered keep lines in\n'
    + 'use (ringing + on hold + connected) at r × agents ready or talking, as a VICIdial dial level does; progressive places\n'
    + 'one call per ready agent. Hindsight bound = the best occupancy of any fixed dial level (1–3), fixed queue-model target\n'
    + 'wait, or (up to 50 agents) our forecast at a fixed risk per call, in this very scenario, same seeds, with the shift ≤\n'
    + 'target and no hour > target + 1 point; gap = bound − ours.\n');
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  const summary: Summary[] = [];
  for (const s of scenarios) {
    const t0 = Date.now();
    pacerClock.ns = 0n;
    pacerClock.decisions = 0;
    const results = policiesFor(s).map((make) => simulateShift(s, make()));
    const perDecision = Number(pacerClock.ns / BigInt(Math.max(1, pacerClock.decisions))) / 1000;
    const t1 = Date.now();
    const bound = cache ? cache.bound(s) : null;
    out.write(`\n${s.name} (seed ${s.seed}, ${((t1 - t0) / 1000).toFixed(1)} s, pacer ${perDecision.toFixed(0)} µs per decision`
      + `${bound ? `; bound ${bound.simulated > 0 ? `${bound.simulated} shifts, ${((Date.now() - t1) / 1000).toFixed(1)} s` : 'cached'}` : ''})\n`);
    out.write(`  ${'policy'.padEnd(16)} ${'occup'.padStart(7)} ${'abandon'.padStart(7)} ${'worst1h'.padStart(7)} `
      + `${'wait s'.padStart(7)} ${'p95 s'.padStart(7)} ${'conn/ah'.padStart(7)} ${'calls'.padStart(8)}\n`);
    for (const r of results) out.write(row(r, s.abandonTarget) + '\n');
    for (const p of bound?.byFamily ?? []) {
      out.write(`  bound: ${describeBound(p).padEnd(20)} ${pct(p.occupancy)} ${pct(p.abandonRate, 2)} ${pct(p.worstHourAbandonRate, 2)}${p === bound?.best ? '  ← best' : ''}\n`);
    }
    const v = verdict(results, s, bound);
    summary.push({ scenario: s, ours: results[0]!, best: v.best, bound, gap: v.gap, ok: v.ok });
    out.write(`  ${v.text}\n`);
  }
  recordFigures('pacing', summary.flatMap(({ scenario, ours, gap }): BenchFigure[] => [
    { name: `shift abandon, ${scenario.name}`, value: ours.abandonRate * 100, unit: '%', goal: scenario.abandonTarget * 100, better: 'lower', detail: `occupancy ${pct(ours.occupancy).trim()}` },
    { name: `worst hour abandon, ${scenario.name}`, value: ours.worstHourAbandonRate * 100, unit: '%', goal: scenario.abandonTarget * 100 + 1, better: 'lower' },
    ...(gap === null ? [] : [{ name: `gap to hindsight bound, ${scenario.name}`, value: gap * 100, unit: 'pts', goal: allowedGap(scenario.agents) * 100, better: 'lower' as const }]),
  ]));
  const cpu = process.cpuUsage(cpuStart);
  out.write(`\nsummary (predictive pacer):\n${summaryTable(summary)}`);
  out.write(`\n${summary.filter((r) => r.ok).length}/${scenarios.length} scenarios pass; `
    + `${((Date.now() - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU\n`);
}

main();
