import { performance } from 'node:perf_hooks';
import type { BenchFigure } from '../summary/bench-figure';
import { BareAriFloor, until, type RealAri } from './bare-ari-floor';
import { fmt, percentile } from './bench-stats';
import { TelephonyBench } from './telephony-bench';

/** Sim-customers 0901…: rings 1 s, answers, says hello, then silence for 30 s: a human for AMD who stays. */
const HUMAN = '0901';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Run { readonly connect: number[]; readonly transit: number[]; readonly handling: number[]; readonly connected: number }

const numbers = (run: number, n: number) => Array.from({ length: n }, (_, i) => `${HUMAN}${String(run)}${String(i).padStart(4, '0')}`);

async function dialWithin(n: number, perSecond: number, call: (i: number) => void): Promise<void> {
  const t0 = performance.now();
  for (let started = 0; started < n;) {
    const due = Math.min(n, Math.floor(((performance.now() - t0) / 1000) * perSecond) + 1);
    for (; started < due; started++) call(started);
    await sleep(10);
  }
}

async function floorRun(ari: RealAri, n: number, run: number, perSecond: number): Promise<Run> {
  const floor = new BareAriFloor(ari);
  await floor.start();
  try {
    await floor.openLines(n);
    const list = numbers(run, n);
    await dialWithin(n, perSecond, (i) => floor.call(list[i]!, i));
    await until(() => floor.latency.samples.length + floor.ended >= n, 120_000, `${n} floor connects`)
      .catch((err: Error) => { throw new Error(`${err.message} (${floor.describe()})`); });
    return { connect: [...floor.latency.samples], transit: [...floor.latency.transit], handling: [...floor.latency.handling], connected: floor.latency.samples.length };
  } finally {
    await floor.stop();
  }
}

async function dialerRun(ari: RealAri, n: number, run: number, perSecond: number, events: 'own' | 'ari-client'): Promise<Run> {
  const bench = new TelephonyBench(ari.url, {
    user: ari.user, password: ari.password, customerEndpoint: 'Local/{number}@sim-customers', agentEndpoint: 'Local/{extension}@sim-agents', events,
  });
  try {
    await bench.start();
    await bench.openLines(n);
    const list = numbers(run, n);
    await dialWithin(n, perSecond, (i) => { bench.call(list[i]!); });
    await bench.until(() => bench.connected + [...bench.outcomes.values()].reduce((a, b) => a + b, 0) >= n, 120_000, `${n} dialer connects`);
    return { connect: [...bench.latency.samples], transit: [...bench.latency.transit], handling: [...bench.latency.handling], connected: bench.connected };
  } finally {
    await bench.stop().catch(() => undefined);
  }
}

const line = (who: string, r: Run) => `  ${who}: connect p50 ${fmt(percentile(r.connect, 50), 0).padStart(4)} ms  p99 ${fmt(percentile(r.connect, 99), 0).padStart(4)} ms  (n=${r.connect.length}); `
  + `event transit p99 ${fmt(percentile(r.transit, 99), 0)} ms; handling until addChannel p99 ${fmt(percentile(r.handling, 99), 2)} ms`;

/**
 * The dialer against the bare-ARI floor on the same real Asterisk in the same run, n pairs at a time:
 * floor, dialer (own event socket), dialer (events through ari-client, the path before), floor again (the floor taken as the better of its two runs, so load drift cannot flatter us).
 */
export interface RealLatencyResult { readonly figures: BenchFigure[]; readonly runs: { readonly who: string; readonly pairs: number; readonly connected: number; readonly samples: number }[] }

export async function realAsteriskLatency(ari: RealAri, levels: readonly number[], perSecond: number, out: (s: string) => void): Promise<RealLatencyResult> {
  const figures: BenchFigure[] = [];
  const runs: RealLatencyResult['runs'][number][] = [];
  let run = 1;
  for (const n of levels) {
    const floorA = await floorRun(ari, n, run++, perSecond);
    const ours = await dialerRun(ari, n, run++, perSecond, 'own');
    const viaAriClient = await dialerRun(ari, n, run++, perSecond, 'ari-client');
    const floorB = await floorRun(ari, n, run++, perSecond);
    const floor = percentile(floorA.connect, 99) <= percentile(floorB.connect, 99) ? floorA : floorB;
    const ratio = percentile(ours.connect, 99) / Math.max(1, percentile(floor.connect, 99));
    const goal = n <= 50 ? 1.5 : 2;
    out(`${n} pairs on the real Asterisk (customers dialled at ${perSecond}/s, AMD in the dialplan):`);
    out(line('floor', floorA));
    out(line('dialer', ours));
    out(line('dialer, events through ari-client (the path before)', viaAriClient));
    out(line('floor', floorB));
    out(`  dialer p99 / floor p99 = ${fmt(ratio, 2)}  [${ratio <= goal ? 'ok' : 'MISS'}] goal ≤ ${goal}×`);
    figures.push({ name: `real-ARI connect p99 / bare floor at ${n} pairs`, value: ratio, unit: '×', goal, better: 'lower',
      detail: `dialer ${fmt(percentile(ours.connect, 99), 0)} ms, floor ${fmt(percentile(floor.connect, 99), 0)} ms` });
    if (ours.connected < n) out(`  note: only ${ours.connected} of ${n} dialer calls connected`);
    for (const [who, r] of [['floor', floorA], ['dialer', ours], ['dialer via ari-client', viaAriClient], ['floor', floorB]] as const) {
      runs.push({ who, pairs: n, connected: r.connected, samples: r.connect.length });
    }
  }
  return { figures, runs };
}
