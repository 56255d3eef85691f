/** A wall-clock reading in one IANA time zone. `weekday` is ISO: 1 = Monday … 7 = Sunday. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minuteOfDay: number;
  /** `YYYY-MM-DD`, the local calendar day. */
  dateKey: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

// Building an Intl.DateTimeFormat costs far more than using one, and eligibility runs per contact. The cache
// holds immutable formatters keyed by zone name only, so sharing it cannot leak state between callers.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock at `instant` in `timeZone`. Throws RangeError for an unknown zone (check with isValidTimeZone). */
export function localTimeAt(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const minuteOfDay = Number(parts.hour) * 60 + Number(parts.minute);
  const weekday = WEEKDAYS[parts.weekday ?? ''] ?? 0;
  const dateKey = `${String(year).padStart(4, '0')}-${parts.month}-${parts.day}`;
  return { year, month, day, weekday, minuteOfDay, dateKey };
}

/** Local wall time minus UTC at `instant`, in ms (whole minutes; seconds-level historic offsets are ignored). */
export function offsetAt(instant: number, timeZone: string): number {
  const l = localTimeAt(new Date(instant), timeZone);
  const wallAsUtc = Date.UTC(l.year, l.month - 1, l.day) + l.minuteOfDay * MINUTE_MS;
  return wallAsUtc - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

/**
 * The first instant of the local calendar day containing `instant`. Works across DST changes, including zones
 * whose clocks skip midnight (the day then starts at the transition) or repeat it (the earlier midnight wins).
 */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  const local = localTimeAt(instant, timeZone);
  const wallMidnight = Date.UTC(local.year, local.month - 1, local.day);
  const rough = wallMidnight - offsetAt(wallMidnight, timeZone);
  const candidates = [rough - 6 * HOUR_MS, rough + 6 * HOUR_MS]
    .map((probe) => wallMidnight - offsetAt(probe, timeZone))
    .filter((c) => localTimeAt(new Date(c), timeZone).dateKey === local.dateKey);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : rough);
}

/** The first instant of the local day after the one containing `instant` (local days last 23 to 25 hours). */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  const start = startOfLocalDay(instant, timeZone);
  return startOfLocalDay(new Date(start.getTime() + 36 * HOUR_MS), timeZone);
}
