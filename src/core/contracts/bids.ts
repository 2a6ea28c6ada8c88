/**
 * Bids (a professional's offer on a job), clarification questions, saved jobs and the
 * professional's hub of bids with what waits on them. Issue 11, items 0–2.
 */
import { z } from 'zod';
import { BID_STATUSES, TERMS_TYPES } from '../hiring.ts';
import { formatMoney } from '../money.ts';
import { BoardJobSchema, JobStatusSchema } from './jobs.ts';
import {
  CurrencySchema,
  DateSchema,
  DateTimeSchema,
  freeText,
  IdSchema,
  MoneySchema,
} from './common.ts';

export const BidStatusSchema = z.enum(BID_STATUSES);
export const TermsTypeSchema = z.enum(TERMS_TYPES);

/** At most this many milestones in a bid: more is a plan, not a proposal. */
export const MAX_MILESTONES = 20;
/** Files a bid may carry (samples, a CV, a plan). */
export const MAX_BID_ATTACHMENTS = 5;

// A billion in minor units: far past any job on Handoff, well inside a bigint and a JS integer.
const amountSchema = z.number().int().min(1, 'Must be more than 0').max(100_000_000_00);

export const MilestoneSchema = z.object({
  title: freeText(200).min(1, 'Give the milestone a title'),
  amount: amountSchema,
  dueDate: DateSchema.nullable().default(null),
});

/**
 * What a professional sends: a fixed total with optional milestones that add up to it, or an
 * hourly rate with the hours they expect; the answers to the job's screening questions, in the
 * job's order (the server checks them against the job).
 */
export const SaveBidSchema = z
  .object({
    termsType: TermsTypeSchema,
    currency: CurrencySchema,
    /** Fixed: the total in minor units. */
    amount: amountSchema.nullable().default(null),
    /** Hourly: the rate per hour in minor units, and the hours expected. */
    hourlyRate: amountSchema.nullable().default(null),
    estimatedHours: z.number().min(0.5).max(10_000).nullable().default(null),
    durationDays: z.number().int().min(1).max(3_650).nullable().default(null),
    coverLetter: freeText(10_000).min(1, 'Write a few lines on how you would do the job'),
    milestones: z
      .array(MilestoneSchema)
      .max(MAX_MILESTONES, `At most ${MAX_MILESTONES} milestones`)
      .default([]),
    answers: z.array(freeText(5_000)).max(20).default([]),
  })
  .strict()
  .superRefine((bid, issue) => {
    if (bid.termsType === 'fixed') {
      if (bid.amount === null)
        issue.addIssue({ code: 'custom', path: ['amount'], message: 'Give the total price' });
      if (bid.hourlyRate !== null)
        issue.addIssue({
          code: 'custom',
          path: ['hourlyRate'],
          message: 'A fixed-price bid has no hourly rate',
        });
      if (bid.amount !== null && bid.milestones.length > 0) {
        const sum = bid.milestones.reduce((total, m) => total + m.amount, 0);
        if (sum !== bid.amount) {
          const money = (amount: number) => formatMoney({ amount, currency: bid.currency }, 'en');
          issue.addIssue({
            code: 'custom',
            path: ['milestones'],
            message: `The milestones add up to ${money(sum)} but the total is ${money(bid.amount)}`,
          });
        }
      }
    } else {
      if (bid.hourlyRate === null)
        issue.addIssue({ code: 'custom', path: ['hourlyRate'], message: 'Give your hourly rate' });
      if (bid.estimatedHours === null)
        issue.addIssue({
          code: 'custom',
          path: ['estimatedHours'],
          message: 'Say how many hours you expect',
        });
      if (bid.amount !== null)
        issue.addIssue({
          code: 'custom',
          path: ['amount'],
          message: 'An hourly bid has no fixed total',
        });
      if (bid.milestones.length > 0)
        issue.addIssue({
          code: 'custom',
          path: ['milestones'],
          message: 'Milestones are for fixed-price bids',
        });
    }
  })
  .meta({ id: 'SaveBid' });
export type SaveBid = z.infer<typeof SaveBidSchema>;
export type SaveBidInput = z.input<typeof SaveBidSchema>;

export const BidAttachmentSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'BidAttachment' });
export type BidAttachment = z.infer<typeof BidAttachmentSchema>;

/** The job a bid is on, as its bidder sees it. */
export const BidJobSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: JobStatusSchema,
  business: z.object({ id: IdSchema, name: z.string() }),
});

/**
 * A bid as its professional sees it. Never the business's own marks (hidden) — those are the
 * business's; a decline is the professional's to know.
 */
export const BidSchema = z
  .object({
    id: IdSchema,
    job: BidJobSchema,
    status: BidStatusSchema,
    termsType: TermsTypeSchema,
    currency: z.string(),
    amount: z.number().int().nullable(),
    hourlyRate: z.number().int().nullable(),
    estimatedHours: z.number().nullable(),
    /** The fixed total, or rate × estimated hours. */
    total: MoneySchema,
    durationDays: z.number().int().nullable(),
    coverLetter: z.string(),
    milestones: z.array(
      z.object({ title: z.string(), amount: z.number().int(), dueDate: DateSchema.nullable() }),
    ),
    answers: z.array(z.object({ question: z.string(), answer: z.string() })),
    attachments: z.array(BidAttachmentSchema),
    declineMessage: z.string().nullable(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
    shortlistedAt: DateTimeSchema.nullable(),
    withdrawnAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'Bid' });
export type Bid = z.infer<typeof BidSchema>;

/** What waits on the professional for one bid, with the page where they do it. */
export const NEXT_STEP_KINDS = ['sign_nda', 'read_spec', 'trial', 'interview', 'offer'] as const;
export const NextStepSchema = z.object({
  kind: z.enum(NEXT_STEP_KINDS),
  label: z.string(),
  /** An app path. */
  href: z.string(),
});
export type NextStep = z.infer<typeof NextStepSchema>;

export const HubBidSchema = z
  .object({
    id: IdSchema,
    job: BidJobSchema,
    status: BidStatusSchema,
    total: MoneySchema,
    termsType: TermsTypeSchema,
    updatedAt: DateTimeSchema,
    nextSteps: z.array(NextStepSchema),
  })
  .meta({ id: 'HubBid' });
export type HubBid = z.infer<typeof HubBidSchema>;
export const HubSchema = z.object({ items: z.array(HubBidSchema) });

/**
 * What a signed-in person may do on a job's page: their live bid (if any), whether they saved
 * it, their invitation, and — for a member of the job's business — the business to link to.
 */
export const JobViewerSchema = z
  .object({
    bid: z.object({ id: IdSchema, status: BidStatusSchema, total: MoneySchema }).nullable(),
    saved: z.boolean(),
    invitation: z.enum(['none', 'invited', 'declined']),
    /** The viewer belongs to the job's business: they manage bids, they do not send one. */
    memberOf: z.object({ businessId: IdSchema }).nullable(),
    /** Whether a bid can be sent now (the job is open and the viewer is a professional outside it). */
    canBid: z.boolean(),
    isProfessional: z.boolean(),
  })
  .meta({ id: 'JobViewer' });
export type JobViewer = z.infer<typeof JobViewerSchema>;

export const BidParamsSchema = z.object({ bidId: IdSchema });
export const BidAttachmentParamsSchema = BidParamsSchema.extend({ attachmentId: IdSchema });
export const BusinessBidAttachmentParamsSchema = z.object({
  businessId: IdSchema,
  jobId: IdSchema,
  bidId: IdSchema,
  attachmentId: IdSchema,
});
export const BidAttachmentQuerySchema = z.object({ name: z.string().trim().min(1).max(200) });

// Clarification questions.

export const AskQuestionSchema = z
  .object({ question: freeText(2_000).min(1, 'Write your question') })
  .strict();
export type AskQuestionInput = z.input<typeof AskQuestionSchema>;

export const AnswerQuestionSchema = z
  .object({ answer: freeText(5_000).min(1, 'Write the answer') })
  .strict();
export type AnswerQuestionInput = z.input<typeof AnswerQuestionSchema>;

/** An answered question as every reader of the job sees it: who asked is never said. */
export const PublicQuestionSchema = z
  .object({
    id: IdSchema,
    question: z.string(),
    answer: z.string(),
    answeredAt: DateTimeSchema,
  })
  .meta({ id: 'PublicQuestion' });
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

/** A question the caller asked themselves, answered or not yet. */
export const MyQuestionSchema = z
  .object({
    id: IdSchema,
    question: z.string(),
    answer: z.string().nullable(),
    createdAt: DateTimeSchema,
    answeredAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'MyQuestion' });
export type MyQuestion = z.infer<typeof MyQuestionSchema>;

export const JobQuestionsSchema = z
  .object({
    /** Answered questions, oldest first; the asker is not named. */
    items: z.array(PublicQuestionSchema),
    /** The caller's own questions (empty for an anonymous reader). */
    mine: z.array(MyQuestionSchema),
  })
  .meta({ id: 'JobQuestions' });
export type JobQuestions = z.infer<typeof JobQuestionsSchema>;

/**
 * A question as the business sees it. The asker stays anonymous to the business too: it sees
 * only whether the asker has a bid on the job, so an answer (public to every bidder) is written
 * for the question, not for the person.
 */
export const BusinessQuestionSchema = z
  .object({
    id: IdSchema,
    question: z.string(),
    answer: z.string().nullable(),
    askerHasBid: z.boolean(),
    createdAt: DateTimeSchema,
    answeredAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'BusinessQuestion' });
export type BusinessQuestion = z.infer<typeof BusinessQuestionSchema>;

export const QuestionParamsSchema = z.object({
  businessId: IdSchema,
  jobId: IdSchema,
  questionId: IdSchema,
});

// Saved jobs.

export const SavedJobSchema = z
  .object({ job: BoardJobSchema, savedAt: DateTimeSchema })
  .meta({ id: 'SavedJob' });
export type SavedJob = z.infer<typeof SavedJobSchema>;
