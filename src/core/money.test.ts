import { describe, expect, it } from 'vitest';
import { convert, fromMajor, minorDigits, timesHours, toMajor } from './money.ts';

describe('money', () => {
  it('knows each currency’s minor unit', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('moves between major and minor units without float drift', () => {
    expect(fromMajor(0.1 + 0.2, 'EUR')).toEqual({ amount: 30, currency: 'EUR' });
    expect(toMajor({ amount: 1999, currency: 'USD' })).toBe(19.99);
    expect(fromMajor(1234.5, 'JPY')).toEqual({ amount: 1235, currency: 'JPY' });
  });

  it('converts through USD with the given rates, and refuses an unknown currency', () => {
    const rates = { USD: 1, EUR: 0.5, JPY: 150 };
    expect(convert({ amount: 1000, currency: 'USD' }, 'EUR', rates)).toEqual({
      amount: 500,
      currency: 'EUR',
    });
    expect(convert({ amount: 500, currency: 'EUR' }, 'JPY', rates)).toEqual({
      amount: 1500,
      currency: 'JPY',
    });
    expect(convert({ amount: 500, currency: 'EUR' }, 'EUR', {})).toEqual({
      amount: 500,
      currency: 'EUR',
    });
    expect(convert({ amount: 500, currency: 'EUR' }, 'GBP', rates)).toBeNull();
  });

  it('multiplies a rate by fractional hours and rounds once', () => {
    expect(timesHours({ amount: 4500, currency: 'USD' }, 2.5)).toEqual({
      amount: 11250,
      currency: 'USD',
    });
    expect(timesHours({ amount: 3333, currency: 'USD' }, 1 / 3)).toEqual({
      amount: 1111,
      currency: 'USD',
    });
  });
});
