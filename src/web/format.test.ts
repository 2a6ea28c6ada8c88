import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  fromWallTime,
  toWallTime,
} from './format.ts';

describe('dates', () => {
  it('writes a calendar date and the day of an instant alike', () => {
    expect(formatDay('2026-12-03')).toBe(formatDate('2026-12-03T12:00:00Z', 'UTC'));
    expect(formatDateTime('2026-12-03T12:00:00Z', 'UTC')).toContain(formatDay('2026-12-03'));
  });

  it('writes a month without a day, whether given the month or a date in it', () => {
    expect(formatMonth('2017-09')).toBe(formatMonth('2017-09-15'));
    expect(formatMonth('2017-09')).toContain('2017');
    expect(formatMonth('2017-09')).not.toMatch(/\b15\b|\b1\b/);
    expect(formatMonth('2017-09')).not.toBe(formatMonth('2017-10'));
  });

  it('reads an instant in the viewer’s time zone', () => {
    // 23:30 UTC on 3 December is already the 4th in Tokyo.
    expect(formatDate('2026-12-03T23:30:00Z', 'Asia/Tokyo')).toBe(formatDay('2026-12-04'));
    expect(formatDate('2026-12-03T23:30:00Z', 'America/New_York')).toBe(formatDay('2026-12-03'));
  });

  // Hiring — interviews
  it('turns a wall clock in a zone into the instant, and back, across zones and DST', () => {
    expect(fromWallTime('2027-03-08T10:00', 'Europe/Lisbon')).toBe('2027-03-08T10:00:00.000Z');
    expect(fromWallTime('2027-04-09T09:15', 'Europe/Lisbon')).toBe('2027-04-09T08:15:00.000Z');
    expect(fromWallTime('2027-03-08T02:00', 'America/Los_Angeles')).toBe(
      '2027-03-08T10:00:00.000Z',
    );
    expect(fromWallTime('2027-04-09T13:45', 'Asia/Kolkata')).toBe('2027-04-09T08:15:00.000Z');
    expect(toWallTime('2027-04-09T08:15:00Z', 'Asia/Kolkata')).toBe('2027-04-09T13:45');
    // 02:30 does not exist in Los Angeles on 14 March 2027 (clocks jump to 03:00).
    expect(fromWallTime('2027-03-14T02:30', 'America/Los_Angeles')).toBe(
      '2027-03-14T10:30:00.000Z',
    );
  });

  it('is the only module of the web app that formats a date', () => {
    const root = join(import.meta.dirname, '.');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(root);
    const offenders = files
      .filter((f) => relative(root, f) !== 'format.ts')
      .filter((f) =>
        /toLocaleDateString|toLocaleTimeString|new Intl\.DateTimeFormat|\.toDateString\(/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
