import type { z } from 'zod';
import type {
  Attachment,
  BoardJob,
  Brief,
  JobInvitationSchema,
  JobTemplate,
  PublicJob,
  SpecViewSchema,
} from '../../../core/contracts/jobs.ts';
import type { jobAttachments } from '../../db/schema/index.ts';
import type { JobRow } from './policy.ts';
import type { findJobInvitation, listSpecVersions, listSpecViews, TemplateRow } from './queries.ts';

/** The columns the brief is made of (the board selects only these, never the specification). */
export type BriefColumns = Pick<
  JobRow,
  | 'title'
  | 'summary'
  | 'categorySlug'
  | 'skills'
  | 'budgetType'
  | 'budgetCurrency'
  | 'budgetMin'
  | 'budgetMax'
  | 'hoursPerWeek'
  | 'deadline'
  | 'durationDays'
  | 'screeningQuestions'
>;

/** The public brief of a job row. */
export function briefOf(job: BriefColumns): Brief {
  return {
    title: job.title,
    summary: job.summary,
    category: job.categorySlug,
    skills: job.skills,
    budget:
      job.budgetType && job.budgetCurrency
        ? {
            type: job.budgetType,
            currency: job.budgetCurrency,
            min: job.budgetMin,
            max: job.budgetMax,
            hoursPerWeek: job.hoursPerWeek,
          }
        : null,
    deadline: job.deadline,
    durationDays: job.durationDays,
    screeningQuestions: job.screeningQuestions,
  };
}

export function presentAttachment(a: typeof jobAttachments.$inferSelect): Attachment {
  return {
    id: a.id,
    layer: a.layer,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * The public view of a job. Built field by field from the brief columns, so nothing of the
 * specification can reach it; the response schema strips anything else again.
 */
export function presentPublicJob(
  job: JobRow,
  businessName: string,
  briefAttachments: (typeof jobAttachments.$inferSelect)[],
): PublicJob {
  return {
    id: job.id,
    business: { id: job.businessId, name: businessName },
    status: job.status,
    visibility: job.visibility,
    ndaRequired: job.ndaRequired,
    trialPlanned: job.trialPlanned,
    brief: briefOf(job),
    attachments: briefAttachments.filter((a) => a.layer === 'brief').map(presentAttachment),
    publishedAt: job.publishedAt?.toISOString() ?? null,
  };
}

/** A job as a card on the board or in a professional's invitations. */
export function presentBoardJob(
  job: BriefColumns &
    Pick<
      JobRow,
      'id' | 'businessId' | 'ndaRequired' | 'trialPlanned' | 'publishedAt' | 'createdAt'
    >,
  businessName: string,
): BoardJob {
  const brief = briefOf(job);
  return {
    id: job.id,
    business: { id: job.businessId, name: businessName },
    title: brief.title,
    summary: brief.summary,
    category: brief.category,
    skills: brief.skills,
    budget: brief.budget,
    deadline: brief.deadline,
    durationDays: brief.durationDays,
    ndaRequired: job.ndaRequired,
    trialPlanned: job.trialPlanned,
    publishedAt: (job.publishedAt ?? job.createdAt).toISOString(),
  };
}

export type JobInvitation = z.infer<typeof JobInvitationSchema>;
export type SpecView = z.infer<typeof SpecViewSchema>;
type InvitationRow = NonNullable<Awaited<ReturnType<typeof findJobInvitation>>>;

export const presentJobInvitation = (row: InvitationRow): JobInvitation => ({
  professional: { id: row.userId, name: row.name, email: row.email },
  invitedAt: row.invitedAt.toISOString(),
  awaitingVerification: !row.emailVerified,
});

type VersionRow = Awaited<ReturnType<typeof listSpecVersions>>[number];

export const presentVersionSummary = (v: VersionRow) => ({
  version: v.version,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdById && v.createdByName ? { id: v.createdById, name: v.createdByName } : null,
});

type ViewRow = Awaited<ReturnType<typeof listSpecViews>>[number];
export const presentSpecView = (v: ViewRow): SpecView => ({
  user: { id: v.userId, name: v.name },
  version: v.version,
  firstSeenAt: v.firstSeenAt.toISOString(),
});

export const presentTemplate = (t: TemplateRow): JobTemplate => ({
  slug: t.slug,
  name: t.name,
  category: t.categorySlug,
  brief: t.brief,
  spec: t.spec,
  updatedAt: t.updatedAt.toISOString(),
});
