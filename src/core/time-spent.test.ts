import { describe, expect, it } from 'vitest';
import { parseTimeSpent } from './time-spent.ts';

const minutes = (raw: string) => {
  const r = parseTimeSpent(raw);
  return r.ok ? r.minutes : r.message;
};

describe('parseTimeSpent', () => {
  it('reads a bare number as minutes and h:mm as hours and minutes', () => {
    expect(minutes('45')).toBe(45);
    expect(minutes('1:30')).toBe(90);
    expect(minutes(' 0:05 ')).toBe(5);
  });
  it('reads minutes and hours with their units', () => {
    expect(minutes('45m')).toBe(45);
    expect(minutes('45 min')).toBe(45);
    expect(minutes('1.5h')).toBe(90);
    expect(minutes('1,5 h')).toBe(90);
    expect(minutes('2 hours')).toBe(120);
    expect(minutes('2H')).toBe(120);
  });
  it('reads hours and minutes together', () => {
    expect(minutes('2h 15m')).toBe(135);
    expect(minutes('1h30')).toBe(90);
    expect(minutes('1h30m')).toBe(90);
    expect(minutes('1 h 30 min')).toBe(90);
  });
  it('says what it accepts for anything else', () => {
    for (const raw of ['abc', '1:75', '1.5', '2h 15h', '-5', '1 1/2 h']) {
      const r = parseTimeSpent(raw);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.message).toContain('45m');
    }
  });
  it('asks for something when empty', () => {
    expect(minutes('  ')).toMatch(/^Enter the time spent/);
  });
  it('keeps an entry between a minute and a day', () => {
    expect(minutes('0')).toBe('Enter at least 1 minute');
    expect(minutes('0.001h')).toBe('Enter at least 1 minute');
    expect(minutes('25h')).toMatch(/at most 24 hours/);
    expect(minutes('24h')).toBe(1440);
  });
});
