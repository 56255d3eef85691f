/** Every benchmark `npm run bench` runs, with its arguments at CI size and at the size its goals are stated for. */
export interface PlannedBench {
  readonly bench: string;
  /** Compiled script, relative to dist/bench. */
  readonly script: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
}

/** `ariUrl`: a real Asterisk (our dialplan loaded) for the connect-latency run against the bare-ARI floor. */
export function benchPlan(size: 'ci' | 'full', ariUrl?: string): PlannedBench[] {
  const ci = size === 'ci';
  const real: PlannedBench[] = ariUrl
    ? [{ bench: 'telephony-real', script: 'telephony/run-telephony-bench.js', args: ['--ari-url', ariUrl, '--pairs', ci ? '50' : '50,200'], env: {} }]
    : [];
  return [
    { bench: 'pacing', script: 'pacing/run-pacing-bench.js', args: ci ? ['--ci'] : [], env: {} },
    {
      bench: 'contacts', script: 'contacts/contacts-bench.js', args: [],
      env: ci ? { BENCH_CSV_ROWS: '200000', BENCH_XLSX_ROWS: '20000' } : {},
    },
    { bench: 'telephony', script: 'telephony/run-telephony-bench.js', args: ci ? ['--levels', '50,200', '--seconds', '5', '--lines', '200', '--rate', '40'] : [], env: {} },
    {
      bench: 'agent-performance', script: 'agent-performance/run-agent-performance-bench.js', args: [],
      env: ci ? { BENCH_AGENTS: '100', BENCH_CAMPAIGNS: '50', BENCH_DAYS: '60', BENCH_RUNS: '20' } : {},
    },
    { bench: 'call-log', script: 'call-log/run-call-log-bench.js', args: [], env: ci ? { BENCH_CALLS: '200000', BENCH_RUNS: '5' } : {} },
    { bench: 'campaign-overview', script: 'campaign-overview/run-campaign-overview-bench.js', args: [], env: ci ? { BENCH_CAMPAIGNS: '5', BENCH_ATTEMPTS: '50000', BENCH_RUNS: '5' } : {} },
    {
      bench: 'customer-results', script: 'customer-results/run-customer-results-bench.js', args: [],
      env: ci ? { BENCH_ENTRIES: '200000', BENCH_EXPORT_ROWS: '50000', BENCH_RUNS: '5' } : {},
    },
    {
      bench: 'reports', script: 'reports/run-reports-bench.js', args: [],
      env: ci ? { BENCH_AGENTS: '60', BENCH_CAMPAIGNS: '50', BENCH_DAYS: '61', BENCH_EXPORT_ROWS: '20000', BENCH_RUNS: '20' } : {},
    },
    { bench: 'hopper', script: 'hopper/run-hopper-bench.js', args: ci ? ['--contacts', '200000', '--seconds', '5'] : [], env: {} },
    ...real,
  ];
}
