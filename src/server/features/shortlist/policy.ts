/**
 * Who may reach a job's bids from the business side: its members read them (`bids.read`),
 * owners and managers act on them (`bids.manage`). Anyone else — another business, a bidder,
 * an admin — gets 404, as for every business resource. Bidders never reach these routes: their
 * own bid is the bids feature's, and other bids are sealed from them.
 */
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import type { JobRow, JobScope } from '../jobs/policy.ts';
import { findBusinessJob } from '../jobs/queries.ts';

export type ShortlistAction = 'bids.read' | 'bids.manage';

/** A member's call on one bid of one of the business's jobs. */
export interface BidScope extends JobScope {
  readonly bidId: string;
}

/**
 * The business's policy first (non-member → 404, role without the right → 403), then the job
 * must be the business's (else 404). `forUpdate` locks the job row: shortlisting takes it so
 * two shortlists at once cannot both pass the cap.
 */
export async function authorizeShortlist(
  tx: Tx,
  { businessId, jobId, userId }: JobScope,
  action: ShortlistAction,
  options: { forUpdate?: boolean } = {},
): Promise<JobRow> {
  await authorizeBusiness(tx, businessId, userId, action);
  const job = await findBusinessJob(tx, businessId, jobId, options);
  if (!job) throw notFound('Job');
  return job;
}
