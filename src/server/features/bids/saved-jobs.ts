/**
 * Jobs a person saved for later, and saying no to a job invitation. Both act only on jobs the
 * caller may read (`authorizeBrief`); anything else is a 404.
 */
import type { SavedJob } from '../../../core/contracts/bids.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { UserScope } from '../../lib/scope.ts';
import { findRole } from '../accounts/queries.ts';
import { authorizeBrief, isPublicBrief, type Mode } from '../jobs/policy.ts';
import { presentBoardJob } from '../jobs/present.ts';
import {
  declineInvitation,
  invitationState,
  listSavedJobs,
  saveJob,
  unsaveJob,
} from './queries.ts';

type JobCall = UserScope & { jobId: string };

export function createSavedJobService({ db, clock, mode }: { db: Db; clock: Clock; mode: Mode }) {
  return {
    async save({ userId, jobId }: JobCall) {
      await authorizeBrief(db, jobId, userId, mode);
      await saveJob(db, userId, jobId, clock.now());
    },

    /** Unsaving a job one cannot read (any more) still works: it is the caller's own list. */
    async unsave({ userId, jobId }: JobCall) {
      await unsaveJob(db, userId, jobId);
    },

    /**
     * The caller's saved jobs they may still read: public ones, those of their businesses, and
     * those they are invited to (a job made invite-only after saving drops out of the list).
     */
    async list({ userId }: UserScope): Promise<{ items: SavedJob[] }> {
      const rows = await listSavedJobs(db, userId);
      const items: SavedJob[] = [];
      for (const row of rows) {
        const readable =
          isPublicBrief(row.job, mode) ||
          (await findRole(db, row.job.businessId, userId)) !== null ||
          (await invitationState(db, row.job.id, userId)) !== 'none';
        if (readable)
          items.push({
            job: presentBoardJob(row.job, row.businessName),
            savedAt: row.savedAt.toISOString(),
          });
      }
      return { items };
    },

    /** Says no to an invitation: the job leaves the invited list; the brief stays readable. */
    async declineInvitation({ userId, jobId }: JobCall) {
      await db.transaction(async (tx) => {
        await authorizeBrief(tx, jobId, userId, mode);
        if (!(await declineInvitation(tx, jobId, userId, clock.now())))
          throw notFound('Invitation');
      });
    },
  };
}
