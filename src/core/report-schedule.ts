/**
 * When progress reports are due (issue 12, item 6). Due dates are calendar dates in the
 * business's time zone: the business's chosen weekday, every week or every other week, the
 * first one strictly after the day the contract became active (a contract accepted on a Friday
 * is not asked for a report that same day). Pure: the server's reminders, the report form and
 * the dashboard's health all read these.
 */
import { utcToZonedLocal } from './zoned-time.ts';
import type { ReportCadence } from './work.ts';

export interface ReportSchedule {
  cadence: ReportCadence;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** The business's local date the contract became active. */
  startsOn: string;
}

const DAY_MS = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `date` plus `n` calendar days (`YYYY-MM-DD`). */
export const addDays = (date: string, n: number): string => fromMs(toMs(date) + n * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toMs(to) - toMs(from)) / DAY_MS);

/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (date: string): number => new Date(toMs(date)).getUTCDay();

/** The calendar date clocks in `timeZone` show at `instant`. */
export const localDate = (instant: Date, timeZone: string): string =>
  utcToZonedLocal(instant.toISOString(), timeZone).slice(0, 10);

/** Days between two due dates, or null when reports are off. */
export function periodDays(cadence: ReportCadence): number | null {
  switch (cadence) {
    case 'weekly':
      return 7;
    case 'biweekly':
      return 14;
    case 'off':
      return null;
    default:
      return cadence satisfies never;
  }
}

/** The first due date, or null when reports are off. */
export function firstDueOn(s: ReportSchedule): string | null {
  if (periodDays(s.cadence) === null) return null;
  const ahead = (s.weekday - weekdayOf(s.startsOn) + 7) % 7 || 7;
  return addDays(s.startsOn, ahead);
}

/** Whether `date` is one of the schedule's due dates. */
export function isDueDate(s: ReportSchedule, date: string): boolean {
  const first = firstDueOn(s);
  const period = periodDays(s.cadence);
  if (first === null || period === null) return false;
  const d = daysBetween(first, date);
  return d >= 0 && d % period === 0;
}

/** The first due date on or after `date`. */
export function dueOnOrAfter(s: ReportSchedule, date: string): string | null {
  const first = firstDueOn(s);
  const period = periodDays(s.cadence);
  if (first === null || period === null) return null;
  const d = daysBetween(first, date);
  if (d <= 0) return first;
  return addDays(first, Math.ceil(d / period) * period);
}

/** The last due date strictly before `date`, if any. */
export function dueBefore(s: ReportSchedule, date: string): string | null {
  const first = firstDueOn(s);
  const period = periodDays(s.cadence);
  if (first === null || period === null) return null;
  const d = daysBetween(first, date);
  if (d <= 0) return null;
  return addDays(first, Math.floor((d - 1) / period) * period);
}

export interface CurrentDue {
  /** The due date the next report answers. */
  dueOn: string;
  /** Days past its due day (0 when it is due today or later). */
  overdueDays: number;
  /** Its period: the report covers the days after `periodStart`, up to and including `dueOn`. */
  periodStart: string;
}

/**
 * The report the professional is asked for now. A missed due date stays the one asked for
 * (sent late, and marked so) until a later one passes too; only the most recent missed report
 * is asked for, since a report describes where the work stands, not a week long gone. Once the
 * last due date is answered, the next one is asked for (a report may come early).
 */
export function currentDue(
  s: ReportSchedule,
  today: string,
  reported: ReadonlySet<string>,
): CurrentDue | null {
  const period = periodDays(s.cadence);
  if (period === null) return null;
  const previous = dueBefore(s, today);
  let dueOn: string | null;
  if (previous !== null && !reported.has(previous) && ![...reported].some((d) => d > previous)) {
    dueOn = previous;
  } else {
    dueOn = dueOnOrAfter(s, today);
    while (dueOn !== null && reported.has(dueOn)) dueOn = addDays(dueOn, period);
  }
  if (dueOn === null) return null;
  return {
    dueOn,
    overdueDays: Math.max(0, daysBetween(dueOn, today)),
    periodStart: addDays(dueOn, -period),
  };
}

/** A report sent on `sentOn` (the business's date) for `dueOn` is late after its due day. */
export const isLate = (dueOn: string, sentOn: string): boolean => sentOn > dueOn;

/**
 * The oldest due date missed since the last report (or since the start), if one has passed:
 * how long the reports have stopped, which the dashboard's health reads. Unlike
 * {@link currentDue} it does not move on when a later due date passes too.
 */
export function oldestMissed(
  s: ReportSchedule,
  today: string,
  reported: ReadonlySet<string>,
): { dueOn: string; overdueDays: number } | null {
  const latest = [...reported].sort().at(-1);
  const dueOn = latest ? dueOnOrAfter(s, addDays(latest, 1)) : firstDueOn(s);
  if (dueOn === null || dueOn >= today) return null;
  return { dueOn, overdueDays: daysBetween(dueOn, today) };
}
