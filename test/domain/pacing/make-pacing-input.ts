import { addDuration, emptyDurationStats, type DurationStats } from '../../../src/domain/pacing/duration-stats';
import type { PacingHistory, PacingInput } from '../../../src/domain/pacing/pacing-input';
import { pacingSettings, type PacingSettings } from '../../../src/domain/pacing/pacing-settings';

/** Durations spread like a lognormal with this median (deterministic quantiles, not random draws). */
export function statsOf(count: number, medianMs: number, sigma: number): DurationStats {
  let s = emptyDurationStats;
  for (let i = 0; i < count; i++) {
    const u = (i + 0.5) / count;
    // A logistic approximation of the normal quantile is plenty for test data.
    const z = Math.log(u / (1 - u)) / 1.702;
    s = addDuration(s, medianMs * Math.exp(sigma * z));
  }
  return s;
}

/** A campaign an hour in: 35% answer rate, 9 s to answer, 50 s median talks, 10 s wrap-ups, no abandons. */
export function steadyHistory(overrides: Partial<PacingHistory> = {}): PacingHistory {
  return {
    attempts: 2000,
    answered: 700,
    ringTime: statsOf(700, 9000, 0.35),
    talkTime: statsOf(650, 50000, 0.8),
    wrapUpTime: statsOf(650, 10000, 0.5),
    campaign: { answered: 700, abandoned: 0 },
    rolling: { answered: 300, abandoned: 0 },
    ...overrides,
  };
}

export interface InputShape {
  ready?: number;
  talking?: number[];
  wrapUp?: number[];
  ringing?: number[];
  waiting?: number[];
  history?: PacingHistory;
  settings?: Partial<PacingSettings>;
}

export function makeInput(shape: InputShape): PacingInput {
  return {
    settings: pacingSettings({ wrapUpLimitMs: 20000, ...shape.settings }),
    history: shape.history ?? steadyHistory(),
    agents: { ready: shape.ready ?? 0, talkingElapsedMs: shape.talking ?? [], wrapUpElapsedMs: shape.wrapUp ?? [] },
    calls: { ringingElapsedMs: shape.ringing ?? [], waitingElapsedMs: shape.waiting ?? [] },
  };
}

/** n agents (or calls) spread evenly over elapsed times 0 .. maxMs. */
export function spread(n: number, maxMs: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.round(((i + 0.5) / n) * maxMs));
}
