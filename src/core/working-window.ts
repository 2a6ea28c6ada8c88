/**
 * Working days across time zones. A person's usual working hours are a local window
 * (`09:00`–`17:00` in their zone); to compare people in different zones the window becomes
 * minutes after midnight UTC, at the offset in force on a given day (so daylight saving moves it,
 * which is why derived columns are recomputed on save and the day is an argument).
 */

export type ClockWindow = { start: string; end: string };

/** A daily window in minutes after midnight UTC; `end < start` when it wraps past midnight. */
export type UtcWindow = { start: number; end: number };

const DAY = 24 * 60;

// Building an Intl.DateTimeFormat costs about a millisecond; the directory asks per request.
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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes (east positive) at instant `at`. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const atMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - atMinute) / 60_000);
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const mod = (n: number) => ((n % DAY) + DAY) % DAY;

/** A local `HH:MM`–`HH:MM` window in `timeZone` as a UTC window on the day of `at`. */
export function utcWindow(timeZone: string, hours: ClockWindow, at: Date): UtcWindow {
  const offset = zoneOffsetMinutes(timeZone, at);
  return { start: mod(minutesOf(hours.start) - offset), end: mod(minutesOf(hours.end) - offset) };
}

/** The window's length in minutes (a full day when start and end meet). */
export function windowLength(w: UtcWindow): number {
  const len = mod(w.end - w.start);
  return len === 0 ? DAY : len;
}

/** Minutes two daily windows share, counting a wrap past midnight UTC on either side. */
export function overlapMinutes(a: UtcWindow, b: UtcWindow): number {
  // Unroll each window onto [0, 2 days) and compare b with a shifted by -1, 0 and +1 day.
  const unroll = (w: UtcWindow) => ({ start: w.start, end: w.start + windowLength(w) });
  const x = unroll(a);
  const y = unroll(b);
  let total = 0;
  for (const shift of [-DAY, 0, DAY]) {
    total += Math.max(0, Math.min(x.end, y.end + shift) - Math.max(x.start, y.start + shift));
  }
  return Math.min(total, windowLength(a), windowLength(b));
}
