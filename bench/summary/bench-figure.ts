import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One figure a benchmark promises the user: what was measured, the goal beside it, and whether it met it.
 * `better` says which way is good, so the summary can judge a figure without knowing the bench.
 */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal: number;
  readonly better: 'lower' | 'higher';
  /** Free text: scenario, size, baseline ratio … */
  readonly detail?: string;
}

export const meetsGoal = (f: BenchFigure): boolean => (f.better === 'lower' ? f.value <= f.goal : f.value >= f.goal);

/** Where a bench writes its figures for `npm run bench`'s summary; off unless BENCH_RESULTS_DIR is set. */
export function recordFigures(bench: string, figures: readonly BenchFigure[], env: NodeJS.ProcessEnv = process.env): void {
  const dir = env.BENCH_RESULTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${bench}.json`), `${JSON.stringify({ bench, at: new Date().toISOString(), figures }, null, 2)}\n`);
}
