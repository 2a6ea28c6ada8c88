/**
 * What people type for "time spent" when logging by hand: `45`, `1:30`, `45m`, `1.5h`,
 * `2h 15m`, `1h30`. Pure, so the quick-add form and its tests read it alike. (A CSV's
 * duration column is read by `parseDuration` in time-log-import.ts, whose unit the mapping
 * names; here the person names it in the text, or it is minutes.)
 */
import { MAX_ENTRY_MINUTES } from './time-log-import.ts';

export type TimeSpent = { ok: true; minutes: number } | { ok: false; message: string };

export const TIME_SPENT_HINT = 'e.g. 45, 45m, 1:30, 1.5h or 2h 15m';

const HOURS = '(?:h|hr|hrs|hour|hours)';
const MINUTES = '(?:m|min|mins|minute|minutes)';
const NUMBER = '(\\d+(?:[.,]\\d+)?)';

/** Each accepted shape and how it becomes minutes; the first that matches wins. */
const SHAPES: [RegExp, (m: RegExpExecArray) => number][] = [
  // 45 — bare numbers are minutes, as the hint has always said.
  [/^(\d+)$/, (m) => num(m[1])],
  // 1:30 — hours and minutes.
  [/^(\d+):([0-5]\d)$/, (m) => num(m[1]) * 60 + num(m[2])],
  // 45m, 45 min
  [new RegExp(`^${NUMBER}\\s*${MINUTES}$`), (m) => num(m[1])],
  // 1.5h, 2 hours
  [new RegExp(`^${NUMBER}\\s*${HOURS}$`), (m) => num(m[1]) * 60],
  // 2h 15m, 1h30, 1 h 30 min, 1h30m
  [
    new RegExp(`^(\\d+)\\s*${HOURS}\\s*(\\d+)\\s*(?:${MINUTES})?$`),
    (m) => num(m[1]) * 60 + num(m[2]),
  ],
];

const num = (s: string | undefined) => Number((s ?? '').replace(',', '.'));

/**
 * Minutes from what the person typed, or a sentence saying what is accepted. Between 1 minute
 * and a day: an entry is one day's work on one task.
 */
export function parseTimeSpent(raw: string): TimeSpent {
  const value = raw.trim().toLowerCase();
  if (!value) return { ok: false, message: `Enter the time spent (${TIME_SPENT_HINT})` };
  for (const [pattern, toMinutes] of SHAPES) {
    const m = pattern.exec(value);
    if (!m) continue;
    const minutes = Math.round(toMinutes(m));
    if (minutes < 1) return { ok: false, message: 'Enter at least 1 minute' };
    if (minutes > MAX_ENTRY_MINUTES)
      return { ok: false, message: 'Enter at most 24 hours: one entry is one day’s work' };
    return { ok: true, minutes };
  }
  return {
    ok: false,
    message: `“${raw.trim()}” is not a time we can read; write it like 45, 45m, 1:30, 1.5h or 2h 15m`,
  };
}
