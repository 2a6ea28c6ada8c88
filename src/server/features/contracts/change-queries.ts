/** SQL of a running contract's changes: its events, its people, its amendments. */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ContractEventKind } from '../../../core/contracts/offers.ts';
import type { Tx } from '../../db/client.ts';
import {
  businessMembers,
  contractAmendments,
  contractEvents,
  contractReviewers,
  users,
} from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

export type AmendmentRow = typeof contractAmendments.$inferSelect;

export async function insertEvent(
  tx: Tx,
  e: {
    contractId: string;
    actorId: string | null;
    kind: ContractEventKind;
    note?: string | null;
    at: Date;
  },
) {
  await tx.insert(contractEvents).values({
    id: newId(),
    contractId: e.contractId,
    actorId: e.actorId,
    kind: e.kind,
    detail: e.note ? { note: e.note } : {},
    createdAt: e.at,
  });
}

/** The events of these contracts, oldest first, with the actor's name. */
export function listEvents(tx: Tx, contractIds: string[]) {
  if (contractIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      contractId: contractEvents.contractId,
      kind: contractEvents.kind,
      detail: contractEvents.detail,
      at: contractEvents.createdAt,
      by: users.name,
    })
    .from(contractEvents)
    .leftJoin(users, eq(users.id, contractEvents.actorId))
    .where(inArray(contractEvents.contractId, contractIds))
    .orderBy(asc(contractEvents.createdAt), asc(contractEvents.id));
}

/** The members of these businesses, by name. */
export function listMembers(tx: Tx, businessIds: string[]) {
  if (businessIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ businessId: businessMembers.businessId, id: users.id, name: users.name })
    .from(businessMembers)
    .innerJoin(users, eq(users.id, businessMembers.userId))
    .where(inArray(businessMembers.businessId, businessIds))
    .orderBy(asc(users.name));
}

/** The active QA reviewers of these contracts. */
export function listReviewers(tx: Tx, contractIds: string[]) {
  if (contractIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ contractId: contractReviewers.contractId, id: users.id, name: users.name })
    .from(contractReviewers)
    .innerJoin(users, eq(users.id, contractReviewers.userId))
    .where(
      and(inArray(contractReviewers.contractId, contractIds), isNull(contractReviewers.removedAt)),
    )
    .orderBy(asc(users.name));
}

/** Owners and managers: who answers for the business and hears of the professional's changes. */
export async function listWriterIds(tx: Tx, businessId: string): Promise<string[]> {
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

export async function insertAmendment(tx: Tx, values: typeof contractAmendments.$inferInsert) {
  const [row] = await tx.insert(contractAmendments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateAmendment(
  tx: Tx,
  id: string,
  values: Partial<typeof contractAmendments.$inferInsert>,
) {
  await tx.update(contractAmendments).set(values).where(eq(contractAmendments.id, id));
}

/** A contract's amendments, newest first, with the names of who proposed and answered. */
export async function listAmendments(tx: Tx, contractId: string) {
  const rows = await tx
    .select()
    .from(contractAmendments)
    .where(eq(contractAmendments.contractId, contractId))
    .orderBy(desc(contractAmendments.createdAt), desc(contractAmendments.id));
  return withNames(tx, rows);
}

export async function findAmendment(tx: Tx, contractId: string, amendmentId: string) {
  const [row] = await tx
    .select()
    .from(contractAmendments)
    .where(
      and(eq(contractAmendments.id, amendmentId), eq(contractAmendments.contractId, contractId)),
    )
    .for('update');
  return row ?? null;
}

/** The amendment waiting for an answer on this contract, if any (there is at most one). */
export async function findOpenAmendment(tx: Tx, contractId: string) {
  const [row] = await tx
    .select({ id: contractAmendments.id })
    .from(contractAmendments)
    .where(
      and(eq(contractAmendments.contractId, contractId), eq(contractAmendments.status, 'proposed')),
    )
    .limit(1);
  return row ?? null;
}

export async function withNames(tx: Tx, rows: AmendmentRow[]) {
  const ids = [
    ...new Set(rows.flatMap((r) => [r.proposedBy, r.respondedBy]).filter((id) => id !== null)),
  ];
  const people =
    ids.length === 0
      ? []
      : await tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, ids));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((row) => ({
    row,
    proposedByName: row.proposedBy ? (names.get(row.proposedBy) ?? null) : null,
    respondedByName: row.respondedBy ? (names.get(row.respondedBy) ?? null) : null,
  }));
}
