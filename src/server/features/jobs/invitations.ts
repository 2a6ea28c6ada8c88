/**
 * Inviting professionals to a job (by e-mail, whether or not the address has an account yet): an invited professional may read the job's brief whatever
 * its visibility (see `authorizeBrief`), and finds it under their job invitations.
 */
import type { BoardJob } from '../../../core/contracts/jobs.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserScope } from '../../lib/scope.ts';
import { conflict, emailNotVerified, notFound } from '../../lib/errors.ts';
import type { Mailer } from '../../lib/mail.ts';
import { findBusiness, findUser } from '../accounts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import {
  deletePendingJobEmailInvitation,
  insertJobEmailInvitation,
  listPendingJobEmailInvitations,
} from '../pool/job-email-queries.ts';
import { jobEmailInvitationMail } from '../pool/mail.ts';
import { findAccountByEmail } from '../pool/queries.ts';
import { authorizeJob, type JobScope } from './policy.ts';
import { presentBoardJob, presentJobInvitation, type JobInvitation } from './present.ts';
import {
  deleteJobInvitation,
  insertJobInvitation,
  listInvitedJobs,
  listJobInvitations,
} from './queries.ts';

export function createJobInvitationService({
  db,
  clock,
  notify,
  mailer,
  baseUrl,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
  mailer: Pick<Mailer, 'enqueue'>;
  baseUrl: string;
}) {
  return {
    /** The invited professionals, and the e-mail invitations still waiting for someone to sign up. */
    async list({ userId, businessId, jobId }: JobScope): Promise<{
      items: JobInvitation[];
      pending: { email: string; invitedAt: string }[];
    }> {
      await authorizeJob(db, businessId, jobId, userId, 'jobs.read');
      return {
        items: (await listJobInvitations(db, jobId)).map(presentJobInvitation),
        pending: (await listPendingJobEmailInvitations(db, jobId)).map((p) => ({
          email: p.email,
          invitedAt: p.invitedAt.toISOString(),
        })),
      };
    },

    /**
     * Invites whoever uses this address to an open job. The answer is the same whether or not
     * the address has an account, so inviting tells nobody who uses Handoff. A professional (or
     * a verified account) is invited at once and notified (in the app and, unless they chose
     * otherwise, by e-mail); any other address gets a waiting e-mail invitation and an e-mail
     * asking them to sign up — it becomes a job invitation when someone verifies that address
     * (`pool/join.ts`). Inviting again changes nothing and sends nothing.
     */
    async invite(
      { userId, businessId, jobId }: JobScope,
      email: string,
    ): Promise<{ email: string }> {
      const address = email.toLowerCase();
      await db.transaction(async (tx) => {
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
        const business = await findBusiness(tx, businessId);
        const inviter = await findUser(tx, userId);
        if (!business || !inviter) throw new Error('invitation lost its parents');
        const account = await findAccountByEmail(tx, address);
        // An unverified account without a profile may not be the address's owner: it waits,
        // like an unknown address, for the address to be verified.
        if (account && (account.professional || account.emailVerified)) {
          const created = await insertJobInvitation(tx, {
            jobId,
            userId: account.id,
            invitedBy: userId,
            createdAt: clock.now(),
          });
          if (created) {
            await notify(tx, [{ userId: account.id }], 'job.invitation', {
              jobId,
              jobTitle: job.title,
              businessName: business.name,
              inviterName: inviter.name,
              inviteeVerified: account.emailVerified,
            });
          }
          return;
        }
        const created = await insertJobEmailInvitation(tx, {
          jobId,
          email: address,
          invitedBy: userId,
          createdAt: clock.now(),
        });
        if (created) {
          const next = `/jobs/${jobId}`;
          const signUpUrl = `${baseUrl}/sign-up?${new URLSearchParams({ email: address, as: 'professional', next })}`;
          await mailer.enqueue(
            tx,
            jobEmailInvitationMail({
              to: address,
              jobTitle: job.title,
              businessName: business.name,
              inviterName: inviter.name,
              signUpUrl,
            }),
          );
        }
      });
      return { email: address };
    },

    /** Withdraws an e-mail invitation nobody has claimed yet. */
    async removePending({ userId, businessId, jobId, email }: JobScope & { email: string }) {
      await db.transaction(async (tx) => {
        await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage');
        if (!(await deletePendingJobEmailInvitation(tx, jobId, email.toLowerCase())))
          throw notFound('Invitation');
      });
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
