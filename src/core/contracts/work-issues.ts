/**
 * A contract's issues (issue 12, item 4): the shapes of the tracker's API. An issue is named
 * `#N` within its contract; its description and comments are Markdown, answered both as
 * written and as safe HTML (where `#N` links to that issue).
 */
import { z } from 'zod';
import { WORK_ISSUE_PRIORITIES, WORK_ISSUE_STATUSES } from '../work.ts';
import { CursorQuerySchema, DateTimeSchema, freeText, IdSchema, MAX_INT4 } from './common.ts';

export const WorkIssueStatusSchema = z.enum(WORK_ISSUE_STATUSES);
export const WorkIssuePrioritySchema = z.enum(WORK_ISSUE_PRIORITIES);

/** Labels are short words of the contract's own choosing, compared without case. */
export const MAX_LABELS = 10;
const LabelSchema = freeText(40).min(1, 'A label cannot be empty');
const LabelsSchema = z
  .array(LabelSchema)
  .max(MAX_LABELS, `At most ${MAX_LABELS} labels`)
  .transform((labels) => [...new Set(labels.map((l) => l.toLowerCase()))]);

export const WorkIssueParamsSchema = z.object({
  contractId: IdSchema,
  number: z.coerce.number().int().min(1).max(MAX_INT4),
});
export const WorkIssueAttachmentParamsSchema = WorkIssueParamsSchema.extend({
  attachmentId: IdSchema,
});

const PersonSchema = z.object({ id: IdSchema, name: z.string() });

export const WorkIssueSchema = z
  .object({
    id: IdSchema,
    number: z.number().int(),
    title: z.string(),
    status: WorkIssueStatusSchema,
    priority: WorkIssuePrioritySchema,
    labels: z.array(z.string()),
    assignee: PersonSchema.nullable(),
    /** Order within its board column, smaller first. */
    position: z.number(),
    createdBy: PersonSchema.nullable(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
    /** When it went to done or won't do; null while it is open. */
    closedAt: DateTimeSchema.nullable(),
    commentCount: z.number().int(),
  })
  .meta({ id: 'WorkIssue' });
export type WorkIssue = z.infer<typeof WorkIssueSchema>;

export const WorkIssueCommentSchema = z
  .object({
    id: IdSchema,
    author: PersonSchema.nullable(),
    body: z.string(),
    /** `body` rendered: raw HTML escaped, unsafe links dropped, `#N` linked. */
    bodyHtml: z.string(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'WorkIssueComment' });
export type WorkIssueComment = z.infer<typeof WorkIssueCommentSchema>;

export const WorkIssueAttachmentSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: PersonSchema.nullable(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'WorkIssueAttachment' });
export type WorkIssueAttachment = z.infer<typeof WorkIssueAttachmentSchema>;

export const WorkIssueDetailSchema = WorkIssueSchema.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  comments: z.array(WorkIssueCommentSchema),
  attachments: z.array(WorkIssueAttachmentSchema),
}).meta({ id: 'WorkIssueDetail' });
export type WorkIssueDetail = z.infer<typeof WorkIssueDetailSchema>;

/**
 * One page of the contract's issues, with the contract's people an issue can be assigned to (its
 * professional and business members) on every page.
 */
export const WorkIssueBoardSchema = z
  .object({
    items: z.array(WorkIssueSchema),
    /** Pass it as `cursor` for the next page, with the same filters and sort; null at the end. */
    nextCursor: z.string().nullable(),
    people: z.array(PersonSchema),
    /** Every label in use on the contract's issues, for the filter. */
    labels: z.array(z.string()),
  })
  .meta({ id: 'WorkIssueBoard' });
export type WorkIssueBoard = z.infer<typeof WorkIssueBoardSchema>;

export const WORK_ISSUE_SORTS = ['board', 'number', 'updated', 'priority'] as const;

export const WorkIssueListQuerySchema = z.object({
  status: WorkIssueStatusSchema.optional(),
  priority: WorkIssuePrioritySchema.optional(),
  label: z.string().trim().toLowerCase().max(40).optional(),
  /** A person's id, or `none` for issues nobody is assigned to. */
  assignee: z.union([IdSchema, z.literal('none')]).optional(),
  /** Words in the title or description, or `#N`. */
  q: freeText(200).optional(),
  sort: z.enum(WORK_ISSUE_SORTS).default('board'),
  ...CursorQuerySchema.shape,
});
export type WorkIssueListQuery = z.input<typeof WorkIssueListQuerySchema>;

const TitleSchema = freeText(200).min(1, 'Give the issue a title');
const DescriptionSchema = freeText(20_000, { trim: false });

export const CreateWorkIssueSchema = z.object({
  title: TitleSchema,
  description: DescriptionSchema.default(''),
  priority: WorkIssuePrioritySchema.default('medium'),
  labels: LabelsSchema.default([]),
  assigneeId: IdSchema.nullable().default(null),
});
export type CreateWorkIssue = z.input<typeof CreateWorkIssueSchema>;

/** Any of the fields; a new status puts the issue at the bottom of that column. */
export const UpdateWorkIssueSchema = z
  .object({
    title: TitleSchema,
    description: DescriptionSchema,
    status: WorkIssueStatusSchema,
    priority: WorkIssuePrioritySchema,
    labels: LabelsSchema,
    assigneeId: IdSchema.nullable(),
  })
  .partial();
export type UpdateWorkIssue = z.input<typeof UpdateWorkIssueSchema>;

/** A card dropped on the board: its column and its place there (0 = top). */
export const MoveWorkIssueSchema = z.object({
  status: WorkIssueStatusSchema,
  index: z.number().int().min(0).max(MAX_INT4),
});
export type MoveWorkIssue = z.infer<typeof MoveWorkIssueSchema>;

export const CreateWorkIssueCommentSchema = z.object({
  body: freeText(10_000).min(1, 'Write a comment'),
});
export type CreateWorkIssueComment = z.infer<typeof CreateWorkIssueCommentSchema>;

/** Files attached to one issue, at most. */
export const MAX_WORK_ISSUE_ATTACHMENTS = 20;

export const WorkIssueAttachmentQuerySchema = z.object({
  name: z.string().trim().min(1).max(200),
});
