/**
 * Jobs built straight in the database for tests that need one in a given state (the jobs
 * service's own tests go through the API instead). Fills the brief and spec from the contracts'
 * defaults, sets the board's search document and USD budget as the service does.
 */
import {
  BriefSchema,
  SpecSchema,
  type BriefInput,
  type SpecInput,
} from '../src/core/contracts/jobs.ts';
import { budgetInUsdCents, skillSlug, type JobStatus, type Visibility } from '../src/core/jobs.ts';
import { jobInvitations, jobSpecVersions, jobs } from '../src/server/db/schema/index.ts';
import { ratesPerUsd } from '../src/server/features/catalog/catalog.ts';
import { searchDocument } from '../src/server/features/jobs/search-document-queries.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { TestContext } from './harness.ts';

export interface BuildJobOptions {
  businessId: string;
  createdBy?: string;
  status?: JobStatus;
  visibility?: Visibility;
  brief?: Partial<BriefInput>;
  spec?: SpecInput;
  publishedAt?: Date;
}

export async function buildJob(ctx: TestContext, options: BuildJobOptions) {
  const brief = BriefSchema.parse({ title: 'Design a logo for a bakery', ...options.brief });
  const spec = SpecSchema.parse(options.spec ?? {});
  const status = options.status ?? 'open';
  const published = status !== 'draft';
  const publishedAt = published ? (options.publishedAt ?? ctx.clock.now()) : null;
  const id = newId();
  const [job] = await ctx.db
    .insert(jobs)
    .values({
      id,
      businessId: options.businessId,
      status,
      visibility: options.visibility ?? 'public',
      title: brief.title,
      summary: brief.summary,
      categorySlug: brief.category,
      skills: brief.skills,
      skillSlugs: brief.skills.map(skillSlug),
      budgetType: brief.budget?.type ?? null,
      budgetCurrency: brief.budget?.currency ?? null,
      budgetMin: brief.budget?.min ?? null,
      budgetMax: brief.budget?.max ?? null,
      hoursPerWeek: brief.budget?.hoursPerWeek ?? null,
      budgetUsd: budgetInUsdCents(brief.budget, await ratesPerUsd(ctx.db)),
      deadline: brief.deadline,
      durationDays: brief.durationDays,
      screeningQuestions: brief.screeningQuestions,
      search: searchDocument(brief.title, brief.summary, brief.skills),
      spec,
      specVersion: published ? 1 : null,
      createdBy: options.createdBy ?? null,
      publishedAt,
      closedAt: status === 'closed' ? ctx.clock.now() : null,
      archivedAt: status === 'archived' ? ctx.clock.now() : null,
    })
    .returning();
  if (!job) throw new Error('insert returned no row');
  if (published)
    await ctx.db
      .insert(jobSpecVersions)
      .values({ jobId: id, version: 1, spec, createdBy: options.createdBy ?? null });
  return job;
}

export async function inviteToJob(ctx: TestContext, jobId: string, userId: string) {
  await ctx.db.insert(jobInvitations).values({ jobId, userId });
}
