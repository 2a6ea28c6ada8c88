/** SQL of contracts: the offer an award makes, and the bids and job it settles. */
import { and, desc, eq, inArray, isNull, ne, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import {
  bids,
  businesses,
  businessMembers,
  contractReviewers,
  contracts,
  jobs,
  users,
} from '../../db/schema/index.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type BidRow = typeof bids.$inferSelect;

/** A contract with the names its pages show. */
export interface ContractRecord {
  contract: ContractRow;
  jobTitle: string;
  businessName: string;
  professionalName: string;
  offeredByName: string | null;
}

const professional = alias(users, 'professional');
const offeredBy = alias(users, 'offered_by');

function records(tx: Tx) {
  return tx
    .select({
      contract: contracts,
      jobTitle: jobs.title,
      businessName: businesses.name,
      professionalName: professional.name,
      offeredByName: offeredBy.name,
    })
    .from(contracts)
    .innerJoin(jobs, eq(jobs.id, contracts.jobId))
    .innerJoin(businesses, eq(businesses.id, contracts.businessId))
    .innerJoin(professional, eq(professional.id, contracts.professionalId))
    .leftJoin(offeredBy, eq(offeredBy.id, contracts.offeredBy));
}

/** One contract; `forUpdate` locks the contract row (only) for the transaction. */
export async function findContract(
  tx: Tx,
  contractId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContractRecord | null> {
  const query = records(tx).where(eq(contracts.id, contractId));
  const [row] = await (options.forUpdate ? query.for('update', { of: contracts }) : query);
  return row ?? null;
}

export function listBusinessContracts(tx: Tx, businessId: string): Promise<ContractRecord[]> {
  return records(tx)
    .where(eq(contracts.businessId, businessId))
    .orderBy(desc(contracts.offeredAt), desc(contracts.id));
}

export function listProfessionalContracts(tx: Tx, userId: string): Promise<ContractRecord[]> {
  return records(tx)
    .where(eq(contracts.professionalId, userId))
    .orderBy(desc(contracts.offeredAt), desc(contracts.id));
}

/** The job's offer or contract that holds it (not declined, not withdrawn), if any. */
export async function findHoldingContract(tx: Tx, jobId: string): Promise<ContractRow | null> {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.jobId, jobId), notInArray(contracts.status, ['declined', 'withdrawn'])))
    .limit(1);
  return row ?? null;
}

export async function insertContract(tx: Tx, values: typeof contracts.$inferInsert) {
  await tx.insert(contracts).values(values);
}

export async function updateContract(
  tx: Tx,
  contractId: string,
  values: Partial<typeof contracts.$inferInsert>,
) {
  await tx.update(contracts).set(values).where(eq(contracts.id, contractId));
}

/** A bid on the job with its professional's name; `forUpdate` locks the bid row. */
export async function findJobBid(
  tx: Tx,
  jobId: string,
  bidId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ bid: BidRow; professionalName: string } | null> {
  const query = tx
    .select({ bid: bids, professionalName: users.name })
    .from(bids)
    .innerJoin(users, eq(users.id, bids.professionalId))
    .where(and(eq(bids.id, bidId), eq(bids.jobId, jobId)));
  const [row] = await (options.forUpdate ? query.for('update', { of: bids }) : query);
  return row ?? null;
}

export async function findBid(tx: Tx, bidId: string): Promise<BidRow | null> {
  const [row] = await tx.select().from(bids).where(eq(bids.id, bidId)).for('update');
  return row ?? null;
}

export async function updateBid(tx: Tx, bidId: string, values: Partial<typeof bids.$inferInsert>) {
  await tx.update(bids).set(values).where(eq(bids.id, bidId));
}

/** Bids still in the running on the job (submitted or shortlisted), but one. */
export async function listOtherLiveBids(tx: Tx, jobId: string, exceptBidId: string | null) {
  return tx
    .select({ id: bids.id, professionalId: bids.professionalId })
    .from(bids)
    .where(
      and(
        eq(bids.jobId, jobId),
        inArray(bids.status, ['submitted', 'shortlisted']),
        exceptBidId ? ne(bids.id, exceptBidId) : undefined,
      ),
    )
    .for('update');
}

/** The owners of a business: who hears of an offer's answer (only owners award). */
export async function listOwnerIds(tx: Tx, businessId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(and(eq(businessMembers.businessId, businessId), eq(businessMembers.role, 'owner')));
  return rows.map((r) => r.userId);
}

/** Closes an open job: its contract is accepted, bidding is over. */
export async function closeJob(tx: Tx, jobId: string, now: Date) {
  await tx
    .update(jobs)
    .set({ status: 'closed', closedAt: now, updatedAt: now })
    .where(and(eq(jobs.id, jobId), eq(jobs.status, 'open')));
}

/** Whether the person is a QA reviewer on the contract now (not removed). */
export async function isActiveReviewer(tx: Tx, contractId: string, userId: string) {
  const [row] = await tx
    .select({ userId: contractReviewers.userId })
    .from(contractReviewers)
    .where(
      and(
        eq(contractReviewers.contractId, contractId),
        eq(contractReviewers.userId, userId),
        isNull(contractReviewers.removedAt),
      ),
    );
  return row !== undefined;
}

/** Everyone who is a party to the contract: the professional, the members, active reviewers. */
export async function contractPartyIds(tx: Tx, contractId: string): Promise<string[]> {
  const [contract] = await tx
    .select({ businessId: contracts.businessId, professionalId: contracts.professionalId })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  if (!contract) return [];
  const members = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(eq(businessMembers.businessId, contract.businessId));
  const reviewers = await tx
    .select({ userId: contractReviewers.userId })
    .from(contractReviewers)
    .where(and(eq(contractReviewers.contractId, contractId), isNull(contractReviewers.removedAt)));
  return [
    ...new Set([contract.professionalId, ...[...members, ...reviewers].map((p) => p.userId)]),
  ];
}
