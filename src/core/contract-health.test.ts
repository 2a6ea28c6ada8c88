import { describe, expect, it } from 'vitest';
import { contractHealth, milestonesDone, reasonText, type HealthFacts } from './contract-health.ts';
import { currentDue, firstDueOn, isDueDate, isLate, oldestMissed } from './report-schedule.ts';

const base: HealthFacts = {
  today: '2026-12-09',
  currency: 'EUR',
  endDate: null,
  milestones: [],
  due: { dueOn: '2026-12-11', overdueDays: 0 },
  reportCount: 1,
  lastReport: { blockers: '', percentComplete: 40 },
  spending: { spent: 30_000, budget: 100_000 },
  hoursThisWeek: 5,
  weeklyCapHours: 20,
};

describe('contract health', () => {
  it('is on track with nothing to say when every fact is fine', () => {
    expect(contractHealth(base)).toEqual({ health: 'on_track', reasons: [] });
  });

  it('is late when the end date has passed', () => {
    const v = contractHealth({ ...base, endDate: '2026-12-08' });
    expect(v.health).toBe('late');
    expect(v.reasons).toEqual([
      {
        code: 'end_date_passed',
        level: 'late',
        endDate: '2026-12-08',
        text: 'The end date, 8 Dec 2026, has passed and the contract is still running.',
      },
    ]);
  });

  it('is late when a milestone’s date passed before progress reached its share', () => {
    const milestones = [
      { title: 'Design', amount: 50_000, dueDate: '2026-12-01' },
      { title: 'Build', amount: 50_000, dueDate: '2027-01-01' },
    ];
    expect(contractHealth({ ...base, milestones }).reasons).toEqual([
      {
        code: 'milestone_overdue',
        level: 'late',
        milestone: 'Design',
        dueDate: '2026-12-01',
        amount: { amount: 50_000, currency: 'EUR' },
        text: 'Milestone “Design” (€500.00) was due on 1 Dec 2026 and is not done.',
      },
    ]);
    const reached = { ...base, milestones, lastReport: { blockers: '', percentComplete: 50 } };
    expect(contractHealth(reached).health).toBe('on_track');
  });

  it('is at risk when a report is overdue, and late past a week', () => {
    const risk = contractHealth({ ...base, due: { dueOn: '2026-12-04', overdueDays: 5 } });
    expect(risk).toEqual({
      health: 'at_risk',
      reasons: [
        {
          code: 'report_overdue',
          level: 'at_risk',
          dueOn: '2026-12-04',
          overdueDays: 5,
          firstReport: false,
          text: 'The report due on 4 Dec 2026 has not come (5 days overdue).',
        },
      ],
    });
    const late = contractHealth({ ...base, due: { dueOn: '2026-12-01', overdueDays: 8 } });
    expect(late.health).toBe('late');
  });

  it('says there is no report yet when the first one is overdue', () => {
    const v = contractHealth({
      ...base,
      reportCount: 0,
      lastReport: null,
      spending: null,
      due: { dueOn: '2026-12-08', overdueDays: 1 },
    });
    expect(v.reasons).toEqual([
      {
        code: 'report_overdue',
        level: 'at_risk',
        dueOn: '2026-12-08',
        overdueDays: 1,
        firstReport: true,
        text: 'No report yet: the first was due on 8 Dec 2026 (1 day overdue).',
      },
    ]);
  });

  it('is at risk on blockers, on burn ahead of progress, and near the weekly cap', () => {
    expect(
      contractHealth({
        ...base,
        lastReport: { blockers: 'Waiting for logins', percentComplete: 40 },
      }).reasons[0]?.text,
    ).toBe('The last report names blockers: Waiting for logins');
    expect(
      contractHealth({ ...base, spending: { spent: 61_000, budget: 100_000 } }).reasons,
    ).toEqual([
      {
        code: 'budget_ahead',
        level: 'at_risk',
        spentPercent: 61,
        percentComplete: 40,
        spent: { amount: 61_000, currency: 'EUR' },
        budget: { amount: 100_000, currency: 'EUR' },
        text: '61% of the budget is spent (€610.00 of €1,000.00) for 40% of the work.',
      },
    ]);
    // 20 points ahead is still fine; the rule is "more than".
    const even = { ...base, spending: { spent: 60_000, budget: 100_000 } };
    expect(contractHealth(even).health).toBe('on_track');
    expect(contractHealth({ ...base, hoursThisWeek: 18 }).reasons).toEqual([
      {
        code: 'near_cap',
        level: 'at_risk',
        hours: 18,
        capHours: 20,
        text: '18 of the 20 hours this week are used.',
      },
    ]);
    expect(contractHealth({ ...base, hoursThisWeek: 17.9 }).health).toBe('on_track');
  });

  it('writes a reason with the reader’s dates and money, and in plain English by default', () => {
    const overdue = contractHealth({ ...base, due: { dueOn: '2026-12-04', overdueDays: 5 } })
      .reasons[0]!;
    const reader = {
      day: (d: string) => `<${d}>`,
      money: (m: { amount: number; currency: string }) => `${m.amount} ${m.currency}`,
    };
    expect(reasonText(overdue, reader)).toBe(
      'The report due on <2026-12-04> has not come (5 days overdue).',
    );
    const burn = contractHealth({ ...base, spending: { spent: 90_000, budget: 100_000 } })
      .reasons[0]!;
    expect(reasonText(burn, reader)).toBe(
      '90% of the budget is spent (90000 EUR of 100000 EUR) for 40% of the work.',
    );
    // The same words as `text`: one function builds both.
    expect(reasonText(burn)).toBe(burn.text);
    // A calendar date is never shifted by a time zone: the 1st stays the 1st.
    const newYear = contractHealth({ ...base, today: '2027-01-02', endDate: '2027-01-01' });
    expect(newYear.reasons[0]?.text).toContain('1 Jan 2027');
  });

  it('counts milestones done in order by their share of the total', () => {
    const ms = [
      { title: 'a', amount: 30, dueDate: null },
      { title: 'b', amount: 70, dueDate: null },
    ];
    expect(milestonesDone(ms, 29)).toEqual([false, false]);
    expect(milestonesDone(ms, 30)).toEqual([true, false]);
    expect(milestonesDone(ms, 100)).toEqual([true, true]);
  });
});

describe('report schedule', () => {
  // 2026-12-04 is a Friday.
  const weekly = { cadence: 'weekly' as const, weekday: 5, startsOn: '2026-12-01' };

  it('first asks on the chosen weekday after the start, never the start day itself', () => {
    expect(firstDueOn(weekly)).toBe('2026-12-04');
    expect(firstDueOn({ ...weekly, startsOn: '2026-12-04' })).toBe('2026-12-11');
    expect(firstDueOn({ ...weekly, cadence: 'off' })).toBeNull();
    expect(isDueDate({ ...weekly, cadence: 'biweekly' }, '2026-12-11')).toBe(false);
    expect(isDueDate({ ...weekly, cadence: 'biweekly' }, '2026-12-18')).toBe(true);
  });

  it('keeps asking for a missed report until the next due date passes', () => {
    const none = new Set<string>();
    expect(currentDue(weekly, '2026-12-03', none)).toMatchObject({
      dueOn: '2026-12-04',
      overdueDays: 0,
    });
    expect(currentDue(weekly, '2026-12-06', none)).toMatchObject({
      dueOn: '2026-12-04',
      overdueDays: 2,
    });
    expect(currentDue(weekly, '2026-12-12', none)).toMatchObject({
      dueOn: '2026-12-11',
      overdueDays: 1,
    });
    expect(currentDue(weekly, '2026-12-06', new Set(['2026-12-04']))).toMatchObject({
      dueOn: '2026-12-11',
      overdueDays: 0,
      periodStart: '2026-12-04',
    });
    // An early report for the next date moves the ask one period on.
    expect(currentDue(weekly, '2026-12-09', new Set(['2026-12-04', '2026-12-11']))?.dueOn).toBe(
      '2026-12-18',
    );
  });

  it('counts the stop in reports from the first due date missed', () => {
    expect(oldestMissed(weekly, '2026-12-04', new Set())).toBeNull();
    expect(oldestMissed(weekly, '2026-12-12', new Set())).toEqual({
      dueOn: '2026-12-04',
      overdueDays: 8,
    });
    expect(oldestMissed(weekly, '2026-12-12', new Set(['2026-12-04']))).toEqual({
      dueOn: '2026-12-11',
      overdueDays: 1,
    });
  });

  it('a report is late only after its due day', () => {
    expect(isLate('2026-12-04', '2026-12-04')).toBe(false);
    expect(isLate('2026-12-04', '2026-12-05')).toBe(true);
  });
});
