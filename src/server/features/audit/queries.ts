/** Drizzle queries of the operations audit. Every read is scoped by business and audit id. */
import { and, asc, count, desc, eq, inArray, lt, or, sql, sum, type SQL } from 'drizzle-orm';
import { taskKey } from '../../../core/time-log-import.ts';
import type { Tx } from '../../db/client.ts';
import {
  auditEntries,
  audits,
  auditTasks,
  auditTimers,
  jobDrafts,
  jobs,
} from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

export type AuditRow = typeof audits.$inferSelect;

/**
 * The audit row; `lock` takes its row lock in the caller's transaction: `update` to change its
 * period, `share` to log into it, so an entry and a period change never pass each other.
 */
export async function findAudit(
  tx: Tx,
  businessId: string,
  auditId: string,
  lock?: 'update' | 'share',
) {
  const query = tx
    .select()
    .from(audits)
    .where(and(eq(audits.id, auditId), eq(audits.businessId, businessId)));
  const [row] = await (lock ? query.for(lock) : query);
  return row ?? null;
}

export function listAudits(tx: Tx, businessId: string) {
  return tx
    .select()
    .from(audits)
    .where(eq(audits.businessId, businessId))
    .orderBy(desc(audits.periodStart), desc(audits.id));
}

/**
 * The id of the audit's task with this name, creating it if new. Names match whatever their
 * case and spacing, so "Invoices" and " invoices" are one task.
 */
export async function taskIdFor(tx: Tx, audit: AuditRow, name: string): Promise<string> {
  const [row] = await tx
    .insert(auditTasks)
    .values({
      id: newId(),
      auditId: audit.id,
      businessId: audit.businessId,
      name: name.trim(),
      nameKey: taskKey(name),
    })
    // A no-op update so that RETURNING also yields the existing row's id.
    .onConflictDoUpdate({
      target: [auditTasks.auditId, auditTasks.nameKey],
      set: { nameKey: sql`excluded.name_key` },
    })
    .returning({ id: auditTasks.id });
  if (!row) throw new Error('task upsert returned no row');
  return row.id;
}

/** Task ids for many names at once (one statement), keyed by task key. */
export async function taskIdsFor(
  tx: Tx,
  audit: AuditRow,
  names: string[],
): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(taskKey(name))) byKey.set(taskKey(name), name.trim());
  if (byKey.size === 0) return new Map();
  const rows = await tx
    .insert(auditTasks)
    .values(
      [...byKey].map(([key, name]) => ({
        id: newId(),
        auditId: audit.id,
        businessId: audit.businessId,
        name,
        nameKey: key,
      })),
    )
    .onConflictDoUpdate({
      target: [auditTasks.auditId, auditTasks.nameKey],
      set: { nameKey: sql`excluded.name_key` },
    })
    .returning({ id: auditTasks.id, nameKey: auditTasks.nameKey });
  return new Map(rows.map((r) => [r.nameKey, r.id]));
}

/** Removes the audit's tasks that no entry uses any more. */
export function dropUnusedTasks(tx: Tx, auditId: string) {
  return tx
    .delete(auditTasks)
    .where(
      and(
        eq(auditTasks.auditId, auditId),
        sql`not exists (select 1 from ${auditEntries} where ${auditEntries.taskId} = ${auditTasks.id})`,
      ),
    );
}

const entryColumns = {
  id: auditEntries.id,
  taskId: auditEntries.taskId,
  taskName: auditTasks.name,
  date: auditEntries.date,
  minutes: auditEntries.minutes,
  source: auditEntries.source,
  createdAt: auditEntries.createdAt,
};

export async function findEntry(tx: Tx, auditId: string, entryId: string) {
  const [row] = await tx
    .select(entryColumns)
    .from(auditEntries)
    .innerJoin(auditTasks, eq(auditTasks.id, auditEntries.taskId))
    .where(and(eq(auditEntries.id, entryId), eq(auditEntries.auditId, auditId)));
  return row ?? null;
}

/** Newest date first, then newest entry; the page's last entry (date, id) is the next cursor. */
export function listEntries(
  tx: Tx,
  auditId: string,
  opts: { limit: number; after?: { date: string; id: string }; taskId?: string },
) {
  const where: SQL[] = [eq(auditEntries.auditId, auditId)];
  if (opts.taskId) where.push(eq(auditEntries.taskId, opts.taskId));
  if (opts.after) {
    const after = or(
      lt(auditEntries.date, opts.after.date),
      and(eq(auditEntries.date, opts.after.date), lt(auditEntries.id, opts.after.id)),
    );
    if (after) where.push(after);
  }
  return tx
    .select(entryColumns)
    .from(auditEntries)
    .innerJoin(auditTasks, eq(auditTasks.id, auditEntries.taskId))
    .where(and(...where))
    .orderBy(desc(auditEntries.date), desc(auditEntries.id))
    .limit(opts.limit + 1);
}

/** Every task of the audit with its logged minutes and entry count. */
export function listTasksWithTotals(tx: Tx, auditId: string) {
  return tx
    .select({
      id: auditTasks.id,
      name: auditTasks.name,
      frequency: auditTasks.frequency,
      dislike: auditTasks.dislike,
      nature: auditTasks.nature,
      category: auditTasks.categorySlug,
      totalMinutes: sql<number>`coalesce(${sum(auditEntries.minutes)}, 0)::int`,
      entryCount: sql<number>`${count(auditEntries.id)}::int`,
    })
    .from(auditTasks)
    .leftJoin(auditEntries, eq(auditEntries.taskId, auditTasks.id))
    .where(eq(auditTasks.auditId, auditId))
    .groupBy(auditTasks.id)
    .orderBy(asc(auditTasks.nameKey));
}

export async function loggedDates(tx: Tx, auditId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ date: auditEntries.date })
    .from(auditEntries)
    .where(eq(auditEntries.auditId, auditId));
  return rows.map((r) => r.date);
}

/** The first and last day with an entry, or null when nothing is logged. */
export async function loggedRange(tx: Tx, auditId: string) {
  const [row] = await tx
    .select({
      first: sql<string | null>`min(${auditEntries.date})`,
      last: sql<string | null>`max(${auditEntries.date})`,
    })
    .from(auditEntries)
    .where(eq(auditEntries.auditId, auditId));
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

export function tasksById(tx: Tx, auditId: string, ids: string[]) {
  return tx
    .select({ id: auditTasks.id })
    .from(auditTasks)
    .where(and(eq(auditTasks.auditId, auditId), inArray(auditTasks.id, ids)));
}

export async function findTimer(tx: Tx, auditId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(auditTimers)
    .where(and(eq(auditTimers.auditId, auditId), eq(auditTimers.userId, userId)));
  return row ?? null;
}

/** The business's job drafts, newest first, each with the job made from it (the jobs service makes at most one). */
export function listJobDrafts(tx: Tx, businessId: string) {
  return tx
    .select({ draft: jobDrafts, jobId: jobs.id })
    .from(jobDrafts)
    .leftJoin(jobs, eq(jobs.draftId, jobDrafts.id))
    .where(eq(jobDrafts.businessId, businessId))
    .orderBy(desc(jobDrafts.createdAt), desc(jobDrafts.id));
}

/** Starts an audit; null when the business already has an active one (a partial unique index). */
export async function insertAudit(tx: Tx, values: typeof audits.$inferInsert) {
  const [row] = await tx.insert(audits).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateAudit(
  tx: Tx,
  auditId: string,
  changes: Partial<
    Pick<AuditRow, 'hourlyValueAmount' | 'status' | 'closedAt' | 'periodStart' | 'periodEnd'>
  >,
) {
  const [row] = await tx.update(audits).set(changes).where(eq(audits.id, auditId)).returning();
  return row ?? null;
}

export async function insertEntryRow(tx: Tx, values: typeof auditEntries.$inferInsert) {
  await tx.insert(auditEntries).values(values);
}

export async function updateEntry(
  tx: Tx,
  auditId: string,
  entryId: string,
  changes: Partial<Pick<typeof auditEntries.$inferInsert, 'date' | 'minutes' | 'taskId'>>,
) {
  await tx
    .update(auditEntries)
    .set(changes)
    .where(and(eq(auditEntries.id, entryId), eq(auditEntries.auditId, auditId)));
}

/** Deletes an entry of the audit; false when there was none. */
export async function deleteEntry(tx: Tx, auditId: string, entryId: string): Promise<boolean> {
  const deleted = await tx
    .delete(auditEntries)
    .where(and(eq(auditEntries.id, entryId), eq(auditEntries.auditId, auditId)))
    .returning({ id: auditEntries.id });
  return deleted.length > 0;
}

type TaskSet = Partial<Omit<typeof auditTasks.$inferInsert, 'id' | 'auditId' | 'businessId'>>;

/** Changes one task of the audit; the ids of the rows changed (none for an unknown task). */
export function updateTask(tx: Tx, auditId: string, taskId: string, set: TaskSet) {
  return tx
    .update(auditTasks)
    .set(set)
    .where(and(eq(auditTasks.id, taskId), eq(auditTasks.auditId, auditId)))
    .returning({ id: auditTasks.id });
}

export async function updateTasks(tx: Tx, auditId: string, taskIds: string[], set: TaskSet) {
  await tx
    .update(auditTasks)
    .set(set)
    .where(and(eq(auditTasks.auditId, auditId), inArray(auditTasks.id, taskIds)));
}

/** Starts the person's timer; null when one is already running. */
export async function insertTimer(tx: Tx, values: typeof auditTimers.$inferInsert) {
  const [row] = await tx.insert(auditTimers).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Removes the person's running timer and returns it; null when none was running. */
export async function deleteTimer(tx: Tx, auditId: string, userId: string) {
  const [row] = await tx
    .delete(auditTimers)
    .where(and(eq(auditTimers.auditId, auditId), eq(auditTimers.userId, userId)))
    .returning();
  return row ?? null;
}

export async function insertJobDraft(tx: Tx, values: typeof jobDrafts.$inferInsert) {
  const [row] = await tx.insert(jobDrafts).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Writes imported entries; a row whose import key the audit already has is skipped (the
 * partial unique index), so importing a file twice adds nothing. Returns how many were new.
 */
export async function insertImportedEntries(
  tx: Tx,
  rows: (typeof auditEntries.$inferInsert)[],
): Promise<number> {
  const inserted = await tx
    .insert(auditEntries)
    .values(rows)
    .onConflictDoNothing({
      target: [auditEntries.auditId, auditEntries.importKey],
      where: sql`import_key is not null`,
    })
    .returning({ id: auditEntries.id });
  return inserted.length;
}
