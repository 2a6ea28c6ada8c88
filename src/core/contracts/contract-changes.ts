/**
 * Changing a running contract (issue 12, item 1): the business pauses, resumes and ends it;
 * either side proposes an amendment of the terms (rate, weekly cap, total budget, dates,
 * milestones) or a priced change order (one new milestone with its criteria), which the other
 * side accepts or rejects. Every change is kept in the contract's history.
 */
import { z } from 'zod';
import { AMENDMENT_KINDS, AMENDMENT_STATUSES } from '../work.ts';
import { DateSchema, DateTimeSchema, freeText, IdSchema } from './common.ts';
import { OfferMilestoneSchema } from './offers.ts';

export const AmendmentParamsSchema = z.object({ contractId: IdSchema, amendmentId: IdSchema });

export const PauseContractSchema = z.object({ reason: freeText(2000).default('') }).strict();
export type PauseContract = z.infer<typeof PauseContractSchema>;

export const EndContractSchema = z
  .object({
    outcome: z.enum(['completed', 'cancelled']),
    reason: freeText(2000).default(''),
  })
  .strict()
  .superRefine((end, ctx) => {
    if (end.outcome === 'cancelled' && end.reason === '')
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why the contract is cancelled; the professional reads it',
      });
  });
export type EndContract = z.infer<typeof EndContractSchema>;

const Amount = z.number().int().min(1, 'Must be more than zero').max(Number.MAX_SAFE_INTEGER);

/** New values for the terms; a field left out stays as it is. */
export const TermsChangesSchema = z
  .object({
    hourlyRate: Amount.optional(),
    weeklyCapHours: z.number().min(1).max(168).optional(),
    totalBudget: Amount.nullable().optional(),
    startDate: DateSchema.nullable().optional(),
    endDate: DateSchema.nullable().optional(),
    milestones: z
      .array(OfferMilestoneSchema)
      .min(1, 'Keep at least one milestone')
      .max(30)
      .optional(),
  })
  .strict();
export type TermsChanges = z.infer<typeof TermsChangesSchema>;

export const ChangeOrderMilestoneSchema = OfferMilestoneSchema.extend({
  criteria: freeText(5000).min(1, 'Say what “done” means for this milestone'),
});

export const ProposeAmendmentSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('terms'),
      changes: TermsChangesSchema,
      message: freeText(5000, { trim: false }).default(''),
    })
    .strict(),
  z
    .object({
      kind: z.literal('change_order'),
      milestone: ChangeOrderMilestoneSchema,
      message: freeText(5000, { trim: false }).default(''),
    })
    .strict(),
]);
export type ProposeAmendment = z.infer<typeof ProposeAmendmentSchema>;
export type ProposeAmendmentInput = z.input<typeof ProposeAmendmentSchema>;

export const AnswerAmendmentSchema = z.object({ note: freeText(2000).default('') }).strict();
export type AnswerAmendment = z.infer<typeof AnswerAmendmentSchema>;

const MilestoneOut = z.object({
  title: z.string(),
  amount: z.number().int(),
  dueDate: z.string().nullable(),
});

const TermsOut = z.object({
  hourlyRate: z.number().int().optional(),
  weeklyCapHours: z.number().optional(),
  totalBudget: z.number().int().nullable().optional(),
  startDate: z.string().nullable().optional(),
  endDate: z.string().nullable().optional(),
  milestones: z.array(MilestoneOut).optional(),
});

export const AmendmentSchema = z
  .object({
    id: IdSchema,
    contractId: IdSchema,
    kind: z.enum(AMENDMENT_KINDS),
    status: z.enum(AMENDMENT_STATUSES),
    proposedBySide: z.enum(['business', 'professional']),
    proposedBy: z.string().nullable(),
    /** What would change, and what it was when proposed. */
    changes: TermsOut,
    before: TermsOut,
    milestone: MilestoneOut.extend({ criteria: z.string() }).nullable(),
    message: z.string(),
    respondedBy: z.string().nullable(),
    respondedAt: DateTimeSchema.nullable(),
    responseNote: z.string().nullable(),
    createdAt: DateTimeSchema,
    /** What the caller may do with it now. */
    viewer: z.object({ canAnswer: z.boolean(), canWithdraw: z.boolean() }),
  })
  .meta({ id: 'Amendment' });
export type Amendment = z.infer<typeof AmendmentSchema>;
