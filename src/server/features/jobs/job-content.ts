/**
 * What the jobs service writes and shows, shared with the lifecycle: a brief's columns (skills,
 * USD budget, search document), where a new job starts (template, audit draft), visibility in a
 * workspace, the skills a public job shares, and the members' view of a job.
 */
import type { z } from 'zod';
import {
  type Brief,
  type BusinessJob,
  type CreateJobSchema,
  type Spec,
} from '../../../core/contracts/jobs.ts';
import { jobFromDraft } from '../../../core/draft-job.ts';
import { budgetInUsdCents, skillSlug, type Visibility } from '../../../core/jobs.ts';
import { checkRequirements } from '../../../core/requirements-checker.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, HttpProblem } from '../../lib/errors.ts';
import { ratesPerUsd } from '../catalog/catalog.ts';
import { isPublicBrief, type JobRow, type Mode } from './policy.ts';
import { briefOf, presentAttachment, presentPublicJob } from './present.ts';
import {
  addSkills,
  categoryExists,
  findJobMadeFromDraft,
  findTemplate,
  jobExtras,
  listAttachments,
  lockJobDraft,
  type JobSet,
} from './queries.ts';
import { searchDocument } from './search-document-queries.ts';

type CreateJobInput = z.infer<typeof CreateJobSchema>;

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
export const emptyBudget = (currency: string): NonNullable<Brief['budget']> => ({
  type: 'fixed',
  currency,
  min: null,
  max: null,
  hoursPerWeek: null,
});

/** `value` parsed by `schema`, or 400 naming each bad field under `path`. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: [path, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw badRequest(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

export interface StartingPoint {
  brief: Partial<Brief>;
  spec: Partial<Spec>;
  templateSlug: string | null;
  draftId: string | null;
}

/** What a new job starts from before the caller's own fields: a template, an audit draft, or nothing. */
export async function startingPoint(
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
    // A recurring candidate becomes recurring work: hourly with its hours a week (or a fixed
    // price a month), a descriptive title, and a first specification (core/draft-job.ts).
    const { brief, spec } = jobFromDraft({
      taskName: draft.title,
      hoursPerMonth: draft.hoursPerMonth,
      currency: draft.currency,
      budgetMin: draft.budgetMinAmount,
      budgetMax: draft.budgetMaxAmount,
    });
    return {
      brief: { ...brief, category: draft.categorySlug },
      spec,
      templateSlug: null,
      draftId: draft.id,
    };
  }
  return { brief: {}, spec: {}, templateSlug: null, draftId: null };
}
