/**
 * Inviting professionals to a job: an invited professional may read the job's brief whatever
 * its visibility (see `authorizeBrief`), and finds it under their job invitations.
 */
import type { BoardJob } from '../../../core/contracts/jobs.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserScope } from '../../lib/scope.ts';
import { conflict, emailNotVerified, HttpProblem, notFound } from '../../lib/errors.ts';
import { findBusiness, findUser } from '../accounts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import { authorizeJob, type JobScope } from './policy.ts';
import { presentBoardJob, presentJobInvitation, type JobInvitation } from './present.ts';
import {
  deleteJobInvitation,
  findJobInvitation,
  findProfessionalByEmail,
  insertJobInvitation,
  listInvitedJobs,
  listJobInvitations,
} from './queries.ts';

export function createJobInvitationService({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  return {
    async list({ userId, businessId, jobId }: JobScope): Promise<JobInvitation[]> {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      return (await listJobInvitations(db, jobId)).map(presentJobInvitation);
    },

    /**
     * Invites the professional with this address to an open job and notifies them (in the
     * app and, unless they chose otherwise, by e-mail). Inviting someone already invited
     * changes nothing and sends nothing: `created` is false and the existing invitation is returned.
     */
    async invite(
      { userId, businessId, jobId }: JobScope,
      email: string,
    ): Promise<{ invitation: JobInvitation; created: boolean }> {
      const result = await db.transaction(async (tx) => {
        // Locked: an archive or a close committing meanwhile is seen, not invited past.
        const job = await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage', {
          forUpdate: true,
        });
        if (job.status === 'draft') {
          throw conflict('Publish the job first: professionals are invited to published jobs.');
        }
        if (job.status !== 'open') {
          throw conflict(`This job is ${job.status}; reopen it to invite professionals.`);
        }
        const professional = await findProfessionalByEmail(tx, email);
        if (!professional) {
          throw new HttpProblem(
            404,
            'Not found',
            `No professional on Handoff uses ${email}. Ask them to sign up and start a professional profile, then invite them again.`,
            [{ path: 'body.email', message: 'No professional account with this address' }],
          );
        }
        const created = await insertJobInvitation(tx, {
          jobId,
          userId: professional.id,
          invitedBy: userId,
          createdAt: clock.now(),
        });
        const row = await findJobInvitation(tx, jobId, professional.id);
        const business = await findBusiness(tx, businessId);
        const inviter = await findUser(tx, userId);
        if (!row || !business || !inviter) throw new Error('invitation lost its parents');
        if (created) {
          await notify(tx, [{ userId: professional.id }], 'job.invitation', {
            jobId,
            jobTitle: job.title,
            businessName: business.name,
            inviterName: inviter.name,
            inviteeVerified: row.emailVerified,
          });
        }
        return { row, created };
      });
      return { invitation: presentJobInvitation(result.row), created: result.created };
    },

    async remove({
      userId,
      businessId,
      jobId,
      professionalId,
    }: JobScope & { professionalId: string }) {
      await db.transaction(async (tx) => {
        await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage');
        if (!(await deleteJobInvitation(tx, jobId, professionalId))) throw notFound('Invitation');
      });
    },

    /** The published jobs the caller is invited to, as board cards, latest invitation first. */
    async mine({ userId }: UserScope): Promise<BoardJob[]> {
      if (!(await findUser(db, userId))?.emailVerified)
        throw emailNotVerified('see the jobs you are invited to');
      const rows = await listInvitedJobs(db, userId);
      return rows.map(({ job, businessName }) => presentBoardJob(job, businessName));
    },
  };
}
