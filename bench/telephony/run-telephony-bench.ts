import { spawnSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { recordFigures } from '../summary/bench-figure';
import { fmt, percentile } from './bench-stats';
import { realAsteriskLatency } from './real-asterisk-latency';
import { spawnSimulator } from './simulator-process';
import { TelephonyBench } from './telephony-bench';

/**
 * npm run bench:telephony — the telephony layer and flow runner (this process) against the ARI
 * simulator (another process). Not a test: it prints figures and asserts nothing.
 *
 *   concurrency N: N agent lines parked, then N predictive calls started at --ramp calls/s; all N
 *                  are connected and stay up together; then they are hung up.
 *   sustained:     --rate new calls/s for --seconds, customers talk 4 s, lines offered again.
 *
 *   --ari-url URL: instead, the real Asterisk at URL (the shared test Asterisk with our dialplan
 *                  loaded: Local-channel customers and agents): the dialer's connect latency against a
 *                  bare fetch + WebSocket client doing the same bridge work, at --pairs 50,200.
 *
 * With taskset available the bench pins itself to CPU 0 and the simulator to CPU 1 (--no-pin to
 * skip): the figures are for one core.
 */
const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: '200,500,1000' },
    ramp: { type: 'string', default: '250' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '20' },
    lines: { type: 'string', default: '1000' },
    'no-pin': { type: 'boolean', default: false },
    'ari-url': { type: 'string' },
    'ari-user': { type: 'string', default: 'dialer' },
    'ari-password': { type: 'string', default: 'dialer' },
    pairs: { type: 'string', default: '50,200' },
    'pair-rate': { type: 'string', default: '50' },
  },
});

const CUSTOMERS_WHO_STAY = '0915';
const CUSTOMERS_WHO_TALK_4S = '0916';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const canPin = !values['no-pin'] && spawnSync('taskset', ['-c', '0', 'true']).status === 0;

interface Window { stop(): { lagP99: number; lagMax: number; rssPeakMb: number; cpuPercent: number } }

/** monitorEventLoopDelay records the interval between its timer's runs: the delay is what exceeds it. */
const ELD_RESOLUTION_MS = 1;

/** Event-loop delay and RSS over a stretch of the run. */
function measure(): Window {
  const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  eld.enable();
  let rss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sampler = setInterval(() => { rss = Math.max(rss, process.memoryUsage().rss); }, 100);
  return {
    stop: () => {
      eld.disable();
      clearInterval(sampler);
      const lag = (ns: number) => Math.max(0, ns / 1e6 - ELD_RESOLUTION_MS);
      const cpu = process.cpuUsage(cpu0);
      const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100;
      return { lagP99: lag(eld.percentile(99)), lagMax: lag(eld.max), rssPeakMb: Math.max(rss, process.memoryUsage().rss) / 2 ** 20, cpuPercent };
    },
  };
}

/** Starts `total` calls at `perSecond`, in 10 ms ticks. */
async function startCalls(bench: TelephonyBench, prefix: string, total: number, perSecond: number, from = 0): Promise<void> {
  const t0 = performance.now();
  for (let started = 0; started < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * perSecond) + 1);
    for (; started < due; started++) bench.call(`${prefix}${String(from + started).padStart(6, '0')}`);
    await sleep(10);
  }
}

interface Figures { connect: number[]; transit: number[]; handling: number[]; lagP99: number; lagMax: number; rssPeakMb: number; cpuPercent: number }

function figures(bench: TelephonyBench, w: ReturnType<Window['stop']>): Figures {
  return { connect: [...bench.latency.samples], transit: [...bench.latency.transit], handling: [...bench.latency.handling], ...w };
}

function describe(f: Figures): string[] {
  const c = f.connect;
  return [
    `  connect latency (StasisStart after AMD → in the agent's bridge, PBX clock): p50 ${fmt(percentile(c, 50), 0)} ms, p99 ${fmt(percentile(c, 99), 0)} ms, max ${fmt(percentile(c, 100), 0)} ms (n=${c.length})`,
    `    parts: event transit PBX → our handler p50 ${fmt(percentile(f.transit, 50), 0)} ms p99 ${fmt(percentile(f.transit, 99), 0)} ms; our handling until the addChannel request p50 ${fmt(percentile(f.handling, 50), 2)} ms p99 ${fmt(percentile(f.handling, 99), 2)} ms`,
    `  event-loop delay p99 ${fmt(f.lagP99)} ms, max ${fmt(f.lagMax)} ms; CPU used by this process ${fmt(f.cpuPercent, 0)} % of one core; peak RSS ${fmt(f.rssPeakMb, 0)} MB`,
  ];
}

const tally = (m: Map<string, number>) => [...m.entries()].map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

async function concurrency(n: number, ramp: number): Promise<{ text: string[]; f: Figures; up: number }> {
  const sim = await spawnSimulator([`--behaviour=${CUSTOMERS_WHO_STAY}*={"result":"answer","ringMs":1000,"talkMs":null}`], canPin ? 1 : undefined);
  const bench = new TelephonyBench(sim.url);
  try {
    await bench.start();
    await bench.openLines(n);
    const window = measure();
    const t0 = performance.now();
    await startCalls(bench, CUSTOMERS_WHO_STAY, n, ramp);
    const startSpan = (performance.now() - t0) / 1000;
    await bench.until(() => bench.connected + [...bench.outcomes.values()].reduce((a, b) => a + b, 0) >= n, 120_000, `${n} calls connected`);
    const connectSpan = (performance.now() - t0) / 1000;
    await sleep(2000);
    const up = bench.customers;
    const f = figures(bench, window.stop());
    return {
      up, f,
      text: [`${n} concurrent calls on ${n} agent lines: dialled at ${fmt(n / startSpan, 0)} calls/s, all connected ${fmt(connectSpan)} s after the first dial, ${up} up together, ended early: ${tally(bench.outcomes)}`, ...describe(f)],
    };
  } finally {
    await bench.stop().catch(() => undefined);
    await sim.stop();
  }
}

async function sustained(lines: number, rate: number, seconds: number): Promise<string[]> {
  const sim = await spawnSimulator([`--behaviour=${CUSTOMERS_WHO_TALK_4S}*={"result":"answer","ringMs":1000,"talkMs":4000}`], canPin ? 1 : undefined);
  const bench = new TelephonyBench(sim.url);
  try {
    await bench.start();
    await bench.openLines(lines);
    const window = measure();
    let peak = 0;
    const sampler = setInterval(() => { peak = Math.max(peak, bench.customers); }, 100);
    const t0 = performance.now();
    const total = Math.round(rate * seconds);
    await startCalls(bench, CUSTOMERS_WHO_TALK_4S, total, rate);
    const elapsed = (performance.now() - t0) / 1000;
    await bench.until(() => bench.customers === 0, 60_000, 'the last calls to end');
    const done = bench.completedAt;
    const completedPerSecond = done.length > 1 ? (done.length - 1) / ((done[done.length - 1]! - done[0]!) / 1000) : 0;
    clearInterval(sampler);
    const f = figures(bench, window.stop());
    return [
      `sustained: ${total} calls dialled at ${fmt(total / elapsed, 0)} calls/s for ${fmt(elapsed, 0)} s on ${lines} agent lines (customers talk 4 s): ${fmt(completedPerSecond, 0)} calls/s completed (first to last), at most ${peak} up together; outcomes: ${tally(bench.outcomes)}`,
      ...describe(f),
    ];
  } finally {
    await bench.stop().catch(() => undefined);
    await sim.stop();
  }
}

async function main(): Promise<void> {
  if (canPin && !process.env.DIALER_BENCH_PINNED) {
    // Run again on CPU 0 only (every thread of the process, the GC's included).
    const child = spawn('taskset', ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, DIALER_BENCH_PINNED: '1' } });
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (values['ari-url']) {
    out(`telephony bench against the real Asterisk at ${values['ari-url']}: node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => fmt(l)).join(' ')}, ${canPin ? 'bench pinned to CPU 0' : 'not pinned'}`);
    const ari = { url: values['ari-url'].replace(/\/+$/, ''), user: values['ari-user'], password: values['ari-password'] };
    const pairs = values.pairs.split(',').map(Number).filter((x) => x > 0);
    recordFigures('telephony-real', (await realAsteriskLatency(ari, pairs, Number(values['pair-rate']), out)).figures);
    return;
  }
  out(`telephony bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => fmt(l)).join(' ')}, ${canPin ? 'bench pinned to CPU 0, simulator to CPU 1' : 'not pinned'}`);
  let biggest: { n: number; up: number; f: Figures } | undefined;
  for (const n of values.levels.split(',').map(Number).filter((x) => x > 0)) {
    const r = await concurrency(n, Number(values.ramp));
    for (const line of r.text) out(line);
    if (!biggest || n > biggest.n) biggest = { n, up: r.up, f: r.f };
  }
  if (Number(values.seconds) > 0) for (const line of await sustained(Number(values.lines), Number(values.rate), Number(values.seconds))) out(line);
  if (biggest) {
    const met = biggest.up >= 1000 && percentile(biggest.f.connect, 99) <= 20 && biggest.f.lagP99 <= 20;
    recordFigures('telephony', [
      { name: `calls up together of ${biggest.n}`, value: biggest.up, unit: 'calls', goal: Math.min(biggest.n, 1000), better: 'higher', detail: 'simulator' },
      { name: `connect latency p99 at ${biggest.n} calls`, value: percentile(biggest.f.connect, 99), unit: 'ms', goal: 20, better: 'lower', detail: 'simulator, one core' },
      { name: `event-loop delay p99 at ${biggest.n} calls`, value: biggest.f.lagP99, unit: 'ms', goal: 20, better: 'lower' },
    ]);
    out(`target (1000 concurrent calls, connect p99 ≤ 20 ms, event-loop delay p99 ≤ 20 ms, one core): ${met ? 'met' : 'not met'} in this run`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
