import type { AbandonCounts } from './pacing-input';

/** What became of one answered customer: connected to an agent, or abandoned. */
export interface AnsweredOutcome {
  readonly atMs: number;
  readonly abandoned: boolean;
}

interface AbandonBucket {
  readonly startMs: number;
  readonly answered: number;
  readonly abandoned: number;
}

/**
 * Abandon rate over a rolling window, kept as fixed-width time buckets so memory stays bounded
 * (window / bucket entries) however busy the campaign is. Immutable: record returns a new value.
 * A bucket counts while any part of it lies inside the window, so the window is exact to one bucket.
 */
export interface RollingAbandonWindow {
  readonly windowMs: number;
  readonly bucketMs: number;
  /** Oldest first. */
  readonly buckets: readonly AbandonBucket[];
}

export const DEFAULT_ROLLING_WINDOW_MS = 60 * 60_000;

export function emptyRollingAbandonWindow(windowMs = DEFAULT_ROLLING_WINDOW_MS, bucketMs = 60_000): RollingAbandonWindow {
  return { windowMs, bucketMs, buckets: [] };
}

function isLive(w: RollingAbandonWindow, b: AbandonBucket, nowMs: number): boolean {
  return b.startMs + w.bucketMs > nowMs - w.windowMs;
}

export function recordAnsweredOutcome(w: RollingAbandonWindow, outcome: AnsweredOutcome): RollingAbandonWindow {
  const startMs = Math.floor(outcome.atMs / w.bucketMs) * w.bucketMs;
  const add = outcome.abandoned ? 1 : 0;
  const kept = w.buckets.filter((b) => isLive(w, b, outcome.atMs) || b.startMs > outcome.atMs);
  const i = kept.findIndex((b) => b.startMs >= startMs);
  const buckets = [...kept];
  const found = i >= 0 ? buckets[i] : undefined;
  if (found && found.startMs === startMs) {
    buckets[i] = { startMs, answered: found.answered + 1, abandoned: found.abandoned + add };
  } else {
    buckets.splice(i >= 0 ? i : buckets.length, 0, { startMs, answered: 1, abandoned: add });
  }
  return { ...w, buckets };
}

export function rollingAbandonCounts(w: RollingAbandonWindow, nowMs: number): AbandonCounts {
  let answered = 0;
  let abandoned = 0;
  for (const b of w.buckets) {
    if (!isLive(w, b, nowMs) || b.startMs > nowMs) continue;
    answered += b.answered;
    abandoned += b.abandoned;
  }
  return { answered, abandoned };
}

export function rollingAbandonRate(w: RollingAbandonWindow, nowMs: number): number {
  const c = rollingAbandonCounts(w, nowMs);
  return c.answered > 0 ? c.abandoned / c.answered : 0;
}
