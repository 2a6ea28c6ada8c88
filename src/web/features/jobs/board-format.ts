/**
 * How the job board, the public job page and the business's job list word a job's money, timing
 * and age. Amounts keep their own currency (never converted for display); times are read in the
 * viewer's time zone.
 */
import type { Budget } from '../../../core/contracts/jobs.ts';
import { minorDigits, toMajor } from '../../../core/money.ts';
import { formatDate, formatDay } from '../../format.ts';
import { plural } from '../audit/audit-format.ts';

/** `$1,500` for a whole amount, `$42.50` otherwise: budgets are usually round numbers. */
export function formatAmount(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const whole = amount % 10 ** digits === 0;
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(toMajor({ amount, currency }));
}

/** A budget in words: the range (either end may be open) and whether it is a price or a rate. */
export function describeBudget(budget: Budget | null): {
  amount: string;
  kind: string;
  detail?: string;
} {
  if (!budget) return { amount: 'Budget not set', kind: '' };
  const fmt = (n: number) => formatAmount(n, budget.currency);
  const { min, max } = budget;
  const range =
    min !== null && max !== null
      ? min === max
        ? fmt(min)
        : `${fmt(min)}–${fmt(max)}`
      : min !== null
        ? `From ${fmt(min)}`
        : max !== null
          ? `Up to ${fmt(max)}`
          : null;
  switch (budget.type) {
    case 'fixed':
      return { amount: range ?? 'Amount not set', kind: 'Fixed price' };
    case 'hourly':
      return {
        amount: range === null ? 'Rate not set' : `${range} an hour`,
        kind: 'Hourly',
        detail:
          budget.hoursPerWeek === null
            ? undefined
            : `${new Intl.NumberFormat().format(budget.hoursPerWeek)} h a week`,
      };
    default:
      return budget.type satisfies never;
  }
}

/** The job's timing: a deadline (a calendar date, so not shifted by time zone) or a duration. */
export function describeTiming(deadline: string | null, durationDays: number | null): string {
  if (deadline) return `Due ${formatDay(deadline)}`;
  if (durationDays) return `About ${plural(durationDays, 'day')} of work`;
  return 'No deadline set';
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

/**
 * "3 hr. ago" for the last week, else the date in the viewer's time zone ("on 4 Mar 2026").
 * `now` is a parameter so a list shares one clock reading.
 */
export function timeAgo(iso: string, timeZone: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds >= 7 * 24 * 60 * 60) return `on ${formatDate(iso, timeZone)}`;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  for (let i = UNITS.length - 1; i >= 0; i--) {
    const [unit, size] = UNITS[i]!;
    if (seconds >= size) return rtf.format(-Math.floor(seconds / size), unit);
  }
  return 'just now';
}
