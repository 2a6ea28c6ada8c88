import { z } from 'zod';
import {
  BUDGET_TYPES,
  JOB_STATUSES,
  MAX_SCREENING_QUESTIONS,
  MAX_TITLE,
  PRIORITIES,
  SPEC_LAYERS,
  skillSlug,
  VISIBILITIES,
} from '../jobs.ts';
import { CategorySlugSchema, DateSchema } from './audit.ts';
import {
  CurrencySchema,
  CursorQuerySchema,
  DateTimeSchema,
  freeText,
  IdSchema,
  MAX_INT4,
} from './common.ts';

export const JobStatusSchema = z.enum(JOB_STATUSES);
export const VisibilitySchema = z.enum(VISIBILITIES);
export const PrioritySchema = z.enum(PRIORITIES);
export const BudgetTypeSchema = z.enum(BUDGET_TYPES);
export const AttachmentLayerSchema = z.enum(SPEC_LAYERS);

/** A list item's id, made by the client (editor) so that criteria can point at deliverables. */
export const ItemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Not an item id');

/** A skill as typed: any name; stored by its slug (lower case, dashes). */
export const SkillNameSchema = freeText(40)
  .min(1, 'Required')
  // Every skill is kept and filtered by its slug; a name without a letter or digit has none.
  .refine((name) => name === '' || skillSlug(name) !== '', { message: 'Use letters or digits' });

/**
 * Budget of a job: a fixed price range, or an hourly rate range with the expected hours a week.
 * Amounts are minor units of `currency`; either end may be open (null) while drafting.
 */
export const BudgetSchema = z
  .object({
    type: BudgetTypeSchema,
    currency: CurrencySchema,
    min: z.number().int().min(0).max(100_000_000_00).nullable(),
    max: z.number().int().min(0).max(100_000_000_00).nullable(),
    /** Hourly jobs only: expected hours a week. */
    hoursPerWeek: z.number().min(0.5).max(80).nullable().default(null),
  })
  .refine((b) => b.min === null || b.max === null || b.min <= b.max, {
    message: 'The lower end must not be above the upper end',
    path: ['max'],
  })
  .meta({ id: 'Budget' });
export type Budget = z.infer<typeof BudgetSchema>;

/** The public layer of a job: enough to decide whether to bid. */
export const BriefSchema = z
  .object({
    title: freeText(MAX_TITLE).min(1, 'Give the job a title'),
    summary: freeText(5_000).default(''),
    category: CategorySlugSchema.nullable().default(null),
    skills: z.array(SkillNameSchema).max(15, 'At most 15 skills').default([]),
    budget: BudgetSchema.nullable().default(null),
    /** Either a deadline (a date in the business's time zone) or a duration in days, or neither while drafting. */
    deadline: DateSchema.nullable().default(null),
    durationDays: z.number().int().min(1).max(3_650).nullable().default(null),
    screeningQuestions: z
      .array(freeText(500).min(1, 'Write the question or remove it'))
      .max(MAX_SCREENING_QUESTIONS, `At most ${MAX_SCREENING_QUESTIONS} screening questions`)
      .default([]),
  })
  .meta({ id: 'Brief' });
export type Brief = z.infer<typeof BriefSchema>;
export type BriefInput = z.input<typeof BriefSchema>;

export const DeliverableSchema = z.object({ id: ItemIdSchema, text: freeText(500) });
export const AcceptanceCriterionSchema = z.object({
  id: ItemIdSchema,
  text: freeText(1_000),
  /** The deliverable this criterion accepts; null while unlinked. */
  deliverableId: ItemIdSchema.nullable(),
});
export const RequirementSchema = z.object({
  id: ItemIdSchema,
  text: freeText(1_000),
  priority: PrioritySchema,
  /** The deliverable that carries this requirement; a must-have should have one. */
  deliverableId: ItemIdSchema.nullable(),
});

/** The confidential layer: what the shortlisted professionals build against. */
export const SpecSchema = z
  .object({
    /** Markdown. */
    description: freeText(50_000, { trim: false }).default(''),
    deliverables: z.array(DeliverableSchema).max(50).default([]),
    acceptanceCriteria: z.array(AcceptanceCriterionSchema).max(100).default([]),
    requirements: z.array(RequirementSchema).max(100).default([]),
    successDefinition: freeText(5_000).default(''),
    constraints: freeText(5_000).default(''),
  })
  .meta({ id: 'Spec' });
export type Spec = z.infer<typeof SpecSchema>;
export type SpecInput = z.input<typeof SpecSchema>;

export const FindingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    /** Path of the field, e.g. `brief.summary` or `spec.acceptanceCriteria.2.text`. */
    field: z.string(),
    /** The exact text the finding is about (a vague word, a placeholder, a criterion), if any. */
    text: z.string().nullable(),
    /** Position of `text` inside the field's value, if it is a part of it. */
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    message: z.string(),
    fix: z.string(),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof FindingSchema>;

export const CheckResultSchema = z
  .object({ score: z.number().int().min(0).max(100), findings: z.array(FindingSchema) })
  .meta({ id: 'CheckResult' });
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const AttachmentSchema = z
  .object({
    id: IdSchema,
    layer: AttachmentLayerSchema,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

/** The public view of a job: the brief and nothing of the specification. */
export const PublicJobSchema = z
  .object({
    id: IdSchema,
    business: z.object({ id: IdSchema, name: z.string() }),
    status: JobStatusSchema,
    visibility: VisibilitySchema,
    ndaRequired: z.boolean(),
    trialPlanned: z.boolean(),
    brief: BriefSchema,
    /** Brief attachments only. */
    attachments: z.array(AttachmentSchema),
    publishedAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'PublicJob' });
export type PublicJob = z.infer<typeof PublicJobSchema>;

/** A job as its business's members see it: both layers, the checker's result, counts. */
export const BusinessJobSchema = PublicJobSchema.extend({
  spec: SpecSchema,
  /** Latest published version of the specification; null before publishing. */
  specVersion: z.number().int().nullable(),
  /** The checker's result for the current text (also stored at publish). */
  check: CheckResultSchema,
  /** The checker's score when the job was published; null before. */
  publishedScore: z.number().int().nullable(),
  /** The audit job draft this job was made from, if any. */
  draftId: IdSchema.nullable(),
  templateSlug: z.string().nullable(),
  invitedCount: z.number().int(),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  closedAt: DateTimeSchema.nullable(),
  archivedAt: DateTimeSchema.nullable(),
}).meta({ id: 'BusinessJob' });
export type BusinessJob = z.infer<typeof BusinessJobSchema>;

export const JobListItemSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    status: JobStatusSchema,
    visibility: VisibilitySchema,
    category: z.string().nullable(),
    budget: BudgetSchema.nullable(),
    specVersion: z.number().int().nullable(),
    score: z.number().int(),
    invitedCount: z.number().int(),
    attachmentCount: z.number().int(),
    updatedAt: DateTimeSchema,
    publishedAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'JobListItem' });
export type JobListItem = z.infer<typeof JobListItemSchema>;

export const JobCountsSchema = z.object({
  draft: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  archived: z.number().int(),
});
export const JobListSchema = z
  .object({
    items: z.array(JobListItemSchema),
    counts: JobCountsSchema,
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'JobList' });
export type JobList = z.infer<typeof JobListSchema>;

export const JobListQuerySchema = CursorQuerySchema.extend({ status: JobStatusSchema.optional() });

export const JobSettingsSchema = z.object({
  visibility: VisibilitySchema,
  ndaRequired: z.boolean(),
  trialPlanned: z.boolean(),
});

/**
 * The brief's and the spec's fields as a caller sends them to start a job: each optional and
 * never defaulted (`.partial()` would fill in `summary: ''` and the like), so that only the
 * fields sent override the template's or the draft's.
 */
const BriefFieldsSchema = z.object({
  title: BriefSchema.shape.title.optional(),
  summary: BriefSchema.shape.summary.unwrap().optional(),
  category: BriefSchema.shape.category.unwrap().optional(),
  skills: BriefSchema.shape.skills.unwrap().optional(),
  budget: BriefSchema.shape.budget.unwrap().optional(),
  deadline: BriefSchema.shape.deadline.unwrap().optional(),
  durationDays: BriefSchema.shape.durationDays.unwrap().optional(),
  screeningQuestions: BriefSchema.shape.screeningQuestions.unwrap().optional(),
});
const SpecFieldsSchema = z.object({
  description: SpecSchema.shape.description.unwrap().optional(),
  deliverables: SpecSchema.shape.deliverables.unwrap().optional(),
  acceptanceCriteria: SpecSchema.shape.acceptanceCriteria.unwrap().optional(),
  requirements: SpecSchema.shape.requirements.unwrap().optional(),
  successDefinition: SpecSchema.shape.successDefinition.unwrap().optional(),
  constraints: SpecSchema.shape.constraints.unwrap().optional(),
});

/** New job: from scratch (brief), from a template, or from an audit job draft. */
export const CreateJobSchema = z
  .object({
    brief: BriefFieldsSchema.optional(),
    spec: SpecFieldsSchema.optional(),
    templateSlug: freeText(60, { trim: false }).optional(),
    draftId: IdSchema.optional(),
  })
  .strict()
  .refine((b) => !(b.templateSlug && b.draftId), {
    message: 'Start from a template or from a job draft, not both',
    path: ['draftId'],
  });
export type CreateJob = z.input<typeof CreateJobSchema>;

/** Save: any of the two layers (each whole) and the settings. */
export const UpdateJobSchema = z
  .object({
    brief: BriefSchema,
    spec: SpecSchema,
    /**
     * The job's `updatedAt` as the editor last loaded it. When given, a save on top of someone
     * else's newer save answers 409 instead of silently replacing their text.
     */
    expectedUpdatedAt: DateTimeSchema,
  })
  .extend(JobSettingsSchema.shape)
  .partial()
  .strict();
export type UpdateJob = z.input<typeof UpdateJobSchema>;

export const PublishJobSchema = JobSettingsSchema.partial().strict();

export const JobParamsSchema = z.object({ jobId: IdSchema });
export const BusinessJobParamsSchema = z.object({ businessId: IdSchema, jobId: IdSchema });

export const SpecVersionSummarySchema = z
  .object({
    version: z.number().int(),
    createdAt: DateTimeSchema,
    createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  })
  .meta({ id: 'SpecVersionSummary' });
export const SpecVersionSchema = SpecVersionSummarySchema.extend({ spec: SpecSchema }).meta({
  id: 'SpecVersion',
});
export type SpecVersion = z.infer<typeof SpecVersionSchema>;
export const VersionParamsSchema = BusinessJobParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(MAX_INT4),
});
export const DiffQuerySchema = z.object({
  from: z.coerce.number().int().min(1).max(MAX_INT4),
  to: z.coerce.number().int().min(1).max(MAX_INT4),
});

/** One changed piece of text: unchanged, added or removed runs, in order. */
export const DiffPartSchema = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
/** One section of the specification that differs between the two versions. */
export const DiffSectionSchema = z.object({
  /** `description`, `successDefinition`, `constraints`, `deliverables`, `acceptanceCriteria`, `requirements`. */
  section: z.string(),
  label: z.string(),
  parts: z.array(DiffPartSchema),
});
export const SpecDiffSchema = z
  .object({ from: z.number().int(), to: z.number().int(), sections: z.array(DiffSectionSchema) })
  .meta({ id: 'SpecDiff' });
export type SpecDiff = z.infer<typeof SpecDiffSchema>;

/** Who has seen which version of the specification (kept for the acknowledgement flow). */
export const SpecViewSchema = z
  .object({
    user: z.object({ id: IdSchema, name: z.string() }),
    version: z.number().int(),
    firstSeenAt: DateTimeSchema,
  })
  .meta({ id: 'SpecView' });

export const JobInvitationSchema = z
  .object({
    professional: z.object({ id: IdSchema, name: z.string(), email: z.string() }),
    invitedAt: DateTimeSchema,
    /**
     * True while the professional has not verified their e-mail address: they cannot read the
     * brief until they do (the invitation e-mail tells them so).
     */
    awaitingVerification: z.boolean(),
  })
  .meta({ id: 'JobInvitation' });
/** An invitation sent to an address with no professional account yet, waiting for them to sign up. */
export const PendingJobInvitationSchema = z
  .object({ email: z.string(), invitedAt: DateTimeSchema })
  .meta({ id: 'PendingJobInvitation' });
export const JobInvitationListSchema = z
  .object({
    items: z.array(JobInvitationSchema),
    /** E-mail invitations not yet claimed: they become items once someone verifies that address. */
    pending: z.array(PendingJobInvitationSchema),
  })
  .meta({ id: 'JobInvitationList' });
/**
 * What inviting answers: the same whether or not the address has an account, so that inviting
 * tells nobody who uses Handoff.
 */
export const JobInvitationSentSchema = z
  .object({ email: z.string() })
  .meta({ id: 'JobInvitationSent' });
export const PendingInvitationParamsSchema = BusinessJobParamsSchema.extend({
  email: z.email().transform((s) => s.toLowerCase()),
});
export const InviteToJobSchema = z
  .object({ email: z.email().transform((s) => s.toLowerCase()) })
  .strict();
export const InvitationParamsSchema = BusinessJobParamsSchema.extend({ userId: IdSchema });

export const AttachmentQuerySchema = z.object({
  layer: AttachmentLayerSchema,
  name: z.string().trim().min(1).max(200),
});
export const AttachmentParamsSchema = JobParamsSchema.extend({ attachmentId: IdSchema });
export const BusinessAttachmentParamsSchema = BusinessJobParamsSchema.extend({
  attachmentId: IdSchema,
});

// Defined without zod so that the public board reads it without loading zod (core/jobs.ts).
import { POSTED_WITHIN } from '../jobs.ts';
export { POSTED_WITHIN };

/**
 * The job board's search: full text over title, summary and skills, with filters.
 *
 * A job's budget is a total when fixed and a rate when hourly, so budgets are compared within
 * one kind only: a budget bound or the budget order needs `budgetType` (else 400 naming it).
 */
export const BoardQuerySchema = CursorQuerySchema.extend({
  q: freeText(200).optional(),
  category: CategorySlugSchema.optional(),
  /** Comma-separated skill names or slugs; a job must have all of them. */
  skills: freeText(400).optional(),
  /** Required with `budgetMin`, `budgetMax` or `sort=budget`. */
  budgetType: BudgetTypeSchema.optional(),
  /**
   * Budget bounds in minor units of `currency` (default USD), compared through exchange rates
   * with the total of a fixed-price job or the hourly rate of an hourly one (see `budgetType`).
   */
  budgetMin: z.coerce.number().int().min(0).max(100_000_000_00).optional(),
  budgetMax: z.coerce.number().int().min(0).max(100_000_000_00).optional(),
  currency: CurrencySchema.optional(),
  postedWithin: z.enum(Object.keys(POSTED_WITHIN) as [keyof typeof POSTED_WITHIN]).optional(),
  /** `budget`: highest total (fixed) or rate (hourly) first, jobs without an amount last. */
  sort: z.enum(['newest', 'budget']).default('newest'),
}).superRefine((q, ctx) => {
  if (q.budgetType) return;
  const needs =
    q.sort === 'budget'
      ? 'sort=budget'
      : q.budgetMin !== undefined || q.budgetMax !== undefined
        ? 'a budget bound'
        : null;
  if (needs) {
    ctx.addIssue({
      code: 'custom',
      path: ['budgetType'],
      message: `Required with ${needs}: fixed prices and hourly rates are compared separately`,
    });
  }
});
export type BoardQuery = z.input<typeof BoardQuerySchema>;

export const BoardJobSchema = z
  .object({
    id: IdSchema,
    business: z.object({ id: IdSchema, name: z.string() }),
    title: z.string(),
    summary: z.string(),
    category: z.string().nullable(),
    skills: z.array(z.string()),
    budget: BudgetSchema.nullable(),
    deadline: DateSchema.nullable(),
    durationDays: z.number().int().nullable(),
    ndaRequired: z.boolean(),
    trialPlanned: z.boolean(),
    publishedAt: DateTimeSchema,
  })
  .meta({ id: 'BoardJob' });
export type BoardJob = z.infer<typeof BoardJobSchema>;
export const BoardPageSchema = z
  .object({ items: z.array(BoardJobSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'BoardPage' });
export type BoardPage = z.infer<typeof BoardPageSchema>;

export const SkillSchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'Skill' });
export const SkillQuerySchema = z.object({
  q: freeText(40).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const TemplateSlugSchema = z.string().regex(/^[a-z0-9-]{2,60}$/, 'Not a template slug');
export const JobTemplateSchema = z
  .object({
    slug: TemplateSlugSchema,
    name: z.string(),
    category: z.string().nullable(),
    brief: BriefSchema.partial(),
    spec: SpecSchema.partial(),
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'JobTemplate' });
export type JobTemplate = z.infer<typeof JobTemplateSchema>;
export const UpdateJobTemplateSchema = z
  .object({
    name: freeText(80).min(1),
    category: CategorySlugSchema.nullable(),
    brief: BriefSchema.partial(),
    spec: SpecSchema.partial(),
  })
  .partial()
  .strict();
export const TemplateParamsSchema = z.object({ slug: TemplateSlugSchema });

/** Request shapes: what a client sends (`…Input`, before defaults and transforms) and what the server reads. */
export type JobListQuery = z.infer<typeof JobListQuerySchema>;
export type JobListQueryInput = z.input<typeof JobListQuerySchema>;
export type PublishJob = z.infer<typeof PublishJobSchema>;
export type PublishJobInput = z.input<typeof PublishJobSchema>;
export type DiffQuery = z.infer<typeof DiffQuerySchema>;
export type DiffQueryInput = z.input<typeof DiffQuerySchema>;
export type InviteToJob = z.infer<typeof InviteToJobSchema>;
export type InviteToJobInput = z.input<typeof InviteToJobSchema>;
export type AttachmentQuery = z.infer<typeof AttachmentQuerySchema>;
export type AttachmentQueryInput = z.input<typeof AttachmentQuerySchema>;
export type SkillQuery = z.infer<typeof SkillQuerySchema>;
export type SkillQueryInput = z.input<typeof SkillQuerySchema>;
export type UpdateJobTemplate = z.infer<typeof UpdateJobTemplateSchema>;
export type UpdateJobTemplateInput = z.input<typeof UpdateJobTemplateSchema>;
