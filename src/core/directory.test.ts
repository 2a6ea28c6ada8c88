import { describe, expect, it } from 'vitest';
import { overlapsAtLeast, rateForViewer, rateRangeToUsd, sharedHours } from './directory.ts';

const rates = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150 };

describe('rateRangeToUsd', () => {
  it('keeps US cents as they are', () => {
    expect(rateRangeToUsd({ min: 2000, max: 5000 }, 'USD', rates)).toEqual({
      minUsd: 2000,
      maxUsd: 5000,
    });
  });
  it('converts euros through the rate per USD: 46 EUR is 50 USD', () => {
    const r = rateRangeToUsd({ min: 4600, max: 4600 }, 'EUR', rates)!;
    // Rounded outwards: the lower bound down, the upper bound up, so 50.00 USD is inside.
    expect(r.minUsd).toBeLessThanOrEqual(5000);
    expect(r.maxUsd).toBeGreaterThanOrEqual(5000);
    expect(r.maxUsd! - r.minUsd!).toBeLessThanOrEqual(1);
  });
  it('reads zero-decimal currencies in whole units: 7,500 JPY is 50 USD', () => {
    expect(rateRangeToUsd({ min: 7500 }, 'JPY', rates)).toEqual({ minUsd: 5000 });
  });
  it('rounds a fraction of a cent outwards on each side', () => {
    // 10.00 GBP = 12.658… USD.
    expect(rateRangeToUsd({ min: 1000, max: 1000 }, 'GBP', rates)).toEqual({
      minUsd: 1265,
      maxUsd: 1266,
    });
  });
  it('leaves open ends open, and is null for a currency without a rate', () => {
    expect(rateRangeToUsd({}, 'EUR', rates)).toEqual({});
    expect(rateRangeToUsd({ max: 100 }, 'CHF', rates)).toBeNull();
  });
});

describe('rateForViewer', () => {
  it('shows US cents in the viewer’s currency, or null without a rate or an exchange rate', () => {
    expect(rateForViewer(5000, 'EUR', rates)).toEqual({ amount: 4600, currency: 'EUR' });
    expect(rateForViewer(5000, 'JPY', rates)).toEqual({ amount: 7500, currency: 'JPY' });
    expect(rateForViewer(null, 'EUR', rates)).toBeNull();
    expect(rateForViewer(5000, 'CHF', rates)).toBeNull();
  });
});

describe('sharedHours and overlapsAtLeast', () => {
  const viewer = { start: 9 * 60, end: 17 * 60 };
  it('counts hours shared, in quarter hours rounded down', () => {
    expect(sharedHours({ start: 14 * 60, end: 22 * 60 }, viewer)).toBe(3);
    expect(sharedHours({ start: 16 * 60 + 20, end: 23 * 60 }, viewer)).toBe(0.5);
    expect(sharedHours({ start: null, end: null }, viewer)).toBeNull();
  });
  it('counts across midnight UTC (a Tokyo day against a Los Angeles evening)', () => {
    // 00:00–09:00 UTC against 22:00–04:00 UTC: four hours.
    expect(sharedHours({ start: 0, end: 9 * 60 }, { start: 22 * 60, end: 4 * 60 })).toBe(4);
  });
  it('needs at least the hours asked for; no hours given never matches', () => {
    expect(overlapsAtLeast({ start: 14 * 60, end: 22 * 60 }, viewer, 3)).toBe(true);
    expect(overlapsAtLeast({ start: 14 * 60, end: 22 * 60 }, viewer, 4)).toBe(false);
    expect(overlapsAtLeast({ start: null, end: null }, viewer, 1)).toBe(false);
  });
});
