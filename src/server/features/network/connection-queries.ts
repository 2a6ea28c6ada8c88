/** SQL of trusted colleagues: one `business_connections` row per pair of businesses. */
import { and, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { businessConnections, businessMembers, businesses, users } from '../../db/schema/index.ts';

export type ConnectionRow = typeof businessConnections.$inferSelect;

/** The businesses an address owns (as an owner), oldest first. */
export async function businessesOwnedBy(tx: Tx, email: string) {
  return tx
    .select({ id: businesses.id, name: businesses.name })
    .from(businessMembers)
    .innerJoin(users, eq(users.id, businessMembers.userId))
    .innerJoin(businesses, eq(businesses.id, businessMembers.businessId))
    .where(and(eq(users.email, email.toLowerCase()), eq(businessMembers.role, 'owner')))
    .orderBy(businesses.createdAt);
}

export async function ownersOf(tx: Tx, businessId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(and(eq(businessMembers.businessId, businessId), eq(businessMembers.role, 'owner')));
  return rows.map((r) => r.userId);
}

/** The pair's row, whichever of the two asked; locked for the rest of the transaction. */
export async function findPair(tx: Tx, a: string, b: string): Promise<ConnectionRow | null> {
  const [row] = await tx
    .select()
    .from(businessConnections)
    .where(
      or(
        and(eq(businessConnections.requesterId, a), eq(businessConnections.addresseeId, b)),
        and(eq(businessConnections.requesterId, b), eq(businessConnections.addresseeId, a)),
      ),
    )
    .for('update');
  return row ?? null;
}

/** Inserts a pending request; false when the pair already has a row (a concurrent request). */
export async function insertConnection(
  tx: Tx,
  values: typeof businessConnections.$inferInsert,
): Promise<boolean> {
  const rows = await tx
    .insert(businessConnections)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: businessConnections.id });
  return rows.length > 0;
}

export async function updateConnection(
  tx: Tx,
  id: string,
  changes: Partial<
    Pick<
      ConnectionRow,
      | 'status'
      | 'requesterId'
      | 'addresseeId'
      | 'requestedBy'
      | 'respondedBy'
      | 'respondedAt'
      | 'createdAt'
    >
  >,
) {
  await tx.update(businessConnections).set(changes).where(eq(businessConnections.id, id));
}

/** One of the business's connections (either side), locked. */
export async function findConnectionOf(
  tx: Tx,
  businessId: string,
  connectionId: string,
): Promise<ConnectionRow | null> {
  const [row] = await tx
    .select()
    .from(businessConnections)
    .where(
      and(
        eq(businessConnections.id, connectionId),
        or(
          eq(businessConnections.requesterId, businessId),
          eq(businessConnections.addresseeId, businessId),
        ),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function deleteConnection(tx: Tx, id: string) {
  await tx.delete(businessConnections).where(eq(businessConnections.id, id));
}

/** Accepted connections (either side) and pending requests addressed to the business, with the other side's name. */
export function listConnectionsOf(tx: Tx, businessId: string) {
  const otherId = sql<string>`case when ${businessConnections.requesterId} = ${businessId} then ${businessConnections.addresseeId} else ${businessConnections.requesterId} end`;
  return tx
    .select({ connection: businessConnections, otherName: businesses.name, otherId })
    .from(businessConnections)
    .innerJoin(businesses, eq(businesses.id, otherId))
    .where(
      or(
        and(
          eq(businessConnections.status, 'accepted'),
          or(
            eq(businessConnections.requesterId, businessId),
            eq(businessConnections.addresseeId, businessId),
          ),
        ),
        and(
          eq(businessConnections.status, 'pending'),
          eq(businessConnections.addresseeId, businessId),
        ),
      ),
    )
    .orderBy(businesses.name);
}

/** The ids of the businesses `businessId` trusts (accepted connections, either direction). */
export function trustedBusinessIds(businessId: string) {
  return sql`(select case when ${businessConnections.requesterId} = ${businessId} then ${businessConnections.addresseeId} else ${businessConnections.requesterId} end from ${businessConnections} where ${businessConnections.status} = 'accepted' and (${businessConnections.requesterId} = ${businessId} or ${businessConnections.addresseeId} = ${businessId}))`;
}
