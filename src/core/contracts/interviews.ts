/**
 * Interviews (issue 11, item 8): the business proposes up to five start instants, the
 * professional picks one (or asks for other times), both get a calendar invitation; the
 * business keeps notes and a 1–5 score afterwards.
 *
 * Instants travel as ISO 8601 with an offset and are stored in UTC; each side's page shows
 * them in its own time zone, which the answer names (`businessTimeZone`, `professionalTimeZone`).
 */
import { z } from 'zod';
import { INTERVIEW_STATUSES, MAX_INTERVIEW_SLOTS } from '../hiring.ts';
import { DateTimeSchema, freeText, IdSchema } from './common.ts';

export const InterviewStatusSchema = z.enum(INTERVIEW_STATUSES);

/** A call link: a web address the two sides open (Meet, Zoom, Jitsi…), http(s) only. */
export const CallLinkSchema = z
  .url({ protocol: /^https?$/, message: 'Call link must be a web address starting with https://' })
  .max(500);

const SlotsSchema = z
  .array(DateTimeSchema)
  .min(1, 'Propose at least one time')
  .max(MAX_INTERVIEW_SLOTS, `Propose at most ${MAX_INTERVIEW_SLOTS} times`)
  .refine((slots) => new Set(slots.map((s) => Date.parse(s))).size === slots.length, {
    message: 'The same time is proposed twice',
  });

export const DurationMinutesSchema = z.number().int().min(15).max(240);

export const ProposeInterviewSchema = z
  .object({
    slots: SlotsSchema,
    durationMinutes: DurationMinutesSchema.default(30),
    callLink: CallLinkSchema,
  })
  .strict();
export type ProposeInterview = z.infer<typeof ProposeInterviewSchema>;
export type ProposeInterviewInput = z.input<typeof ProposeInterviewSchema>;

/** New proposals for an interview (a scheduled time is withdrawn from both calendars). */
export const RescheduleInterviewSchema = z
  .object({
    slots: SlotsSchema,
    durationMinutes: DurationMinutesSchema.optional(),
    callLink: CallLinkSchema.optional(),
  })
  .strict();
export type RescheduleInterview = z.infer<typeof RescheduleInterviewSchema>;
export type RescheduleInterviewInput = z.input<typeof RescheduleInterviewSchema>;

/** The business moves a scheduled interview to another instant: an updated invitation. */
export const MoveInterviewSchema = z.object({ startsAt: DateTimeSchema }).strict();
export type MoveInterview = z.infer<typeof MoveInterviewSchema>;

export const BookInterviewSchema = z.object({ startsAt: DateTimeSchema }).strict();
export type BookInterview = z.infer<typeof BookInterviewSchema>;

export const AskOtherTimesSchema = z
  .object({ message: freeText(2000).min(1, 'Say which times would suit you') })
  .strict();
export type AskOtherTimes = z.infer<typeof AskOtherTimesSchema>;

export const CancelInterviewSchema = z.object({ reason: freeText(2000).default('') }).strict();
export type CancelInterview = z.infer<typeof CancelInterviewSchema>;
export type CancelInterviewInput = z.input<typeof CancelInterviewSchema>;

export const AssessInterviewSchema = z
  .object({
    notes: freeText(10_000, { trim: false }).default(''),
    score: z.number().int().min(1, 'Score must be 1 to 5').max(5, 'Score must be 1 to 5'),
  })
  .strict();
export type AssessInterview = z.infer<typeof AssessInterviewSchema>;
export type AssessInterviewInput = z.input<typeof AssessInterviewSchema>;

const InterviewBaseSchema = z.object({
  id: IdSchema,
  jobId: IdSchema,
  jobTitle: z.string(),
  bidId: IdSchema,
  status: InterviewStatusSchema,
  /** Proposed start instants, UTC, in order. */
  slots: z.array(DateTimeSchema),
  durationMinutes: z.number().int(),
  callLink: z.string(),
  startsAt: DateTimeSchema.nullable(),
  professionalMessage: z.string().nullable(),
  business: z.object({ id: IdSchema, name: z.string(), timeZone: z.string() }),
  professional: z.object({ id: IdSchema, name: z.string(), timeZone: z.string() }),
  /** Raised with every change a calendar must see; the invitation's SEQUENCE. */
  sequence: z.number().int(),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  cancelledAt: DateTimeSchema.nullable(),
});

/** What the professional reads: no notes, no score (those are the business's). */
export const ProfessionalInterviewSchema = InterviewBaseSchema.meta({
  id: 'ProfessionalInterview',
});
export type ProfessionalInterview = z.infer<typeof ProfessionalInterviewSchema>;

/** What the business reads: everything, with its notes and score. */
export const BusinessInterviewSchema = InterviewBaseSchema.extend({
  notes: z.string(),
  score: z.number().int().nullable(),
}).meta({ id: 'BusinessInterview' });
export type BusinessInterview = z.infer<typeof BusinessInterviewSchema>;

export const BidInterviewParamsSchema = z.object({
  businessId: IdSchema,
  jobId: IdSchema,
  bidId: IdSchema,
});
export const BusinessInterviewParamsSchema = z.object({
  businessId: IdSchema,
  jobId: IdSchema,
  interviewId: IdSchema,
});
export const InterviewParamsSchema = z.object({ interviewId: IdSchema });
