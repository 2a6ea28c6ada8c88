/** Small formatting helpers for the audit pages: durations, hours, estimates (dates: ../../format.ts). */
import { toMajor, type Money } from '../../../core/money.ts';

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
