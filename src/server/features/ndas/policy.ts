/**
 * Who may act on a job's NDAs. A business member: the business's policy first (non-member → 404,
 * role without the right → 403), then the job must be the business's (else 404). A professional
 * acts only on their own NDA, found by (job, caller): anyone else's simply does not exist for
 * them. The specification's own rule is `specGate` in queries.ts, inside the reading query.
 */
import type { BusinessAction } from '../../../core/roles.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findJobWithBusiness, type JobWithBusiness } from './queries.ts';

/** A member's call on one of the business's jobs. */
export interface JobNdaScope extends BusinessScope {
  readonly jobId: string;
}

export async function authorizeJobNdas(
  tx: Tx,
  { businessId, jobId, userId }: JobNdaScope,
  action: Extract<BusinessAction, 'bids.read' | 'ndas.manage'>,
): Promise<JobWithBusiness> {
  await authorizeBusiness(tx, businessId, userId, action);
  const job = await findJobWithBusiness(tx, jobId);
  if (!job || job.businessId !== businessId) throw notFound('Job');
  return job;
}
