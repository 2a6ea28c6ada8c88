/**
 * A business's jobs: start one (from scratch, a template or an audit job draft), read it, save
 * it, list them, delete a draft. Every save runs the requirements checker and stores its
 * score; a save that changes the specification of a published job adds a version.
 */
import type { z } from 'zod';
import {
  BriefSchema,
  SpecSchema,
  type Brief,
  type BusinessJob,
  type CreateJobSchema,
  type JobList,
  type Spec,
  type UpdateJobSchema,
} from '../../../core/contracts/jobs.ts';
import { IdSchema } from '../../../core/contracts/common.ts';
import {
  budgetInUsdCents,
  JOB_STATUSES,
  MAX_TITLE,
  skillSlug,
  type JobStatus,
  type Visibility,
} from '../../../core/jobs.ts';
import { checkRequirements } from '../../../core/requirements-checker.ts';
import { truncate } from '../../../core/text.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, HttpProblem, notFound } from '../../lib/errors.ts';
import { createFileStore, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findBusiness } from '../accounts/queries.ts';
import { ratesPerUsd } from '../admin/catalog.ts';
import { attachmentKeys } from './attachment-queries.ts';
import { authorizeJob, isPublicBrief, type JobRow, type Mode } from './policy.ts';
import { briefOf, presentAttachment, presentPublicJob } from './present.ts';
import {
  addSkills,
  categoryExists,
  countJobsByStatus,
  deleteJob,
  findJobMadeFromDraft,
  findSpecVersion,
  findTemplate,
  insertJob,
  insertSpecVersion,
  jobExtras,
  listAttachments,
  listJobs,
  lockJobDraft,
  recordSpecView,
  updateJob,
  type JobSet,
  type JobListCursor,
} from './queries.ts';
import { searchDocument } from './search-document.ts';

type CreateJobInput = z.infer<typeof CreateJobSchema>;
type UpdateJobInput = z.infer<typeof UpdateJobSchema>;

/** A request that is well formed but cannot be done as asked; `errors` name the fields. */
export const unprocessable = (detail: string, errors: { path: string; message: string }[]) =>
  new HttpProblem(422, 'Unprocessable content', detail, errors);

/** A private workspace has no public board: its jobs are for invited professionals only. */
export function refusePublicInWorkspace(
  mode: Mode,
  visibility: Visibility | undefined,
  path: string,
) {
  if (mode === 'workspace' && visibility === 'public') {
    throw unprocessable('This Handoff is a private workspace: jobs are invite-only.', [
      { path, message: 'This Handoff is a private workspace: jobs are invite-only' },
    ]);
  }
}

/**
 * The visibility a job is written with: on a marketplace the one asked for, else the one it has;
 * in a private workspace always invite-only, so a job made public before the deployment switched
 * to workspace mode becomes invite-only as soon as it is saved, published or moved.
 */
export function visibilityIn(
  mode: Mode,
  asked: Visibility | undefined,
  current: Visibility,
): Visibility {
  return mode === 'workspace' ? 'invite-only' : (asked ?? current);
}

/**
 * Adds the job's skills to the autocomplete list (`GET /api/v1/skills`, anonymous) once anyone
 * may read them (`isPublicBrief`): a skill typed into a draft, an invite-only job or any job of a
 * private workspace must not be listed for everyone. Known skills keep their first spelling.
 */
export async function shareSkills(tx: Tx, job: JobRow, mode: Mode) {
  if (!isPublicBrief(job, mode)) return;
  await addSkills(
    tx,
    job.skillSlugs.map((slug, i) => ({ slug, name: job.skills[i] ?? slug })),
  );
}

/** JSON with object keys sorted at every level: jsonb does not keep key order, so compare this. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A job as its business's members see it: both layers, every attachment, the checker's result. */
export async function presentBusinessJob(tx: Tx, job: JobRow): Promise<BusinessJob> {
  const { businessName, invitedCount } = await jobExtras(tx, job.id, job.businessId);
  const attachments = await listAttachments(tx, job.id);
  const brief = briefOf(job);
  return {
    ...presentPublicJob(job, businessName, []),
    attachments: attachments.map(presentAttachment),
    spec: job.spec,
    specVersion: job.specVersion,
    check: checkRequirements({ brief, spec: job.spec }),
    publishedScore: job.publishedScore,
    draftId: job.draftId,
    templateSlug: job.templateSlug,
    invitedCount,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    closedAt: job.closedAt?.toISOString() ?? null,
    archivedAt: job.archivedAt?.toISOString() ?? null,
  };
}

/**
 * The brief's columns, after checking what the schema cannot: the category exists, each skill
 * has letters or digits. Skills are kept once per slug ("Figma" and "figma" are one); they join
 * the autocomplete list only once the job is public (`shareSkills`). `path` prefixes the fields
 * named in errors.
 */
export async function briefColumns(tx: Tx, input: Brief, path: string) {
  const errors: { path: string; message: string }[] = [];
  if (input.category && !(await categoryExists(tx, input.category))) {
    errors.push({ path: `${path}.category`, message: 'Not one of the categories' });
  }
  const bySlug = new Map<string, string>();
  input.skills.forEach((name, i) => {
    const slug = skillSlug(name);
    if (!slug) errors.push({ path: `${path}.skills.${i}`, message: 'Use letters or digits' });
    else if (!bySlug.has(slug)) bySlug.set(slug, name);
  });
  if (errors.length > 0) throw badRequest(errors.map((e) => e.message).join('; '), errors);
  const brief: Brief = { ...input, skills: [...bySlug.values()] };
  const budget = brief.budget;
  const columns = {
    title: brief.title,
    summary: brief.summary,
    categorySlug: brief.category,
    skills: brief.skills,
    skillSlugs: [...bySlug.keys()],
    budgetType: budget?.type ?? null,
    budgetCurrency: budget?.currency ?? null,
    budgetMin: budget?.min ?? null,
    budgetMax: budget?.max ?? null,
    hoursPerWeek: budget?.hoursPerWeek ?? null,
    budgetUsd: budgetInUsdCents(budget, await ratesPerUsd(tx)),
    deadline: brief.deadline,
    durationDays: brief.durationDays,
    screeningQuestions: brief.screeningQuestions,
    search: searchDocument(brief.title, brief.summary, brief.skills),
  } satisfies JobSet;
  return { brief, columns };
}

/** An empty budget in the business's currency: the editor starts from the right currency. */
const emptyBudget = (currency: string): NonNullable<Brief['budget']> => ({
  type: 'fixed',
  currency,
  min: null,
  max: null,
  hoursPerWeek: null,
});

/** `value` parsed by `schema`, or 400 naming each bad field under `path`. */
function parseOr400<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: [path, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw badRequest(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

interface StartingPoint {
  brief: Partial<Brief>;
  spec: Partial<Spec>;
  templateSlug: string | null;
  draftId: string | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** What a new job starts from before the caller's own fields: a template, an audit draft, or nothing. */
async function startingPoint(
  tx: Tx,
  businessId: string,
  input: CreateJobInput,
): Promise<StartingPoint> {
  if (input.templateSlug) {
    const template = await findTemplate(tx, input.templateSlug);
    if (!template) {
      throw new HttpProblem(404, 'Not found', `There is no template “${input.templateSlug}”.`, [
        { path: 'body.templateSlug', message: 'No template with this slug' },
      ]);
    }
    return {
      brief: {
        ...template.brief,
        title: template.brief.title ?? template.name,
        category: template.brief.category ?? template.categorySlug,
      },
      spec: template.spec,
      templateSlug: template.slug,
      draftId: null,
    };
  }
  if (input.draftId) {
    const draft = await lockJobDraft(tx, businessId, input.draftId);
    if (!draft) {
      throw new HttpProblem(404, 'Not found', 'This business has no such job draft.', [
        { path: 'body.draftId', message: 'No job draft with this id in this business' },
      ]);
    }
    const made = await findJobMadeFromDraft(tx, draft.id);
    if (made) {
      throw new HttpProblem(
        409,
        'Conflict',
        `This draft was already turned into the job “${made.title}” (${made.id}); open that job instead.`,
        [{ path: 'body.draftId', message: `Already turned into the job “${made.title}”` }],
      );
    }
    return {
      brief: {
        // A task's name may be longer than a job's title allows.
        title: truncate(draft.title, MAX_TITLE),
        category: draft.categorySlug,
        summary: `Recurring work we do ourselves today and want to hand off: ${draft.title}, about ${oneDecimal(draft.hoursPerMonth)} hours a month.`,
        budget: {
          type: 'fixed',
          currency: draft.currency,
          min: draft.budgetMinAmount,
          max: draft.budgetMaxAmount,
          hoursPerWeek: null,
        },
      },
      spec: {},
      templateSlug: null,
      draftId: draft.id,
    };
  }
  return { brief: {}, spec: {}, templateSlug: null, draftId: null };
}

/** The job list's cursor: `<updated_at in µs>_<id>` of the last job of the page. */
function parseCursor(cursor: string): JobListCursor {
  // The id is cast to uuid in SQL: anything but a real one is a 400 here, not a 500 there.
  const match = /^(\d{1,17})_(.+)$/.exec(cursor);
  if (!match?.[1] || !match[2] || !IdSchema.safeParse(match[2]).success) {
    throw badRequest('The cursor is not one this list gave out.', [
      { path: 'querystring.cursor', message: 'Invalid cursor' },
    ]);
  }
  return { micros: Number(match[1]), id: match[2] };
}

const ALL_BUT_ARCHIVED = JOB_STATUSES.filter((s) => s !== 'archived');

export function createJobService({
  db,
  clock,
  config,
  files = createFileStore(config.dataDir),
}: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'mode' | 'dataDir'>;
  files?: FileStore;
}) {
  const { mode } = config;
  return {
    /**
     * Starts a draft. Fields in `input.brief` / `input.spec` override the template's or the
     * draft's; from scratch the brief must at least have a title. New jobs are public on a
     * marketplace and invite-only in a private workspace.
     */
    async create(userId: string, businessId: string, input: CreateJobInput): Promise<BusinessJob> {
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
    async get(userId: string, businessId: string, jobId: string): Promise<BusinessJob> {
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
      userId: string,
      businessId: string,
      jobId: string,
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
      userId: string,
      businessId: string,
      q: { status?: JobStatus; cursor?: string; limit: number },
    ): Promise<JobList> {
      await authorizeBusiness(db, businessId, userId, 'jobs.read');
      const after = q.cursor ? parseCursor(q.cursor) : undefined;
      const statuses = q.status ? [q.status] : ALL_BUT_ARCHIVED;
      const [counts, rows] = await Promise.all([
        countJobsByStatus(db, businessId),
        listJobs(db, businessId, { statuses, limit: q.limit, after }),
      ]);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ job, invitedCount, attachmentCount }) => ({
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
        nextCursor: rows.length > q.limit && last ? `${last.micros}_${last.job.id}` : null,
      };
    },

    /**
     * Deletes a draft that was never published; anything professionals may have seen is kept.
     * Its attachment rows go with it (cascade), and their files are removed after the commit:
     * a rollback must not leave rows pointing at files that are gone.
     */
    async remove(userId: string, businessId: string, jobId: string): Promise<void> {
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
