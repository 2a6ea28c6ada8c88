import { describe, expect, it } from 'vitest';
import {
  auditProgress,
  draftBudget,
  hoursByGroup,
  monthlyHours,
  periodForDates,
  periodProblems,
  rankCandidates,
  scalingCaution,
  scoreTask,
  type TaskTotals,
} from './audit.ts';

describe('monthlyHours', () => {
  it('scales the hours logged to 30 days by the days covered', () => {
    expect(monthlyHours(600, 10, 'daily')).toBe(30); // 10 h over 10 days → 30 h a month
    expect(monthlyHours(120, 30, 'weekly')).toBe(2);
  });
  it('does not scale a monthly task up before a month is covered', () => {
    expect(monthlyHours(120, 7, 'monthly')).toBe(2);
    expect(monthlyHours(240, 60, 'monthly')).toBe(2);
  });
  it('is zero with nothing logged or no day covered', () => {
    expect(monthlyHours(0, 5, null)).toBe(0);
    expect(monthlyHours(60, 0, null)).toBe(0);
  });
});

describe('scoreTask', () => {
  it('gives the maximum to 20+ hours of hated repetitive work', () => {
    expect(scoreTask({ monthlyHours: 25, dislike: 5, nature: 'repetitive' })).toEqual({
      score: 100,
      parts: { hours: 40, dislike: 30, nature: 30 },
    });
  });
  it('adds its parts: a share of hours, dislike from 1 to 5, points by nature', () => {
    expect(scoreTask({ monthlyHours: 5, dislike: 3, nature: 'expertise' })).toEqual({
      score: 40,
      parts: { hours: 10, dislike: 15, nature: 15 },
    });
  });
  it('scores an unclassified task on hours alone', () => {
    expect(scoreTask({ monthlyHours: 10, dislike: null, nature: null })).toEqual({
      score: 20,
      parts: { hours: 20, dislike: 0, nature: 0 },
    });
  });
  it('never makes a core task a candidate', () => {
    expect(scoreTask({ monthlyHours: 40, dislike: 5, nature: 'core' })).toBeNull();
  });
});

describe('rankCandidates', () => {
  const task = (over: Partial<TaskTotals>): TaskTotals => ({
    taskId: over.name ?? 't',
    name: 't',
    totalMinutes: 600,
    frequency: 'daily',
    dislike: 3,
    nature: 'repetitive',
    category: 'data-entry',
    ...over,
  });
  const context = {
    daysCovered: 10,
    hourlyValue: { amount: 8000, currency: 'EUR' },
    categoryRates: {
      'data-entry': { amount: 1500, currency: 'USD' },
      design: { amount: 4500, currency: 'USD' },
    },
    ratesPerUsd: { USD: 1, EUR: 0.9 },
  };

  it('computes the owner’s cost, the market cost in the owner’s currency and the saving', () => {
    const [c] = rankCandidates([task({ name: 'Invoices' })], context);
    expect(c).toMatchObject({ name: 'Invoices', monthlyHours: 30 });
    expect(c?.ownerCost).toEqual({ amount: 240000, currency: 'EUR' }); // 30 h × €80
    expect(c?.marketRate).toEqual({ amount: 1350, currency: 'EUR' }); // $15 → €13.50
    expect(c?.marketCost).toEqual({ amount: 40500, currency: 'EUR' });
    expect(c?.saving).toEqual({ amount: 199500, currency: 'EUR' });
  });

  it('ranks by score, leaves core tasks out, and has no market cost without a category', () => {
    const ranked = rankCandidates(
      [
        task({
          name: 'Logo tweaks',
          nature: 'expertise',
          dislike: 2,
          category: 'design',
          totalMinutes: 60,
        }),
        task({ name: 'Recipes', nature: 'core', dislike: 1 }),
        task({ name: 'Data entry', dislike: 5 }),
        task({ name: 'Misc', category: null, nature: null, dislike: null, totalMinutes: 120 }),
      ],
      context,
    );
    expect(ranked.map((c) => c.name)).toEqual(['Data entry', 'Logo tweaks', 'Misc']);
    expect(ranked.find((c) => c.name === 'Misc')?.marketCost).toBeNull();
  });
});

describe('auditProgress', () => {
  it('counts covered days in the period and lists the missing past days, newest first (today is not over)', () => {
    const p = auditProgress(
      { start: '2026-11-01', end: '2026-11-30' },
      ['2026-11-01', '2026-11-03', '2026-12-01'],
      '2026-11-05',
    );
    expect(p).toEqual({
      periodDays: 30,
      daysCovered: 2,
      missingDays: ['2026-11-04', '2026-11-02'],
    });
  });
});

describe('draftBudget', () => {
  it('spans 80–120 % of the market cost in whole units of the currency', () => {
    expect(draftBudget({ amount: 40550, currency: 'EUR' })).toEqual({
      min: { amount: 32400, currency: 'EUR' },
      max: { amount: 48700, currency: 'EUR' },
    });
    expect(draftBudget({ amount: 10000, currency: 'JPY' }).max).toEqual({
      amount: 12000,
      currency: 'JPY',
    });
  });
});

describe('periodProblems', () => {
  const logged = { first: '2026-11-03', last: '2026-11-20' };
  it('takes a period of 7 to 90 days that holds every logged day', () => {
    expect(periodProblems({ start: '2026-11-01', end: '2026-11-30' }, logged)).toEqual([]);
    expect(periodProblems({ start: '2026-11-01', end: '2026-11-07' }, null)).toEqual([]);
    expect(periodProblems({ start: '2026-11-01', end: '2027-01-29' }, null)).toEqual([]);
  });
  it('refuses an end before the start, and a period too short or too long', () => {
    expect(periodProblems({ start: '2026-11-10', end: '2026-11-01' }, null)).toEqual([
      { field: 'periodEnd', kind: 'invalid', message: 'End on or after the first day' },
    ]);
    expect(periodProblems({ start: '2026-11-01', end: '2026-11-06' }, null)[0]?.message).toBe(
      'An audit runs 7 to 90 days; this period has 6',
    );
    expect(periodProblems({ start: '2026-11-01', end: '2027-01-30' }, null)[0]?.field).toBe(
      'periodEnd',
    );
  });
  it('names each end that would leave logged work outside', () => {
    const problems = periodProblems({ start: '2026-11-05', end: '2026-11-18' }, logged);
    expect(problems.map((p) => [p.field, p.kind])).toEqual([
      ['periodStart', 'conflict'],
      ['periodEnd', 'conflict'],
    ]);
    expect(problems[0]?.message).toContain('2026-11-03');
    expect(problems[1]?.message).toContain('2026-11-20');
  });
});

describe('periodForDates', () => {
  it('runs from the first date to the last, in any order', () => {
    expect(periodForDates(['2026-10-14', '2026-10-01', '2026-10-31'])).toEqual({
      start: '2026-10-01',
      end: '2026-10-31',
    });
  });
  it('lengthens a span under a week to seven days', () => {
    expect(periodForDates(['2026-10-01', '2026-10-02'])).toEqual({
      start: '2026-10-01',
      end: '2026-10-07',
    });
  });
  it('is null with no dates, or dates over 90 days apart', () => {
    expect(periodForDates([])).toBeNull();
    expect(periodForDates(['2026-01-01', '2026-04-01'])).toBeNull();
  });
});

describe('hoursByGroup', () => {
  it('keeps core work apart, whatever its category, from work waiting for a category', () => {
    expect(
      hoursByGroup([
        { category: 'design', nature: 'core', totalMinutes: 300 },
        { category: null, nature: 'core', totalMinutes: 120 },
        { category: null, nature: 'repetitive', totalMinutes: 90 },
        { category: 'design', nature: 'expertise', totalMinutes: 60 },
        { category: 'bookkeeping', nature: null, totalMinutes: 0 },
      ]),
    ).toEqual([
      { kind: 'core', category: null, hours: 7 },
      { kind: 'uncategorised', category: null, hours: 1.5 },
      { kind: 'category', category: 'design', hours: 1 },
    ]);
  });
});

describe('scalingCaution', () => {
  it('warns when a month is scaled up from under a week of logging', () => {
    expect(scalingCaution(2)).toBe(
      'Rough figures: they are scaled up from 2 days of logging to a 30-day month (× 15). Log at least 7 days before relying on them.',
    );
    expect(scalingCaution(1)).toContain('from one day of logging');
  });
  it('says nothing from a week on, or before anything is logged', () => {
    expect(scalingCaution(7)).toBeNull();
    expect(scalingCaution(0)).toBeNull();
  });
});
