/** SQL of a contract's issues. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { contracts, workIssues } from '../../db/schema/index.ts';

export type WorkIssueRow = typeof workIssues.$inferSelect;

/**
 * The contract's next issue number (`#N`), taken from its counter in the caller's transaction:
 * the row lock makes two issues made at once get two numbers, and a rolled-back one gives its
 * number back.
 */
export async function takeIssueNumber(tx: Tx, contractId: string): Promise<number> {
  const [row] = await tx
    .update(contracts)
    .set({ issueCounter: sql`${contracts.issueCounter} + 1` })
    .where(eq(contracts.id, contractId))
    .returning({ number: contracts.issueCounter });
  if (!row) throw new Error(`No contract ${contractId}`);
  return row.number;
}

/** A position after every issue of the column, so a new issue goes to its bottom. */
export async function positionAtEnd(
  tx: Tx,
  contractId: string,
  status: WorkIssueRow['status'],
): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number | null>`max(${workIssues.position})` })
    .from(workIssues)
    .where(and(eq(workIssues.contractId, contractId), eq(workIssues.status, status)));
  return (row?.last ?? 0) + 1;
}

export async function insertWorkIssue(tx: Tx, values: typeof workIssues.$inferInsert) {
  const [row] = await tx.insert(workIssues).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
