/** Asterisk's timestamp format: 2026-11-22T23:28:44.347+0000 (UTC, milliseconds, numeric offset). */
export function formatAriTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Formats with a one-entry cache: many events share the same millisecond. */
export function createAriTimeFormatter(): (ms: number) => string {
  let lastMs = Number.NaN;
  let last = '';
  return (ms) => {
    if (ms !== lastMs) {
      lastMs = ms;
      last = formatAriTime(ms);
    }
    return last;
  };
}
