import type { BusinessAction } from '../../../core/roles.ts';
import type { Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { jobs } from '../../db/schema/index.ts';
import { emailNotVerified, notFound } from '../../lib/errors.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findRole, findUser } from '../accounts/queries.ts';
import { findBusinessJob, findJob, isInvitedToJob } from './queries.ts';

export type JobRow = typeof jobs.$inferSelect;
/** A marketplace (public board) or a private workspace (invite-only jobs), from HANDOFF_MODE. */
export type Mode = Config['mode'];

/** A business member's call on one of its jobs. */
export interface JobScope extends BusinessScope {
  readonly jobId: string;
}

/** A call on a job's public face, by whoever is asking: signed in (`userId`) or not (`null`). */
export interface ReaderScope {
  readonly userId: string | null;
  readonly jobId: string;
}

/**
 * A business member acting on one of its jobs: the business's policy first (non-member → 404,
 * role without the right → 403), then the job must belong to that business (else 404).
 * `forUpdate` locks the job row for the rest of the transaction.
 */
export async function authorizeJob(
  tx: Tx,
  businessId: string,
  jobId: string,
  userId: string,
  action: Extract<BusinessAction, 'jobs.read' | 'jobs.manage'>,
  options: { forUpdate?: boolean } = {},
): Promise<JobRow> {
  await authorizeBusiness(tx, businessId, userId, action);
  const job = await findBusinessJob(tx, businessId, jobId, options);
  if (!job) throw notFound('Job');
  return job;
}

/**
 * Whether anyone, signed in or not, may read the job's brief: published (open or closed),
 * public, and on a marketplace. A private workspace has nothing public, whatever a job's
 * visibility says — a job published publicly before the switch to workspace mode included.
 */
export function isPublicBrief(job: Pick<JobRow, 'status' | 'visibility'>, mode: Mode): boolean {
  if (mode === 'workspace') return false;
  return (job.status === 'open' || job.status === 'closed') && job.visibility === 'public';
}

/**
 * Who may read a job's public brief: its business's members always; anyone (signed in or not)
 * once `isPublicBrief`; a professional invited to it once published, once their e-mail address
 * is verified (else 403 saying to verify it). Everyone else gets 404, as
 * if the job did not exist. The specification is never granted here: only `authorizeJob`
 * (members) reads it until the Bids & vetting issue grants shortlisted people.
 */
export async function authorizeBrief(
  tx: Tx,
  jobId: string,
  userId: string | null,
  mode: Mode,
): Promise<JobRow> {
  const job = await findJob(tx, jobId);
  if (!job) throw notFound('Job');
  if (userId && (await findRole(tx, job.businessId, userId))) return job;
  if (isPublicBrief(job, mode)) return job;
  const published = job.status === 'open' || job.status === 'closed';
  if (published && userId) {
    if (await isInvitedToJob(tx, jobId, userId)) {
      // The invitation went to an address; until the account proves it holds that address,
      // it may be someone else who signed up with it first.
      if (!(await findUser(tx, userId))?.emailVerified)
        throw emailNotVerified('read the briefs you are invited to');
      return job;
    }
  }
  throw notFound('Job');
}
