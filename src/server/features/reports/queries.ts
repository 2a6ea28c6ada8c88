/** SQL of progress reports: the reports with their comments, the period's logged time, who hears. */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  businesses,
  businessMembers,
  contracts,
  progressReportComments,
  progressReports,
  timeEntries,
  users,
} from '../../db/schema/index.ts';

export type ReportRow = typeof progressReports.$inferSelect;

/** The business's time zone: every due date is one of its calendar days. */
export async function findBusinessTimeZone(tx: Tx, businessId: string): Promise<string> {
  const [row] = await tx
    .select({ timeZone: businesses.timeZone })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  if (!row) throw new Error('a contract without its business');
  return row.timeZone;
}

/** A contract's reports, newest due date first, with their authors' names. */
export function listReports(tx: Tx, contractId: string) {
  return tx
    .select({ report: progressReports, submitterName: users.name })
    .from(progressReports)
    .leftJoin(users, eq(users.id, progressReports.submittedBy))
    .where(eq(progressReports.contractId, contractId))
    .orderBy(desc(progressReports.dueOn));
}

/** The due dates a contract's reports answered. */
export async function reportedDueDates(tx: Tx, contractId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ dueOn: progressReports.dueOn })
    .from(progressReports)
    .where(eq(progressReports.contractId, contractId));
  return new Set(rows.map((r) => r.dueOn));
}

export async function hasReport(tx: Tx, contractId: string, dueOn: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(and(eq(progressReports.contractId, contractId), eq(progressReports.dueOn, dueOn)));
  return row !== undefined;
}

export function listComments(tx: Tx, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ comment: progressReportComments, authorName: users.name })
    .from(progressReportComments)
    .leftJoin(users, eq(users.id, progressReportComments.authorId))
    .where(inArray(progressReportComments.reportId, reportIds))
    .orderBy(asc(progressReportComments.createdAt), asc(progressReportComments.id));
}

export async function findReport(tx: Tx, contractId: string, reportId: string) {
  const [row] = await tx
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.id, reportId), eq(progressReports.contractId, contractId)));
  return row ?? null;
}

export async function insertReport(tx: Tx, values: typeof progressReports.$inferInsert) {
  await tx.insert(progressReports).values(values);
}

export async function insertComment(tx: Tx, values: typeof progressReportComments.$inferInsert) {
  await tx.insert(progressReportComments).values(values);
}

export async function updateCadence(
  tx: Tx,
  contractId: string,
  values: {
    reportCadence: (typeof contracts.$inferInsert)['reportCadence'];
    reportWeekday: number;
  },
  now: Date,
) {
  await tx
    .update(contracts)
    .set({ ...values, updatedAt: now })
    .where(eq(contracts.id, contractId));
}

/** Minutes logged on the contract between two instants (closed entries, not disputed). */
export async function loggedMinutes(tx: Tx, contractId: string, from: Date, to: Date) {
  const [row] = await tx
    .select({ minutes: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)::int` })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        isNotNull(timeEntries.minutes),
        ne(timeEntries.status, 'disputed'),
        gte(timeEntries.startedAt, from),
        lt(timeEntries.startedAt, to),
      ),
    );
  return row?.minutes ?? 0;
}

/** The business's owners and managers: who runs the contract, and hears a report is late. */
export async function listBusinessWriters(tx: Tx, businessId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(
      and(
        eq(businessMembers.businessId, businessId),
        inArray(businessMembers.role, ['owner', 'manager']),
      ),
    );
  return rows.map((r) => r.userId);
}
