/**
 * Wall-clock times in a named time zone ↔ instants. A form asks for "the 12th at 17:00" in the
 * business's zone (a `datetime-local` value, `YYYY-MM-DDTHH:mm`), whatever the browser's own
 * zone is; the API stores the instant in UTC.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock of `instant` in `timeZone`, as if it were UTC (ms). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/**
 * The instant (ISO, UTC) at which clocks in `timeZone` show `local` (`YYYY-MM-DDTHH:mm`), or null
 * when `local` is not such a value. A time in the hour a zone skips (spring forward) lands
 * as far after the jump as it was into the gap; in the hour a zone repeats, the first is taken.
 */
export function zonedLocalToUtc(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return null;
  // Two passes: the offset at the first guess may differ from the offset at the answer when a
  // zone change lies between them.
  const first = asUtc - (wallClockMs(asUtc, timeZone) - asUtc);
  const second = asUtc - (wallClockMs(first, timeZone) - first);
  const shows = [first, second].filter((t) => wallClockMs(t, timeZone) === asUtc);
  // None shows it: the zone skipped that time, and the later reading is past the jump.
  const instant = shows.length > 0 ? Math.min(...shows) : Math.max(first, second);
  return new Date(instant).toISOString();
}

/** The `datetime-local` value (`YYYY-MM-DDTHH:mm`) clocks in `timeZone` show at `iso`. */
export function utcToZonedLocal(iso: string, timeZone: string): string {
  const wall = new Date(wallClockMs(new Date(iso).getTime(), timeZone));
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}
