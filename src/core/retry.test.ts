import { describe, expect, it } from 'vitest';
import { MAIL_ATTEMPTS, retryDelayMs } from './retry.ts';

describe('retryDelayMs', () => {
  it('doubles the wait after each failed attempt, starting at one minute', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7].map((a) => (retryDelayMs(a) ?? 0) / 60_000);
    expect(minutes).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelayMs(MAIL_ATTEMPTS)).toBeNull();
    expect(retryDelayMs(MAIL_ATTEMPTS + 1)).toBeNull();
    expect(retryDelayMs(2, 2)).toBeNull();
    expect(retryDelayMs(1, 2)).toBe(60_000);
  });

  it('refuses an attempt number that cannot be', () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });
});
