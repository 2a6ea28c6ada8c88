import { and, arrayContains, eq, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { BudgetType } from '../../../core/jobs.ts';
import type { Tx } from '../../db/client.ts';
import { businesses, jobs } from '../../db/schema/index.ts';

/** Where the next page starts: the last row's sort key and id. */
export type BoardCursor =
  | { sort: 'newest'; publishedAt: string; id: string }
  | { sort: 'budget'; budgetUsd: number | null; id: string };

export interface BoardFilter {
  q?: string;
  category?: string;
  /** A job must have every one of these skills. */
  skillSlugs: string[];
  budgetType?: BudgetType;
  /** Bounds of the budget in US cents (compared with `budget_usd`). */
  minUsd?: number;
  maxUsd?: number;
  /** Published at or after. */
  since?: Date;
  sort: 'newest' | 'budget';
  after?: BoardCursor;
  limit: number;
}

/**
 * Only the brief's columns: the board never reads the specification, not even to drop it.
 * `cursorAt` is `published_at` as Postgres writes it, to the microsecond — a JavaScript Date
 * keeps milliseconds only, and a cursor rounded down would repeat or skip rows.
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
  cursorAt: sql<string>`${jobs.publishedAt}::text`,
};
export type BoardRow = Awaited<ReturnType<typeof listBoardJobs>>[number];

/**
 * One page of the board (`limit + 1` rows, so the caller knows whether there is another), in
 * one query joined to the business for its name.
 *
 * The WHERE starts with the literal predicate of the partial board indexes
 * (`status = 'open' and visibility = 'public'`, constants rather than parameters, so the
 * planner can prove the indexes apply), and the ORDER BY repeats their `desc nulls last` on both
 * columns so that an index scan returns rows already in page order. The cursor is a row
 * comparison, which the index answers as a range (`Index Cond`), whatever the page's depth.
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
  if (f.budgetType) where.push(eq(jobs.budgetType, f.budgetType));
  if (f.minUsd !== undefined) where.push(sql`${jobs.budgetUsd} >= ${f.minUsd}`);
  if (f.maxUsd !== undefined) where.push(sql`${jobs.budgetUsd} <= ${f.maxUsd}`);
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
    return page([
      sql`(${jobs.publishedAt}, ${jobs.id}) < (${cursor.publishedAt}::timestamptz, ${cursor.id}::uuid)`,
    ]);
  }
  // Budget order puts the jobs without a budget last. After one of those, only more of them.
  if (cursor.budgetUsd === null) {
    return page([sql`${jobs.budgetUsd} is null`, sql`${jobs.id} < ${cursor.id}::uuid`]);
  }
  // After a budget come the smaller budgets and then every job without one. As one condition
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
