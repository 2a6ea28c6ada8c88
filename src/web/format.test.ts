import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatMonth } from './format.ts';

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
