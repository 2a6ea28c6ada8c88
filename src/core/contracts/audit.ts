import { z } from 'zod';
import { FREQUENCIES, NATURES } from '../audit.ts';
import {
  DATE_ORDERS,
  DURATION_UNITS,
  IMPORT_PRESETS,
  MAX_ENTRY_MINUTES,
  DELIMITERS,
} from '../time-log-import.ts';
import { CategorySlugSchema } from './catalog.ts';
import { DateSchema, DateTimeSchema, freeText, IdSchema, MoneySchema } from './common.ts';

// Moved to common.ts and catalog.ts; re-exported so existing imports keep working.
export { DateSchema, MoneySchema } from './common.ts';
export {
  CategoryParamsSchema,
  CategorySchema,
  CategorySlugSchema,
  CreateCategorySchema,
  CurrencyParamsSchema,
  CurrencyRateSchema,
  UpdateCategorySchema,
  UpdateCurrencyRateSchema,
  type Category,
} from './catalog.ts';

/** The last date an audit may start on: a 90-day period (the longest) still ends in year 9999. */
export const LAST_AUDIT_START = '9999-10-03';
export const FrequencySchema = z.enum(FREQUENCIES);
export const NatureSchema = z.enum(NATURES);
export const TaskNameSchema = freeText(200).min(1, 'Required');
export const MinutesSchema = z
  .number()
  .int()
  .min(1, 'At least 1 minute')
  .max(MAX_ENTRY_MINUTES, 'At most 1440 minutes (a day)');

export const AuditSchema = z
  .object({
    id: IdSchema,
    businessId: IdSchema,
    periodStart: DateSchema,
    periodEnd: DateSchema,
    hourlyValue: MoneySchema,
    status: z.enum(['active', 'closed']),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'Audit' });
export type Audit = z.infer<typeof AuditSchema>;

export const StartAuditSchema = z
  .object({
    /** Defaults to today in the business's time zone. */
    periodStart: DateSchema.refine((d) => d <= LAST_AUDIT_START, {
      message: `Start on ${LAST_AUDIT_START} at the latest, so the period ends by 9999-12-31`,
    }).optional(),
    periodDays: z.number().int().min(7).max(90).default(30),
    /** What an hour of the owner's time is worth, in minor units of the business currency. */
    hourlyValue: z.number().int().min(0).max(100_000_00),
  })
  .strict();
export type StartAudit = z.input<typeof StartAuditSchema>;

export const UpdateAuditSchema = z
  .object({
    status: z.literal('closed'),
    hourlyValue: z.number().int().min(0).max(100_000_00),
    /**
     * A new period for an open audit (either end, or both): 7 to 90 days that hold every day
     * already logged (else 409 naming the end to move).
     */
    periodStart: DateSchema,
    periodEnd: DateSchema,
  })
  .partial()
  .strict();

export const AuditParamsSchema = z.object({ businessId: IdSchema, auditId: IdSchema });
export const EntryParamsSchema = AuditParamsSchema.extend({ entryId: IdSchema });
export const TaskParamsSchema = AuditParamsSchema.extend({ taskId: IdSchema });

export const EntrySourceSchema = z.enum(['timer', 'manual', 'import']);

export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    taskId: IdSchema,
    taskName: z.string(),
    date: DateSchema,
    minutes: z.number().int(),
    source: EntrySourceSchema,
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const CreateEntrySchema = z
  .object({ taskName: TaskNameSchema, date: DateSchema, minutes: MinutesSchema })
  .strict();
export type CreateEntry = z.infer<typeof CreateEntrySchema>;
export const UpdateEntrySchema = CreateEntrySchema.partial().strict();

export const EntriesQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  taskId: IdSchema.optional(),
});
export const EntriesPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});

export const AuditTaskSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    frequency: FrequencySchema.nullable(),
    dislike: z.number().int().min(1).max(5).nullable(),
    nature: NatureSchema.nullable(),
    category: z.string().nullable(),
    totalMinutes: z.number().int(),
    entryCount: z.number().int(),
  })
  .meta({ id: 'AuditTask' });
export type AuditTask = z.infer<typeof AuditTaskSchema>;

export const UpdateTaskSchema = z
  .object({
    name: TaskNameSchema,
    frequency: FrequencySchema.nullable(),
    dislike: z.number().int().min(1).max(5).nullable(),
    nature: NatureSchema.nullable(),
    category: CategorySlugSchema.nullable(),
  })
  .partial()
  .strict();
export type UpdateTask = z.infer<typeof UpdateTaskSchema>;

export const BulkUpdateTasksSchema = z
  .object({
    taskIds: z.array(IdSchema).min(1).max(500),
    nature: NatureSchema.nullable().optional(),
    category: CategorySlugSchema.nullable().optional(),
  })
  .strict()
  .refine((b) => b.nature !== undefined || b.category !== undefined, {
    message: 'Set nature, category or both',
    path: ['nature'],
  });

export const TimerSchema = z
  .object({ taskName: z.string(), startedAt: DateTimeSchema })
  .nullable()
  .meta({ id: 'AuditTimer' });
export const StartTimerSchema = z.object({ taskName: TaskNameSchema }).strict();

export const ImportQuerySchema = z.object({
  preset: z.enum(Object.keys(IMPORT_PRESETS) as [keyof typeof IMPORT_PRESETS]).optional(),
  date: z.string().max(100).optional(),
  task: z.string().max(100).optional(),
  duration: z.string().max(100).optional(),
  durationUnit: z.enum(DURATION_UNITS).optional(),
  start: z.string().max(100).optional(),
  end: z.string().max(100).optional(),
  project: z.string().max(100).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  delimiter: z.enum(Object.keys(DELIMITERS) as [keyof typeof DELIMITERS]).default('comma'),
});

export const ImportResultSchema = z
  .object({
    rows: z.number().int(),
    imported: z.number().int(),
    duplicates: z.number().int(),
    failed: z.number().int(),
    /** The first failures, with their row number (1 = the first row after the header). */
    errors: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    errorsTruncated: z.boolean(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const CandidateSchema = z
  .object({
    taskId: IdSchema,
    name: z.string(),
    category: z.string().nullable(),
    categoryName: z.string().nullable(),
    nature: NatureSchema.nullable(),
    frequency: FrequencySchema.nullable(),
    dislike: z.number().int().nullable(),
    monthlyHours: z.number(),
    score: z.number().int(),
    parts: z.object({ hours: z.number(), dislike: z.number(), nature: z.number() }),
    ownerCost: MoneySchema,
    marketRate: MoneySchema.nullable(),
    marketCost: MoneySchema.nullable(),
    saving: MoneySchema.nullable(),
  })
  .meta({ id: 'Candidate' });
export type CandidateView = z.infer<typeof CandidateSchema>;

export const AuditSummarySchema = z
  .object({
    audit: AuditSchema,
    progress: z.object({
      periodDays: z.number().int(),
      daysCovered: z.number().int(),
      hoursLogged: z.number(),
      /** Days so far with nothing logged, most recent first (at most 14). */
      missingDays: z.array(DateSchema),
    }),
    candidates: z.array(CandidateSchema),
    coreTasks: z.array(z.object({ taskId: IdSchema, name: z.string(), monthlyHours: z.number() })),
    hoursByCategory: z.array(
      z.object({
        /** `core`: the owner's core work, apart whatever its category; `uncategorised`: needs one. */
        kind: z.enum(['category', 'uncategorised', 'core']),
        category: z.string().nullable(),
        name: z.string(),
        hours: z.number(),
      }),
    ),
    scoreExplained: z.array(z.string()),
  })
  .meta({ id: 'AuditSummary' });
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

export const JobDraftSchema = z
  .object({
    id: IdSchema,
    businessId: IdSchema,
    auditId: IdSchema.nullable(),
    taskId: IdSchema.nullable(),
    title: z.string(),
    category: z.string().nullable(),
    hoursPerMonth: z.number(),
    budgetMin: MoneySchema.nullable(),
    budgetMax: MoneySchema.nullable(),
    createdAt: DateTimeSchema,
    /** The job made from this draft, once there is one. */
    jobId: IdSchema.nullable(),
  })
  .meta({ id: 'JobDraft' });
export type JobDraft = z.infer<typeof JobDraftSchema>;

/** Request shapes: what a client sends (`…Input`, before defaults and transforms) and what the server reads. */
export type UpdateAudit = z.infer<typeof UpdateAuditSchema>;
export type UpdateAuditInput = z.input<typeof UpdateAuditSchema>;
export type CreateEntryInput = z.input<typeof CreateEntrySchema>;
export type UpdateEntry = z.infer<typeof UpdateEntrySchema>;
export type UpdateEntryInput = z.input<typeof UpdateEntrySchema>;
export type EntriesQuery = z.infer<typeof EntriesQuerySchema>;
export type EntriesQueryInput = z.input<typeof EntriesQuerySchema>;
export type UpdateTaskInput = z.input<typeof UpdateTaskSchema>;
export type BulkUpdateTasks = z.infer<typeof BulkUpdateTasksSchema>;
export type BulkUpdateTasksInput = z.input<typeof BulkUpdateTasksSchema>;
export type StartTimer = z.infer<typeof StartTimerSchema>;
export type StartTimerInput = z.input<typeof StartTimerSchema>;
export type ImportQuery = z.infer<typeof ImportQuerySchema>;
export type ImportQueryInput = z.input<typeof ImportQuerySchema>;
