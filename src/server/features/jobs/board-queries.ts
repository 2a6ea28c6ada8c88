import { and, arrayContains, eq, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { BudgetType } from '../../../core/jobs.ts';
import type { Tx } from '../../db/client.ts';
import { businesses, jobs } from '../../db/schema/index.ts';

/**
 * Where the next page starts: the last row's sort key and id. The newest-first key is
 * `published_at` in whole microseconds since the epoch (Postgres's own precision, so no row is
 * repeated or skipped, and no text form that depends on the session's DateStyle or TimeZone).
 */
export type BoardCursor =
  | { sort: 'newest'; micros: number; id: string }
  | { sort: 'budget'; budgetUsd: number | null; id: string };

/**
 * Budgets compared within one kind: a fixed price's total, or an hourly job's rate — never one
 * against the other (`budget_usd` holds whichever the job has).
 */
export interface BudgetFilter {
  type: BudgetType;
  /** Bounds in US cents, compared with `budget_usd`. */
  minUsd?: number;
  maxUsd?: number;
}

interface BoardFilterBase {
  q?: string;
  category?: string;
  /** A job must have every one of these skills. */
  skillSlugs: string[];
  /** Published at or after. */
  since?: Date;
  limit: number;
}

/** What a page of the board shows; the budget order needs a budget type (see `BudgetFilter`). */
export type BoardFilter = BoardFilterBase &
  (
    | { sort: 'newest'; budget?: BudgetFilter; after?: Extract<BoardCursor, { sort: 'newest' }> }
    | { sort: 'budget'; budget: BudgetFilter; after?: Extract<BoardCursor, { sort: 'budget' }> }
  );

/**
 * Only the brief's columns: the board never reads the specification, not even to drop it.
 * `cursorMicros` is `published_at` in microseconds since the epoch (a bigint, parsed as a
 * number: exact below 2^53, the year 2255) — a JavaScript Date keeps milliseconds only, and a
 * cursor rounded down would repeat or skip rows.
 */
const boardColumns = {
  id: jobs.id,
  businessId: jobs.businessId,
  businessName: businesses.name,
  title: jobs.title,
  summary: jobs.summary,
  categorySlug: jobs.categorySlug,
  skills: jobs.skills,
  budgetType: jobs.budgetType,
  budgetCurrency: jobs.budgetCurrency,
  budgetMin: jobs.budgetMin,
  budgetMax: jobs.budgetMax,
  hoursPerWeek: jobs.hoursPerWeek,
  budgetUsd: jobs.budgetUsd,
  deadline: jobs.deadline,
  durationDays: jobs.durationDays,
  screeningQuestions: jobs.screeningQuestions,
  ndaRequired: jobs.ndaRequired,
  trialPlanned: jobs.trialPlanned,
  publishedAt: jobs.publishedAt,
  createdAt: jobs.createdAt,
  cursorMicros: sql<number>`(extract(epoch from ${jobs.publishedAt}) * 1000000)::bigint`,
};
export type BoardRow = Awaited<ReturnType<typeof listBoardJobs>>[number];

/**
 * One page of the board (`limit + 1` rows, so the caller knows whether there is another), in
 * one query joined to the business for its name.
 *
 * The WHERE starts with the literal predicate of the partial board indexes
 * (`status = 'open' and visibility = 'public'`, constants rather than parameters, so the
 * planner can prove the indexes apply), and the ORDER BY repeats their `desc nulls last` on both
 * columns so that an index scan returns rows already in page order. The budget order's index
 * leads with `budget_type`, which the budget filter always fixes, so hourly rates are not read
 * past every fixed total above them. The cursor is a row comparison, which the index answers as a
 * range (`Index Cond`), whatever the page's depth.
 *
 * Returns the query itself (awaiting it runs it), so that tests can EXPLAIN the exact SQL.
 */
export function listBoardJobs(tx: Tx, f: BoardFilter) {
  const where: SQL[] = [sql`${jobs.status} = 'open' and ${jobs.visibility} = 'public'`];
  if (f.q) {
    // A query of stop words only ("the", "a") has no lexemes and would match nothing: it is
    // no filter instead. Postgres folds the numnode test to a constant when it plans the query
    // with the value, so the full-text index stays usable.
    const query = sql`websearch_to_tsquery('english', ${f.q})`;
    where.push(sql`(numnode(${query}) = 0 or ${jobs.search} @@ ${query})`);
  }
  if (f.category) where.push(eq(jobs.categorySlug, f.category));
  if (f.skillSlugs.length > 0) where.push(arrayContains(jobs.skillSlugs, f.skillSlugs));
  if (f.budget) {
    // Constant first column of the budget index (budget_type, budget_usd, id): the order and
    // the cursor's range stay within one kind.
    where.push(eq(jobs.budgetType, f.budget.type));
    // A job matches when its range overlaps the filter's: €1,200–€2,000 is in a €1,000–€1,500
    // search, since the professional may well settle inside both. `budget_usd` is the job's upper
    // end (its lower end when it has no upper one); its lower end in USD is that times min / max,
    // the same rate applying to both ends — compared multiplied out, so no division. A job with
    // no amount (`budget_usd` null) matches no bound.
    if (f.budget.minUsd !== undefined)
      where.push(
        sql`(${jobs.budgetUsd} >= ${f.budget.minUsd} or (${jobs.budgetUsd} is not null and ${jobs.budgetMax} is null))`,
      );
    if (f.budget.maxUsd !== undefined)
      where.push(
        sql`(${jobs.budgetUsd}::numeric * ${jobs.budgetMin} <= ${f.budget.maxUsd}::numeric * coalesce(${jobs.budgetMax}, ${jobs.budgetMin}) or (${jobs.budgetUsd} is not null and ${jobs.budgetMin} is null))`,
      );
  }
  if (f.since) where.push(sql`${jobs.publishedAt} >= ${f.since.toISOString()}::timestamptz`);

  const page = (after: SQL[]) =>
    tx
      .select(boardColumns)
      .from(jobs)
      .innerJoin(businesses, eq(businesses.id, jobs.businessId))
      .where(and(...where, ...after))
      .orderBy(
        ...(f.sort === 'newest'
          ? [sql`${jobs.publishedAt} desc nulls last`, sql`${jobs.id} desc nulls last`]
          : [sql`${jobs.budgetUsd} desc nulls last`, sql`${jobs.id} desc nulls last`]),
      )
      .limit(f.limit + 1);

  const cursor = f.after;
  if (!cursor) return page([]);
  if (cursor.sort === 'newest') {
    // The same arithmetic as the business's job list (queries.ts → listJobs): exact for any
    // whole number of microseconds a cursor can hold (|micros| < 2^53, years 1684 to 2255).
    return page([
      sql`(${jobs.publishedAt}, ${jobs.id}) < (timestamptz 'epoch' + ${cursor.micros}::float8 * interval '1 microsecond', ${cursor.id}::uuid)`,
    ]);
  }
  // Budget order puts the jobs without an amount (a range left open at both ends) last. After
  // one of those, only more of them.
  if (cursor.budgetUsd === null) {
    return page([sql`${jobs.budgetUsd} is null`, sql`${jobs.id} < ${cursor.id}::uuid`]);
  }
  // After an amount come the smaller ones and then every job without one. As one condition
  // (`row < cursor or budget is null`) no index can answer it and deep pages read every row
  // before them (45 ms on 100,000 jobs), so each part is its own range scan of at most one page,
  // and the two short lists are merged. The outer ORDER BY names the output columns.
  return unionAll(
    page([
      sql`(${jobs.budgetUsd}, ${jobs.id}) < (${cursor.budgetUsd}::bigint, ${cursor.id}::uuid)`,
    ]),
    page([sql`${jobs.budgetUsd} is null`]),
  )
    .orderBy(sql`"budget_usd" desc nulls last, "id" desc nulls last`)
    .limit(f.limit + 1);
}

/** The name of a job's business, for the public job page. */
export async function businessName(tx: Tx, businessId: string): Promise<string> {
  const [row] = await tx
    .select({ name: businesses.name })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  return row?.name ?? '';
}

/**
 * The public job pages for the sitemap, newest first: open and closed public jobs (a closed
 * job's page stays readable). `limit` keeps within the sitemap's 50,000 addresses.
 */
export function listPublicJobPages(tx: Tx, limit: number) {
  return tx
    .select({ id: jobs.id, updatedAt: jobs.updatedAt })
    .from(jobs)
    .where(sql`${jobs.status} in ('open', 'closed') and ${jobs.visibility} = 'public'`)
    .orderBy(sql`${jobs.publishedAt} desc nulls last`, sql`${jobs.id} desc`)
    .limit(limit);
}
