/**
 * A business's jobs: start one (from scratch, a template or an audit job draft), read it, save
 * it, list them, delete a draft. Every save runs the requirements checker and stores its
 * score; a save that changes the specification of a published job adds a version.
 */
import { z } from 'zod';
import {
  BriefSchema,
  SpecSchema,
  type BusinessJob,
  type CreateJobSchema,
  type JobList,
  type UpdateJobSchema,
} from '../../../core/contracts/jobs.ts';
import { IdSchema } from '../../../core/contracts/common.ts';
import { JOB_STATUSES, type JobStatus } from '../../../core/jobs.ts';
import { checkRequirements } from '../../../core/requirements-checker.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { createFileStore, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findBusiness } from '../accounts/queries.ts';
import { attachmentKeys } from './attachment-queries.ts';
import { authorizeJob, type JobScope } from './policy.ts';
import { briefOf } from './present.ts';
import {
  countJobsByStatus,
  deleteJob,
  findSpecVersion,
  insertJob,
  insertSpecVersion,
  listJobs,
  recordSpecView,
  updateJob,
  type JobListCursor,
} from './queries.ts';
import {
  briefColumns,
  canonicalJson,
  emptyBudget,
  parseOr400,
  presentBusinessJob,
  refusePublicInWorkspace,
  shareSkills,
  startingPoint,
  visibilityIn,
} from './job-content.ts';

type CreateJobInput = z.infer<typeof CreateJobSchema>;
type UpdateJobInput = z.infer<typeof UpdateJobSchema>;

/**
 * The job list's cursor: `updated_at` in microseconds and the id of the last job of the page.
 * The id is cast to uuid in SQL: anything but a real one is a 400 here, not a 500 there.
 */
const JobListCursorSchema = z.object({ m: z.int().nonnegative(), i: IdSchema });

const ALL_BUT_ARCHIVED = JOB_STATUSES.filter((s) => s !== 'archived');

export function createJobService({
  db,
  clock,
  config,
  files = createFileStore(config.dataDir),
  onSpecVersion,
}: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'mode' | 'dataDir'>;
  files?: FileStore;
  /** Hiring — NDAs: told of each new specification version, in its transaction (readers are notified). */
  onSpecVersion?: (tx: Tx, version: { jobId: string; version: number }) => Promise<void>;
}) {
  const { mode } = config;
  return {
    /**
     * Starts a draft. Fields in `input.brief` / `input.spec` override the template's or the
     * draft's; from scratch the brief must at least have a title. New jobs are public on a
     * marketplace and invite-only in a private workspace.
     */
    async create(
      { userId, businessId }: BusinessScope,
      input: CreateJobInput,
    ): Promise<BusinessJob> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'jobs.manage');
        const business = await findBusiness(tx, businessId);
        if (!business) throw notFound('Business');
        const start = await startingPoint(tx, businessId, input);
        const merged = { ...start.brief, ...input.brief };
        if (!merged.title) {
          throw badRequest('Give the job a title.', [
            { path: 'body.brief.title', message: 'Give the job a title' },
          ]);
        }
        const parsed = parseOr400(
          BriefSchema,
          { ...merged, budget: merged.budget ?? emptyBudget(business.currency) },
          'body.brief',
        );
        const spec = parseOr400(SpecSchema, { ...start.spec, ...input.spec }, 'body.spec');
        const { brief, columns } = await briefColumns(tx, parsed, 'body.brief');
        const now = clock.now();
        const job = await insertJob(tx, {
          id: newId(),
          businessId,
          status: 'draft',
          visibility: mode === 'workspace' ? 'invite-only' : 'public',
          ...columns,
          spec,
          checkScore: checkRequirements({ brief, spec }).score,
          draftId: start.draftId,
          templateSlug: start.templateSlug,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        });
        return presentBusinessJob(tx, job);
      });
    },

    /** A job with both layers; reading a published specification is noted as a view of its version. */
    async get({ userId, businessId, jobId }: JobScope): Promise<BusinessJob> {
      return db.transaction(async (tx) => {
        const job = await authorizeJob(tx, businessId, jobId, userId, 'jobs.read');
        if (job.specVersion !== null) {
          await recordSpecView(tx, {
            jobId,
            userId,
            version: job.specVersion,
            firstSeenAt: clock.now(),
          });
        }
        return presentBusinessJob(tx, job);
      });
    },

    /**
     * Saves the brief and/or the specification (each whole) and/or the settings. Once the job
     * has been published, a specification that differs from its latest version becomes the
     * next version. The job row is locked first, so two saves at once number their versions
     * one after the other instead of both claiming the same number. In a private workspace a
     * save leaves the job invite-only (`visibilityIn`).
     */
    async update(
      { userId, businessId, jobId }: JobScope,
      { expectedUpdatedAt, ...input }: UpdateJobInput,
    ): Promise<BusinessJob> {
      return db.transaction(async (tx) => {
        const job = await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage', {
          forUpdate: true,
        });
        // Checked under the row lock: of two editors who loaded the same version, the second save
        // is refused rather than replacing the first one's text unseen.
        if (
          expectedUpdatedAt &&
          job.updatedAt.getTime() !== new Date(expectedUpdatedAt).getTime()
        ) {
          throw conflict(
            'Someone else saved this job after you opened it. Copy your changes, then reload the page to see theirs.',
          );
        }
        if (Object.keys(input).length === 0) return presentBusinessJob(tx, job);
        if (job.status === 'archived') {
          throw conflict('This job is archived; reopen it before editing it.');
        }
        refusePublicInWorkspace(mode, input.visibility, 'body.visibility');
        const saved = input.brief ? await briefColumns(tx, input.brief, 'body.brief') : null;
        const brief = saved?.brief ?? briefOf(job);
        const spec = input.spec ?? job.spec;
        let specVersion = job.specVersion;
        if (input.spec && job.specVersion !== null) {
          const latest = await findSpecVersion(tx, jobId, job.specVersion);
          if (!latest || canonicalJson(latest.spec) !== canonicalJson(input.spec)) {
            specVersion = job.specVersion + 1;
            await insertSpecVersion(tx, {
              jobId,
              version: specVersion,
              spec: input.spec,
              createdBy: userId,
              createdAt: clock.now(),
            });
            await onSpecVersion?.(tx, { jobId, version: specVersion });
          }
        }
        const updated = await updateJob(tx, jobId, {
          ...saved?.columns,
          spec,
          specVersion,
          visibility: visibilityIn(mode, input.visibility, job.visibility),
          ...(input.ndaRequired !== undefined ? { ndaRequired: input.ndaRequired } : {}),
          ...(input.trialPlanned !== undefined ? { trialPlanned: input.trialPlanned } : {}),
          checkScore: checkRequirements({ brief, spec }).score,
          updatedAt: clock.now(),
        });
        await shareSkills(tx, updated, mode);
        return presentBusinessJob(tx, updated);
      });
    },

    /** The business's jobs, most recently changed first, with how many it has in each status. */
    async list(
      { userId, businessId }: BusinessScope,
      q: { status?: JobStatus; cursor?: string; limit: number },
    ): Promise<JobList> {
      await authorizeBusiness(db, businessId, userId, 'jobs.read');
      const cursor = decodeCursor(JobListCursorSchema, q.cursor);
      const after: JobListCursor | undefined = cursor && { micros: cursor.m, id: cursor.i };
      const statuses = q.status ? [q.status] : ALL_BUT_ARCHIVED;
      const [counts, rows] = await Promise.all([
        countJobsByStatus(db, businessId),
        listJobs(db, businessId, { statuses, limit: q.limit, after }),
      ]);
      const { items, nextCursor } = page(rows, q.limit, (last) => ({
        m: last.micros,
        i: last.job.id,
      }));
      return {
        items: items.map(({ job, invitedCount, attachmentCount }) => ({
          id: job.id,
          title: job.title,
          status: job.status,
          visibility: job.visibility,
          category: job.categorySlug,
          budget: briefOf(job).budget,
          specVersion: job.specVersion,
          score: job.checkScore,
          invitedCount,
          attachmentCount,
          updatedAt: job.updatedAt.toISOString(),
          publishedAt: job.publishedAt?.toISOString() ?? null,
        })),
        counts,
        nextCursor,
      };
    },

    /**
     * Deletes a draft that was never published; anything professionals may have seen is kept.
     * Its attachment rows go with it (cascade), and their files are removed after the commit:
     * a rollback must not leave rows pointing at files that are gone.
     */
    async remove({ userId, businessId, jobId }: JobScope): Promise<void> {
      const keys = await db.transaction(async (tx) => {
        const job = await authorizeJob(tx, businessId, jobId, userId, 'jobs.manage', {
          forUpdate: true,
        });
        if (job.status !== 'draft' || job.publishedAt !== null) {
          throw conflict(
            'Only a draft that was never published can be deleted; close or archive this job instead.',
          );
        }
        const stored = await attachmentKeys(tx, jobId);
        await deleteJob(tx, jobId);
        return stored;
      });
      for (const key of keys) await files.remove(key);
    },
  };
}
