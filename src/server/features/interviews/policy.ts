/**
 * Who may act on an interview. The business side: its members as the permissions table says
 * (`bids.read` to look, `interviews.manage` to act), on one of its jobs; the professional: only
 * their own interviews. Anyone else — another business, another bidder — gets 404, so an
 * interview's existence does not leak (bids are sealed).
 */
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findBusinessJob } from '../jobs/queries.ts';
import { findInterview, type InterviewRecord } from './queries.ts';

export type InterviewAction = 'bids.read' | 'interviews.manage';

export interface JobInterviewsScope extends BusinessScope {
  readonly jobId: string;
}
export interface BusinessInterviewScope extends JobInterviewsScope {
  readonly interviewId: string;
}
export interface ProfessionalInterviewScope extends UserScope {
  readonly interviewId: string;
}

/** A member acting on one of the business's jobs; returns the job. */
export async function authorizeJobInterviews(
  tx: Tx,
  { businessId, jobId, userId }: JobInterviewsScope,
  action: InterviewAction,
) {
  await authorizeBusiness(tx, businessId, userId, action);
  const job = await findBusinessJob(tx, businessId, jobId);
  if (!job) throw notFound('Job');
  return job;
}

/** A member acting on one interview of one of the business's jobs. */
export async function authorizeBusinessInterview(
  tx: Tx,
  scope: BusinessInterviewScope,
  action: InterviewAction,
  options: { forUpdate?: boolean } = {},
): Promise<InterviewRecord> {
  await authorizeJobInterviews(tx, scope, action);
  const record = await findInterview(tx, scope.interviewId, options);
  if (!record || record.interview.jobId !== scope.jobId) throw notFound('Interview');
  return record;
}

/** The professional the interview is with; for anyone else it does not exist. */
export async function authorizeProfessionalInterview(
  tx: Tx,
  { interviewId, userId }: ProfessionalInterviewScope,
  options: { forUpdate?: boolean } = {},
): Promise<InterviewRecord> {
  const record = await findInterview(tx, interviewId, options);
  if (!record || record.interview.professionalId !== userId) throw notFound('Interview');
  return record;
}
