/**
 * The rules of time tracking on hourly contracts (issue 12, item 2) that need no I/O: which week
 * an instant falls in (the business's week, Monday first, in the business's time zone), the
 * weekly cap's arithmetic, and when an unreviewed week is approved automatically.
 *
 * Weeks are calendar dates (`YYYY-MM-DD` of their Monday), not instant ranges: a week in a zone
 * with a DST change is 167 or 169 hours long, and only the zone's wall clock says where it starts.
 */
import { AUTO_APPROVE_AFTER_DAYS } from './work.ts';
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-time.ts';

const DAY_MS = 86_400_000;

/** The calendar date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding the calendar date `date`. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(date, -((weekday + 6) % 7));
}

/** The calendar date clocks in `timeZone` show at `instant`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return utcToZonedLocal(instant.toISOString(), timeZone).slice(0, 10);
}

/** The Monday (in `timeZone`) of the week `instant` falls in. */
export function weekStartOf(instant: Date, timeZone: string): string {
  return mondayOf(localDateOf(instant, timeZone));
}

/** The instant a calendar date begins (midnight) in `timeZone`. */
export function startOfDay(date: string, timeZone: string): Date {
  const iso = zonedLocalToUtc(`${date}T00:00`, timeZone);
  if (!iso) throw new Error(`Not a date: ${date}`);
  return new Date(iso);
}

/** The instants a week starts and ends (the next Monday's midnight) in `timeZone`. */
export function weekBounds(weekStart: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfDay(weekStart, timeZone),
    end: startOfDay(addDays(weekStart, 7), timeZone),
  };
}

/** The seven dates of a week, Monday first. */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/**
 * When a week's entries left unreviewed are approved: midnight (in the business's zone)
 * {@link AUTO_APPROVE_AFTER_DAYS} days after the week ended — a whole working week to look.
 */
export function autoApproveAt(weekStart: string, timeZone: string): Date {
  return startOfDay(addDays(weekStart, 7 + AUTO_APPROVE_AFTER_DAYS), timeZone);
}

/** Hours as people write them: "18.5", "20", "0.25" (at most two decimals). */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The minutes a week may still take under its cap (never below zero). */
export function capRemaining(usedMinutes: number, capHours: number): number {
  return Math.max(0, Math.floor(capHours * 60) - usedMinutes);
}

/**
 * Why an entry of `minutes` may not join a week that already holds `usedMinutes`, or null when
 * it fits: the week's total and the cap, and the entry's size, in hours.
 */
export function capRefusal(usedMinutes: number, minutes: number, capHours: number): string | null {
  if (minutes <= capRemaining(usedMinutes, capHours)) return null;
  return `This week has ${formatHours(usedMinutes)} of ${formatHours(capHours * 60)} hours; this entry of ${formatHours(minutes)} h would pass the cap.`;
}

/**
 * A stopped timer's minutes: what ran (rounded to the minute), trimmed to what the cap leaves.
 * The time past the cap is not payable, and refusing the stop would leave the timer running on,
 * so the entry keeps what fits and the answer says how much was cut.
 */
export function stoppedTimerMinutes(
  startedAt: Date,
  stoppedAt: Date,
  usedMinutes: number,
  capHours: number,
): { minutes: number; trimmedMinutes: number } {
  const ran = Math.max(0, Math.round((stoppedAt.getTime() - startedAt.getTime()) / 60_000));
  const minutes = Math.min(ran, capRemaining(usedMinutes, capHours));
  return { minutes, trimmedMinutes: ran - minutes };
}

/** A reference to a contract's issue as people type it: `#12` or `12`; null when it is not one. */
export function issueNumberOf(reference: string): number | null {
  const m = /^#?(\d{1,9})$/.exec(reference.trim());
  return m ? Number(m[1]) : null;
}
