/**
 * Drizzle queries of trials. Business-side reads go through the trial's job id (checked against
 * the caller's business by the policy first); a professional's reads always carry their own
 * user id in the WHERE, so no query of theirs can reach another participant's row or file.
 */
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  bids,
  businesses,
  businessMembers,
  jobs,
  trialFiles,
  trialParticipants,
  trials,
  users,
} from '../../db/schema/index.ts';

export type TrialRow = typeof trials.$inferSelect;
export type ParticipantRow = typeof trialParticipants.$inferSelect;
export type TrialFileRow = typeof trialFiles.$inferSelect;
export type ParticipantSet = Partial<typeof trialParticipants.$inferInsert>;
export type NamedParticipant = ParticipantRow & { professionalName: string };

/** The job's shortlisted bids with their professional's name: who may be invited to a trial. */
export function listShortlistedBids(tx: Tx, jobId: string) {
  return tx
    .select({ bidId: bids.id, professionalId: bids.professionalId, name: users.name })
    .from(bids)
    .innerJoin(users, eq(users.id, bids.professionalId))
    .where(and(eq(bids.jobId, jobId), eq(bids.status, 'shortlisted')))
    .orderBy(asc(bids.shortlistedAt), asc(bids.id));
}

/** These bids, if they are the job's (another job's bid is simply not found). */
export function findJobBids(tx: Tx, jobId: string, bidIds: string[]) {
  return tx
    .select({ id: bids.id, status: bids.status, professionalId: bids.professionalId })
    .from(bids)
    .where(and(eq(bids.jobId, jobId), inArray(bids.id, bidIds)));
}

export async function insertTrial(tx: Tx, values: typeof trials.$inferInsert) {
  const [row] = await tx.insert(trials).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function insertParticipants(
  tx: Tx,
  values: (typeof trialParticipants.$inferInsert)[],
) {
  await tx.insert(trialParticipants).values(values);
}

/** The job's trials, newest first. */
export function listJobTrials(tx: Tx, jobId: string) {
  return tx
    .select()
    .from(trials)
    .where(eq(trials.jobId, jobId))
    .orderBy(desc(trials.createdAt), desc(trials.id));
}

export async function findJobTrial(
  tx: Tx,
  jobId: string,
  trialId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = tx
    .select()
    .from(trials)
    .where(and(eq(trials.id, trialId), eq(trials.jobId, jobId)));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row ?? null;
}

/** Every participant of these trials with their name, in invitation order. */
export async function listParticipants(tx: Tx, trialIds: string[]): Promise<NamedParticipant[]> {
  if (trialIds.length === 0) return [];
  const rows = await tx
    .select({ p: trialParticipants, professionalName: users.name })
    .from(trialParticipants)
    .innerJoin(users, eq(users.id, trialParticipants.professionalId))
    .where(inArray(trialParticipants.trialId, trialIds))
    .orderBy(asc(users.name), asc(trialParticipants.professionalId));
  return rows.map((r) => ({ ...r.p, professionalName: r.professionalName }));
}

/** The files of these trials; with `professionalId`, only that professional's. */
export function listFiles(tx: Tx, trialIds: string[], professionalId?: string) {
  if (trialIds.length === 0) return Promise.resolve([] as TrialFileRow[]);
  return tx
    .select()
    .from(trialFiles)
    .where(
      and(
        inArray(trialFiles.trialId, trialIds),
        professionalId ? eq(trialFiles.professionalId, professionalId) : undefined,
      ),
    )
    .orderBy(asc(trialFiles.createdAt), asc(trialFiles.id));
}

export async function findParticipant(
  tx: Tx,
  trialId: string,
  professionalId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = tx
    .select()
    .from(trialParticipants)
    .where(
      and(
        eq(trialParticipants.trialId, trialId),
        eq(trialParticipants.professionalId, professionalId),
      ),
    );
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row ?? null;
}

/**
 * A professional's own participation with the trial, its job's title and the business's name;
 * null when they are not a participant (whether or not the trial exists).
 */
export async function findMyParticipation(tx: Tx, trialId: string, professionalId: string) {
  const [row] = await tx
    .select({
      trial: trials,
      participant: trialParticipants,
      jobTitle: jobs.title,
      businessId: jobs.businessId,
      businessName: businesses.name,
    })
    .from(trialParticipants)
    .innerJoin(trials, eq(trials.id, trialParticipants.trialId))
    .innerJoin(jobs, eq(jobs.id, trials.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(
      and(
        eq(trialParticipants.trialId, trialId),
        eq(trialParticipants.professionalId, professionalId),
      ),
    );
  return row ?? null;
}

/** A professional's trials, newest first. */
export function listMyTrials(tx: Tx, professionalId: string) {
  return tx
    .select({
      id: trials.id,
      jobId: trials.jobId,
      jobTitle: jobs.title,
      title: trials.title,
      deadline: trials.deadline,
      cancelledAt: trials.cancelledAt,
      status: trialParticipants.status,
      late: trialParticipants.late,
    })
    .from(trialParticipants)
    .innerJoin(trials, eq(trials.id, trialParticipants.trialId))
    .innerJoin(jobs, eq(jobs.id, trials.jobId))
    .where(eq(trialParticipants.professionalId, professionalId))
    .orderBy(desc(trials.createdAt), desc(trials.id))
    .limit(200);
}

export async function updateParticipant(
  tx: Tx,
  trialId: string,
  professionalId: string,
  set: ParticipantSet,
) {
  const [row] = await tx
    .update(trialParticipants)
    .set(set)
    .where(
      and(
        eq(trialParticipants.trialId, trialId),
        eq(trialParticipants.professionalId, professionalId),
      ),
    )
    .returning();
  if (!row) throw new Error('participant vanished');
  return row;
}

export async function cancelTrial(tx: Tx, trialId: string, at: Date) {
  const [row] = await tx
    .update(trials)
    .set({ cancelledAt: at })
    .where(and(eq(trials.id, trialId), isNull(trials.cancelledAt)))
    .returning();
  return row ?? null;
}

export async function insertTrialFile(tx: Tx, values: typeof trialFiles.$inferInsert) {
  const [row] = await tx.insert(trialFiles).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A file of a trial; with `professionalId`, only if it is that professional's. */
export async function findTrialFile(
  tx: Tx,
  trialId: string,
  fileId: string,
  professionalId?: string,
) {
  const [row] = await tx
    .select()
    .from(trialFiles)
    .where(
      and(
        eq(trialFiles.id, fileId),
        eq(trialFiles.trialId, trialId),
        professionalId ? eq(trialFiles.professionalId, professionalId) : undefined,
      ),
    );
  return row ?? null;
}

export async function deleteTrialFile(
  tx: Tx,
  trialId: string,
  fileId: string,
  professionalId: string,
) {
  const [row] = await tx
    .delete(trialFiles)
    .where(
      and(
        eq(trialFiles.id, fileId),
        eq(trialFiles.trialId, trialId),
        eq(trialFiles.professionalId, professionalId),
      ),
    )
    .returning();
  return row ?? null;
}

/** The people of a business who run its trials (owners and managers): they hear of submissions. */
export async function listTrialManagers(tx: Tx, businessId: string): Promise<string[]> {
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

/** A trial with its job's title and business, for the reminder task (no caller in it). */
export async function findTrialForReminder(tx: Tx, trialId: string) {
  const [row] = await tx
    .select({ trial: trials, jobTitle: jobs.title, businessName: businesses.name })
    .from(trials)
    .innerJoin(jobs, eq(jobs.id, trials.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .where(eq(trials.id, trialId));
  return row ?? null;
}

/** Who accepted the trial and has not submitted yet: the people a deadline reminder is for. */
export async function listAcceptedNotSubmitted(tx: Tx, trialId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: trialParticipants.professionalId })
    .from(trialParticipants)
    .where(and(eq(trialParticipants.trialId, trialId), eq(trialParticipants.status, 'accepted')));
  return rows.map((r) => r.userId);
}

/**
 * Closes the parts still open (invited or accepted) in the job's live trials of everyone but
 * `professionalId`; submitted work stays as it is. Returns what was closed, for the messages.
 */
export function closeOpenParticipations(
  tx: Tx,
  { jobId, professionalId }: { jobId: string; professionalId: string },
) {
  return tx
    .update(trialParticipants)
    .set({ status: 'closed' })
    .from(trials)
    .where(
      and(
        eq(trials.id, trialParticipants.trialId),
        eq(trials.jobId, jobId),
        isNull(trials.cancelledAt),
        ne(trialParticipants.professionalId, professionalId),
        inArray(trialParticipants.status, ['invited', 'accepted']),
      ),
    )
    .returning({
      trialId: trials.id,
      trialTitle: trials.title,
      professionalId: trialParticipants.professionalId,
    });
}
