import { localTimeAt } from '../dialer/local-time';
import { q850CauseName } from './q850-cause-names';

/** Upper edges (exclusive, in seconds) of the talk-time histogram's buckets; the last bucket has none. */
export const TALK_BUCKET_EDGES = [30, 60, 120, 300, 600, 1200] as const;

/** Calls dialled and answered in one bucket of dial time (a UTC hour 'YYYY-MM-DDTHH', or a minute '…THH:MM'). */
export interface DialGroup {
  campaignId: number | null;
  bucket: string;
  dialled: number;
  answered: number;
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

/** The local hour (0–23) of a bucket's first instant in `timeZone`. */
function localHour(bucket: string, timeZone: string): number {
  const iso = bucket.length === 13 ? `${bucket}:00:00Z` : `${bucket}:00Z`;
  return Math.floor(localTimeAt(new Date(iso), timeZone).minuteOfDay / 60);
}

/** Answer rate by hour of the local day, from dial groups and each campaign's time zone. */
export function answerRateByHour(groups: readonly DialGroup[], tzOf: (campaignId: number | null) => string): HourFigures[] {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, dialled: 0, answered: 0, rate: null as number | null }));
  for (const g of groups) {
    const h = hours[localHour(g.bucket, tzOf(g.campaignId))]!;
    h.dialled += g.dialled;
    h.answered += g.answered;
  }
  for (const h of hours) h.rate = h.dialled > 0 ? h.answered / h.dialled : null;
  return hours;
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

/** Whether local midnight of `timeZone` (around `at`) falls on a whole UTC hour: then hourly buckets map exactly. */
export function onWholeHours(timeZone: string, at: Date): boolean {
  return localTimeAt(at, timeZone).minuteOfDay % 60 === at.getUTCMinutes();
}
