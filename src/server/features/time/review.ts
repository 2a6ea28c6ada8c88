/**
 * Reading and reviewing time: the week's timesheet (the business's week in its zone, whoever
 * looks), the business's approval or dispute of a week, and the CSV export of a period.
 */
import { Readable } from 'node:stream';
import type { ReviewWeek, Timesheet } from '../../../core/contracts/time.ts';
import {
  autoApproveAt,
  formatHours,
  localDateOf,
  mondayOf,
  startOfDay,
  addDays,
  weekBounds,
  weekDays,
  weekStartOf,
} from '../../../core/time-entries.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { csvWriter } from '../../lib/csv.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import type { Notify } from '../notifications/index.ts';
import { presentEntry, presentRunning } from './present.ts';
import {
  businessTimeZone,
  findRunning,
  findWeekReview,
  listEntriesBetween,
  listWeekEntries,
  reviewWeekEntries,
  upsertWeekReview,
} from './queries.ts';

export interface WeekScope extends ContractScope {
  readonly weekStart: string;
}

/** A year of entries at most per export: longer periods are several downloads. */
const MAX_EXPORT_DAYS = 366;

export function createReviewService({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  return {
    async timesheet(scope: ContractScope, query: { week?: string }): Promise<Timesheet> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'time.read');
        const timeZone = await businessTimeZone(tx, record.contract.businessId);
        const now = clock.now();
        const weekStart = query.week ? mondayOf(query.week) : weekStartOf(now, timeZone);
        const { start, end } = weekBounds(weekStart, timeZone);
        const rows = await listWeekEntries(tx, record.contract.id, weekStart);
        const byDay = new Map(weekDays(weekStart).map((d) => [d, 0]));
        for (const { entry } of rows) {
          const day = localDateOf(entry.startedAt, timeZone);
          byDay.set(day, (byDay.get(day) ?? 0) + (entry.minutes ?? 0));
        }
        const review = await findWeekReview(tx, record.contract.id, weekStart);
        const running = await findRunning(tx, scope.userId);
        const closes = autoApproveAt(weekStart, timeZone);
        return {
          weekStart,
          startsAt: start.toISOString(),
          endsAt: end.toISOString(),
          timeZone,
          capHours: record.contract.weeklyCapHours,
          totalMinutes: rows.reduce((sum, r) => sum + (r.entry.minutes ?? 0), 0),
          days: [...byDay].map(([date, minutes]) => ({ date, minutes })),
          entries: rows.map(presentEntry),
          review: review && {
            status: review.status,
            auto: review.auto,
            note: review.note,
            reviewedBy: review.reviewedBy,
            reviewedAt: review.reviewedAt.toISOString(),
          },
          autoApproveAt: closes.toISOString(),
          open: closes > now,
          running: running && presentRunning(running),
        };
      });
    },

    /**
     * Approves or disputes the week's closed entries not yet approved (pending, or disputed
     * before and decided again). Approved entries stay approved: an approval is final.
     */
    async review(scope: WeekScope, input: ReviewWeek): Promise<Timesheet> {
      await db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'time.review', {
          forUpdate: true,
        });
        const weekStart = mondayOf(scope.weekStart);
        if (weekStart !== scope.weekStart)
          throw badRequest('A week is named by its Monday.', [
            { path: 'params.weekStart', message: `Use the week's Monday, ${weekStart}` },
          ]);
        const now = clock.now();
        const approve = input.decision === 'approve';
        const changed = await reviewWeekEntries(
          tx,
          record.contract.id,
          weekStart,
          {
            status: approve ? 'approved' : 'disputed',
            reviewedBy: scope.userId,
            reviewedAt: now,
            disputeReason: approve ? null : input.reason,
            autoApproved: false,
          },
          ['pending', 'disputed'],
        );
        if (changed === 0)
          throw conflict('This week has no entries awaiting review (running or already approved).');
        await upsertWeekReview(tx, {
          contractId: record.contract.id,
          weekStart,
          status: approve ? 'approved' : 'disputed',
          reviewedBy: scope.userId,
          auto: false,
          note: input.reason,
          reviewedAt: now,
        });
        await notify(tx, [{ userId: record.contract.professionalId }], 'time.week-reviewed', {
          contractId: record.contract.id,
          contractTitle: record.contract.title,
          weekStart,
          decision: approve ? 'approved' : 'disputed',
          reason: input.reason,
          entries: changed,
        });
        await publishContractChange(tx, record.contract.id, 'time');
      });
      return this.timesheet(scope, { week: scope.weekStart });
    },

    /** The period's closed entries (dates in the business's zone, `from`–`to` inclusive) as CSV. */
    async exportCsv(scope: ContractScope, query: { from: string; to: string }): Promise<Readable> {
      const rows = await db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'time.read');
        const timeZone = await businessTimeZone(tx, record.contract.businessId);
        if (Date.parse(query.to) - Date.parse(query.from) > MAX_EXPORT_DAYS * 86_400_000)
          throw badRequest('Export a year at most at a time.', [
            { path: 'querystring.to', message: `At most ${MAX_EXPORT_DAYS} days after the start` },
          ]);
        const from = startOfDay(query.from, timeZone);
        const to = startOfDay(addDays(query.to, 1), timeZone);
        const entries = await listEntriesBetween(tx, record.contract.id, from, to);
        const local = (at: Date) => localTime(at, timeZone);
        return entries.map(({ entry: e, issue }) => [
          localDateOf(e.startedAt, timeZone),
          local(e.startedAt),
          e.endedAt ? local(e.endedAt) : '',
          e.minutes ?? 0,
          formatHours(e.minutes ?? 0),
          e.memo,
          issue ? `#${issue.number} ${issue.title}` : '',
          e.autoApproved ? 'approved (automatically)' : e.status,
        ]);
      });
      return Readable.from(rows).pipe(
        csvWriter(['date', 'start', 'end', 'minutes', 'hours', 'memo', 'issue', 'status']),
      );
    },
  };
}

/** `HH:mm` on the business's clock. */
function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
