/**
 * What follows a bid being shortlisted, inside the shortlisting transaction: when the job
 * requires an NDA, it is sent (the ndas feature's `sendNda`, idempotent) and its message is the
 * news — "you are shortlisted, sign to read the specification"; otherwise the professional is
 * told they are shortlisted. One place, so every way of shortlisting does the same, and the
 * professional gets one message, not two.
 */
import type { Tx } from '../../db/client.ts';
import type { FeatureDeps } from '../../lib/feature.ts';
import type { JobRow } from '../jobs/policy.ts';
import { sendNda } from '../ndas/send.ts';
import type { BidRow } from './queries.ts';

export type OnShortlistedDeps = Pick<FeatureDeps, 'notify' | 'clock'>;

export async function onShortlisted(
  tx: Tx,
  deps: OnShortlistedDeps,
  { job, bid, actorId }: { job: JobRow; bid: BidRow; actorId: string },
): Promise<void> {
  if (job.ndaRequired) {
    const { created } = await sendNda(tx, deps, {
      jobId: job.id,
      professionalId: bid.professionalId,
      sentBy: actorId,
    });
    // Shortlisted again after being taken off: the NDA they had stands, so tell them anew below.
    if (created) return;
  }
  await deps.notify(tx, [{ userId: bid.professionalId }], 'bid.shortlisted', {
    jobId: job.id,
    jobTitle: job.title,
    ndaRequired: job.ndaRequired,
  });
}
