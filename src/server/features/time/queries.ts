/** SQL of time tracking: entries, the running timer, week totals and week reviews. */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  businesses,
  businessMembers,
  contracts,
  timeEntries,
  timeWeekReviews,
  workIssues,
} from '../../db/schema/index.ts';

export type TimeEntryRow = typeof timeEntries.$inferSelect;
export type TimeWeekReviewRow = typeof timeWeekReviews.$inferSelect;
export interface IssueRef {
  id: string;
  number: number;
  title: string;
}
export interface TimeEntryRecord {
  entry: TimeEntryRow;
  issue: IssueRef | null;
}

const withIssue = (tx: Tx) =>
  tx
    .select({
      entry: timeEntries,
      issueId: workIssues.id,
      issueNumber: workIssues.number,
      issueTitle: workIssues.title,
    })
    .from(timeEntries)
    .leftJoin(workIssues, eq(workIssues.id, timeEntries.issueId));

type Joined = Awaited<ReturnType<ReturnType<typeof withIssue>['execute']>>[number];
const toRecord = (r: Joined): TimeEntryRecord => ({
  entry: r.entry,
  issue:
    r.issueId && r.issueNumber !== null && r.issueTitle !== null
      ? { id: r.issueId, number: r.issueNumber, title: r.issueTitle }
      : null,
});

/** The business's time zone: the zone whose calendar makes the weeks. */
export async function businessTimeZone(tx: Tx, businessId: string): Promise<string> {
  const [row] = await tx
    .select({ timeZone: businesses.timeZone })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  return row?.timeZone ?? 'UTC';
}

export async function findEntry(
  tx: Tx,
  contractId: string,
  entryId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TimeEntryRecord | null> {
  const query = withIssue(tx).where(
    and(eq(timeEntries.id, entryId), eq(timeEntries.contractId, contractId)),
  );
  const [row] = await (options.forUpdate ? query.for('update', { of: timeEntries }) : query);
  return row ? toRecord(row) : null;
}

/** The person's running timer (at most one, by the partial unique index), with its contract. */
export async function findRunning(
  tx: Tx,
  userId: string,
): Promise<(TimeEntryRecord & { contractTitle: string }) | null> {
  const [row] = await withIssue(tx).where(
    and(eq(timeEntries.userId, userId), isNull(timeEntries.endedAt)),
  );
  if (!row) return null;
  const [contract] = await tx
    .select({ title: contracts.title })
    .from(contracts)
    .where(eq(contracts.id, row.entry.contractId));
  return { ...toRecord(row), contractTitle: contract?.title ?? '' };
}

export function listWeekEntries(tx: Tx, contractId: string, weekStart: string) {
  return withIssue(tx)
    .where(and(eq(timeEntries.contractId, contractId), eq(timeEntries.weekStart, weekStart)))
    .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id))
    .then((rows) => rows.map(toRecord));
}

/** Closed entries started in [from, to), oldest first: the CSV export. */
export function listEntriesBetween(tx: Tx, contractId: string, from: Date, to: Date) {
  return withIssue(tx)
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        isNotNull(timeEntries.endedAt),
        gte(timeEntries.startedAt, from),
        lt(timeEntries.startedAt, to),
      ),
    )
    .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id))
    .then((rows) => rows.map(toRecord));
}

/** Minutes the week already counts toward the cap (disputed entries too: they may be fixed). */
export async function weekMinutes(
  tx: Tx,
  contractId: string,
  weekStart: string,
  exceptEntryId?: string,
): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)::int` })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        eq(timeEntries.weekStart, weekStart),
        exceptEntryId ? ne(timeEntries.id, exceptEntryId) : undefined,
      ),
    );
  return row?.total ?? 0;
}

export async function insertEntry(tx: Tx, values: typeof timeEntries.$inferInsert) {
  await tx.insert(timeEntries).values(values);
}

export async function updateEntry(
  tx: Tx,
  entryId: string,
  values: Partial<typeof timeEntries.$inferInsert>,
) {
  await tx.update(timeEntries).set(values).where(eq(timeEntries.id, entryId));
}

export async function deleteEntry(tx: Tx, entryId: string) {
  await tx.delete(timeEntries).where(eq(timeEntries.id, entryId));
}

/** An issue of this contract, by id or by number. */
export async function findIssue(
  tx: Tx,
  contractId: string,
  by: { id: string } | { number: number },
): Promise<IssueRef | null> {
  const [row] = await tx
    .select({ id: workIssues.id, number: workIssues.number, title: workIssues.title })
    .from(workIssues)
    .where(
      and(
        eq(workIssues.contractId, contractId),
        'id' in by ? eq(workIssues.id, by.id) : eq(workIssues.number, by.number),
      ),
    );
  return row ?? null;
}

/**
 * Sets the week's closed entries still `pending` (and, for a person's review, `disputed` ones
 * being decided again) to the decision; returns how many changed.
 */
export async function reviewWeekEntries(
  tx: Tx,
  contractId: string,
  weekStart: string,
  values: {
    status: 'approved' | 'disputed';
    reviewedBy: string | null;
    reviewedAt: Date;
    disputeReason: string | null;
    autoApproved: boolean;
  },
  from: ('pending' | 'disputed')[],
): Promise<number> {
  const rows = await tx
    .update(timeEntries)
    .set({ ...values, updatedAt: values.reviewedAt })
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        eq(timeEntries.weekStart, weekStart),
        isNotNull(timeEntries.endedAt),
        inArray(timeEntries.status, from),
      ),
    )
    .returning({ id: timeEntries.id });
  return rows.length;
}

export async function upsertWeekReview(tx: Tx, values: typeof timeWeekReviews.$inferInsert) {
  await tx
    .insert(timeWeekReviews)
    .values(values)
    .onConflictDoUpdate({
      target: [timeWeekReviews.contractId, timeWeekReviews.weekStart],
      set: {
        status: values.status,
        reviewedBy: values.reviewedBy ?? null,
        auto: values.auto ?? false,
        note: values.note ?? '',
        reviewedAt: values.reviewedAt,
      },
    });
}

export async function findWeekReview(
  tx: Tx,
  contractId: string,
  weekStart: string,
): Promise<TimeWeekReviewRow | null> {
  const [row] = await tx
    .select()
    .from(timeWeekReviews)
    .where(
      and(eq(timeWeekReviews.contractId, contractId), eq(timeWeekReviews.weekStart, weekStart)),
    );
  return row ?? null;
}

export async function countPending(tx: Tx, contractId: string, weekStart: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        eq(timeEntries.weekStart, weekStart),
        isNotNull(timeEntries.endedAt),
        eq(timeEntries.status, 'pending'),
      ),
    );
  return row?.n ?? 0;
}

/** The business's members who review time (the permissions table's `time.review`). */
export async function listReviewerIds(
  tx: Tx,
  businessId: string,
  roles: ('owner' | 'manager' | 'viewer')[],
): Promise<string[]> {
  const rows = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(and(eq(businessMembers.businessId, businessId), inArray(businessMembers.role, roles)));
  return rows.map((r) => r.userId);
}
