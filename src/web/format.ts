/**
 * The one place the web app writes dates, so every page reads alike ("Dec 3, 2026", in the
 * browser's locale): instants in the viewer's own time zone (from their settings, else the
 * browser's), calendar dates as they are. Pages never format a date themselves.
 */
import { utcToZonedLocal, zonedLocalToUtc } from '../core/zoned-time.ts';

/** An instant with its time, in the viewer's time zone: "Dec 3, 2026, 4:05 PM". */
export function formatDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** The day of an instant, in the viewer's time zone: "Dec 3, 2026". */
export function formatDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(
    new Date(iso),
  );
}

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

/** A month (`YYYY-MM`, or a date in it) as the viewer reads months: "Sep 2017". */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** Today's date in a time zone, as `YYYY-MM-DD` (audit dates are in the business's zone). */
export function todayIn(timeZone: string | undefined): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

// Hiring — interviews: times typed as a wall clock in one zone (the business's), and back.

/** The `datetime-local` value (`YYYY-MM-DDTHH:mm`) a zone's clocks show at `iso` (core/zoned-time.ts). */
export const toWallTime = (iso: string, timeZone: string): string => utcToZonedLocal(iso, timeZone);

/**
 * The instant (ISO, UTC) at which a zone's clocks show `wall` (`YYYY-MM-DDTHH:mm`); a wall time
 * skipped by a spring-forward lands after the jump, as calendars do (core/zoned-time.ts). A value
 * that is not such a time gives '', which the API refuses naming the field.
 */
export const fromWallTime = (wall: string, timeZone: string): string =>
  zonedLocalToUtc(wall, timeZone) ?? '';

export const browserTimeZone = (): string =>
  Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const timeZones = (): string[] => Intl.supportedValuesOf('timeZone');

/** A sensible default currency from the browser's region; the person can change it. */
export function guessCurrency(): string {
  const region = new Intl.Locale(navigator.language).maximize().region ?? 'US';
  const byRegion: Record<string, string> = {
    US: 'USD',
    GB: 'GBP',
    CA: 'CAD',
    AU: 'AUD',
    NZ: 'NZD',
    JP: 'JPY',
    CH: 'CHF',
    IN: 'INR',
    BR: 'BRL',
    MX: 'MXN',
    NG: 'NGN',
    ZA: 'ZAR',
    SE: 'SEK',
    NO: 'NOK',
    DK: 'DKK',
    PL: 'PLN',
    CZ: 'CZK',
    UA: 'UAH',
    AR: 'ARS',
    SG: 'SGD',
    CN: 'CNY',
    KR: 'KRW',
  };
  const euro = [
    'DE',
    'FR',
    'ES',
    'IT',
    'PT',
    'NL',
    'BE',
    'AT',
    'IE',
    'FI',
    'GR',
    'SK',
    'SI',
    'LT',
    'LV',
    'EE',
    'LU',
    'MT',
    'CY',
    'HR',
  ];
  return byRegion[region] ?? (euro.includes(region) ? 'EUR' : 'USD');
}

export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'JPY',
  'INR',
  'BRL',
  'MXN',
  'NGN',
  'ZAR',
  'SEK',
  'PLN',
  'UAH',
  'ARS',
  'SGD',
];

export function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A file size: `70 bytes`, `820 kB`, `4.2 MB` (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit,
    // "70 bytes", but "12 kB" and "3.4 MB".
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
