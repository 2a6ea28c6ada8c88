/**
 * A running contract's health on the owner's dashboard (issue 12, item 7): on track, at risk or
 * late, with each reason as a code
 * and its facts, and the one function that puts a reason into words (`reasonText`). Pure; the dashboard service gathers the facts in a few
 * batched queries and asks this. The rules (docs/ARCHITECTURE.md repeats them):
 *
 * Late, when any of:
 * - the agreed end date has passed (the contract is still running);
 * - a milestone's due date has passed and it is not done (a milestone counts as done once the
 *   last report's percent complete reaches its share of the total, counted in order);
 * - a report is more than {@link REPORT_LATE_AFTER_DAYS} days overdue.
 * At risk, when none of those but any of:
 * - a report is overdue (including "no report yet" after the first due date);
 * - the last report names blockers;
 * - the budget burn runs ahead of the work: spent % > percent complete + {@link BURN_AHEAD_POINTS};
 * - the hours this week reach {@link NEAR_CAP_SHARE} of the weekly cap.
 * Otherwise on track.
 */
import type { HealthReason } from './contracts/reports.ts';
import { formatMoney, type Money } from './money.ts';
import type { ContractHealth } from './work.ts';

/** A report this many days past due (a whole weekly period missed) makes a contract late. */
export const REPORT_LATE_AFTER_DAYS = 7;
/** Spending may run this many percentage points ahead of the reported progress. */
export const BURN_AHEAD_POINTS = 20;
/** Hours this week at or past this share of the cap are "near the cap". */
export const NEAR_CAP_SHARE = 0.9;

export interface HealthFacts {
  /** The business's local date. */
  today: string;
  /** The contract's currency: milestone amounts and spending are minor units of it. */
  currency: string;
  endDate: string | null;
  milestones: readonly { title: string; amount: number; dueDate: string | null }[];
  /** The report asked for now, if reports are on. */
  due: { dueOn: string; overdueDays: number } | null;
  /** How many reports came so far. */
  reportCount: number;
  lastReport: { blockers: string; percentComplete: number } | null;
  /** Spent so far against the total to compare with, when there is one (minor units). */
  spending: { spent: number; budget: number } | null;
  /** Hourly: hours logged this week and the cap. */
  hoursThisWeek: number | null;
  weeklyCapHours: number | null;
}

type WithoutText<T> = T extends unknown ? Omit<T, 'text'> : never;
/** A reason before it is put into words. */
export type HealthCause = WithoutText<HealthReason>;

export interface HealthVerdict {
  health: ContractHealth;
  reasons: HealthReason[];
}

/** How a reader writes calendar days and money; the web passes the viewer's own. */
export interface ReasonFormat {
  day: (date: string) => string;
  money: (m: Money) => string;
}

const plainDays = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
/**
 * Plain English for e-mails, notifications and API users: "3 Dec 2026" (a calendar date read at
 * UTC midnight, so no zone moves it a day) and "€1,250.00".
 */
export const PLAIN_FORMAT: ReasonFormat = {
  day: (date) => plainDays.format(new Date(`${date}T00:00:00Z`)),
  money: (m) => formatMoney(m, 'en-GB'),
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const round = (n: number) => Math.round(n * 10) / 10;

/** The one place a health reason becomes words, with the reader's way of writing dates and money. */
export function reasonText(r: HealthCause, f: ReasonFormat = PLAIN_FORMAT): string {
  switch (r.code) {
    case 'end_date_passed':
      return `The end date, ${f.day(r.endDate)}, has passed and the contract is still running.`;
    case 'milestone_overdue':
      return `Milestone “${r.milestone}” (${f.money(r.amount)}) was due on ${f.day(r.dueDate)} and is not done.`;
    case 'report_overdue': {
      const what = r.firstReport
        ? `No report yet: the first was due on ${f.day(r.dueOn)}`
        : `The report due on ${f.day(r.dueOn)} has not come`;
      return `${what} (${plural(r.overdueDays, 'day')} overdue).`;
    }
    case 'blockers':
      return `The last report names blockers: ${r.blockers}`;
    case 'budget_ahead':
      return `${r.spentPercent}% of the budget is spent (${f.money(r.spent)} of ${f.money(r.budget)}) for ${r.percentComplete}% of the work.`;
    case 'near_cap':
      return `${r.hours} of the ${r.capHours} hours this week are used.`;
  }
}

/** Which milestones are done by the reported percent complete (in order, by their share). */
export function milestonesDone(
  milestones: HealthFacts['milestones'],
  percentComplete: number,
): boolean[] {
  const total = milestones.reduce((sum, m) => sum + m.amount, 0);
  let reached = 0;
  return milestones.map((m) => {
    reached += m.amount;
    return total > 0 && (reached / total) * 100 <= percentComplete;
  });
}

export function contractHealth(f: HealthFacts): HealthVerdict {
  const causes: HealthCause[] = [];
  const money = (amount: number): Money => ({ amount, currency: f.currency });

  if (f.endDate !== null && f.endDate < f.today)
    causes.push({ code: 'end_date_passed', level: 'late', endDate: f.endDate });

  const done = milestonesDone(f.milestones, f.lastReport?.percentComplete ?? 0);
  f.milestones.forEach((m, i) => {
    if (m.dueDate !== null && m.dueDate < f.today && !done[i])
      causes.push({
        code: 'milestone_overdue',
        level: 'late',
        milestone: m.title,
        dueDate: m.dueDate,
        amount: money(m.amount),
      });
  });

  if (f.due && f.due.overdueDays > 0)
    causes.push({
      code: 'report_overdue',
      level: f.due.overdueDays > REPORT_LATE_AFTER_DAYS ? 'late' : 'at_risk',
      dueOn: f.due.dueOn,
      overdueDays: f.due.overdueDays,
      firstReport: f.reportCount === 0,
    });

  const blockers = f.lastReport?.blockers.trim() ?? '';
  if (blockers) {
    const short = blockers.length > 120 ? `${blockers.slice(0, 117)}…` : blockers;
    causes.push({ code: 'blockers', level: 'at_risk', blockers: short });
  }

  if (f.spending !== null && f.spending.budget > 0) {
    const spentPercent = (f.spending.spent / f.spending.budget) * 100;
    const progress = f.lastReport?.percentComplete ?? 0;
    if (spentPercent > progress + BURN_AHEAD_POINTS)
      causes.push({
        code: 'budget_ahead',
        level: 'at_risk',
        spentPercent: Math.round(spentPercent),
        percentComplete: progress,
        spent: money(f.spending.spent),
        budget: money(f.spending.budget),
      });
  }

  if (f.hoursThisWeek !== null && f.weeklyCapHours !== null && f.weeklyCapHours > 0) {
    if (f.hoursThisWeek >= f.weeklyCapHours * NEAR_CAP_SHARE)
      causes.push({
        code: 'near_cap',
        level: 'at_risk',
        hours: round(f.hoursThisWeek),
        capHours: round(f.weeklyCapHours),
      });
  }

  const reasons = causes.map((c) => ({ ...c, text: reasonText(c) }));
  const health: ContractHealth = reasons.some((r) => r.level === 'late')
    ? 'late'
    : reasons.length > 0
      ? 'at_risk'
      : 'on_track';
  return { health, reasons };
}
