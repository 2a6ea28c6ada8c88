import { describe, expect, it } from 'vitest';
import {
  autoApproveAt,
  capRefusal,
  issueNumberOf,
  mondayOf,
  stoppedTimerMinutes,
  weekBounds,
  weekStartOf,
} from './time-entries.ts';

describe('weeks in a time zone', () => {
  it('a Sunday night in New York is still that week there, and the next week in Lisbon', () => {
    const at = new Date('2026-07-20T02:30:00Z'); // Sunday 22:30 in New York, Monday 03:30 in Lisbon
    expect(weekStartOf(at, 'America/New_York')).toBe('2026-07-13');
    expect(weekStartOf(at, 'Europe/Lisbon')).toBe('2026-07-20');
  });

  it('Monday is the first day; a Sunday belongs to the week before', () => {
    expect(mondayOf('2026-07-13')).toBe('2026-07-13');
    expect(mondayOf('2026-07-19')).toBe('2026-07-13');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('a week with the autumn DST change lasts 169 hours, its bounds at local midnight', () => {
    // Europe/Lisbon leaves summer time on Sunday 25 October 2026.
    const { start, end } = weekBounds('2026-10-19', 'Europe/Lisbon');
    expect(start.toISOString()).toBe('2026-10-18T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(169);
  });

  it('the instant just before the week ends is in it; the end itself is the next week', () => {
    const { end } = weekBounds('2026-10-19', 'Europe/Lisbon');
    expect(weekStartOf(new Date(end.getTime() - 1), 'Europe/Lisbon')).toBe('2026-10-19');
    expect(weekStartOf(end, 'Europe/Lisbon')).toBe('2026-10-26');
  });
});

describe('auto-approval', () => {
  it('is due at midnight in the business’s zone five days after the week ends', () => {
    // The week of Mon 13 July ends Mon 20 July; five days later is Sat 25 July, 00:00 Lisbon (UTC+1).
    expect(autoApproveAt('2026-07-13', 'Europe/Lisbon').toISOString()).toBe(
      '2026-07-24T23:00:00.000Z',
    );
    expect(autoApproveAt('2026-07-13', 'Asia/Tokyo').toISOString()).toBe(
      '2026-07-24T15:00:00.000Z',
    );
  });
});

describe('the weekly cap', () => {
  it('lets an entry reach the cap exactly and refuses one minute more, saying the numbers', () => {
    expect(capRefusal(17 * 60, 3 * 60, 20)).toBeNull();
    expect(capRefusal(18.5 * 60, 3 * 60, 20)).toBe(
      'This week has 18.5 of 20 hours; this entry of 3 h would pass the cap.',
    );
    expect(capRefusal(20 * 60 - 1, 1, 20)).toBeNull();
    expect(capRefusal(20 * 60, 1, 20)).not.toBeNull();
  });

  it('a fractional cap counts its whole minutes', () => {
    expect(capRefusal(0, 12 * 60 + 30, 12.5)).toBeNull();
    expect(capRefusal(0, 12 * 60 + 31, 12.5)).not.toBeNull();
  });

  it('a stopped timer keeps what fits under the cap and says what was cut', () => {
    const start = new Date('2026-07-15T08:00:00Z');
    const stop = new Date('2026-07-15T11:00:00Z');
    expect(stoppedTimerMinutes(start, stop, 0, 20)).toEqual({ minutes: 180, trimmedMinutes: 0 });
    expect(stoppedTimerMinutes(start, stop, 19 * 60, 20)).toEqual({
      minutes: 60,
      trimmedMinutes: 120,
    });
    expect(stoppedTimerMinutes(start, stop, 20 * 60, 20)).toEqual({
      minutes: 0,
      trimmedMinutes: 180,
    });
  });
});

describe('issue references', () => {
  it('reads #12 and 12, nothing else', () => {
    expect(issueNumberOf('#12')).toBe(12);
    expect(issueNumberOf(' 7 ')).toBe(7);
    expect(issueNumberOf('#x')).toBeNull();
    expect(issueNumberOf('12a')).toBeNull();
  });
});
