import { describe, expect, it } from 'vitest';
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-time.ts';

describe('zonedLocalToUtc', () => {
  it('reads a wall-clock time in the given zone, not the machine’s', () => {
    expect(zonedLocalToUtc('2026-12-12T17:00', 'Europe/Lisbon')).toBe('2026-12-12T17:00:00.000Z');
    expect(zonedLocalToUtc('2026-07-12T17:00', 'Europe/Lisbon')).toBe('2026-07-12T16:00:00.000Z');
    expect(zonedLocalToUtc('2026-12-12T09:30', 'America/New_York')).toBe(
      '2026-12-12T14:30:00.000Z',
    );
    expect(zonedLocalToUtc('2026-12-13T01:00', 'Asia/Kolkata')).toBe('2026-12-12T19:30:00.000Z');
  });

  it('lands a time the zone skips just after the jump, and takes the first of a repeated one', () => {
    // New York skipped 02:00–03:00 on 8 March 2026: 02:30 is read at the winter offset (-5).
    expect(zonedLocalToUtc('2026-03-08T02:30', 'America/New_York')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // 01:30 happened twice on 1 November 2026; the first (summer, -4) is taken.
    expect(zonedLocalToUtc('2026-11-01T01:30', 'America/New_York')).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('answers null for anything that is not a datetime-local value', () => {
    expect(zonedLocalToUtc('', 'Europe/Lisbon')).toBeNull();
    expect(zonedLocalToUtc('2026-12-12 17:00', 'Europe/Lisbon')).toBeNull();
  });
});

describe('utcToZonedLocal', () => {
  it('is the inverse for ordinary times', () => {
    for (const zone of ['Europe/Lisbon', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland']) {
      const local = '2026-12-12T17:45';
      expect(utcToZonedLocal(zonedLocalToUtc(local, zone)!, zone)).toBe(local);
    }
  });
});
