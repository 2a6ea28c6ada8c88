/**
 * A running contract's health on the owner's dashboard (issue 12, item 7): on track, at risk or
 * late, with each reason in words. Pure; the dashboard service gathers the facts in a few
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
  endDate: string | null;
  milestones: readonly { title: string; amount: number; dueDate: string | null }[];
  /** The report asked for now, if reports are on. */
  due: { dueOn: string; overdueDays: number } | null;
  /** How many reports came so far. */
  reportCount: number;
  lastReport: { blockers: string; percentComplete: number } | null;
  /** Share of the budget spent, in percent, when there is a total to compare with. */
  spentPercent: number | null;
  /** Hourly: hours logged this week and the cap. */
  hoursThisWeek: number | null;
  weeklyCapHours: number | null;
}

export interface HealthReason {
  level: Exclude<ContractHealth, 'on_track'>;
  text: string;
}

export interface HealthVerdict {
  health: ContractHealth;
  reasons: HealthReason[];
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

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const round = (n: number) => Math.round(n * 10) / 10;

export function contractHealth(f: HealthFacts): HealthVerdict {
  const reasons: HealthReason[] = [];
  const late = (text: string) => reasons.push({ level: 'late', text });
  const risk = (text: string) => reasons.push({ level: 'at_risk', text });

  if (f.endDate !== null && f.endDate < f.today)
    late(`The end date (${f.endDate}) has passed and the contract is still running.`);

  const done = milestonesDone(f.milestones, f.lastReport?.percentComplete ?? 0);
  f.milestones.forEach((m, i) => {
    if (m.dueDate !== null && m.dueDate < f.today && !done[i])
      late(`Milestone “${m.title}” was due on ${m.dueDate} and is not done.`);
  });

  if (f.due && f.due.overdueDays > 0) {
    const what =
      f.reportCount === 0
        ? `No report yet: the first was due on ${f.due.dueOn}`
        : `The report due on ${f.due.dueOn} has not come`;
    const text = `${what} (${plural(f.due.overdueDays, 'day')} overdue).`;
    if (f.due.overdueDays > REPORT_LATE_AFTER_DAYS) late(text);
    else risk(text);
  }

  const blockers = f.lastReport?.blockers.trim() ?? '';
  if (blockers) {
    const short = blockers.length > 120 ? `${blockers.slice(0, 117)}…` : blockers;
    risk(`The last report names blockers: ${short}`);
  }

  if (f.spentPercent !== null) {
    const progress = f.lastReport?.percentComplete ?? 0;
    if (f.spentPercent > progress + BURN_AHEAD_POINTS)
      risk(`${Math.round(f.spentPercent)}% of the budget is spent for ${progress}% of the work.`);
  }

  if (f.hoursThisWeek !== null && f.weeklyCapHours !== null && f.weeklyCapHours > 0) {
    if (f.hoursThisWeek >= f.weeklyCapHours * NEAR_CAP_SHARE)
      risk(`${round(f.hoursThisWeek)} of the ${round(f.weeklyCapHours)} hours this week are used.`);
  }

  const health: ContractHealth = reasons.some((r) => r.level === 'late')
    ? 'late'
    : reasons.length > 0
      ? 'at_risk'
      : 'on_track';
  return { health, reasons };
}
