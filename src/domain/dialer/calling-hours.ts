import type { LocalTime } from './local-time';

/**
 * The window in which a contact may be called, read on the contact's own wall clock.
 * `start` is inclusive and `end` exclusive (`09:00`–`17:00` allows 16:59, not 17:00); `end` may be `24:00`.
 * A window whose start is after its end runs over midnight and belongs to the weekday on which it starts.
 * `start` equal to `end` means the whole day. Missing or empty `weekdays` means every day (ISO 1 = Monday).
 */
export interface CallingHours {
  start: string;
  end: string;
  weekdays?: readonly number[] | null;
}

export type CallingHoursCheck = 'inside' | 'outside' | 'invalid';

/** `HH:MM` (00:00–24:00) to minutes after midnight, or null when malformed. */
export function parseClockTime(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) return null;
  return minutes;
}

export function checkCallingHours(hours: CallingHours, local: LocalTime): CallingHoursCheck {
  const start = parseClockTime(hours.start);
  const end = parseClockTime(hours.end);
  if (start === null || end === null || start === 24 * 60) return 'invalid';
  const days = hours.weekdays && hours.weekdays.length > 0 ? hours.weekdays : null;
  const dayAllowed = (weekday: number): boolean => days === null || days.includes(weekday);
  const m = local.minuteOfDay;
  if (start === end) return dayAllowed(local.weekday) ? 'inside' : 'outside';
  if (start < end) return m >= start && m < end && dayAllowed(local.weekday) ? 'inside' : 'outside';
  if (m >= start) return dayAllowed(local.weekday) ? 'inside' : 'outside';
  const yesterday = local.weekday === 1 ? 7 : local.weekday - 1;
  return m < end && dayAllowed(yesterday) ? 'inside' : 'outside';
}
