/**
 * Trials (proofs of concept): a small task a business sends to a few shortlisted bidders at
 * once, with a deadline, a time box and a rubric of weighted criteria; each professional
 * accepts or declines, submits notes, links and files, and the business scores each
 * submission. A professional only ever sees their own participation.
 */
import { z } from 'zod';
import { DEFAULT_TRIAL_MINUTES, TRIAL_PARTICIPANT_STATUSES } from '../hiring.ts';
import { MAX_CRITERION_POINTS } from '../trial-score.ts';
import {
  CurrencySchema,
  DateTimeSchema,
  freeText,
  IdSchema,
  MAX_INT4,
  MoneySchema,
} from './common.ts';
import { BusinessJobParamsSchema } from './jobs.ts';

/** At most this many professionals in one trial: a trial is a comparison, not a contest. */
export const MAX_TRIAL_PARTICIPANTS = 5;
export const MAX_RUBRIC_CRITERIA = 10;
export const MAX_TRIAL_LINKS = 10;
/** Files one professional may attach to one trial submission. */
export const MAX_TRIAL_FILES = 10;
/** A time box from a quarter of an hour to a working week. */
export const TIME_BOX_RANGE = { min: 15, max: 40 * 60 } as const;

export const TrialParticipantStatusSchema = z.enum(TRIAL_PARTICIPANT_STATUSES);

export const RubricCriterionSchema = z
  .object({ id: z.string(), label: z.string(), weight: z.number().int() })
  .meta({ id: 'RubricCriterion' });
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

/** A link in a submission: http(s) only, so a link can never run script in the reader's page. */
export const TrialLinkSchema = z
  .url({ protocol: /^https?$/, message: 'Use a web address starting with https://' })
  .max(1000);

export const CreateTrialSchema = z
  .object({
    title: freeText(200).min(1, 'Required'),
    /** Markdown, rendered by the shared safe renderer. */
    instructions: freeText(20_000, { trim: false }).refine((s) => s.trim().length > 0, {
      message: 'Required',
    }),
    /** An instant; the web form reads it in the business's time zone. */
    deadline: DateTimeSchema,
    timeBoxMinutes: z
      .number()
      .int()
      .min(TIME_BOX_RANGE.min)
      .max(TIME_BOX_RANGE.max)
      .default(DEFAULT_TRIAL_MINUTES),
    /** Relative weights: they need not add up to 100 (the score normalises them). */
    rubric: z
      .array(
        z
          .object({
            label: freeText(120).min(1, 'Required'),
            weight: z.number().int().min(1).max(100),
          })
          .strict(),
      )
      .min(1, 'Add at least one criterion')
      .max(MAX_RUBRIC_CRITERIA),
    /** Recorded only: paying it comes with the money work. */
    paid: z
      .object({ amount: z.number().int().min(1).max(MAX_INT4), currency: CurrencySchema })
      .strict()
      .nullable()
      .default(null),
    /** Shortlisted bids of the job, one per professional invited. */
    bidIds: z
      .array(IdSchema)
      .min(1, 'Pick at least one shortlisted bid')
      .max(MAX_TRIAL_PARTICIPANTS, `At most ${MAX_TRIAL_PARTICIPANTS} professionals per trial`)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'A bid is listed twice' }),
  })
  .strict();
export type CreateTrial = z.infer<typeof CreateTrialSchema>;
export type CreateTrialInput = z.input<typeof CreateTrialSchema>;

export const TrialFileSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'TrialFile' });
export type TrialFile = z.infer<typeof TrialFileSchema>;

/** What a participant did, seen by the business (and by the participant, for their own row). */
const participationFields = {
  status: TrialParticipantStatusSchema,
  respondedAt: DateTimeSchema.nullable(),
  declineReason: z.string().nullable(),
  submittedAt: DateTimeSchema.nullable(),
  /** Submitted after the deadline. */
  late: z.boolean(),
  notes: z.string(),
  links: z.array(z.string()),
  files: z.array(TrialFileSchema),
};

export const TrialParticipantSchema = z
  .object({
    bidId: IdSchema,
    professional: z.object({ id: IdSchema, name: z.string() }),
    ...participationFields,
    /** Points per criterion id (0–5) and the weighted result (0–100), once scored. */
    criterionScores: z.record(z.string(), z.number()).nullable(),
    score: z.number().nullable(),
    scoreComment: z.string().nullable(),
    scoredAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'TrialParticipant' });
export type TrialParticipant = z.infer<typeof TrialParticipantSchema>;

const trialFields = {
  id: IdSchema,
  jobId: IdSchema,
  title: z.string(),
  instructions: z.string(),
  /** The instructions rendered as safe HTML. */
  instructionsHtml: z.string(),
  deadline: DateTimeSchema,
  timeBoxMinutes: z.number().int(),
  rubric: z.array(RubricCriterionSchema),
  paid: MoneySchema.nullable(),
  createdAt: DateTimeSchema,
  cancelledAt: DateTimeSchema.nullable(),
};

/** A trial as its business sees it: every participant, their submissions and scores. */
export const TrialSchema = z
  .object({ ...trialFields, participants: z.array(TrialParticipantSchema) })
  .meta({ id: 'Trial' });
export type Trial = z.infer<typeof TrialSchema>;

/** A trial as one professional sees it: the task and their own participation, nothing of others. */
export const MyTrialSchema = z
  .object({
    ...trialFields,
    jobTitle: z.string(),
    businessName: z.string(),
    me: z.object(participationFields),
  })
  .meta({ id: 'MyTrial' });
export type MyTrial = z.infer<typeof MyTrialSchema>;

/** A shortlisted bid that can be invited to a trial. */
export const TrialCandidateSchema = z
  .object({ bidId: IdSchema, professional: z.object({ id: IdSchema, name: z.string() }) })
  .meta({ id: 'TrialCandidate' });
export type TrialCandidate = z.infer<typeof TrialCandidateSchema>;

export const DeclineTrialSchema = z.object({ reason: freeText(1000).default('') }).strict();
export type DeclineTrialInput = z.input<typeof DeclineTrialSchema>;

export const SubmitTrialSchema = z
  .object({
    notes: freeText(10_000, { trim: false }).default(''),
    links: z.array(TrialLinkSchema).max(MAX_TRIAL_LINKS).default([]),
  })
  .strict();
export type SubmitTrial = z.infer<typeof SubmitTrialSchema>;
export type SubmitTrialInput = z.input<typeof SubmitTrialSchema>;

export const ScoreTrialSchema = z
  .object({
    /** Points per criterion id, 0–5; every criterion of the rubric. */
    criterionScores: z.record(
      z.string().max(64),
      z.number().int().min(0).max(MAX_CRITERION_POINTS),
    ),
    comment: freeText(2000).default(''),
  })
  .strict();
export type ScoreTrial = z.infer<typeof ScoreTrialSchema>;
export type ScoreTrialInput = z.input<typeof ScoreTrialSchema>;

export const TrialParamsSchema = BusinessJobParamsSchema.extend({ trialId: IdSchema });
export const TrialParticipantParamsSchema = TrialParamsSchema.extend({ professionalId: IdSchema });
export const TrialFileParamsSchema = TrialParamsSchema.extend({ fileId: IdSchema });
export const MyTrialParamsSchema = z.object({ trialId: IdSchema });
export const MyTrialFileParamsSchema = MyTrialParamsSchema.extend({ fileId: IdSchema });
export const TrialFileQuerySchema = z.object({ name: z.string().trim().min(1).max(200) });

/** A professional's trials, newest first, for their hub. */
export const MyTrialSummarySchema = z
  .object({
    id: IdSchema,
    jobId: IdSchema,
    jobTitle: z.string(),
    title: z.string(),
    deadline: DateTimeSchema,
    cancelledAt: DateTimeSchema.nullable(),
    status: TrialParticipantStatusSchema,
    late: z.boolean(),
  })
  .meta({ id: 'MyTrialSummary' });
export type MyTrialSummary = z.infer<typeof MyTrialSummarySchema>;
