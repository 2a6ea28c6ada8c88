/**
 * Drizzle queries of the business side of jobs. A job is always read by its id together with
 * its business's id (`authorizeJob` does that); what hangs off a job is read by the job's id
 * after that check.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { JobStatus } from '../../../core/jobs.ts';
import type { Tx } from '../../db/client.ts';
import {
  businesses,
  categories,
  jobAttachments,
  jobDrafts,
  jobInvitations,
  jobs,
  jobSpecVersions,
  jobSpecViews,
  jobTemplates,
  skills,
  users,
} from '../../db/schema/index.ts';

/** A job's columns as written: plain values, or SQL such as the search document. */
export type JobInsert = PgInsertValue<typeof jobs>;
export type JobSet = PgUpdateSetSource<typeof jobs>;
export type TemplateRow = typeof jobTemplates.$inferSelect;

export async function insertJob(tx: Tx, values: JobInsert) {
  const [row] = await tx.insert(jobs).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateJob(tx: Tx, jobId: string, set: JobSet) {
  const [row] = await tx.update(jobs).set(set).where(eq(jobs.id, jobId)).returning();
  if (!row) throw new Error('update found no job');
  return row;
}

export function deleteJob(tx: Tx, jobId: string) {
  return tx.delete(jobs).where(eq(jobs.id, jobId));
}

/** The business's name and how many professionals are invited: what a job's page shows beside it. */
export async function jobExtras(tx: Tx, jobId: string, businessId: string) {
  const [row] = await tx
    .select({
      businessName: businesses.name,
      invitedCount: sql<number>`(select count(*) from ${jobInvitations} where ${jobInvitations.jobId} = ${jobId})::int`,
    })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  if (!row) throw new Error('job without its business');
  return row;
}

export function listAttachments(tx: Tx, jobId: string) {
  return tx
    .select()
    .from(jobAttachments)
    .where(eq(jobAttachments.jobId, jobId))
    .orderBy(asc(jobAttachments.createdAt), asc(jobAttachments.id));
}

export async function categoryExists(tx: Tx, slug: string) {
  const [row] = await tx
    .select({ slug: categories.slug })
    .from(categories)
    .where(eq(categories.slug, slug));
  return row !== undefined;
}

/** How many jobs the business has in each status (one GROUP BY; missing statuses are 0). */
export async function countJobsByStatus(tx: Tx, businessId: string) {
  const rows = await tx
    .select({ status: jobs.status, n: count() })
    .from(jobs)
    .where(eq(jobs.businessId, businessId))
    .groupBy(jobs.status);
  const counts: Record<JobStatus, number> = { draft: 0, open: 0, closed: 0, archived: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Where a page of the job list ends: `updated_at` in microseconds since the epoch, and the id. */
export interface JobListCursor {
  micros: number;
  id: string;
}

/**
 * A page of the business's jobs in the given statuses, most recently changed first (one row
 * more than `limit`, to tell whether another page follows). `updated_at` is compared in whole
 * microseconds, Postgres's own precision, so no row is skipped or repeated between pages.
 */
export function listJobs(
  tx: Tx,
  businessId: string,
  opts: { statuses: JobStatus[]; limit: number; after?: JobListCursor },
) {
  const where: SQL[] = [eq(jobs.businessId, businessId), inArray(jobs.status, opts.statuses)];
  if (opts.after) {
    where.push(
      sql`(${jobs.updatedAt}, ${jobs.id}) < (timestamptz 'epoch' + ${opts.after.micros}::float8 * interval '1 microsecond', ${opts.after.id}::uuid)`,
    );
  }
  return tx
    .select({
      job: jobs,
      // Qualified by hand: Drizzle leaves columns of a one-table select unqualified, and inside
      // these subqueries a bare "id" would be the attachment's own id.
      invitedCount: sql<number>`(select count(*) from ${jobInvitations} i where i.job_id = "jobs"."id")::int`,
      attachmentCount: sql<number>`(select count(*) from ${jobAttachments} a where a.job_id = "jobs"."id")::int`,
      micros: sql<number>`(extract(epoch from ${jobs.updatedAt}) * 1000000)::bigint`,
    })
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(opts.limit + 1);
}

/** The business's audit job draft, locked so that two jobs cannot be made from it at once. */
export async function lockJobDraft(tx: Tx, businessId: string, draftId: string) {
  const [row] = await tx
    .select()
    .from(jobDrafts)
    .where(and(eq(jobDrafts.id, draftId), eq(jobDrafts.businessId, businessId)))
    .for('update');
  return row ?? null;
}

export async function findJobMadeFromDraft(tx: Tx, draftId: string) {
  const [row] = await tx
    .select({ id: jobs.id, title: jobs.title })
    .from(jobs)
    .where(eq(jobs.draftId, draftId))
    .limit(1);
  return row ?? null;
}

// Versions and views of the specification.

export async function insertSpecVersion(tx: Tx, values: typeof jobSpecVersions.$inferInsert) {
  await tx.insert(jobSpecVersions).values(values);
}

const versionColumns = {
  version: jobSpecVersions.version,
  createdAt: jobSpecVersions.createdAt,
  createdById: jobSpecVersions.createdBy,
  createdByName: users.name,
};

export async function findSpecVersion(tx: Tx, jobId: string, version: number) {
  const [row] = await tx
    .select({ ...versionColumns, spec: jobSpecVersions.spec })
    .from(jobSpecVersions)
    .leftJoin(users, eq(users.id, jobSpecVersions.createdBy))
    .where(and(eq(jobSpecVersions.jobId, jobId), eq(jobSpecVersions.version, version)));
  return row ?? null;
}

export function listSpecVersions(tx: Tx, jobId: string) {
  return tx
    .select(versionColumns)
    .from(jobSpecVersions)
    .leftJoin(users, eq(users.id, jobSpecVersions.createdBy))
    .where(eq(jobSpecVersions.jobId, jobId))
    .orderBy(desc(jobSpecVersions.version));
}

/** Notes that the person has seen this version; the first sighting's time is kept. */
export function recordSpecView(
  tx: Tx,
  values: { jobId: string; userId: string; version: number; firstSeenAt: Date },
) {
  return tx.insert(jobSpecViews).values(values).onConflictDoNothing();
}

export function listSpecViews(tx: Tx, jobId: string) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      version: jobSpecViews.version,
      firstSeenAt: jobSpecViews.firstSeenAt,
    })
    .from(jobSpecViews)
    .innerJoin(users, eq(users.id, jobSpecViews.userId))
    .where(eq(jobSpecViews.jobId, jobId))
    .orderBy(desc(jobSpecViews.version), asc(jobSpecViews.firstSeenAt), asc(users.id));
}

// Invitations.

const invitationColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  emailVerified: users.emailVerified,
  invitedAt: jobInvitations.createdAt,
};

export function listJobInvitations(tx: Tx, jobId: string) {
  return tx
    .select(invitationColumns)
    .from(jobInvitations)
    .innerJoin(users, eq(users.id, jobInvitations.userId))
    .where(eq(jobInvitations.jobId, jobId))
    .orderBy(asc(jobInvitations.createdAt), asc(users.id));
}

export async function findJobInvitation(tx: Tx, jobId: string, userId: string) {
  const [row] = await tx
    .select(invitationColumns)
    .from(jobInvitations)
    .innerJoin(users, eq(users.id, jobInvitations.userId))
    .where(and(eq(jobInvitations.jobId, jobId), eq(jobInvitations.userId, userId)));
  return row ?? null;
}

/** Whether the invitation is new (false when the person was already invited). */
export async function insertJobInvitation(tx: Tx, values: typeof jobInvitations.$inferInsert) {
  const rows = await tx
    .insert(jobInvitations)
    .values(values)
    .onConflictDoNothing()
    .returning({ userId: jobInvitations.userId });
  return rows.length > 0;
}

export async function deleteJobInvitation(tx: Tx, jobId: string, userId: string) {
  const rows = await tx
    .delete(jobInvitations)
    .where(and(eq(jobInvitations.jobId, jobId), eq(jobInvitations.userId, userId)))
    .returning({ userId: jobInvitations.userId });
  return rows.length > 0;
}

/** Published jobs (open or closed) the person is invited to, latest invitation first. */
export function listInvitedJobs(tx: Tx, userId: string) {
  return tx
    .select({ job: jobs, businessName: businesses.name })
    .from(jobInvitations)
    .innerJoin(jobs, eq(jobs.id, jobInvitations.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(
      and(
        eq(jobInvitations.userId, userId),
        inArray(jobs.status, ['open', 'closed']),
        // Bids (issue 11): a declined invitation leaves the invited list.
        isNull(jobInvitations.declinedAt),
      ),
    )
    .orderBy(desc(jobInvitations.createdAt), desc(jobs.id));
}

// Skills and templates.

/** Adds skills not listed yet; known ones keep their first spelling. Only for public jobs' skills. */
export async function addSkills(tx: Tx, rows: { slug: string; name: string }[]) {
  if (rows.length > 0) await tx.insert(skills).values(rows).onConflictDoNothing();
}

/**
 * Skills whose name contains `q` (any case), the ones most open public jobs ask for first,
 * then by name whatever its case ("API" does not jump ahead of "Accounts"). The count is answered by the board's partial GIN index on `skill_slugs`; the
 * name match scans `skills`, a table of a few thousand rows at most.
 */
export function searchSkills(tx: Tx, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const uses = sql<number>`(select count(*) from ${jobs} where ${jobs.skillSlugs} @> array[${skills.slug}] and ${jobs.status} = 'open' and ${jobs.visibility} = 'public')`;
  return tx
    .select({ slug: skills.slug, name: skills.name })
    .from(skills)
    .where(q ? ilike(skills.name, pattern) : undefined)
    .orderBy(desc(uses), asc(sql`lower(${skills.name})`), asc(skills.name))
    .limit(limit);
}

export function listTemplates(tx: Tx) {
  return tx.select().from(jobTemplates).orderBy(asc(jobTemplates.sort), asc(jobTemplates.name));
}

export async function findTemplate(tx: Tx, slug: string) {
  const [row] = await tx.select().from(jobTemplates).where(eq(jobTemplates.slug, slug));
  return row ?? null;
}

export async function updateTemplate(
  tx: Tx,
  slug: string,
  set: Partial<typeof jobTemplates.$inferInsert>,
) {
  const [row] = await tx
    .update(jobTemplates)
    .set(set)
    .where(eq(jobTemplates.slug, slug))
    .returning();
  return row ?? null;
}

/** A job of the business (null when it has none by that id); `forUpdate` locks the row. */
export async function findBusinessJob(
  tx: Tx,
  businessId: string,
  jobId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.businessId, businessId)));
  const [job] = await (options.forUpdate ? query.for('update') : query);
  return job ?? null;
}

export async function findJob(tx: Tx, jobId: string) {
  const [job] = await tx.select().from(jobs).where(eq(jobs.id, jobId));
  return job ?? null;
}

export async function isInvitedToJob(tx: Tx, jobId: string, userId: string): Promise<boolean> {
  const [invited] = await tx
    .select({ userId: jobInvitations.userId })
    .from(jobInvitations)
    .where(and(eq(jobInvitations.jobId, jobId), eq(jobInvitations.userId, userId)));
  return invited !== undefined;
}
