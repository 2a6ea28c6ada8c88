/**
 * Progress reports (issue 12, item 6) and the owner's dashboard (item 7): what the reports tab
 * reads and sends, and one running contract at a glance.
 */
import { z } from 'zod';
import { CONTRACT_HEALTHS, REPORT_CADENCES } from '../work.ts';
import { TermsTypeSchema } from './offers.ts';
import { DateSchema, DateTimeSchema, freeText, IdSchema, MoneySchema } from './common.ts';

export const ReportCadenceSchema = z.enum(REPORT_CADENCES);

/** The business's choice: how often, and on which weekday (0 Sunday … 6 Saturday). */
export const ReportSettingsInputSchema = z
  .object({
    cadence: ReportCadenceSchema,
    weekday: z.number().int().min(0, 'Pick a day of the week').max(6, 'Pick a day of the week'),
  })
  .strict();
export type ReportSettingsInput = z.infer<typeof ReportSettingsInputSchema>;

export const ReportSettingsSchema = ReportSettingsInputSchema.extend({
  /** The business's time zone: due dates are its calendar days. */
  timeZone: z.string(),
}).meta({ id: 'ReportSettings' });
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

export const SubmitReportSchema = z
  .object({
    done: freeText(5000, { trim: false }).refine((s) => s.trim() !== '', 'Say what was done'),
    next: freeText(5000, { trim: false }).refine((s) => s.trim() !== '', 'Say what comes next'),
    blockers: freeText(5000, { trim: false }).default(''),
    /** Hours worked in the period; the form fills in the logged time of hourly contracts. */
    hours: z.number().min(0, 'Hours cannot be negative').max(336).nullable().default(null),
    percentComplete: z
      .number()
      .int('Use a whole percent')
      .min(0, 'Between 0 and 100')
      .max(100, 'Between 0 and 100'),
  })
  .strict();
export type SubmitReport = z.infer<typeof SubmitReportSchema>;
export type SubmitReportInput = z.input<typeof SubmitReportSchema>;

export const ReportCommentInputSchema = z
  .object({
    body: freeText(5000, { trim: false }).refine((s) => s.trim() !== '', 'Write a comment'),
  })
  .strict();
export type ReportCommentInput = z.infer<typeof ReportCommentInputSchema>;

export const ReportCommentSchema = z
  .object({
    id: IdSchema,
    author: z.object({ id: IdSchema, name: z.string() }).nullable(),
    body: z.string(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'ReportComment' });
export type ReportComment = z.infer<typeof ReportCommentSchema>;

export const ReportSchema = z
  .object({
    id: IdSchema,
    dueOn: DateSchema,
    done: z.string(),
    next: z.string(),
    blockers: z.string(),
    hours: z.number().nullable(),
    percentComplete: z.number().int(),
    submittedBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
    submittedAt: DateTimeSchema,
    /** Sent after its due day (in the business's time zone). */
    late: z.boolean(),
    comments: z.array(ReportCommentSchema),
  })
  .meta({ id: 'ProgressReport' });
export type Report = z.infer<typeof ReportSchema>;

export const CurrentDueSchema = z.object({
  dueOn: DateSchema,
  overdueDays: z.number().int(),
  /** The report covers the days after this date, up to its due date. */
  periodStart: DateSchema,
  /** Hourly contracts: the hours logged in the period (not disputed), to start the form with. */
  loggedHours: z.number().nullable(),
});

export const ReportsPageSchema = z
  .object({
    settings: ReportSettingsSchema,
    /** The report asked for now; null when reports are off or the contract is not running. */
    current: CurrentDueSchema.nullable(),
    /** Newest first. */
    items: z.array(ReportSchema),
  })
  .meta({ id: 'ProgressReports' });
export type ReportsPage = z.infer<typeof ReportsPageSchema>;

export const ReportParamsSchema = z.object({ contractId: IdSchema, reportId: IdSchema });

export const HealthSchema = z.enum(CONTRACT_HEALTHS);

/**
 * Each reason carries a code with its facts (dates as calendar days, money with its currency),
 * so a page writes them the way its reader writes dates and money; `text` is the same reason in
 * plain English for e-mails and API users (both from `core/contract-health.ts`).
 */
const reason = <C extends string, S extends z.ZodRawShape>(code: C, shape: S) =>
  z.object({
    code: z.literal(code),
    level: z.enum(['at_risk', 'late']),
    text: z.string(),
    ...shape,
  });

export const HealthReasonSchema = z
  .discriminatedUnion('code', [
    reason('end_date_passed', { endDate: DateSchema }),
    reason('milestone_overdue', {
      milestone: z.string(),
      dueDate: DateSchema,
      amount: MoneySchema,
    }),
    reason('report_overdue', {
      dueOn: DateSchema,
      overdueDays: z.number().int(),
      /** No report has come yet: this is the first one. */
      firstReport: z.boolean(),
    }),
    reason('blockers', { blockers: z.string() }),
    reason('budget_ahead', {
      spentPercent: z.number().int(),
      percentComplete: z.number().int(),
      spent: MoneySchema,
      budget: MoneySchema,
    }),
    reason('near_cap', { hours: z.number(), capHours: z.number() }),
  ])
  .meta({ id: 'HealthReason' });
export type HealthReason = z.infer<typeof HealthReasonSchema>;

/** One running contract on a dashboard. Money in minor units of `currency`. */
export const DashboardContractSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    status: z.enum(['active', 'paused']),
    termsType: TermsTypeSchema,
    currency: z.string(),
    business: z.object({ id: IdSchema, name: z.string() }),
    professional: z.object({ id: IdSchema, name: z.string() }),
    health: HealthSchema,
    reasons: z.array(HealthReasonSchema),
    /** Hourly: hours this week (the business's week, not disputed) and the weekly cap. */
    hoursThisWeek: z.number().nullable(),
    weeklyCapHours: z.number().nullable(),
    /** Spent so far, and the total to compare with when there is one. */
    spent: z.number().int(),
    budget: z.number().int().nullable(),
    percentComplete: z.number().int().nullable(),
    lastReportAt: DateTimeSchema.nullable(),
    nextReportDue: DateSchema.nullable(),
    /** The last eight weeks, oldest first: hours logged, and spending to the end of that week. */
    weeks: z.array(
      z.object({ weekStart: DateSchema, hours: z.number(), spentToDate: z.number().int() }),
    ),
  })
  .meta({ id: 'DashboardContract' });
export type DashboardContract = z.infer<typeof DashboardContractSchema>;

export const DashboardSchema = z
  .object({ items: z.array(DashboardContractSchema) })
  .meta({ id: 'ContractsDashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;
