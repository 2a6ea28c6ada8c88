/** SQL of interviews. */
import { and, asc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { bids, businesses, interviews, jobs, users } from '../../db/schema/index.ts';
import type { InterviewStatus } from '../../../core/hiring.ts';

export type InterviewRow = typeof interviews.$inferSelect;
export type BidRow = typeof bids.$inferSelect;

/** An interview with what its pages, messages and calendar invitations name. */
export interface InterviewRecord {
  interview: InterviewRow;
  jobTitle: string;
  businessId: string;
  business: { name: string; timeZone: string };
  professional: { name: string; email: string; timeZone: string };
  /** The member who proposed it: the invitation's organizer (null once their account is gone). */
  creator: { name: string; email: string } | null;
}

const professional = alias(users, 'professional');
const creator = alias(users, 'creator');

function records(tx: Tx) {
  return tx
    .select({
      interview: interviews,
      jobTitle: jobs.title,
      businessId: jobs.businessId,
      businessName: businesses.name,
      businessTimeZone: businesses.timeZone,
      proName: professional.name,
      proEmail: professional.email,
      proTimeZone: professional.timeZone,
      creatorName: creator.name,
      creatorEmail: creator.email,
    })
    .from(interviews)
    .innerJoin(jobs, eq(jobs.id, interviews.jobId))
    .innerJoin(businesses, eq(businesses.id, jobs.businessId))
    .innerJoin(professional, eq(professional.id, interviews.professionalId))
    .leftJoin(creator, eq(creator.id, interviews.createdBy));
}

type Joined = Awaited<ReturnType<ReturnType<typeof records>['execute']>>[number];

function toRecord(row: Joined): InterviewRecord {
  return {
    interview: row.interview,
    jobTitle: row.jobTitle,
    businessId: row.businessId,
    business: { name: row.businessName, timeZone: row.businessTimeZone },
    professional: { name: row.proName, email: row.proEmail, timeZone: row.proTimeZone },
    creator:
      row.creatorName !== null && row.creatorEmail !== null
        ? { name: row.creatorName, email: row.creatorEmail }
        : null,
  };
}

/** One interview with its names; `forUpdate` locks the interview row (only) for the transaction. */
export async function findInterview(
  tx: Tx,
  interviewId: string,
  options: { forUpdate?: boolean } = {},
): Promise<InterviewRecord | null> {
  const query = records(tx).where(eq(interviews.id, interviewId));
  const [row] = await (options.forUpdate ? query.for('update', { of: interviews }) : query);
  return row ? toRecord(row) : null;
}

/**
 * The interviews a person's calendar feed carries: booked ones (a time chosen: scheduled,
 * completed, or cancelled after booking) where they are the professional or the member who
 * proposed it — the two people the invitations are e-mailed to.
 */
export async function listCalendarInterviews(tx: Tx, userId: string): Promise<InterviewRecord[]> {
  const rows = await records(tx)
    .where(
      and(
        isNotNull(interviews.startsAt),
        inArray(interviews.status, ['scheduled', 'completed', 'cancelled']),
        or(eq(interviews.professionalId, userId), eq(interviews.createdBy, userId)),
      ),
    )
    .orderBy(asc(interviews.startsAt), asc(interviews.id));
  return rows.map(toRecord);
}

export async function listJobInterviews(tx: Tx, jobId: string): Promise<InterviewRecord[]> {
  const rows = await records(tx)
    .where(eq(interviews.jobId, jobId))
    .orderBy(asc(interviews.createdAt), asc(interviews.id));
  return rows.map(toRecord);
}

/** The job's interviews still under way with anyone but `professionalId`, locked for update. */
export async function listOpenRivalInterviews(
  tx: Tx,
  jobId: string,
  professionalId: string,
): Promise<InterviewRecord[]> {
  const rows = await records(tx)
    .where(
      and(
        eq(interviews.jobId, jobId),
        ne(interviews.professionalId, professionalId),
        inArray(interviews.status, OPEN),
      ),
    )
    .orderBy(asc(interviews.createdAt), asc(interviews.id))
    .for('update', { of: interviews });
  return rows.map(toRecord);
}

/** A bid on the job, locked: an interview is proposed against its current status. */
export async function findJobBid(tx: Tx, jobId: string, bidId: string): Promise<BidRow | null> {
  const [row] = await tx
    .select()
    .from(bids)
    .where(and(eq(bids.id, bidId), eq(bids.jobId, jobId)))
    .for('update');
  return row ?? null;
}

const OPEN: InterviewStatus[] = ['proposed', 'other_times_requested', 'scheduled'];

/** The bid's interview still under way, if any (one at a time per bid). */
export async function findOpenInterview(tx: Tx, bidId: string): Promise<InterviewRow | null> {
  const [row] = await tx
    .select()
    .from(interviews)
    .where(and(eq(interviews.bidId, bidId), inArray(interviews.status, OPEN)))
    .limit(1);
  return row ?? null;
}

export async function insertInterview(tx: Tx, values: typeof interviews.$inferInsert) {
  await tx.insert(interviews).values(values);
}

export async function updateInterview(
  tx: Tx,
  interviewId: string,
  values: Partial<typeof interviews.$inferInsert>,
) {
  await tx.update(interviews).set(values).where(eq(interviews.id, interviewId));
}
