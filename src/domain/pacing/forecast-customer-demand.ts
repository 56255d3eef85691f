import { lognormalCdf, type Lognormal } from './lognormal';
import { zeros, type SlotForecast } from './slot-forecast';

export interface DemandModel {
  /** Probability that a placed call is answered by a person. */
  readonly answerRate: number;
  /** Dial-to-answer time of answered calls (renormalised below the ring timeout). */
  readonly ringTime: Lognormal;
  readonly ringTimeoutMs: number;
}

export interface DemandCalls {
  readonly ringingElapsedMs: readonly number[];
  readonly waitingElapsedMs: readonly number[];
}

export interface DemandForecast extends SlotForecast {
  /** Customers already on hold. */
  readonly waiting: number;
  /** Ringing calls grouped by elapsed time: how many in group g ... */
  readonly groupCounts: readonly number[];
  /** ... and P(one of them is answered by arrival offset j), at [g × slots + j]. */
  readonly groupAnswered: number[];
  /** P(a call placed now is answered by arrival offset j). */
  readonly newCallAnswered: number[];
}

/** Ringing calls are grouped by elapsed time in steps this wide (their midpoint stands for the group). */
const RING_BUCKET_MS = 500;
const GRID_MS = RING_BUCKET_MS / 2;

/**
 * Customers needing an agent by each arrival offset: those already on hold, plus ringing calls
 * answering — conditioned on having rung `elapsed` without answer, treating the unanswered ones as
 * ringing until the timeout — as parts, and the count's mean and Bernoulli variance.
 */
export function forecastCustomerDemand(calls: DemandCalls, m: DemandModel, arrivals: number[]): DemandForecast {
  const slots = arrivals.length;
  const atTimeout = lognormalCdf(m.ringTime, m.ringTimeoutMs);
  // Answered calls all answer before the timeout: the CDF is renormalised below it.
  const exact = (ms: number) => (ms >= m.ringTimeoutMs || atTimeout <= 0 ? 1 : lognormalCdf(m.ringTime, ms) / atTimeout);
  // Group midpoints and arrival offsets fall on a 250 ms grid: evaluate the CDF there once.
  const grid = zeros(Math.ceil(m.ringTimeoutMs / GRID_MS) + 1);
  for (let i = 0; i < grid.length; i++) grid[i] = exact(i * GRID_MS);
  const answeredBy = (ms: number) => {
    if (ms >= m.ringTimeoutMs) return 1;
    const i = Math.round(ms / GRID_MS);
    return i * GRID_MS === ms ? grid[i]! : exact(ms);
  };
  const p = m.answerRate;
  const buckets = zeros(Math.ceil(m.ringTimeoutMs / RING_BUCKET_MS));
  for (const e of calls.ringingElapsedMs) {
    const b = Math.floor(Math.max(e, 0) / RING_BUCKET_MS);
    if (b < buckets.length) buckets[b]! += 1;
  }
  const groupCounts: number[] = [];
  const groupAnswered: number[] = [];
  for (let b = 0; b < buckets.length; b++) {
    const count = buckets[b]!;
    if (count === 0) continue;
    const e = (b + 0.5) * RING_BUCKET_MS;
    const before = answeredBy(e);
    const stillPossible = 1 - p * before;
    if (stillPossible <= 1e-12) continue;
    for (let j = 0; j < slots; j++) groupAnswered.push((p * (answeredBy(Math.min(e + arrivals[j]!, m.ringTimeoutMs)) - before)) / stillPossible);
    groupCounts.push(count);
  }
  const waiting = calls.waitingElapsedMs.length;
  const mean = zeros(slots).fill(waiting);
  const variance = zeros(slots);
  for (let g = 0; g < groupCounts.length; g++) {
    const c = groupCounts[g]!;
    for (let j = 0; j < slots; j++) {
      const a = groupAnswered[g * slots + j]!;
      mean[j]! += c * a;
      variance[j]! += c * a * (1 - a);
    }
  }
  const newCallAnswered = zeros(slots);
  for (let j = 0; j < slots; j++) newCallAnswered[j] = p * answeredBy(arrivals[j]!);
  return { mean, variance, waiting, groupCounts, groupAnswered, newCallAnswered };
}
