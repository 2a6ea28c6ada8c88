/**
 * What follows a bid being shortlisted, inside the shortlisting transaction: the professional
 * is told. This is the seam where the NDA is sent too when the job requires one (the ndas
 * feature's `sendNda`, idempotent, wired at merge): one place, so every way of shortlisting
 * does the same.
 */
import type { Tx } from '../../db/client.ts';
import type { FeatureDeps } from '../../lib/feature.ts';
import type { JobRow } from '../jobs/policy.ts';
import type { BidRow } from './queries.ts';

export type OnShortlistedDeps = Pick<FeatureDeps, 'notify' | 'clock'>;

export async function onShortlisted(
  tx: Tx,
  deps: OnShortlistedDeps,
  { job, bid }: { job: JobRow; bid: BidRow; actorId: string },
): Promise<void> {
  await deps.notify(tx, [{ userId: bid.professionalId }], 'bid.shortlisted', {
    jobId: job.id,
    jobTitle: job.title,
    ndaRequired: job.ndaRequired,
  });
}
