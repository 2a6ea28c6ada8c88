/**
 * Time on hourly contracts (issue 12, item 2): the running timer, entries, the business's weekly
 * timesheet and its review. Instants are ISO (UTC); dates (`weekStart`, a day) are calendar dates
 * in the BUSINESS's time zone, since the week is the business's whoever looks at it.
 */
import { z } from 'zod';
import { TIME_ENTRY_SOURCES, TIME_ENTRY_STATUSES } from '../work.ts';
import { DateSchema, DateTimeSchema, freeText, IdSchema } from './common.ts';

export const TimeParamsSchema = z.object({ contractId: IdSchema });
export const TimeEntryParamsSchema = z.object({ contractId: IdSchema, entryId: IdSchema });
export const TimeWeekParamsSchema = z.object({ contractId: IdSchema, weekStart: DateSchema });

/** A whole day at most: longer is a mistake, not work. */
const MinutesSchema = z
  .number()
  .int('Whole minutes')
  .min(1, 'At least one minute')
  .max(1440, 'At most 24 hours (1,440 minutes) in one entry');

const MemoSchema = freeText(2000).default('');
/** An issue of this contract: its id or its short reference (`#12`); null for none. */
const IssueRefSchema = freeText(64)
  .nullable()
  .default(null)
  .meta({ description: 'An issue of this contract, by id or as `#N`; null for none' });

export const StartContractTimerSchema = z
  .object({ memo: MemoSchema, issue: IssueRefSchema })
  .strict();
export type StartContractTimer = z.infer<typeof StartContractTimerSchema>;
export type StartContractTimerInput = z.input<typeof StartContractTimerSchema>;

export const CreateTimeEntrySchema = z
  .object({
    /** When the work started (the form turns the person's date and time in their zone into it). */
    startedAt: DateTimeSchema,
    minutes: MinutesSchema,
    memo: MemoSchema,
    issue: IssueRefSchema,
  })
  .strict();
export type CreateTimeEntry = z.infer<typeof CreateTimeEntrySchema>;
export type CreateTimeEntryInput = z.input<typeof CreateTimeEntrySchema>;

export const UpdateTimeEntrySchema = z
  .object({
    startedAt: DateTimeSchema.optional(),
    minutes: MinutesSchema.optional(),
    memo: freeText(2000).optional(),
    issue: freeText(64).nullable().optional(),
  })
  .strict();
export type UpdateTimeEntry = z.infer<typeof UpdateTimeEntrySchema>;

export const TimeEntryStatusSchema = z.enum(TIME_ENTRY_STATUSES);

export const TimeEntrySchema = z
  .object({
    id: IdSchema,
    contractId: IdSchema,
    source: z.enum(TIME_ENTRY_SOURCES),
    startedAt: DateTimeSchema,
    /** Null while the timer runs. */
    endedAt: DateTimeSchema.nullable(),
    minutes: z.number().int().nullable(),
    memo: z.string(),
    issue: z.object({ id: IdSchema, number: z.number().int(), title: z.string() }).nullable(),
    weekStart: DateSchema,
    status: TimeEntryStatusSchema,
    autoApproved: z.boolean(),
    disputeReason: z.string().nullable(),
    reviewedAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'TimeEntry' });
export type TimeEntry = z.infer<typeof TimeEntrySchema>;

/** The caller's running timer, on whichever contract it runs. */
export const RunningTimerSchema = TimeEntrySchema.extend({ contractTitle: z.string() }).meta({
  id: 'RunningTimer',
});
export type RunningTimer = z.infer<typeof RunningTimerSchema>;

export const StoppedTimerSchema = z
  .object({
    entry: TimeEntrySchema.nullable(),
    /** Minutes cut because the week’s cap was reached (the entry keeps what fits); 0 if none. */
    trimmedMinutes: z.number().int(),
  })
  .meta({ id: 'StoppedTimer' });
export type StoppedTimer = z.infer<typeof StoppedTimerSchema>;

export const TimeWeekReviewSchema = z.object({
  status: z.enum(['approved', 'disputed']),
  auto: z.boolean(),
  note: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: DateTimeSchema,
});

export const TimesheetQuerySchema = z.object({
  /** Any date of the week wanted (the business's calendar); default: this week. */
  week: DateSchema.optional(),
});

export const TimesheetSchema = z
  .object({
    weekStart: DateSchema,
    /** The instants the week starts and ends, in the business's zone. */
    startsAt: DateTimeSchema,
    endsAt: DateTimeSchema,
    timeZone: z.string().meta({ description: 'The business’s time zone: the week is its week' }),
    capHours: z.number().nullable(),
    totalMinutes: z.number().int(),
    days: z.array(z.object({ date: DateSchema, minutes: z.number().int() })),
    entries: z.array(TimeEntrySchema),
    review: TimeWeekReviewSchema.nullable(),
    /** When entries still unreviewed are approved automatically. */
    autoApproveAt: DateTimeSchema,
    /** Whether entries may still be added to this week (its review window is open). */
    open: z.boolean(),
    /** The caller's running timer, on this or another contract. */
    running: RunningTimerSchema.nullable(),
  })
  .meta({ id: 'Timesheet' });
export type Timesheet = z.infer<typeof TimesheetSchema>;

export const ReviewWeekSchema = z
  .object({
    decision: z.enum(['approve', 'dispute']),
    /** Required to dispute: the professional reads it. */
    reason: freeText(2000).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'dispute' && v.reason === '')
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say what is wrong, so the professional can fix it',
      });
  });
export type ReviewWeek = z.infer<typeof ReviewWeekSchema>;
export type ReviewWeekInput = z.input<typeof ReviewWeekSchema>;

export const TimeExportQuerySchema = z
  .object({ from: DateSchema, to: DateSchema })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The end comes on or after the start' });
