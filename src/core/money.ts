/**
 * Money in integer minor units of an ISO 4217 currency (cents, pence, yen). Never floats:
 * an amount is computed in floats only at the last step and rounded once to minor units.
 */
export interface Money {
  amount: number;
  currency: string;
}

// Building an Intl.NumberFormat costs about half a millisecond: a directory page converts
// dozens of rates, so each currency's digits are worked out once.
const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point of a currency's minor unit (USD 2, JPY 0, BHD 3). */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

export const toMajor = (m: Money): number => m.amount / 10 ** minorDigits(m.currency);
export const fromMajor = (major: number, currency: string): Money => ({
  amount: Math.round(major * 10 ** minorDigits(currency)),
  currency,
});

/** Units of each currency that one US dollar buys (approximate; an admin keeps them current). */
export type RatesPerUsd = Record<string, number>;

/**
 * Converts between currencies through USD. Returns null when a rate is unknown rather than
 * guessing, so the caller can say "no estimate" instead of showing a wrong number.
 */
export function convert(m: Money, to: string, rates: RatesPerUsd): Money | null {
  if (m.currency === to) return m;
  const from = rates[m.currency];
  const target = rates[to];
  if (!from || !target) return null;
  return fromMajor((toMajor(m) / from) * target, to);
}

/** An amount for an hourly rate over some hours, rounded once to minor units. */
export const timesHours = (rate: Money, hours: number): Money => ({
  amount: Math.round(rate.amount * hours),
  currency: rate.currency,
});

export function formatMoney(m: Money, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(
    toMajor(m),
  );
}

const currencies = new Set(Intl.supportedValuesOf('currency'));
/** Whether a code is an ISO 4217 currency this runtime knows, such as `EUR`. */
export function isCurrency(value: string): boolean {
  return currencies.has(value);
}
