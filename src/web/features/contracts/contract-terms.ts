import type { Contract } from '../../../core/contracts/offers.ts';
import { formatMoney, minorDigits } from '../../../core/money.ts';

/** A contract's money in one line: "€1,200.00 fixed" or "€45.00 an hour, up to 20 h a week". */
export function termsSummary(
  c: Pick<Contract, 'termsType' | 'amount' | 'hourlyRate' | 'weeklyCapHours' | 'currency'>,
): string {
  if (c.termsType === 'fixed')
    return `${formatMoney({ amount: c.amount ?? 0, currency: c.currency })} fixed`;
  return `${formatMoney({ amount: c.hourlyRate ?? 0, currency: c.currency })} an hour, up to ${c.weeklyCapHours ?? 0} h a week`;
}

/** Minor units ↔ what a person types ("1200.50"), in the currency's digits (the money forms). */
export const toMajor = (minor: number, currency: string) =>
  (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));
export const toMinor = (major: string, currency: string) =>
  Math.round(Number(major) * 10 ** minorDigits(currency));
