/**
 * The owner's dashboard (issue 12, item 7) and the professional's mirror of it: every running
 * contract at a glance — its health with the reasons, hours this week against the cap, budget
 * spent against the total, the last report — and eight weeks of hours and spending.
 *
 * One page is three statements whatever the number of contracts: the contracts, their time
 * grouped by week, their reports (`queries.ts`); the rest is arithmetic here and the pure rules
 * of `core/contract-health.ts`.
 *
 * Spent: hourly, the approved and pending hours (not disputed) × the rate; fixed, the milestones
 * done by the last report's percent complete (a fixed price is paid per milestone, so spending
 * never runs ahead of the work). Budget: fixed, the total; hourly, `total_budget` when the
 * business set one, else the weekly cap × the rate × the weeks from start to end date when both
 * are known, else none.
 */
import type { Dashboard, DashboardContract } from '../../../core/contracts/reports.ts';
import { contractHealth, milestonesDone } from '../../../core/contract-health.ts';
import {
  addDays,
  currentDue,
  daysBetween,
  localDate,
  oldestMissed,
  weekdayOf,
} from '../../../core/report-schedule.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { scheduleOf } from '../reports/reminders.ts';
import { listRunningContracts, minutesByWeek, reportsOf } from './queries.ts';

/** How many weeks the charts show, this one included. */
export const CHART_WEEKS = 8;

type ContractRow = Awaited<ReturnType<typeof listRunningContracts>>[number];
type WeekRow = Awaited<ReturnType<typeof minutesByWeek>>[number];
type ReportRow = Awaited<ReturnType<typeof reportsOf>>[number];

/** Monday of the week holding `date` (the business's week, as the timesheet counts it). */
const mondayOf = (date: string) => addDays(date, -((weekdayOf(date) + 6) % 7));

function summarize(
  row: ContractRow,
  weeks: WeekRow[],
  reports: ReportRow[],
  now: Date,
): DashboardContract {
  const c = row.contract;
  const today = localDate(now, row.timeZone);
  const thisWeek = mondayOf(today);
  const starts = Array.from({ length: CHART_WEEKS }, (_, i) =>
    addDays(thisWeek, 7 * (i - CHART_WEEKS + 1)),
  );
  const hourly = c.termsType === 'hourly';
  const rate = c.hourlyRate ?? 0;
  const latest = reports.at(-1) ?? null;

  // Entries are bucketed by their week's start date, so a timesheet week starting on another
  // weekday still lands in the week that holds its first day.
  const minutesIn = (from: string, to: string) =>
    weeks.filter((w) => w.weekStart >= from && w.weekStart < to).reduce((s, w) => s + w.minutes, 0);
  const minutesUntil = (to: string) =>
    weeks.filter((w) => w.weekStart < to).reduce((s, w) => s + w.minutes, 0);
  const fixedSpent = (percent: number) =>
    milestonesDone(c.milestones, percent).reduce(
      (sum, done, i) => sum + (done ? (c.milestones[i]?.amount ?? 0) : 0),
      0,
    );
  const spentBy = (end: string) => {
    if (hourly) return Math.round((minutesUntil(end) / 60) * rate);
    const last = reports.filter((r) => localDate(r.submittedAt, row.timeZone) < end).at(-1);
    return fixedSpent(last?.percentComplete ?? 0);
  };

  const spent = hourly
    ? Math.round((weeks.reduce((s, w) => s + w.minutes, 0) / 60) * rate)
    : fixedSpent(latest?.percentComplete ?? 0);
  const start = c.startDate ?? (c.activatedAt ? localDate(c.activatedAt, row.timeZone) : null);
  const budget = hourly
    ? (c.totalBudget ??
      (start && c.endDate && c.weeklyCapHours
        ? Math.round((Math.max(0, daysBetween(start, c.endDate) + 1) / 7) * c.weeklyCapHours * rate)
        : null))
    : c.amount;

  const schedule = scheduleOf(c, row.timeZone);
  const reported = new Set(reports.map((r) => r.dueOn));
  const running = schedule && c.status === 'active' ? schedule : null;
  const due = running ? currentDue(running, today, reported) : null;
  // Health counts from the first report missed, however many periods ago.
  const missed = running ? oldestMissed(running, today, reported) : null;
  const hoursThisWeek = hourly ? minutesIn(thisWeek, addDays(thisWeek, 7)) / 60 : null;
  const verdict = contractHealth({
    today,
    currency: c.currency,
    endDate: c.endDate,
    milestones: c.milestones,
    due: missed,
    reportCount: reports.length,
    lastReport: latest,
    spending: budget ? { spent, budget } : null,
    hoursThisWeek,
    weeklyCapHours: hourly ? c.weeklyCapHours : null,
  });

  return {
    id: c.id,
    title: c.title,
    status: c.status === 'paused' ? 'paused' : 'active',
    termsType: c.termsType,
    currency: c.currency,
    business: { id: c.businessId, name: row.businessName },
    professional: { id: c.professionalId, name: row.professionalName },
    health: verdict.health,
    reasons: verdict.reasons,
    hoursThisWeek,
    weeklyCapHours: hourly ? c.weeklyCapHours : null,
    spent,
    budget,
    percentComplete: latest?.percentComplete ?? null,
    lastReportAt:
      reports
        .reduce<Date | null>(
          (last, r) => (last && last > r.submittedAt ? last : r.submittedAt),
          null,
        )
        ?.toISOString() ?? null,
    nextReportDue: due?.dueOn ?? null,
    weeks: starts.map((weekStart) => ({
      weekStart,
      hours: minutesIn(weekStart, addDays(weekStart, 7)) / 60,
      spentToDate: spentBy(addDays(weekStart, 7)),
    })),
  };
}

export function createDashboardService({ db, clock }: { db: Db; clock: Clock }) {
  async function build(rows: ContractRow[], tx: Tx) {
    const ids = rows.map((r) => r.contract.id);
    const [weeks, reports] = [await minutesByWeek(tx, ids), await reportsOf(tx, ids)];
    const now = clock.now();
    return {
      items: rows.map((row) =>
        summarize(
          row,
          weeks.filter((w) => w.contractId === row.contract.id),
          reports.filter((r) => r.contractId === row.contract.id),
          now,
        ),
      ),
    };
  }

  return {
    async forBusiness(scope: BusinessScope): Promise<Dashboard> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, scope.businessId, scope.userId, 'contracts.read');
        return build(await listRunningContracts(tx, { businessId: scope.businessId }), tx);
      });
    },

    async mine(scope: UserScope): Promise<Dashboard> {
      return db.transaction(async (tx) =>
        build(await listRunningContracts(tx, { professionalId: scope.userId }), tx),
      );
    },
  };
}
