import { describe, expect, it } from 'vitest';
import { contractHealth, milestonesDone, type HealthFacts } from './contract-health.ts';
import { currentDue, firstDueOn, isDueDate, isLate, oldestMissed } from './report-schedule.ts';

const base: HealthFacts = {
  today: '2026-12-09',
  endDate: null,
  milestones: [],
  due: { dueOn: '2026-12-11', overdueDays: 0 },
  reportCount: 1,
  lastReport: { blockers: '', percentComplete: 40 },
  spentPercent: 30,
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
    expect(v.reasons[0]?.text).toMatch(/end date \(2026-12-08\) has passed/);
  });

  it('is late when a milestone’s date passed before progress reached its share', () => {
    const milestones = [
      { title: 'Design', amount: 50_000, dueDate: '2026-12-01' },
      { title: 'Build', amount: 50_000, dueDate: '2027-01-01' },
    ];
    expect(contractHealth({ ...base, milestones }).reasons).toEqual([
      { level: 'late', text: 'Milestone “Design” was due on 2026-12-01 and is not done.' },
    ]);
    const reached = { ...base, milestones, lastReport: { blockers: '', percentComplete: 50 } };
    expect(contractHealth(reached).health).toBe('on_track');
  });

  it('is at risk when a report is overdue, and late past a week', () => {
    const risk = contractHealth({ ...base, due: { dueOn: '2026-12-04', overdueDays: 5 } });
    expect(risk).toEqual({
      health: 'at_risk',
      reasons: [
        { level: 'at_risk', text: 'The report due on 2026-12-04 has not come (5 days overdue).' },
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
      spentPercent: null,
      due: { dueOn: '2026-12-08', overdueDays: 1 },
    });
    expect(v.reasons).toEqual([
      { level: 'at_risk', text: 'No report yet: the first was due on 2026-12-08 (1 day overdue).' },
    ]);
  });

  it('is at risk on blockers, on burn ahead of progress, and near the weekly cap', () => {
    expect(
      contractHealth({
        ...base,
        lastReport: { blockers: 'Waiting for logins', percentComplete: 40 },
      }).reasons[0]?.text,
    ).toBe('The last report names blockers: Waiting for logins');
    expect(contractHealth({ ...base, spentPercent: 61 }).reasons[0]?.text).toBe(
      '61% of the budget is spent for 40% of the work.',
    );
    // 20 points ahead is still fine; the rule is "more than".
    expect(contractHealth({ ...base, spentPercent: 60 }).health).toBe('on_track');
    expect(contractHealth({ ...base, hoursThisWeek: 18 }).reasons[0]?.text).toBe(
      '18 of the 20 hours this week are used.',
    );
    expect(contractHealth({ ...base, hoursThisWeek: 17.9 }).health).toBe('on_track');
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
