/**
 * The directory's pure rules: hourly rates between the viewer's currency and the US cents the
 * directory filters and sorts on, and the hours a professional's working day shares with the
 * viewer's. The server's SQL applies the same rules (directory `queries.ts`); tests check both agree.
 */
import { convert, minorDigits, type Money, type RatesPerUsd } from './money.ts';
import { overlapMinutes, type UtcWindow } from './working-window.ts';

export const DIRECTORY_SORTS = [
  'relevance',
  'rating',
  'rate-asc',
  'rate-desc',
  'experience',
] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const DIRECTORY_KINDS = ['all', 'professionals', 'businesses'] as const;
export const DIRECTORY_AVAILABILITIES = ['available', 'limited', 'unavailable'] as const;

/** Facet counts are read over at most this many matches (the total then shows as "1,000+"). */
export const FACET_SAMPLE = 1000;

/**
 * Relevance ranks at most this many matches: the first found, in table order. Beyond them the
 * words are common enough that ranking every match would cost more than the page is worth.
 */
export const RANK_CANDIDATES = 1000;

/** Bounds of an hourly-rate filter in US cents (`rate_usd`); undefined ends are open. */
export interface UsdRange {
  minUsd?: number;
  maxUsd?: number;
}

/**
 * A rate range typed in the viewer's currency (minor units) as US cents, or null when the
 * currency has no exchange rate. The lower bound rounds down and the upper bound up: a rate the
 * viewer sees as exactly their bound (after rounding it back to their currency) is inside the range,
 * never lost to a fraction of a cent.
 */
export function rateRangeToUsd(
  range: { min?: number; max?: number },
  currency: string,
  rates: RatesPerUsd,
): UsdRange | null {
  const toUsd = (amount: number, round: (n: number) => number): number | null => {
    if (currency === 'USD') return amount;
    const units = rates[currency];
    if (!units) return null;
    // Not `convert`, which rounds to the nearest cent: each bound needs its own direction.
    return round((amount / 10 ** minorDigits(currency) / units) * 100);
  };
  const out: UsdRange = {};
  if (range.min !== undefined) {
    const v = toUsd(range.min, Math.floor);
    if (v === null) return null;
    out.minUsd = v;
  }
  if (range.max !== undefined) {
    const v = toUsd(range.max, Math.ceil);
    if (v === null) return null;
    out.maxUsd = v;
  }
  return out;
}

/** A rate kept in US cents, shown in the viewer's currency; null without an exchange rate. */
export function rateForViewer(
  rateUsd: number | null,
  currency: string,
  rates: RatesPerUsd,
): Money | null {
  if (rateUsd === null) return null;
  return convert({ amount: rateUsd, currency: 'USD' }, currency, rates);
}

/**
 * Whole hours of a professional's working day that fall in the viewer's, rounded down to a
 * quarter hour (what a card shows); null when the professional has not given their hours.
 */
export function sharedHours(
  pro: { start: number | null; end: number | null },
  viewer: UtcWindow,
): number | null {
  if (pro.start === null || pro.end === null) return null;
  const minutes = overlapMinutes({ start: pro.start, end: pro.end }, viewer);
  return Math.floor(minutes / 15) / 4;
}

/** Whether a professional's day shares at least `hours` with the viewer's: the overlap filter. */
export function overlapsAtLeast(
  pro: { start: number | null; end: number | null },
  viewer: UtcWindow,
  hours: number,
): boolean {
  if (pro.start === null || pro.end === null) return false;
  return overlapMinutes({ start: pro.start, end: pro.end }, viewer) >= hours * 60;
}
