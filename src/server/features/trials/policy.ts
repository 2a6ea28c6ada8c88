/**
 * Who may act on a trial. The business side: a member of the job's business with the right
 * (`bids.read` to read, `trials.manage` to write; non-member → 404, role without it → 403),
 * and the trial must be that job's (else 404). The professional side: only a participant, and
 * only on their own row — anyone else, whether or not the trial exists, gets 404.
 */
import type { BusinessAction } from '../../../core/roles.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import type { JobScope } from '../jobs/policy.ts';
import { findBusinessJob } from '../jobs/queries.ts';
import { findJobTrial, findMyParticipation } from './queries.ts';

type TrialAction = Extract<BusinessAction, 'bids.read' | 'trials.manage'>;

export type { JobScope };

/** A business member's call on one trial of one of its jobs. */
export interface TrialScope extends JobScope {
  readonly trialId: string;
}

/** A professional's call on a trial they take part in. */
export interface ParticipationScope extends UserScope {
  readonly trialId: string;
}

/** The job, once the caller's role in its business allows `action`. */
export async function authorizeTrialJob(
  tx: Tx,
  { businessId, jobId, userId }: JobScope,
  action: TrialAction,
  options: { forUpdate?: boolean } = {},
) {
  await authorizeBusiness(tx, businessId, userId, action);
  const job = await findBusinessJob(tx, businessId, jobId, options);
  if (!job) throw notFound('Job');
  return job;
}

/** The job and the trial; `forUpdate` locks the trial row. */
export async function authorizeTrial(
  tx: Tx,
  scope: TrialScope,
  action: TrialAction,
  options: { forUpdate?: boolean } = {},
) {
  const job = await authorizeTrialJob(tx, scope, action);
  const trial = await findJobTrial(tx, scope.jobId, scope.trialId, options);
  if (!trial) throw notFound('Trial');
  return { job, trial };
}

/** The caller's own participation in the trial (with the trial), or 404. */
export async function authorizeParticipation(tx: Tx, { trialId, userId }: ParticipationScope) {
  const found = await findMyParticipation(tx, trialId, userId);
  if (!found) throw notFound('Trial');
  return found;
}
