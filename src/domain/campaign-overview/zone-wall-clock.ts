import { localTimeAt } from '../dialer/local-time';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Local calendar day and minute of day at an instant. */
export interface WallReading { dateKey: string; minuteOfDay: number }

/**
 * localTimeAt's day and minute of day in one zone, for many instants: the zone's offset is read (through Intl, which
 * costs microseconds a call) once per UTC hour, at its first minute; when it agrees with the next hour's, as it does
 * in every hour without a clock change, an instant of that hour is the offset plus arithmetic. An hour with a change
 * inside it (or at its end) is read instant by instant. Equal to localTimeAt for every instant whose zone offset is whole minutes
 * (every zone since the 1970s).
 */
export class ZoneWallClock {
  private readonly offsets = new Map<number, number | null>();
  private readonly starts = new Map<number, number>();

  constructor(private readonly timeZone: string) {}

  at(ms: number): WallReading {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const first = this.startOffset(hour);
      offset = first === this.startOffset(hour + 1) ? first : null;
      this.offsets.set(hour, offset);
    }
    if (offset === null) {
      const lt = localTimeAt(new Date(ms), this.timeZone);
      return { dateKey: lt.dateKey, minuteOfDay: lt.minuteOfDay };
    }
    const wall = Math.floor(ms / MINUTE_MS) * MINUTE_MS + offset;
    const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
    return { dateKey: new Date(dayStart).toISOString().slice(0, 10), minuteOfDay: (wall - dayStart) / MINUTE_MS };
  }

  /** Local wall time minus UTC at the start of a UTC hour, in ms. */
  private startOffset(hour: number): number {
    const known = this.starts.get(hour);
    if (known !== undefined) return known;
    const minuteMs = hour * HOUR_MS;
    const l = localTimeAt(new Date(minuteMs), this.timeZone);
    const [y, m, d] = l.dateKey.split('-').map(Number) as [number, number, number];
    const offset = Date.UTC(y, m - 1, d) + l.minuteOfDay * MINUTE_MS - minuteMs;
    this.starts.set(hour, offset);
    return offset;
  }
}
