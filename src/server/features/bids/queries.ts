/**
 * Drizzle queries of bids, their attachments, saved jobs and a professional's job invitation.
 * Each runs after the policy has decided the caller may reach the row (`policy.ts`).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { rolesFor } from '../../../core/permissions.ts';
import type { Tx } from '../../db/client.ts';
import {
  bidAttachments,
  bids,
  businesses,
  businessMembers,
  contracts,
  interviews,
  jobInvitations,
  jobs,
  ndaSignatures,
  professionalProfiles,
  savedJobs,
  trialParticipants,
  trials,
} from '../../db/schema/index.ts';

export type BidRow = typeof bids.$inferSelect;
export type BidInsert = typeof bids.$inferInsert;
export type BidAttachmentRow = typeof bidAttachments.$inferSelect;

/** The job columns a bid is shown with. */
const bidJob = {
  id: jobs.id,
  title: jobs.title,
  status: jobs.status,
  businessId: jobs.businessId,
  businessName: businesses.name,
};

export async function isProfessional(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: professionalProfiles.userId })
    .from(professionalProfiles)
    .where(eq(professionalProfiles.userId, userId));
  return row !== undefined;
}

/** A bid with its job; `forUpdate` locks the bid row. */
export async function findBid(tx: Tx, bidId: string, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select({ bid: bids, job: bidJob })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(eq(bids.id, bidId));
  const [row] = await (options.forUpdate ? query.for('update', { of: bids }) : query);
  return row ?? null;
}

/** The professional's bid on the job that is not withdrawn (at most one: a partial unique index). */
export async function findLiveBid(tx: Tx, jobId: string, professionalId: string) {
  const [row] = await tx
    .select()
    .from(bids)
    .where(
      and(
        eq(bids.jobId, jobId),
        eq(bids.professionalId, professionalId),
        ne(bids.status, 'withdrawn'),
      ),
    );
  return row ?? null;
}

/** Inserts the bid unless the professional has a live one on the job (then undefined). */
export async function insertBid(tx: Tx, values: BidInsert): Promise<BidRow | undefined> {
  const [row] = await tx.insert(bids).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateBid(tx: Tx, bidId: string, values: Partial<BidInsert>) {
  const [row] = await tx.update(bids).set(values).where(eq(bids.id, bidId)).returning();
  if (!row) throw new Error('update found no bid');
  return row;
}

/** The professional's bids, latest change first, withdrawn ones included (they are history). */
export function listProfessionalBids(tx: Tx, professionalId: string) {
  return tx
    .select({ bid: bids, job: bidJob })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(eq(bids.professionalId, professionalId))
    .orderBy(desc(bids.updatedAt), desc(bids.id))
    .limit(200);
}

/**
 * What waits on the professional across the hiring tables, for the jobs given: NDAs sent and
 * not signed, trials they are invited to and have not answered, interviews proposed, contract
 * offers waiting. Read straight from the tables the other hiring parts write.
 */
export async function pendingSteps(tx: Tx, professionalId: string, jobIds: string[]) {
  if (jobIds.length === 0) return { ndas: [], trials: [], interviews: [], offers: [] };
  // Together, as its caller passes the pool; on a transaction they would have to run in turn.
  const [ndas, trialRows, interviewRows, offers] = await Promise.all([
    tx
      .select({ jobId: ndaSignatures.jobId })
      .from(ndaSignatures)
      .where(
        and(
          eq(ndaSignatures.professionalId, professionalId),
          inArray(ndaSignatures.jobId, jobIds),
          isNull(ndaSignatures.signedAt),
        ),
      ),
    tx
      .select({ jobId: trials.jobId, trialId: trials.id, title: trials.title })
      .from(trialParticipants)
      .innerJoin(trials, eq(trials.id, trialParticipants.trialId))
      .where(
        and(
          eq(trialParticipants.professionalId, professionalId),
          inArray(trials.jobId, jobIds),
          inArray(trialParticipants.status, ['invited', 'accepted']),
          isNull(trials.cancelledAt),
        ),
      ),
    tx
      .select({ jobId: interviews.jobId, interviewId: interviews.id, status: interviews.status })
      .from(interviews)
      .where(
        and(
          eq(interviews.professionalId, professionalId),
          inArray(interviews.jobId, jobIds),
          inArray(interviews.status, ['proposed', 'scheduled']),
        ),
      ),
    tx
      .select({ jobId: contracts.jobId, contractId: contracts.id })
      .from(contracts)
      .where(
        and(
          eq(contracts.professionalId, professionalId),
          inArray(contracts.jobId, jobIds),
          eq(contracts.status, 'offered'),
        ),
      ),
  ]);
  return { ndas, trials: trialRows, interviews: interviewRows, offers };
}

/** The business's owners and managers: who hears of new bids and questions. */
export async function listBusinessWriters(tx: Tx, businessId: string): Promise<string[]> {
  const roles = rolesFor('bids.manage') as ('owner' | 'manager' | 'viewer')[];
  const rows = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(and(eq(businessMembers.businessId, businessId), inArray(businessMembers.role, roles)));
  return rows.map((r) => r.userId);
}

// Attachments.

export function listBidAttachments(tx: Tx, bidIds: string[]) {
  if (bidIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(bidAttachments)
    .where(inArray(bidAttachments.bidId, bidIds))
    .orderBy(asc(bidAttachments.createdAt), asc(bidAttachments.id));
}

export async function countBidAttachments(tx: Tx, bidId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(bidAttachments)
    .where(eq(bidAttachments.bidId, bidId));
  return row?.n ?? 0;
}

export async function findBidAttachment(tx: Tx, bidId: string, attachmentId: string) {
  const [row] = await tx
    .select()
    .from(bidAttachments)
    .where(and(eq(bidAttachments.id, attachmentId), eq(bidAttachments.bidId, bidId)));
  return row ?? null;
}

export async function insertBidAttachment(tx: Tx, values: typeof bidAttachments.$inferInsert) {
  const [row] = await tx.insert(bidAttachments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function deleteBidAttachment(tx: Tx, bidId: string, attachmentId: string) {
  const [row] = await tx
    .delete(bidAttachments)
    .where(and(eq(bidAttachments.id, attachmentId), eq(bidAttachments.bidId, bidId)))
    .returning();
  return row ?? null;
}

// Saved jobs and invitations.

export async function isSaved(tx: Tx, userId: string, jobId: string) {
  const [row] = await tx
    .select({ jobId: savedJobs.jobId })
    .from(savedJobs)
    .where(and(eq(savedJobs.userId, userId), eq(savedJobs.jobId, jobId)));
  return row !== undefined;
}

export async function saveJob(tx: Tx, userId: string, jobId: string, at: Date) {
  await tx.insert(savedJobs).values({ userId, jobId, createdAt: at }).onConflictDoNothing();
}

export async function unsaveJob(tx: Tx, userId: string, jobId: string) {
  await tx.delete(savedJobs).where(and(eq(savedJobs.userId, userId), eq(savedJobs.jobId, jobId)));
}

/**
 * The caller's saved jobs that are still published, latest saved first. Whether each is still
 * readable by them is the service's check (`authorizeBrief` rules), row by row.
 */
export function listSavedJobs(tx: Tx, userId: string) {
  return tx
    .select({ job: jobs, businessName: businesses.name, savedAt: savedJobs.createdAt })
    .from(savedJobs)
    .innerJoin(jobs, eq(jobs.id, savedJobs.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(
      and(
        eq(savedJobs.userId, userId),
        inArray(jobs.status, ['open', 'closed']),
        isNotNull(jobs.publishedAt),
      ),
    )
    .orderBy(desc(savedJobs.createdAt), desc(jobs.id))
    .limit(200);
}

/** The caller's invitation to the job: none, invited, or declined. */
export async function invitationState(tx: Tx, jobId: string, userId: string) {
  const [row] = await tx
    .select({ declinedAt: jobInvitations.declinedAt })
    .from(jobInvitations)
    .where(and(eq(jobInvitations.jobId, jobId), eq(jobInvitations.userId, userId)));
  if (!row) return 'none' as const;
  return row.declinedAt ? ('declined' as const) : ('invited' as const);
}

/** Marks the invitation declined (the first time only); false when there is no invitation. */
export async function declineInvitation(tx: Tx, jobId: string, userId: string, at: Date) {
  const rows = await tx
    .update(jobInvitations)
    .set({
      declinedAt: sql`coalesce(${jobInvitations.declinedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(jobInvitations.jobId, jobId), eq(jobInvitations.userId, userId)))
    .returning({ jobId: jobInvitations.jobId });
  return rows.length > 0;
}
