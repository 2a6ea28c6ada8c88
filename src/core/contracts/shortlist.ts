/**
 * The shortlist, seen from the business: a job's bids with the signals it selects on and each
 * bid's score (`core/shortlist-score.ts`), the owner's weights and cap, the actions on a bid
 * (shortlist, take off the shortlist, decline with a message, hide), decline templates and the
 * side-by-side comparison. Members read (`bids.read`); owners and managers act (`bids.manage`).
 */
import { z } from 'zod';
import { BID_STATUSES, SHORTLIST_CAP_RANGE, TERMS_TYPES } from '../hiring.ts';
import { SCORE_PARTS, WEIGHT_RANGE } from '../shortlist-score.ts';
import { BusinessParamsSchema, DateTimeSchema, freeText, IdSchema, NameSchema } from './common.ts';
import { BidAttachmentSchema } from './bids.ts';
import { BusinessJobParamsSchema } from './jobs.ts';

export const ShortlistParamsSchema = BusinessJobParamsSchema;
export const ShortlistBidParamsSchema = BusinessJobParamsSchema.extend({ bidId: IdSchema });

const WeightSchema = z
  .number()
  .int('A weight is a whole number')
  .min(WEIGHT_RANGE.min)
  .max(WEIGHT_RANGE.max);

export const WeightsSchema = z
  .object(
    Object.fromEntries(SCORE_PARTS.map((p) => [p, WeightSchema])) as {
      [K in (typeof SCORE_PARTS)[number]]: typeof WeightSchema;
    },
  )
  .meta({ id: 'ShortlistWeights' });

export const ShortlistSettingsSchema = z
  .object({
    weights: WeightsSchema,
    cap: z.number().int(),
    /** Null while the defaults apply (nobody saved any). */
    updatedAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'ShortlistSettings' });
export type ShortlistSettings = z.infer<typeof ShortlistSettingsSchema>;

export const SaveShortlistSettingsSchema = z.object({
  weights: WeightsSchema,
  cap: z
    .number()
    .int()
    .min(SHORTLIST_CAP_RANGE.min, `The shortlist holds at least ${SHORTLIST_CAP_RANGE.min}`)
    .max(SHORTLIST_CAP_RANGE.max, `The shortlist holds at most ${SHORTLIST_CAP_RANGE.max}`),
});
export type SaveShortlistSettings = z.infer<typeof SaveShortlistSettingsSchema>;

/** Whether the professional has the job's NDA: not needed, not sent yet, sent, or signed. */
export const NdaStateSchema = z.enum(['not_required', 'not_sent', 'sent', 'signed']);
export type NdaState = z.infer<typeof NdaStateSchema>;

export const BidTermsSchema = z.object({
  type: z.enum(TERMS_TYPES),
  currency: z.string(),
  /** Fixed: the total, minor units. */
  amount: z.number().int().nullable(),
  /** Hourly: the rate, minor units, and the estimated hours. */
  hourlyRate: z.number().int().nullable(),
  estimatedHours: z.number().nullable(),
  /** The total in US cents at the rates of the bid's last save. */
  totalUsd: z.number().int().nullable(),
  durationDays: z.number().int().nullable(),
});

export const BidSignalsSchema = z.object({
  /** Null: no reviews yet ("new"). Reviews come with the Reviews work. */
  rating: z.object({ average: z.number(), count: z.number().int() }).nullable(),
  /** Null: no finished contract yet ("new"). */
  onTime: z.object({ onTime: z.number().int(), total: z.number().int() }).nullable(),
  completedJobs: z.number().int(),
  /** From the profile (the most years in one skill); null without a profile. */
  yearsExperience: z.number().int().nullable(),
  skillMatch: z.object({
    matched: z.number().int(),
    of: z.number().int(),
    /** The job's skills the professional lists, as the job names them. */
    skills: z.array(z.string()),
  }),
  highlights: z.object({
    /** The latest positions, newest first (at most three). */
    roles: z.array(z.object({ role: z.string(), company: z.string(), current: z.boolean() })),
    certifications: z.array(z.string()),
  }),
  /** The bid's price (total, or rate for an hourly job) ÷ budget and ÷ median bid, in percent (100 = equal). */
  price: z.object({
    /** What the score compares, in US cents: the total, or the hourly rate on an hourly job. */
    priceUsd: z.number().int().nullable(),
    vsBudgetPercent: z.number().int().nullable(),
    vsMedianPercent: z.number().int().nullable(),
  }),
  /** Minutes a day the professional's usual hours share with the business's; null: hours unknown. */
  overlapMinutes: z.number().int().nullable(),
  nda: NdaStateSchema,
  /** Average of the scored trials (0–100) and interviews (1–5) of this bid; null: none yet. */
  trialScore: z.number().nullable(),
  interviewScore: z.number().nullable(),
});
export type BidSignalsView = z.infer<typeof BidSignalsSchema>;

export const ScorePartSchema = z.object({
  part: z.enum(SCORE_PARTS),
  points: z.number(),
  max: z.number(),
  neutral: z.boolean(),
  explanation: z.string(),
});

export const ShortlistBidSchema = z
  .object({
    id: IdSchema,
    status: z.enum(BID_STATUSES),
    hidden: z.boolean(),
    createdAt: DateTimeSchema,
    shortlistedAt: DateTimeSchema.nullable(),
    declinedAt: DateTimeSchema.nullable(),
    professional: z.object({
      id: IdSchema,
      name: z.string(),
      headline: z.string(),
      /** The public profile's address `/pros/<slug>`, when there is one. */
      slug: z.string().nullable(),
      country: z.string().nullable(),
      timeZone: z.string().nullable(),
    }),
    terms: BidTermsSchema,
    signals: BidSignalsSchema,
    /**
     * The first lines of the cover letter (about 200 characters, cut at a word); the whole bid —
     * letter, answers, milestones, files — is `GET …/shortlist/bids/:bidId`.
     */
    coverLetterExcerpt: z.string(),
    /** With the saved weights; the page recomputes it as the sliders move. */
    score: z.number(),
    parts: z.array(ScorePartSchema),
  })
  .meta({ id: 'ShortlistBid' });
export type ShortlistBid = z.infer<typeof ShortlistBidSchema>;

export const ShortlistPageSchema = z
  .object({
    job: z.object({
      id: IdSchema,
      title: z.string(),
      status: z.string(),
      skills: z.array(z.string()),
      budgetType: z.string().nullable(),
      budgetCurrency: z.string().nullable(),
      budgetMin: z.number().int().nullable(),
      budgetMax: z.number().int().nullable(),
      /** The budget's upper end in US cents, what prices are compared with. */
      budgetUsd: z.number().int().nullable(),
      ndaRequired: z.boolean(),
    }),
    settings: ShortlistSettingsSchema,
    /** The median bid total in US cents over the live bids (null: none). */
    medianUsd: z.number().nullable(),
    /** Best first, with the saved weights. Withdrawn bids are left out. */
    bids: z.array(ShortlistBidSchema),
  })
  .meta({ id: 'ShortlistPage' });
export type ShortlistPage = z.infer<typeof ShortlistPageSchema>;

export const DeclineBidSchema = z.object({
  /** What the professional reads; a template's text, edited or not. */
  message: freeText(2000).min(1, 'Write a message (a template fills it in)'),
});
export type DeclineBidInput = z.input<typeof DeclineBidSchema>;

export const SetHiddenSchema = z.object({ hidden: z.boolean() });

/** The answer to an action on one bid: the bid as the list shows it, with its new state. */
export const BidStateSchema = z
  .object({
    id: IdSchema,
    status: z.enum(BID_STATUSES),
    hidden: z.boolean(),
    shortlistedAt: DateTimeSchema.nullable(),
    declinedAt: DateTimeSchema.nullable(),
    declineMessage: z.string().nullable(),
  })
  .meta({ id: 'BidState' });
export type BidState = z.infer<typeof BidStateSchema>;

// Decline templates

export const DeclineTemplateParamsSchema = BusinessParamsSchema.extend({ templateId: IdSchema });

export const DeclineTemplateSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    body: z.string(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .meta({ id: 'DeclineTemplate' });
export type DeclineTemplate = z.infer<typeof DeclineTemplateSchema>;

export const SaveDeclineTemplateSchema = z.object({
  name: NameSchema,
  body: freeText(2000).min(1, 'Write the message'),
});
export type SaveDeclineTemplateInput = z.input<typeof SaveDeclineTemplateSchema>;

/** The message every business starts with; it may add its own next to it. */
export const DEFAULT_DECLINE_TEMPLATE = {
  name: 'Thank you, not this time',
  body: 'Thank you for your bid and the time you put into it. We have decided to go ahead with other professionals for this job, and we hope to work with you on another one.',
} as const;

export const DeclineTemplatesSchema = z.object({
  items: z.array(DeclineTemplateSchema),
  /** Built in, always offered first; not stored, so it cannot be lost. */
  builtIn: z.object({ name: z.string(), body: z.string() }),
});
export type DeclineTemplates = z.infer<typeof DeclineTemplatesSchema>;

// Comparison

export const CompareQuerySchema = z.object({
  /** 2–5 bid ids, comma-separated. */
  bids: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.uuid('Each bid is named by its id'))
        .min(2, 'Choose at least 2 bids to compare')
        .max(5, 'Compare at most 5 bids at once'),
    ),
});
export type CompareQueryInput = z.input<typeof CompareQuerySchema>;

export const CompareBidSchema = ShortlistBidSchema.extend({
  coverLetter: z.string(),
  milestones: z.array(
    z.object({ title: z.string(), amount: z.number(), dueDate: z.string().nullable() }),
  ),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  trials: z.array(
    z.object({
      title: z.string(),
      status: z.string(),
      late: z.boolean(),
      score: z.number().nullable(),
    }),
  ),
  interviews: z.array(
    z.object({
      status: z.string(),
      startsAt: DateTimeSchema.nullable(),
      score: z.number().int().nullable(),
    }),
  ),
}).meta({ id: 'CompareBid' });
export type CompareBid = z.infer<typeof CompareBidSchema>;

/** One bid in full, as the business opens it from the list: the comparison's column and its files. */
export const BidDetailSchema = CompareBidSchema.extend({
  /** Download each from `GET …/jobs/:jobId/bids/:bidId/attachments/:attachmentId`. */
  attachments: z.array(BidAttachmentSchema),
}).meta({ id: 'ShortlistBidDetail' });
export type BidDetail = z.infer<typeof BidDetailSchema>;

export const ComparisonSchema = z
  .object({
    job: ShortlistPageSchema.shape.job,
    settings: ShortlistSettingsSchema,
    medianUsd: z.number().nullable(),
    /** In the order asked for. */
    bids: z.array(CompareBidSchema),
  })
  .meta({ id: 'Comparison' });
export type Comparison = z.infer<typeof ComparisonSchema>;
