/**
 * The contract workspace (issue 12): what happens inside an active contract. Its history and
 * amendments, QA reviewers, time entries and weekly reviews, meetings and calendar feeds, the
 * contract's issues with comments and attachments, messages with attachments and read marks,
 * versioned files, and progress reports with comments.
 *
 * Money is in integer minor units of the contract's currency. Every row belongs to one contract
 * and goes when it goes.
 */
import { sql } from 'drizzle-orm';
import {
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
  AMENDMENT_KINDS,
  AMENDMENT_STATUSES,
  MEETING_STATUSES,
  TIME_ENTRY_SOURCES,
  TIME_ENTRY_STATUSES,
  WORK_ISSUE_PRIORITIES,
  WORK_ISSUE_STATUSES,
} from '../../../core/work.ts';
import { storedFile, ts } from './columns.ts';
import { users } from './auth.ts';
import { contracts, type MilestoneTerms } from './hiring.ts';

const contractId = () =>
  uuid()
    .notNull()
    .references(() => contracts.id, { onDelete: 'cascade' });
const person = () => uuid().references(() => users.id, { onDelete: 'set null' });

/**
 * What happened to a contract, oldest first: accepted, paused, resumed, ended, an amendment
 * proposed and answered. `detail` holds what the event needs to be read later (a reason, the
 * terms before and after).
 */
export const contractEvents = pgTable(
  'contract_events',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    actorId: person(),
    kind: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.contractId, t.createdAt)],
);

/**
 * A QA reviewer's place on a contract: a party that reads the deliverables and criteria (see
 * `core/contract-access.ts`). The QA issue hires them; removing one keeps the row for history.
 */
export const contractReviewers = pgTable(
  'contract_reviewers',
  {
    contractId: contractId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: person(),
    createdAt: ts().notNull().defaultNow(),
    removedAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.userId] }), index().on(t.userId)],
);

/** The terms an amendment changes; absent fields stay as they are. */
export type AmendmentChanges = {
  hourlyRate?: number;
  weeklyCapHours?: number;
  totalBudget?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  milestones?: MilestoneTerms[];
};

/** A change order's one new milestone: its price and what "done" means for it. */
export type ChangeOrderMilestone = MilestoneTerms & { criteria: string };

/**
 * A change to the terms proposed by one side and answered by the other. Accepting applies
 * `changes` (kind `terms`) or appends `milestone` (kind `change_order`) to the contract.
 */
export const contractAmendments = pgTable(
  'contract_amendments',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    kind: text({ enum: AMENDMENT_KINDS }).notNull(),
    status: text({ enum: AMENDMENT_STATUSES }).notNull().default('proposed'),
    /** Which side proposed it; the other side answers. */
    proposedBySide: text({ enum: ['business', 'professional'] }).notNull(),
    proposedBy: person(),
    changes: jsonb().$type<AmendmentChanges>().notNull().default({}),
    milestone: jsonb().$type<ChangeOrderMilestone>(),
    message: text().notNull().default(''),
    /** The terms as they were when it was proposed, to show what changes. */
    before: jsonb().$type<AmendmentChanges>().notNull().default({}),
    respondedBy: person(),
    respondedAt: ts(),
    responseNote: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.contractId, t.createdAt)],
);

/**
 * A meeting of a contract's parties. `uid` and `sequence` are the iCalendar identity: an update
 * or a cancellation keeps the UID and raises the SEQUENCE. `timeZone` is the organiser's zone,
 * written into the .ics; everyone sees their own.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    uid: text().notNull().unique(),
    sequence: integer().notNull().default(0),
    status: text({ enum: MEETING_STATUSES }).notNull().default('scheduled'),
    title: text().notNull(),
    agenda: text().notNull().default(''),
    startsAt: ts().notNull(),
    durationMinutes: integer().notNull(),
    callLink: text(),
    timeZone: text().notNull(),
    /** Markdown; action items in it can each become an issue. */
    minutes: text().notNull().default(''),
    createdBy: person(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    cancelledAt: ts(),
  },
  (t) => [index().on(t.contractId, t.startsAt), index().on(t.startsAt)],
);

/** Who is invited to a meeting (people of the contract's parties). */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index().on(t.userId)],
);

/**
 * A person's private calendar feed (webcal) of their meetings: the URL carries a secret token;
 * only its SHA-256 is kept. Making a new one replaces the old (a leaked URL is revoked so).
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  createdAt: ts().notNull().defaultNow(),
});

/** One of a contract's issues (`#number`, numbered per contract from `contracts.issueCounter`). */
export const workIssues = pgTable(
  'work_issues',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    number: integer().notNull(),
    title: text().notNull(),
    /** Markdown. */
    description: text().notNull().default(''),
    status: text({ enum: WORK_ISSUE_STATUSES }).notNull().default('open'),
    priority: text({ enum: WORK_ISSUE_PRIORITIES }).notNull().default('medium'),
    labels: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    assigneeId: person(),
    /** Order inside its board column (smaller first); moving between two sets the midpoint. */
    position: doublePrecision().notNull().default(0),
    /** The meeting whose minutes it came from, when made from an action item. */
    sourceMeetingId: uuid().references(() => meetings.id, { onDelete: 'set null' }),
    createdBy: person(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    closedAt: ts(),
  },
  (t) => [uniqueIndex().on(t.contractId, t.number), index().on(t.contractId, t.status, t.position)],
);

export const workIssueComments = pgTable(
  'work_issue_comments',
  {
    id: uuid().primaryKey(),
    issueId: uuid()
      .notNull()
      .references(() => workIssues.id, { onDelete: 'cascade' }),
    authorId: person(),
    /** Markdown. */
    body: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
    editedAt: ts(),
  },
  (t) => [index().on(t.issueId, t.createdAt)],
);

export const workIssueAttachments = pgTable(
  'work_issue_attachments',
  {
    id: uuid().primaryKey(),
    issueId: uuid()
      .notNull()
      .references(() => workIssues.id, { onDelete: 'cascade' }),
    uploadedBy: person(),
    ...storedFile(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.issueId)],
);

/**
 * Time the professional worked. A running timer is an entry with no `endedAt` (one per person,
 * whatever the contract: the partial unique index). `weekStart` is the Monday of the business's
 * week (in its time zone) the entry falls in: the unit of review and of the weekly cap.
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    source: text({ enum: TIME_ENTRY_SOURCES }).notNull(),
    startedAt: ts().notNull(),
    endedAt: ts(),
    /** Set when the entry is closed (a stopped timer, or typed in). */
    minutes: integer(),
    memo: text().notNull().default(''),
    issueId: uuid().references(() => workIssues.id, { onDelete: 'set null' }),
    weekStart: date({ mode: 'string' }).notNull(),
    status: text({ enum: TIME_ENTRY_STATUSES }).notNull().default('pending'),
    reviewedBy: person(),
    reviewedAt: ts(),
    disputeReason: text(),
    /** Approved by the rule (unreviewed 5 days after its week ended), not by a person. */
    autoApproved: boolean().notNull().default(false),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.contractId, t.weekStart),
    uniqueIndex('time_entries_one_running_per_person')
      .on(t.userId)
      .where(sql`ended_at is null`),
  ],
);

/** A week's review by the business, or by the auto-approval rule. */
export const timeWeekReviews = pgTable(
  'time_week_reviews',
  {
    contractId: contractId(),
    weekStart: date({ mode: 'string' }).notNull(),
    status: text({ enum: ['approved', 'disputed'] }).notNull(),
    reviewedBy: person(),
    auto: boolean().notNull().default(false),
    note: text().notNull().default(''),
    reviewedAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.weekStart] })],
);

export const contractMessages = pgTable(
  'contract_messages',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    authorId: person(),
    /** Markdown. */
    body: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.contractId, t.createdAt)],
);

export const contractMessageAttachments = pgTable(
  'contract_message_attachments',
  {
    id: uuid().primaryKey(),
    messageId: uuid()
      .notNull()
      .references(() => contractMessages.id, { onDelete: 'cascade' }),
    ...storedFile(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.messageId)],
);

/**
 * Files uploaded for a message not sent yet (issue 12 gaps: messages with files in one step).
 * Sending names them, and in its transaction each becomes a `contract_message_attachments` row
 * (same stored file) and leaves this table: the other side never sees a message without its
 * files. Only the uploader sends them; left unsent, they are swept after a day.
 */
export const contractMessageUploads = pgTable(
  'contract_message_uploads',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...storedFile(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.contractId, t.uploadedBy, t.createdAt)],
);

/** Up to when a person has read a contract's messages (the unread count is what came after). */
export const contractMessageReads = pgTable(
  'contract_message_reads',
  {
    contractId: contractId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.userId] })],
);

/** A file of the contract; uploading the same name again adds a version. */
export const contractFiles = pgTable(
  'contract_files',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    /** As uploaded; "the same name" compares lower-cased. */
    name: text().notNull(),
    latestVersion: integer().notNull().default(1),
    createdBy: person(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_files_name').on(t.contractId, sql`lower(${t.name})`)],
);

export const contractFileVersions = pgTable(
  'contract_file_versions',
  {
    id: uuid().primaryKey(),
    fileId: uuid()
      .notNull()
      .references(() => contractFiles.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    uploadedBy: person(),
    note: text().notNull().default(''),
    ...storedFile(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.fileId, t.version)],
);

/**
 * A progress report for one period, due on `dueOn` (a date in the business's time zone). A row
 * exists once the professional sends it; `late` says it came after its due day.
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid().primaryKey(),
    contractId: contractId(),
    dueOn: date({ mode: 'string' }).notNull(),
    done: text().notNull(),
    next: text().notNull(),
    blockers: text().notNull().default(''),
    hours: doublePrecision(),
    percentComplete: integer().notNull(),
    submittedBy: person(),
    submittedAt: ts().notNull(),
    late: boolean().notNull().default(false),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.contractId, t.dueOn), index().on(t.contractId, t.submittedAt)],
);

export const progressReportComments = pgTable(
  'progress_report_comments',
  {
    id: uuid().primaryKey(),
    reportId: uuid()
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    authorId: person(),
    body: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.reportId, t.createdAt)],
);
