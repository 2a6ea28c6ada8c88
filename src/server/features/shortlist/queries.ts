/**
 * The shortlist's SQL: a job's bids with what the business selects on (the bidder's profile,
 * latest positions, certifications, NDA, trial and interview scores), the owner's settings,
 * the actions' updates and the decline templates. Every read names the job (whose business the
 * policy checked) or the business, so nothing of another business is reachable from here.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  bids,
  businesses,
  declineTemplates,
  interviews,
  ndaSignatures,
  professionalProfiles,
  profileCertifications,
  profileExperience,
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

/**
 * Each bid's average scored trial (0–100) and interview (1–5), read once for the whole job
 * (both tables are indexed by job) rather than per bid: a per-bid subquery on interviews has no
 * bid index to use and would scan the table once per bid.
 */
function trialScores(tx: Tx, jobId: string) {
  return tx
    .select({
      bidId: sql<string>`${trialParticipants.bidId}`.as('trial_bid_id'),
      score: sql<number>`avg(${trialParticipants.score})::float8`.as('trial_score'),
    })
    .from(trialParticipants)
    .innerJoin(trials, eq(trials.id, trialParticipants.trialId))
    .where(
      and(eq(trials.jobId, jobId), isNull(trials.cancelledAt), isNotNull(trialParticipants.score)),
    )
    .groupBy(trialParticipants.bidId)
    .as('trial_scores');
}

function interviewScores(tx: Tx, jobId: string) {
  return tx
    .select({
      bidId: sql<string>`${interviews.bidId}`.as('interview_bid_id'),
      score: sql<number>`avg(${interviews.score})::float8`.as('interview_score'),
    })
    .from(interviews)
    .where(
      and(eq(interviews.jobId, jobId), isNull(interviews.cancelledAt), isNotNull(interviews.score)),
    )
    .groupBy(interviews.bidId)
    .as('interview_scores');
}

/** Characters of the cover letter the list reads: its excerpt and one more, to know it was cut. */
const EXCERPT_READ = 241;

/** What the list shows of a bid: its terms and state, the letter's start, not milestones or answers. */
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
  /** Enough of the letter for the list's excerpt; the whole letter is read when a bid is opened. */
  coverLetterStart: sql<string>`left(${bids.coverLetter}, ${EXCERPT_READ})`,
};

/**
 * Every bid on the job but withdrawn ones, with the bidder and their profile's signals; one
 * statement, so 500 bids are one round trip. The résumé highlights come from
 * `listHighlights` (one statement each for positions and certifications).
 */
export function listBidsWithSignals(tx: Tx, jobId: string, bidIds?: string[]) {
  const trial = trialScores(tx, jobId);
  const interview = interviewScores(tx, jobId);
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
      ndaSentAt: ndaSignatures.sentAt,
      ndaSignedAt: ndaSignatures.signedAt,
      trialScore: trial.score,
      interviewScore: interview.score,
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
    .leftJoin(trial, eq(trial.bidId, bids.id))
    .leftJoin(interview, eq(interview.bidId, bids.id))
    .where(and(...where));
}
export type BidSignalRow = Awaited<ReturnType<typeof listBidsWithSignals>>[number];

export interface Highlights {
  roles: { role: string; company: string; current: boolean }[];
  certifications: string[];
}

/**
 * The latest three positions (current first, then by start) and three certifications (newest
 * first) of every bidder on the job, by professional. Two windowed statements over all bidders
 * at once: a JSON subquery per bid cost 500 sorts and 500 JSON documents to build and parse,
 * about two thirds of the list's database time at 500 bids.
 */
/** The two statements of `listHighlights` (the bench EXPLAINs them). */
export function highlightsSql(jobId: string) {
  const bidders = sql`(select ${bids.professionalId} from ${bids} where ${bids.jobId} = ${jobId})`;
  return {
    roles: sql`select user_id, role, company, current from (
          select ${profileExperience.userId} as user_id, ${profileExperience.role} as role,
                 ${profileExperience.company} as company, ${profileExperience.endMonth} is null as current,
                 row_number() over (partition by ${profileExperience.userId}
                   order by ${profileExperience.endMonth} desc nulls first, ${profileExperience.startMonth} desc) as n
          from ${profileExperience} where ${profileExperience.userId} in ${bidders}) e
        where n <= 3 order by user_id, n`,
    certifications: sql`select user_id, name from (
          select ${profileCertifications.userId} as user_id, ${profileCertifications.name} as name,
                 row_number() over (partition by ${profileCertifications.userId}
                   order by ${profileCertifications.year} desc nulls last, ${profileCertifications.sort}) as n
          from ${profileCertifications} where ${profileCertifications.userId} in ${bidders}) c
        where n <= 3 order by user_id, n`,
  };
}

export async function listHighlights(tx: Tx, jobId: string): Promise<Map<string, Highlights>> {
  const statements = highlightsSql(jobId);
  const roles = await tx.execute<{
    user_id: string;
    role: string;
    company: string;
    current: boolean;
  }>(statements.roles);
  const certifications = await tx.execute<{ user_id: string; name: string }>(
    statements.certifications,
  );
  const byUser = new Map<string, Highlights>();
  const of = (userId: string) => {
    let h = byUser.get(userId);
    if (!h) byUser.set(userId, (h = { roles: [], certifications: [] }));
    return h;
  };
  for (const r of roles.rows)
    of(r.user_id).roles.push({ role: r.role, company: r.company, current: r.current });
  for (const c of certifications.rows) of(c.user_id).certifications.push(c.name);
  return byUser;
}

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
