/**
 * Who may bid, and on which bid a call may act. Bids are sealed: a bid is its professional's
 * alone on this side (anyone else gets 404, as if it did not exist); the business reads bids
 * through its own routes (`bids.read`).
 */
import type { BusinessAction } from '../../../core/roles.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findRole } from '../accounts/queries.ts';
import { authorizeBrief, type JobRow, type Mode } from '../jobs/policy.ts';
import { findBusinessJob } from '../jobs/queries.ts';
import { findBid, isProfessional } from './queries.ts';

/** A call on one bid by its professional. */
export interface BidScope {
  readonly userId: string;
  readonly bidId: string;
}

/**
 * The job a professional may bid on: one they may read (`authorizeBrief`: public, or invited
 * with a verified address), open, and not their own business's. A draft, closed or archived job
 * is a 404 like any job they cannot read; a member of the business is refused (403) — a business
 * does not bid on its own job; so is an account without a professional profile.
 */
export async function authorizeBidding(
  tx: Tx,
  jobId: string,
  userId: string,
  mode: Mode,
): Promise<JobRow> {
  const job = await authorizeBrief(tx, jobId, userId, mode);
  if (await findRole(tx, job.businessId, userId))
    throw forbidden('Members of the business cannot bid on its jobs.');
  if (job.status !== 'open') throw notFound('Job');
  if (!(await isProfessional(tx, userId)))
    throw forbidden(
      'Bids come from professionals: start your professional profile (Settings → Profile) first.',
    );
  return job;
}

/** The caller's own bid (with its job), else 404 — another professional's bid included. */
export async function authorizeOwnBid(
  tx: Tx,
  { userId, bidId }: BidScope,
  options: { forUpdate?: boolean } = {},
) {
  const row = await findBid(tx, bidId, options);
  if (!row || row.bid.professionalId !== userId) throw notFound('Bid');
  return row;
}

/**
 * A business member acting on the hiring side of one of its jobs (`bids.read` to look,
 * `bids.manage` to answer questions): the business's policy, then the job must be its own.
 */
export async function authorizeHiringJob(
  tx: Tx,
  businessId: string,
  jobId: string,
  userId: string,
  action: Extract<BusinessAction, 'bids.read' | 'bids.manage'>,
): Promise<JobRow> {
  await authorizeBusiness(tx, businessId, userId, action);
  const job = await findBusinessJob(tx, businessId, jobId);
  if (!job) throw notFound('Job');
  return job;
}
