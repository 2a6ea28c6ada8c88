/**
 * Inviting professionals to a job: an invited professional may read the job's brief whatever
 * its visibility (see `authorizeBrief`), and finds it under their job invitations.
 */
import type { z } from 'zod';
import type { BoardJob, JobInvitationSchema } from '../../../core/contracts/jobs.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, emailNotVerified, HttpProblem, notFound } from '../../lib/errors.ts';
import { findBusiness, findUser } from '../accounts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import { authorizeJob } from './policy.ts';
import { presentBoardJob } from './present.ts';
import {
  deleteJobInvitation,
  findJobInvitation,
  findProfessionalByEmail,
  insertJobInvitation,
  listInvitedJobs,
  listJobInvitations,
} from './queries.ts';

type JobInvitation = z.infer<typeof JobInvitationSchema>;
type InvitationRow = NonNullable<Awaited<ReturnType<typeof findJobInvitation>>>;

const present = (row: InvitationRow): JobInvitation => ({
  professional: { id: row.userId, name: row.name, email: row.email },
  invitedAt: row.invitedAt.toISOString(),
  awaitingVerification: !row.emailVerified,
});

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
    async list(userId: string, businessId: string, jobId: string): Promise<JobInvitation[]> {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      return (await listJobInvitations(db, jobId)).map(present);
    },

    /**
     * Invites the professional with this address to an open job and notifies them (in the
     * app and, unless they chose otherwise, by e-mail). Inviting someone already invited
     * changes nothing and sends nothing: `created` is false and the existing invitation is returned.
     */
    async invite(
      userId: string,
      businessId: string,
      jobId: string,
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
      return { invitation: present(result.row), created: result.created };
    },

    async remove(userId: string, businessId: string, jobId: string, professionalId: string) {
      await db.transaction(async (tx) => {
        await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage');
        if (!(await deleteJobInvitation(tx, jobId, professionalId))) throw notFound('Invitation');
      });
    },

    /** The published jobs the caller is invited to, as board cards, latest invitation first. */
    async mine(userId: string): Promise<BoardJob[]> {
      if (!(await findUser(db, userId))?.emailVerified)
        throw emailNotVerified('see the jobs you are invited to');
      const rows = await listInvitedJobs(db, userId);
      return rows.map(({ job, businessName }) => presentBoardJob(job, businessName));
    },
  };
}
