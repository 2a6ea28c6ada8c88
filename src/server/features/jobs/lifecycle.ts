/**
 * A job's lifecycle: publish (draft → open, specification version 1), close, reopen, archive.
 * Which move is allowed is `nextStatus` in src/core/jobs.ts; this runs it against the locked row.
 */
import type { z } from 'zod';
import type { BusinessJob, PublishJobSchema } from '../../../core/contracts/jobs.ts';
import { nextStatus, type JobAction, type JobStatus } from '../../../core/jobs.ts';
import { checkRequirements } from '../../../core/requirements-checker.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, emailNotVerified } from '../../lib/errors.ts';
import { findUser } from '../accounts/queries.ts';
import { authorizeJob, type Mode, type JobScope } from './policy.ts';
import {
  presentBusinessJob,
  refusePublicInWorkspace,
  shareSkills,
  visibilityIn,
} from './job-content.ts';
import { briefOf } from './present.ts';
import { insertSpecVersion, updateJob, type JobSet } from './queries.ts';

type PublishInput = z.infer<typeof PublishJobSchema>;

/** Why `action` does not apply to a job in `status`, in words an owner understands. */
export function refusal(action: JobAction, status: JobStatus): string {
  switch (action) {
    case 'publish':
      return status === 'open'
        ? 'This job is already published.'
        : status === 'closed'
          ? 'This job was already published and is now closed; reopen it instead.'
          : 'This job is archived; reopen it first.';
    case 'close':
      return status === 'draft'
        ? 'A draft is not open, so there is nothing to close; publish it or delete it.'
        : status === 'closed'
          ? 'This job is already closed.'
          : 'This job is archived; reopen it first.';
    case 'reopen':
      return `Only a closed or archived job can be reopened; this one is ${status === 'open' ? 'open already' : 'a draft'}.`;
    case 'archive':
      return 'This job is already archived.';
    default:
      return action satisfies never;
  }
}

export function createLifecycleService({ db, clock, mode }: { db: Db; clock: Clock; mode: Mode }) {
  /**
   * Moves the locked job by `action`, or 409 naming why not; `change` adds the action's own
   * columns. In a private workspace the job is left invite-only, so reopening a job published
   * publicly before the switch does not put it back in public.
   */
  function move(action: JobAction, change: (now: Date) => JobSet) {
    return async ({ userId, businessId, jobId }: JobScope): Promise<BusinessJob> =>
      db.transaction(async (tx) => {
        const job = await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage', {
          forUpdate: true,
        });
        const status = nextStatus(job.status, action, job.publishedAt !== null);
        if (!status) throw conflict(refusal(action, job.status));
        const now = clock.now();
        const updated = await updateJob(tx, jobId, {
          ...change(now),
          status,
          visibility: visibilityIn(mode, undefined, job.visibility),
          updatedAt: now,
        });
        await shareSkills(tx, updated, mode);
        return presentBusinessJob(tx, updated);
      });
  }

  return {
    /**
     * Publishes a draft with the given settings: its specification becomes version 1 and the
     * checker's score is kept as the published score. A low score never stops publishing —
     * the checker warns, the owner decides.
     */
    publish: ({ userId, businessId, jobId }: JobScope, settings: PublishInput) =>
      db.transaction(async (tx) => {
        const job = await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage', {
          forUpdate: true,
        });
        const status = nextStatus(job.status, 'publish', job.publishedAt !== null);
        if (!status) throw conflict(refusal('publish', job.status));
        refusePublicInWorkspace(mode, settings.visibility, 'body.visibility');
        // A public job speaks for its business to everyone: only a proven address publishes one.
        if (visibilityIn(mode, settings.visibility, job.visibility) === 'public') {
          if (!(await findUser(tx, userId))?.emailVerified)
            throw emailNotVerified('publish a public job');
        }
        const now = clock.now();
        const score = checkRequirements({ brief: briefOf(job), spec: job.spec }).score;
        const version = (job.specVersion ?? 0) + 1;
        await insertSpecVersion(tx, {
          jobId,
          version,
          spec: job.spec,
          createdBy: userId,
          createdAt: now,
        });
        const updated = await updateJob(tx, jobId, {
          ...settings,
          visibility: visibilityIn(mode, settings.visibility, job.visibility),
          status,
          specVersion: version,
          checkScore: score,
          publishedScore: score,
          publishedAt: job.publishedAt ?? now,
          updatedAt: now,
        });
        await shareSkills(tx, updated, mode);
        return presentBusinessJob(tx, updated);
      }),

    /** Stops taking bids; the job stays readable to whoever could read it. */
    close: move('close', (now) => ({ closedAt: now })),
    /** Back to open (or, for an archived job never published, back to draft). */
    reopen: move('reopen', () => ({ closedAt: null, archivedAt: null })),
    /** Out of the way: hidden from the board and from the default list. */
    archive: move('archive', (now) => ({ archivedAt: now })),
  };
}
