/**
 * What an accepted contract offer means for the job's trials, inside the accepting
 * transaction: the other professionals' parts still open are closed (no deadline left to chase,
 * no reminder), and each is told which trial needs nothing more from them. Submitted work and
 * its score stay for the record.
 */
import type { Tx } from '../../db/client.ts';
import type { Notify } from '../notifications/notify.ts';
import { closeOpenParticipations } from './queries.ts';

export async function closeRivalTrials(
  tx: Tx,
  notify: Notify,
  award: { jobId: string; professionalId: string; jobTitle: string; businessName: string },
): Promise<void> {
  const closed = await closeOpenParticipations(tx, award);
  for (const c of closed)
    await notify(tx, [{ userId: c.professionalId }], 'trial.closed', {
      trialId: c.trialId,
      trialTitle: c.trialTitle,
      jobTitle: award.jobTitle,
      businessName: award.businessName,
    });
}
