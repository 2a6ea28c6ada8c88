/** Drizzle queries of saved lists ("shortlists for later"); every one names the business. */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { professionalProfiles, savedListItems, savedLists, users } from '../../db/schema/index.ts';

/** The business's lists, most recently changed first, each with its size (and, given a professional, whether it holds them). */
export function listSavedLists(tx: Tx, businessId: string, professionalUserId?: string) {
  return tx
    .select({
      list: savedLists,
      count: sql<number>`(select count(*)::int from saved_list_items i where i.list_id = ${savedLists.id})`,
      contains: professionalUserId
        ? sql<boolean>`exists (select 1 from saved_list_items i where i.list_id = ${savedLists.id} and i.professional_user_id = ${professionalUserId})`
        : sql<boolean>`false`,
    })
    .from(savedLists)
    .where(eq(savedLists.businessId, businessId))
    .orderBy(desc(savedLists.updatedAt), desc(savedLists.id));
}

/** The list, locked when `forUpdate`, or null when the business has no such list. */
export async function findSavedList(
  tx: Tx,
  businessId: string,
  listId: string,
  { forUpdate = false } = {},
) {
  const query = tx
    .select()
    .from(savedLists)
    .where(and(eq(savedLists.businessId, businessId), eq(savedLists.id, listId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function countListItems(tx: Tx, listId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(savedListItems)
    .where(eq(savedListItems.listId, listId));
  return row?.n ?? 0;
}

export async function insertSavedList(tx: Tx, values: typeof savedLists.$inferInsert) {
  const [row] = await tx.insert(savedLists).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateSavedList(
  tx: Tx,
  listId: string,
  set: Partial<typeof savedLists.$inferInsert>,
) {
  const [row] = await tx.update(savedLists).set(set).where(eq(savedLists.id, listId)).returning();
  if (!row) throw new Error('update found no list');
  return row;
}

export async function deleteSavedList(tx: Tx, listId: string) {
  await tx.delete(savedLists).where(eq(savedLists.id, listId));
}

/** The people on a list with their headline and rate, in the order they were added. */
export function listSavedListItems(tx: Tx, listId: string) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      headline: professionalProfiles.headline,
      slug: professionalProfiles.slug,
      rateAmount: professionalProfiles.hourlyRateAmount,
      rateCurrency: professionalProfiles.hourlyRateCurrency,
      addedAt: savedListItems.createdAt,
    })
    .from(savedListItems)
    .innerJoin(users, eq(users.id, savedListItems.professionalUserId))
    .innerJoin(professionalProfiles, eq(professionalProfiles.userId, users.id))
    .where(eq(savedListItems.listId, listId))
    .orderBy(asc(savedListItems.createdAt), asc(users.id));
}

/** Whether the professional was added (false when already on the list). */
export async function insertListItem(tx: Tx, values: typeof savedListItems.$inferInsert) {
  const rows = await tx
    .insert(savedListItems)
    .values(values)
    .onConflictDoNothing()
    .returning({ listId: savedListItems.listId });
  return rows.length > 0;
}

export async function deleteListItem(tx: Tx, listId: string, userId: string) {
  const rows = await tx
    .delete(savedListItems)
    .where(and(eq(savedListItems.listId, listId), eq(savedListItems.professionalUserId, userId)))
    .returning({ listId: savedListItems.listId });
  return rows.length > 0;
}
