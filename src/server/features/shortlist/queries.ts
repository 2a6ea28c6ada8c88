/**
 * The shortlist's SQL: a job's bids with what the business selects on (the bidder's profile,
 * latest positions, certifications, NDA, trial and interview scores), the owner's settings,
 * the actions' updates and the decline templates. Every read names the job (whose business the
 * policy checked) or the business, so nothing of another business is reachable from here.
 */
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  bids,
  businesses,
  declineTemplates,
  interviews,
  ndaSignatures,
  professionalProfiles,
  shortlistSettings,
  trialParticipants,
  trials,
  users,
} from '../../db/schema/index.ts';

export type BidRow = typeof bids.$inferSelect;
export type SettingsRow = typeof shortlistSettings.$inferSelect;

export async function findBusinessHours(tx: Tx, businessId: string) {
  const [row] = await tx
    .select({ timeZone: businesses.timeZone, workingHours: businesses.workingHours })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  return row ?? null;
}

export async function findSettings(tx: Tx, jobId: string): Promise<SettingsRow | null> {
  const [row] = await tx.select().from(shortlistSettings).where(eq(shortlistSettings.jobId, jobId));
  return row ?? null;
}

export async function upsertSettings(tx: Tx, values: typeof shortlistSettings.$inferInsert) {
  const [row] = await tx
    .insert(shortlistSettings)
    .values(values)
    .onConflictDoUpdate({
      target: shortlistSettings.jobId,
      set: {
        weights: values.weights,
        cap: values.cap,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
      },
    })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/** Latest three positions (current first, then by start), as `{role, company, current}`. */
const rolesSql = sql<{ role: string; company: string; current: boolean }[]>`coalesce((
  select json_agg(json_build_object('role', e.role, 'company', e.company, 'current', e.end_month is null))
  from (select role, company, end_month from profile_experience
         where user_id = ${bids.professionalId}
         order by end_month desc nulls first, start_month desc limit 3) e), '[]'::json)`;

const certificationsSql = sql<string[]>`coalesce((
  select json_agg(c.name) from (select name from profile_certifications
         where user_id = ${bids.professionalId} order by year desc nulls last, sort limit 3) c), '[]'::json)`;

const trialScoreSql = sql<number | null>`(select avg(tp.score) from trial_participants tp
  join trials t on t.id = tp.trial_id
  where tp.bid_id = ${bids.id} and tp.score is not null and t.cancelled_at is null)`;

const interviewScoreSql = sql<number | null>`(select avg(i.score)::float8 from interviews i
  where i.bid_id = ${bids.id} and i.score is not null and i.cancelled_at is null)`;

/** What the list shows of a bid: its terms and state, not the letter, milestones or answers. */
const listedBid = {
  id: bids.id,
  professionalId: bids.professionalId,
  status: bids.status,
  termsType: bids.termsType,
  currency: bids.currency,
  amount: bids.amount,
  hourlyRate: bids.hourlyRate,
  estimatedHours: bids.estimatedHours,
  totalUsd: bids.totalUsd,
  durationDays: bids.durationDays,
  hiddenAt: bids.hiddenAt,
  shortlistedAt: bids.shortlistedAt,
  declinedAt: bids.declinedAt,
  createdAt: bids.createdAt,
};

/**
 * Every bid on the job but withdrawn ones, with the bidder and their profile's signals; one
 * statement (subqueries per bid on indexed columns), so 500 bids are one round trip.
 */
export function listBidsWithSignals(tx: Tx, jobId: string, bidIds?: string[]) {
  const where = [eq(bids.jobId, jobId), ne(bids.status, 'withdrawn')];
  if (bidIds) where.push(inArray(bids.id, bidIds));
  return tx
    .select({
      bid: listedBid,
      name: users.name,
      accountTimeZone: users.timeZone,
      headline: professionalProfiles.headline,
      slug: professionalProfiles.slug,
      country: professionalProfiles.country,
      profileTimeZone: professionalProfiles.timeZone,
      hasProfile: sql<boolean>`${professionalProfiles.userId} is not null`,
      skillSlugs: professionalProfiles.skillSlugs,
      yearsExperience: professionalProfiles.yearsExperience,
      ratingAvg: professionalProfiles.ratingAvg,
      reviewCount: professionalProfiles.reviewCount,
      completedJobs: professionalProfiles.completedJobs,
      workStartUtc: professionalProfiles.workStartUtc,
      workEndUtc: professionalProfiles.workEndUtc,
      roles: rolesSql,
      certifications: certificationsSql,
      ndaSentAt: ndaSignatures.sentAt,
      ndaSignedAt: ndaSignatures.signedAt,
      trialScore: trialScoreSql,
      interviewScore: interviewScoreSql,
    })
    .from(bids)
    .innerJoin(users, eq(users.id, bids.professionalId))
    .leftJoin(professionalProfiles, eq(professionalProfiles.userId, bids.professionalId))
    .leftJoin(
      ndaSignatures,
      and(
        eq(ndaSignatures.jobId, bids.jobId),
        eq(ndaSignatures.professionalId, bids.professionalId),
      ),
    )
    .where(and(...where));
}
export type BidSignalRow = Awaited<ReturnType<typeof listBidsWithSignals>>[number];

/** The cover letters, milestones and answers of the compared bids. */
export function listBidDetails(tx: Tx, jobId: string, bidIds: string[]) {
  return tx
    .select({
      id: bids.id,
      coverLetter: bids.coverLetter,
      milestones: bids.milestones,
      answers: bids.answers,
    })
    .from(bids)
    .where(and(eq(bids.jobId, jobId), inArray(bids.id, bidIds)));
}

/** The bid of this job, locked for the rest of the transaction; null if it is not this job's. */
export async function findJobBidForUpdate(tx: Tx, jobId: string, bidId: string) {
  const [row] = await tx
    .select()
    .from(bids)
    .where(and(eq(bids.id, bidId), eq(bids.jobId, jobId)))
    .for('update');
  return row ?? null;
}

export async function countShortlisted(tx: Tx, jobId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(bids)
    .where(and(eq(bids.jobId, jobId), eq(bids.status, 'shortlisted')));
  return row?.n ?? 0;
}

export async function updateBid(tx: Tx, bidId: string, set: Partial<typeof bids.$inferInsert>) {
  const [row] = await tx.update(bids).set(set).where(eq(bids.id, bidId)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** The trials and interviews of the compared bids, for the comparison's last rows. */
export async function listTrialResults(tx: Tx, bidIds: string[]) {
  if (bidIds.length === 0) return [];
  return tx
    .select({
      bidId: trialParticipants.bidId,
      title: trials.title,
      status: trialParticipants.status,
      late: trialParticipants.late,
      score: trialParticipants.score,
    })
    .from(trialParticipants)
    .innerJoin(trials, eq(trials.id, trialParticipants.trialId))
    .where(and(inArray(trialParticipants.bidId, bidIds), sql`${trials.cancelledAt} is null`))
    .orderBy(asc(trials.createdAt));
}

export async function listInterviewResults(tx: Tx, bidIds: string[]) {
  if (bidIds.length === 0) return [];
  return tx
    .select({
      bidId: interviews.bidId,
      status: interviews.status,
      startsAt: interviews.startsAt,
      score: interviews.score,
    })
    .from(interviews)
    .where(inArray(interviews.bidId, bidIds))
    .orderBy(asc(interviews.createdAt));
}

// Decline templates

export type DeclineTemplateRow = typeof declineTemplates.$inferSelect;

export function listDeclineTemplates(tx: Tx, businessId: string) {
  return tx
    .select()
    .from(declineTemplates)
    .where(eq(declineTemplates.businessId, businessId))
    .orderBy(asc(declineTemplates.name), asc(declineTemplates.id));
}

export async function findDeclineTemplate(tx: Tx, businessId: string, id: string) {
  const [row] = await tx
    .select()
    .from(declineTemplates)
    .where(and(eq(declineTemplates.id, id), eq(declineTemplates.businessId, businessId)));
  return row ?? null;
}

export async function insertDeclineTemplate(tx: Tx, values: typeof declineTemplates.$inferInsert) {
  const [row] = await tx.insert(declineTemplates).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateDeclineTemplate(
  tx: Tx,
  businessId: string,
  id: string,
  set: Partial<typeof declineTemplates.$inferInsert>,
) {
  const [row] = await tx
    .update(declineTemplates)
    .set(set)
    .where(and(eq(declineTemplates.id, id), eq(declineTemplates.businessId, businessId)))
    .returning();
  return row ?? null;
}

export async function deleteDeclineTemplate(tx: Tx, businessId: string, id: string) {
  const rows = await tx
    .delete(declineTemplates)
    .where(and(eq(declineTemplates.id, id), eq(declineTemplates.businessId, businessId)))
    .returning({ id: declineTemplates.id });
  return rows.length > 0;
}
