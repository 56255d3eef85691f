import { localTimeAt, startOfLocalDay, startOfNextLocalDay } from '../dialer/local-time';

const HOUR_MS = 3_600_000;

/** The first instant of the local calendar day `dateKey` (YYYY-MM-DD) in `timeZone`. */
export function localDayStart(dateKey: string, timeZone: string): Date {
  const [y, m, d] = dateKey.split('-').map(Number) as [number, number, number];
  const noon = Date.UTC(y, m - 1, d, 12);
  // UTC noon of the date is on that local date for offsets within ±12 h; probe further for the rest.
  for (const shift of [0, -12, 12, -6, 6]) {
    const probe = new Date(noon + shift * HOUR_MS);
    if (localTimeAt(probe, timeZone).dateKey === dateKey) return startOfLocalDay(probe, timeZone);
  }
  return startOfLocalDay(new Date(noon), timeZone);
}

/** The local calendar day (YYYY-MM-DD) after `dateKey`. */
export function nextDateKey(dateKey: string): string {
  const [y, m, d] = dateKey.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Every date key from `from` to `to`, both included. */
export function dateKeysBetween(from: string, to: string): string[] {
  const keys: string[] = [];
  for (let k = from; k <= to; k = nextDateKey(k)) keys.push(k);
  return keys;
}

export interface DayPiece {
  day: string;
  ms: number;
}

/** Splits [startMs, endMs) at the local midnights of `timeZone`: the ms spent in each local day. */
export function splitByLocalDay(startMs: number, endMs: number, timeZone: string): DayPiece[] {
  if (endMs <= startMs) return [];
  const first = localTimeAt(new Date(startMs), timeZone).dateKey;
  if (localTimeAt(new Date(endMs - 1), timeZone).dateKey === first) return [{ day: first, ms: endMs - startMs }];
  const pieces: DayPiece[] = [];
  let at = startMs;
  while (at < endMs) {
    const day = localTimeAt(new Date(at), timeZone).dateKey;
    const next = Math.min(startOfNextLocalDay(new Date(at), timeZone).getTime(), endMs);
    pieces.push({ day, ms: next - at });
    at = next;
  }
  return pieces;
}
