/** Small formatting helpers for the audit pages: calendar days, durations, hours. */
import { toMajor, type Money } from '../../../core/money.ts';

/**
 * A calendar date (`YYYY-MM-DD`) as the viewer reads dates. Read at UTC midnight and shown in
 * UTC: a date has no time zone, and shifting it would show the day before west of Greenwich.
 */
export function formatDay(date: string, style: 'medium' | 'short' | 'weekday' = 'medium'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'weekday'
      ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
      : style === 'short'
        ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(undefined, options).format(new Date(`${date}T00:00:00Z`));
}

/** Today's date in a time zone, as `YYYY-MM-DD` (audit dates are in the business's zone). */
export function todayIn(timeZone: string | undefined): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

/** Whole days from one calendar date to another (end minus start). */
export function daysBetween(start: string, end: string): number {
  return Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000,
  );
}

/** `45 min`, `1 h 30 min`, `3 h`. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
/** `12.5 h` */
export const formatHours = (hours: number): string => `${hoursFormat.format(hours)}\u00a0h`;

/** A running clock: `0:04:09`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * An estimate in whole currency units ($4,954, not $4,954.29): monthly costs are
 * extrapolations, and cents would claim a precision they do not have.
 */
export function formatEstimate(m: Money): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(toMajor(m));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
