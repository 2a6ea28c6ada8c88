/**
 * Job invitations sent to an e-mail address with no professional account yet, and the claim that
 * turns them into job invitations once someone holds that (verified) address.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { jobEmailInvitations, jobInvitations, talentContacts } from '../../db/schema/index.ts';

/** Whether the invitation is new (false when this address was already invited to the job). */
export async function insertJobEmailInvitation(
  tx: Tx,
  values: typeof jobEmailInvitations.$inferInsert,
) {
  const rows = await tx
    .insert(jobEmailInvitations)
    .values(values)
    .onConflictDoNothing()
    .returning({ email: jobEmailInvitations.email });
  return rows.length > 0;
}

/** The job's e-mail invitations nobody has claimed yet, oldest first. */
export function listPendingJobEmailInvitations(tx: Tx, jobId: string) {
  return tx
    .select({ email: jobEmailInvitations.email, invitedAt: jobEmailInvitations.createdAt })
    .from(jobEmailInvitations)
    .where(and(eq(jobEmailInvitations.jobId, jobId), isNull(jobEmailInvitations.claimedAt)))
    .orderBy(asc(jobEmailInvitations.createdAt), asc(jobEmailInvitations.email));
}

export async function deletePendingJobEmailInvitation(tx: Tx, jobId: string, email: string) {
  const rows = await tx
    .delete(jobEmailInvitations)
    .where(
      and(
        eq(jobEmailInvitations.jobId, jobId),
        eq(jobEmailInvitations.email, email),
        isNull(jobEmailInvitations.claimedAt),
      ),
    )
    .returning({ email: jobEmailInvitations.email });
  return rows.length > 0;
}

/**
 * Turns every unclaimed e-mail invitation to `email` into a job invitation of `userId` (keeping
 * when and by whom it was sent) and marks it claimed. Returns how many jobs were claimed.
 */
export async function claimJobEmailInvitations(
  tx: Tx,
  { email, userId, at }: { email: string; userId: string; at: Date },
) {
  const claimed = await tx
    .update(jobEmailInvitations)
    .set({ claimedAt: at })
    .where(and(eq(jobEmailInvitations.email, email), isNull(jobEmailInvitations.claimedAt)))
    .returning({
      jobId: jobEmailInvitations.jobId,
      invitedBy: jobEmailInvitations.invitedBy,
      createdAt: jobEmailInvitations.createdAt,
    });
  if (claimed.length > 0)
    await tx
      .insert(jobInvitations)
      .values(claimed.map((c) => ({ ...c, userId })))
      .onConflictDoNothing();
  return claimed.length;
}

/**
 * Links the business records made for `email` that no account holds yet to `userId` — except in
 * a business that already keeps another record of that person (one record per person).
 */
export async function linkContactsByEmail(tx: Tx, email: string, userId: string, at: Date) {
  await tx
    .update(talentContacts)
    .set({ userId, updatedAt: at })
    .where(
      and(
        eq(talentContacts.email, email),
        isNull(talentContacts.userId),
        sql`not exists (select 1 from talent_contacts other
                         where other.business_id = ${talentContacts.businessId}
                           and other.user_id = ${userId})`,
      ),
    );
}
