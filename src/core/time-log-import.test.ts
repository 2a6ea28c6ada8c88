import { describe, expect, it } from 'vitest';
import {
  checkRows,
  detectDelimiter,
  IMPORT_PRESETS,
  mapRow,
  parseDate,
  parseDuration,
  taskKey,
} from './time-log-import.ts';

const period = { start: '2026-11-01', end: '2026-11-30' };

describe('parseDuration', () => {
  it('reads clock durations, decimal hours and minutes', () => {
    expect(parseDuration('01:30:00', 'hms')).toBe(90);
    expect(parseDuration('0:45', 'hms')).toBe(45);
    expect(parseDuration('1.5', 'hours')).toBe(90);
    expect(parseDuration('1,25', 'hours')).toBe(75);
    expect(parseDuration('40', 'minutes')).toBe(40);
  });
  it('answers null for what it cannot read', () => {
    expect(parseDuration('', 'minutes')).toBeNull();
    expect(parseDuration('abc', 'hours')).toBeNull();
    expect(parseDuration('1:75', 'hms')).toBeNull();
  });
});

describe('parseDate', () => {
  it('reads ISO dates, with or without a time, in any order setting', () => {
    expect(parseDate('2026-11-03', 'dmy')).toBe('2026-11-03');
    expect(parseDate('2026-11-03 09:15:00', 'ymd')).toBe('2026-11-03');
  });
  it('reads day-first and month-first dates as told', () => {
    expect(parseDate('03/11/2026', 'dmy')).toBe('2026-11-03');
    expect(parseDate('11/03/2026', 'mdy')).toBe('2026-11-03');
    expect(parseDate('03.11.2026', 'dmy')).toBe('2026-11-03');
  });
  it('refuses impossible dates and slashed dates when ISO is expected', () => {
    expect(parseDate('2026-02-30', 'ymd')).toBeNull();
    expect(parseDate('31/04/2026', 'dmy')).toBeNull();
    expect(parseDate('03/11/2026', 'ymd')).toBeNull();
  });
});

describe('mapRow', () => {
  it('maps a Toggl row', () => {
    const row = {
      'Start date': '2026-11-03',
      Description: 'Invoices',
      Duration: '00:40:00',
      Project: 'Admin',
    };
    expect(mapRow(row, IMPORT_PRESETS.toggl.mapping, period)).toEqual({
      ok: true,
      entry: { date: '2026-11-03', taskName: 'Invoices', minutes: 40 },
    });
  });
  it('falls back to the project when the description is empty', () => {
    const row = { Date: '2026-11-04', Task: '', Hours: '2', Project: 'Bookkeeping' };
    expect(mapRow(row, IMPORT_PRESETS.harvest.mapping, period)).toMatchObject({
      ok: true,
      entry: { taskName: 'Bookkeeping', minutes: 120 },
    });
  });
  it('computes minutes from start and end, across midnight', () => {
    const mapping = {
      date: 'd',
      task: 't',
      start: 's',
      end: 'e',
      durationUnit: 'minutes',
      dateOrder: 'ymd',
    } as const;
    expect(
      mapRow({ d: '2026-11-05', t: 'Packing', s: '09:15', e: '10:45' }, mapping, period),
    ).toMatchObject({ ok: true, entry: { minutes: 90 } });
    expect(
      mapRow({ d: '2026-11-05', t: 'Late orders', s: '23:30', e: '00:15' }, mapping, period),
    ).toMatchObject({ ok: true, entry: { minutes: 45 } });
  });
  it('says why a row is refused', () => {
    const m = IMPORT_PRESETS.generic.mapping;
    expect(mapRow({ date: '', task: 'x', minutes: '5' }, m, period)).toEqual({
      ok: false,
      reason: 'no date in column “date”',
    });
    expect(mapRow({ date: '2026-12-02', task: 'x', minutes: '5' }, m, period)).toEqual({
      ok: false,
      reason: '2026-12-02 is outside the audit period (2026-11-01 to 2026-11-30)',
    });
    expect(mapRow({ date: '2026-11-02', task: ' ', minutes: '5' }, m, period)).toMatchObject({
      ok: false,
      reason: 'no task name in column “task”',
    });
    expect(mapRow({ date: '2026-11-02', task: 'x', minutes: 'lots' }, m, period)).toMatchObject({
      ok: false,
      reason: '“lots” is not a duration',
    });
    expect(mapRow({ date: '2026-11-02', task: 'x', minutes: '0' }, m, period)).toMatchObject({
      ok: false,
      reason: 'duration is under one minute',
    });
    expect(mapRow({ date: '2026-11-02', task: 'x', minutes: '2000' }, m, period)).toMatchObject({
      ok: false,
    });
    expect(mapRow({ date: '2026-11-02', task: 'In\u0000voices', minutes: '5' }, m, period)).toEqual(
      {
        ok: false,
        reason: 'the task name contains a NUL character',
      },
    );
  });
});

describe('taskKey', () => {
  it('treats names that differ only in case and spacing as one task', () => {
    expect(taskKey('  Pay   Invoices ')).toBe(taskKey('pay invoices'));
  });
});

describe('detectDelimiter', () => {
  it('finds semicolons and tabs, ignores separators inside quotes, and prefers commas on a tie', () => {
    expect(detectDelimiter('Datum;Beschreibung;Dauer')).toBe('semicolon');
    expect(detectDelimiter('date\ttask\tminutes')).toBe('tab');
    expect(detectDelimiter('"Start date","Description; notes",Duration')).toBe('comma');
    expect(detectDelimiter('date')).toBe('comma');
  });
});

describe('checkRows', () => {
  const mapping = IMPORT_PRESETS.generic.mapping;
  const row = (date: string, minutes = '30') => ({ values: { date, task: 'Invoices', minutes } });
  it('counts the rows that fail only for the period and suggests one holding the file', () => {
    const r = checkRows(
      [row('2026-10-01'), row('2026-10-31'), row('2026-11-02'), row('not a date')],
      mapping,
      { start: '2026-11-01', end: '2026-11-30' },
    );
    expect(r.good).toBe(1);
    expect(r.outsidePeriod).toBe(2);
    expect(r.fileDates).toEqual({ first: '2026-10-01', last: '2026-11-02' });
    expect(r.suggestedPeriod).toEqual({ start: '2026-10-01', end: '2026-11-02' });
    expect(r.rows[3]).toMatchObject({ ok: false });
  });
  it('passes on a row the CSV reader could not read, as a failure', () => {
    const r = checkRows(
      [{ error: 'line 3: a quote is never closed' }, row('2026-11-02')],
      mapping,
      {
        start: '2026-11-01',
        end: '2026-11-30',
      },
    );
    expect(r.rows[0]).toEqual({ ok: false, reason: 'line 3: a quote is never closed' });
    expect(r).toMatchObject({ good: 1, outsidePeriod: 0 });
  });
  it('suggests no period for dates over 90 days apart, or no readable date', () => {
    const period = { start: '2026-11-01', end: '2026-11-30' };
    expect(
      checkRows([row('2026-01-01'), row('2026-11-01')], mapping, period).suggestedPeriod,
    ).toBeNull();
    expect(checkRows([row('soon')], mapping, period)).toMatchObject({
      good: 0,
      outsidePeriod: 0,
      fileDates: null,
      suggestedPeriod: null,
    });
  });
});
