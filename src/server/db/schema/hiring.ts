/**
 * The hiring loop: bids and their attachments, clarification questions, jobs a professional
 * saved, the business's shortlist settings and decline templates, NDA templates and signatures,
 * specification acknowledgments, trials (proofs of concept) with participants and files,
 * interviews, and contracts (an award is a contract offer; the workspace builds on it).
 *
 * Money is in integer minor units of the row's currency.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  BID_STATUSES,
  CONTRACT_STATUSES,
  INTERVIEW_STATUSES,
  TERMS_TYPES,
  TRIAL_PARTICIPANT_STATUSES,
} from '../../../core/hiring.ts';
import { DEFAULT_REPORT_WEEKDAY, REPORT_CADENCES } from '../../../core/work.ts';
import { storedFile, ts } from './columns.ts';
import { businesses } from './accounts.ts';
import { users } from './auth.ts';
import { jobs } from './jobs.ts';

/** A milestone proposed in a bid or agreed in a contract offer. */
export type MilestoneTerms = { title: string; amount: number; dueDate: string | null };

/** The answer to one of the job's screening questions, with the question as it was asked. */
export type ScreeningAnswer = { question: string; answer: string };

export const bids = pgTable(
  'bids',
  {
    id: uuid().primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    professionalId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: BID_STATUSES }).notNull().default('submitted'),
    termsType: text({ enum: TERMS_TYPES }).notNull(),
    currency: text().notNull(),
    /** Fixed: the total. Hourly: null. */
    amount: bigint({ mode: 'number' }),
    /** Hourly: the rate per hour and the estimated hours. Fixed: null. */
    hourlyRate: bigint({ mode: 'number' }),
    estimatedHours: doublePrecision(),
    /** The bid's total (fixed amount, or rate × estimated hours) in US cents at the rates of the last save. */
    totalUsd: bigint({ mode: 'number' }),
    durationDays: integer(),
    coverLetter: text().notNull().default(''),
    milestones: jsonb().$type<MilestoneTerms[]>().notNull().default([]),
    answers: jsonb().$type<ScreeningAnswer[]>().notNull().default([]),
    /** The business put it out of sight in its list (not a decision; the professional never knows). */
    hiddenAt: ts(),
    shortlistedAt: ts(),
    declinedAt: ts(),
    /** The message sent with a decline or with the award to the others, as sent. */
    declineMessage: text(),
    withdrawnAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.jobId, t.status),
    index().on(t.professionalId, t.updatedAt),
    // One live bid per professional per job; a withdrawn bid does not block a new one.
    uniqueIndex('bids_one_live_per_professional')
      .on(t.jobId, t.professionalId)
      .where(sql`status <> 'withdrawn'`),
  ],
);

export const bidAttachments = pgTable(
  'bid_attachments',
  {
    id: uuid().primaryKey(),
    bidId: uuid()
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    ...storedFile(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.bidId)],
);

/** A professional's question on a job; answered ones are shown to every bidder, asker anonymized. */
export const jobQuestions = pgTable(
  'job_questions',
  {
    id: uuid().primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    askedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    question: text().notNull(),
    answer: text(),
    answeredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    answeredAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.jobId, t.createdAt)],
);

/** Jobs a professional saved for later. */
export const savedJobs = pgTable(
  'saved_jobs',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.jobId] })],
);

/** The owner's shortlist weights (percent per signal, shape in core) and cap for one job. */
export const shortlistSettings = pgTable('shortlist_settings', {
  jobId: uuid()
    .primaryKey()
    .references(() => jobs.id, { onDelete: 'cascade' }),
  weights: jsonb().$type<Record<string, number>>().notNull(),
  cap: integer().notNull().default(3),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: ts().notNull().defaultNow(),
});

/** A business's reusable messages for declining a bid. */
export const declineTemplates = pgTable(
  'decline_templates',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    body: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.businessId)],
);

/** A business's NDA templates: Markdown with fields (both parties, the job, the date). */
export const ndaTemplates = pgTable(
  'nda_templates',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    body: text().notNull(),
    /** The template a job requiring an NDA uses unless it names another. */
    isDefault: boolean().notNull().default(false),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    archivedAt: ts(),
  },
  (t) => [index().on(t.businessId)],
);

/**
 * An NDA sent to a shortlisted professional for one job, and its signature. The exact rendered
 * text is kept with its SHA-256: what was signed can be shown and proven later whatever happens
 * to the template.
 */
export const ndaSignatures = pgTable(
  'nda_signatures',
  {
    id: uuid().primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    professionalId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    templateId: uuid().references(() => ndaTemplates.id, { onDelete: 'set null' }),
    renderedText: text().notNull(),
    textSha256: text().notNull(),
    sentBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    sentAt: ts().notNull().defaultNow(),
    signedName: text(),
    signedAt: ts(),
    signerIp: text(),
    signerUserAgent: text(),
  },
  (t) => [uniqueIndex().on(t.jobId, t.professionalId)],
);

/** A professional acknowledged a version of a job's specification (after reading its diff). */
export const specAcknowledgments = pgTable(
  'spec_acknowledgments',
  {
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    acknowledgedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.userId, t.version] })],
);

/** A weighted criterion of a trial's rubric. */
export type RubricCriterion = { id: string; label: string; weight: number };

/** A proof of concept sent to several shortlisted professionals at once. */
export const trials = pgTable(
  'trials',
  {
    id: uuid().primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    /** Markdown. */
    instructions: text().notNull(),
    deadline: ts().notNull(),
    timeBoxMinutes: integer().notNull().default(120),
    rubric: jsonb().$type<RubricCriterion[]>().notNull(),
    /** Recorded only; paying it comes with the money work. */
    paidAmount: bigint({ mode: 'number' }),
    paidCurrency: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    cancelledAt: ts(),
  },
  (t) => [index().on(t.jobId)],
);

export const trialParticipants = pgTable(
  'trial_participants',
  {
    trialId: uuid()
      .notNull()
      .references(() => trials.id, { onDelete: 'cascade' }),
    bidId: uuid()
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    professionalId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: TRIAL_PARTICIPANT_STATUSES }).notNull().default('invited'),
    respondedAt: ts(),
    /** Trials: the professional's optional reason when declining. */
    declineReason: text(),
    submittedAt: ts(),
    /** Submitted after the deadline (kept, marked). */
    late: boolean().notNull().default(false),
    notes: text().notNull().default(''),
    links: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Points per rubric criterion id (0–5), and the weighted result as 0–100. */
    criterionScores: jsonb().$type<Record<string, number>>(),
    score: doublePrecision(),
    /** Trials: the business's comment on the submission, kept with the score (never shown to the professional). */
    scoreComment: text(),
    scoredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    scoredAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.trialId, t.professionalId] }), index().on(t.bidId)],
);

export const trialFiles = pgTable(
  'trial_files',
  {
    id: uuid().primaryKey(),
    trialId: uuid()
      .notNull()
      .references(() => trials.id, { onDelete: 'cascade' }),
    professionalId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...storedFile(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.trialId, t.professionalId)],
);

/**
 * An interview with one bidder. The iCalendar UID is fixed at creation and `sequence` rises with
 * every reschedule or cancellation, so calendars update the same event.
 */
export const interviews = pgTable(
  'interviews',
  {
    id: uuid().primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    bidId: uuid()
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    professionalId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: INTERVIEW_STATUSES }).notNull().default('proposed'),
    /** Proposed start instants (ISO 8601, UTC), at most five. */
    slots: jsonb().$type<string[]>().notNull(),
    durationMinutes: integer().notNull().default(30),
    callLink: text().notNull().default(''),
    startsAt: ts(),
    /** The professional's message when asking for other times. */
    professionalMessage: text(),
    icalUid: text().notNull().unique(),
    sequence: integer().notNull().default(0),
    notes: text().notNull().default(''),
    /** 1–5, the business's. */
    score: integer(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    cancelledAt: ts(),
  },
  (t) => [index().on(t.jobId), index().on(t.professionalId, t.startsAt)],
);

/**
 * A contract between a business and a professional, born as the offer an award makes (terms
 * prefilled from the bid). The Work issue builds the workspace on active contracts.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid().primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    bidId: uuid().references(() => bids.id, { onDelete: 'set null' }),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    professionalId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: CONTRACT_STATUSES }).notNull().default('offered'),
    title: text().notNull(),
    termsType: text({ enum: TERMS_TYPES }).notNull(),
    currency: text().notNull(),
    /** Fixed: the total (the milestones add up to it). */
    amount: bigint({ mode: 'number' }),
    milestones: jsonb().$type<MilestoneTerms[]>().notNull().default([]),
    /** Hourly: the rate and the weekly cap in hours. */
    hourlyRate: bigint({ mode: 'number' }),
    weeklyCapHours: doublePrecision(),
    startDate: date({ mode: 'string' }),
    /** The business's note with the offer; the professional's reason when declining. */
    offerMessage: text().notNull().default(''),
    /** The owner's optional word to the other bidders, sent to each when the offer is accepted. */
    otherBiddersMessage: text().notNull().default(''),
    declineReason: text(),
    /** The agreed end date, if any (the dashboard's "late" reads it with the milestones' dates). */
    endDate: date({ mode: 'string' }),
    /** Hourly: the total the business means to spend, if it set one (the dashboard's budget burn). */
    totalBudget: bigint({ mode: 'number' }),
    /** How often the business wants a progress report, and on which weekday (0 Sunday … 6). */
    reportCadence: text({ enum: REPORT_CADENCES }).notNull().default('weekly'),
    reportWeekday: integer().notNull().default(DEFAULT_REPORT_WEEKDAY),
    /** The last `#N` given to one of this contract's issues (numbers are per contract). */
    issueCounter: integer().notNull().default(0),
    /** When it became active (the offer accepted), paused, and ended (completed or cancelled). */
    activatedAt: ts(),
    pausedAt: ts(),
    endedAt: ts(),
    /** Why the contract was ended, in the words of whoever ended it. */
    endReason: text(),
    offeredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    offeredAt: ts().notNull().defaultNow(),
    respondedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.businessId, t.status),
    index().on(t.professionalId, t.status),
    // One job, one contract: an offer that is declined or withdrawn frees the job for another
    // award; anything else (an offer waiting, a contract running or ended) holds it. This is
    // what makes two owners awarding at once produce exactly one contract.
    uniqueIndex('contracts_one_per_job')
      .on(t.jobId)
      .where(sql`status not in ('declined', 'withdrawn')`),
  ],
);
