/**
 * Award (issue 11, item 9): the owner turns a bid into a contract offer; the professional
 * accepts or declines it; the business may withdraw it while unanswered. The contract this
 * makes is what the Work issue's workspace builds on.
 */
import { z } from 'zod';
import { CONTRACT_ACTIONS } from '../contract-access.ts';
import { CONTRACT_STATUSES, TERMS_TYPES } from '../hiring.ts';
import { CONTRACT_TOPICS, REPORT_CADENCES } from '../work.ts';
import { DateSchema, DateTimeSchema, freeText, IdSchema } from './common.ts';

export const ContractStatusSchema = z.enum(CONTRACT_STATUSES);
export const TermsTypeSchema = z.enum(TERMS_TYPES);

/** Minor units: a positive whole number no bigger than JavaScript counts exactly. */
const AmountSchema = z.number().int().min(1, 'Must be more than zero').max(Number.MAX_SAFE_INTEGER);

export const OfferMilestoneSchema = z.object({
  title: freeText(200).min(1, 'Give the milestone a title'),
  amount: AmountSchema,
  dueDate: DateSchema.nullable().default(null),
});

/** What the owner sends: fixed (a total split in milestones) or hourly (a rate and a weekly cap). */
export const AwardSchema = z
  .object({
    termsType: TermsTypeSchema,
    /** Fixed: the total, in minor units of the bid's currency. */
    amount: AmountSchema.nullable().default(null),
    milestones: z.array(OfferMilestoneSchema).max(20).default([]),
    /** Hourly: the rate in minor units and the most hours a week the business pays for. */
    hourlyRate: AmountSchema.nullable().default(null),
    weeklyCapHours: z.number().min(1).max(168).nullable().default(null),
    startDate: DateSchema.nullable().default(null),
    message: freeText(5000, { trim: false }).default(''),
    /** Sent to every other bidder when the offer is accepted; they are told either way. */
    otherBiddersMessage: freeText(5000, { trim: false }).default(''),
  })
  .strict()
  .superRefine((offer, ctx) => {
    for (const issue of offerTermsIssues(offer)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type Award = z.infer<typeof AwardSchema>;
export type AwardInput = z.input<typeof AwardSchema>;

/**
 * What is wrong with an offer's terms, each naming its field: a fixed price needs a total and
 * milestones adding up to it exactly (the professional is paid per milestone, so a rounding gap
 * would be money nobody agreed on); hourly terms need a rate and a weekly cap.
 */
export function offerTermsIssues(
  offer: Pick<Award, 'termsType' | 'amount' | 'milestones' | 'hourlyRate' | 'weeklyCapHours'>,
): { path: string[]; message: string }[] {
  if (offer.termsType === 'hourly') {
    const issues = [];
    if (offer.hourlyRate === null)
      issues.push({ path: ['hourlyRate'], message: 'Hourly rate is required for hourly terms' });
    if (offer.weeklyCapHours === null)
      issues.push({ path: ['weeklyCapHours'], message: 'Weekly cap is required for hourly terms' });
    return issues;
  }
  if (offer.amount === null)
    return [{ path: ['amount'], message: 'Total is required for a fixed price' }];
  if (offer.milestones.length === 0)
    return [{ path: ['milestones'], message: 'Add at least one milestone' }];
  const sum = offer.milestones.reduce((total, m) => total + m.amount, 0);
  return sum === offer.amount
    ? []
    : [{ path: ['milestones'], message: 'Milestones must add up to the total' }];
}

/** The award form's starting point: the bid's terms as the professional proposed them. */
export const OfferDraftSchema = z
  .object({
    bidId: IdSchema,
    jobId: IdSchema,
    jobTitle: z.string(),
    professional: z.object({ id: IdSchema, name: z.string() }),
    currency: z.string(),
    termsType: TermsTypeSchema,
    amount: z.number().int().nullable(),
    milestones: z.array(
      z.object({ title: z.string(), amount: z.number().int(), dueDate: z.string().nullable() }),
    ),
    hourlyRate: z.number().int().nullable(),
    weeklyCapHours: z.number().nullable(),
    /** How many other live bids will hear the outcome. */
    otherBidders: z.number().int(),
  })
  .meta({ id: 'OfferDraft' });
export type OfferDraft = z.infer<typeof OfferDraftSchema>;

export const DeclineOfferSchema = z
  .object({ reason: freeText(2000).min(1, 'Say why, so the business can adjust') })
  .strict();
export type DeclineOffer = z.infer<typeof DeclineOfferSchema>;

/** The kinds of event a contract's history shows, oldest first. */
export const CONTRACT_EVENT_KINDS = [
  'offered',
  'accepted',
  'declined',
  'withdrawn',
  'paused',
  'resumed',
  'completed',
  'cancelled',
  'amendment_proposed',
  'amendment_accepted',
  'amendment_rejected',
  'amendment_withdrawn',
] as const;
export type ContractEventKind = (typeof CONTRACT_EVENT_KINDS)[number];

export const ContractEventSchema = z.object({
  kind: z.enum(CONTRACT_EVENT_KINDS),
  at: DateTimeSchema,
  by: z.string().nullable(),
  /** A reason or a short account of what changed, in words. */
  note: z.string().nullable().default(null),
});

export const ContractSchema = z
  .object({
    id: IdSchema,
    jobId: IdSchema,
    jobTitle: z.string(),
    bidId: IdSchema.nullable(),
    business: z.object({ id: IdSchema, name: z.string() }),
    professional: z.object({ id: IdSchema, name: z.string() }),
    status: ContractStatusSchema,
    title: z.string(),
    termsType: TermsTypeSchema,
    currency: z.string(),
    amount: z.number().int().nullable(),
    milestones: z.array(
      z.object({ title: z.string(), amount: z.number().int(), dueDate: z.string().nullable() }),
    ),
    hourlyRate: z.number().int().nullable(),
    weeklyCapHours: z.number().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    /** Hourly: what the business means to spend in all, if it said. */
    totalBudget: z.number().int().nullable(),
    reportCadence: z.enum(REPORT_CADENCES),
    reportWeekday: z.number().int().min(0).max(6),
    activatedAt: DateTimeSchema.nullable(),
    pausedAt: DateTimeSchema.nullable(),
    endedAt: DateTimeSchema.nullable(),
    endReason: z.string().nullable(),
    /** Everyone on the contract: the business's members, the professional, any QA reviewer. */
    people: z.array(
      z.object({
        id: IdSchema,
        name: z.string(),
        side: z.enum(['business', 'professional', 'reviewer']),
      }),
    ),
    offerMessage: z.string(),
    declineReason: z.string().nullable(),
    /** The owner's word to the other bidders; only the business's side sees it. */
    otherBiddersMessage: z.string().nullable(),
    offeredAt: DateTimeSchema,
    respondedAt: DateTimeSchema.nullable(),
    history: z.array(ContractEventSchema),
    /** The caller's part in this contract and what it lets them do now. */
    viewer: z.object({
      party: z.enum(['business', 'professional', 'reviewer']),
      /** The workspace actions the caller holds here (the permissions table), to show only those. */
      abilities: z.array(z.enum(CONTRACT_ACTIONS)),
      canRespond: z.boolean(),
      canWithdraw: z.boolean(),
    }),
  })
  .meta({ id: 'Contract' });
export type Contract = z.infer<typeof ContractSchema>;

export const AwardParamsSchema = z.object({
  businessId: IdSchema,
  jobId: IdSchema,
  bidId: IdSchema,
});
export const ContractParamsSchema = z.object({ contractId: IdSchema });
export const BusinessContractParamsSchema = z.object({
  businessId: IdSchema,
  contractId: IdSchema,
});

/**
 * The live stream's `contract` event: something of this topic changed in a contract the reader
 * is a party to, so an open page refetches that part. Ids only, never content.
 */
export const ContractChangeEventSchema = z.object({
  contractId: IdSchema,
  topic: z.enum(CONTRACT_TOPICS),
});
export type ContractChangeEvent = z.infer<typeof ContractChangeEventSchema>;
