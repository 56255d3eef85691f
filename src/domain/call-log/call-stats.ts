import { offsetAt } from '../dialer/local-time';
import { q850CauseName } from './q850-cause-names';

/** Upper edges (exclusive, in seconds) of the talk-time histogram's buckets; the last bucket has none. */
export const TALK_BUCKET_EDGES = [30, 60, 120, 300, 600, 1200] as const;

/** Calls dialled and answered in one local hour of the day (0–23). */
export interface DialGroup {
  hour: number;
  dialled: number;
  answered: number;
}

/** A stretch of time over which a zone keeps one UTC offset; null ends are open (the past, the future). */
export interface OffsetSegment {
  fromMs: number | null;
  toMs: number | null;
  offsetMinutes: number;
}

export interface HourFigures { hour: number; dialled: number; answered: number; rate: number | null }
export interface TalkBucket { fromSeconds: number; toSeconds: number | null; calls: number }
export interface CauseCount { cause: number | null; name: string; calls: number }

export interface CallStats {
  calls: number;
  dialled: number;
  answered: number;
  bridged: number;
  /** answered / dialled; null when nothing was dialled. */
  answerRate: number | null;
  talkMs: number;
  avgTalkMs: number | null;
  outcomes: Record<string, number>;
  /** Hours 0–23 of the local day (each call in its campaign's time zone, UTC for calls of no campaign). */
  byHour: HourFigures[];
  talkHistogram: TalkBucket[];
  causes: CauseCount[];
}

/** Answer rate by hour of the local day: the 24 hours, from the groups the store counted (hours with no call: rate null). */
export function answerRateByHour(groups: readonly DialGroup[]): HourFigures[] {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, dialled: 0, answered: 0, rate: null as number | null }));
  for (const g of groups) {
    const h = hours[g.hour];
    if (!h) continue;
    h.dialled += g.dialled;
    h.answered += g.answered;
  }
  for (const h of hours) h.rate = h.dialled > 0 ? h.answered / h.dialled : null;
  return hours;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The offsets of `timeZone` around [startMs, endMs): one segment per stretch of constant offset (a DST change
 * starts a new one, found to the minute), the first open to the past and the last to the future, so a call dialled
 * before the range (and ended in it) still gets its local hour. Probes once a day: offsets change months apart.
 */
export function offsetSegments(timeZone: string, startMs: number, endMs: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let current = offsetAt(startMs, timeZone);
  let from: number | null = null;
  for (let t = startMs; t < endMs; t += DAY_MS) {
    const next = Math.min(t + DAY_MS, endMs);
    const o = offsetAt(next, timeZone);
    if (o === current) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > MINUTE_MS) {
      const mid = Math.floor((lo + hi) / 2 / MINUTE_MS) * MINUTE_MS;
      if (mid <= lo || mid >= hi) break;
      if (offsetAt(mid, timeZone) === current) lo = mid; else hi = mid;
    }
    segments.push({ fromMs: from, toMs: hi, offsetMinutes: Math.round(current / MINUTE_MS) });
    from = hi;
    current = o;
  }
  segments.push({ fromMs: from, toMs: null, offsetMinutes: Math.round(current / MINUTE_MS) });
  return segments;
}

/** The histogram from the count of talked calls per bucket index (index i: below TALK_BUCKET_EDGES[i]). */
export function talkHistogram(counts: ReadonlyMap<number, number>): TalkBucket[] {
  const edges = [0, ...TALK_BUCKET_EDGES];
  return edges.map((from, i) => ({ fromSeconds: from, toSeconds: TALK_BUCKET_EDGES[i] ?? null, calls: counts.get(i) ?? 0 }));
}

/** Hangup causes by count (most first), with their Q.850 names. */
export function causeCounts(rows: ReadonlyArray<{ cause: number | null; calls: number }>): CauseCount[] {
  return rows.map((r) => ({ cause: r.cause, name: r.cause === null ? 'No cause recorded' : q850CauseName(r.cause), calls: r.calls }))
    .sort((a, b) => b.calls - a.calls || (a.cause ?? -1) - (b.cause ?? -1));
}
