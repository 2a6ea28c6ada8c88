/**
 * The contract workspace's status lists and fixed numbers (issue 12): time entries and their
 * review, amendments, meetings, the contract's issues, progress reports. Every feature of the
 * workspace reads them from here, and the database's enum columns are built from them.
 */

/** A time entry's review by the business. */
export const TIME_ENTRY_STATUSES = ['pending', 'approved', 'disputed'] as const;
export type TimeEntryStatus = (typeof TIME_ENTRY_STATUSES)[number];

/** How an entry was made: a running timer stopped, or typed in afterwards. */
export const TIME_ENTRY_SOURCES = ['timer', 'manual'] as const;
export type TimeEntrySource = (typeof TIME_ENTRY_SOURCES)[number];

/** Entries left unreviewed this many days after their week ends are approved automatically. */
export const AUTO_APPROVE_AFTER_DAYS = 5;

/** A proposed change to a running contract, answered by the other side. */
export const AMENDMENT_STATUSES = ['proposed', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** A change of terms (rate, cap, dates, milestones), or a change order: one new priced milestone. */
export const AMENDMENT_KINDS = ['terms', 'change_order'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A contract issue's columns on the board, in board order. */
export const WORK_ISSUE_STATUSES = ['open', 'in_progress', 'in_review', 'done', 'wont_do'] as const;
export type WorkIssueStatus = (typeof WORK_ISSUE_STATUSES)[number];

export const WORK_ISSUE_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type WorkIssuePriority = (typeof WORK_ISSUE_PRIORITIES)[number];

/** How often the business asks for a progress report. */
export const REPORT_CADENCES = ['weekly', 'biweekly', 'off'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** Reports are due on this weekday (0 Sunday … 6 Saturday, the business's time zone) unless set. */
export const DEFAULT_REPORT_WEEKDAY = 5;

/** A contract's health on the owner's dashboard. */
export const CONTRACT_HEALTHS = ['on_track', 'at_risk', 'late'] as const;
export type ContractHealth = (typeof CONTRACT_HEALTHS)[number];

/** What a live event on a contract's stream says changed, so a page refetches only that part. */
export const CONTRACT_TOPICS = [
  'contract',
  'amendments',
  'time',
  'meetings',
  'issues',
  'messages',
  'files',
  'reports',
] as const;
export type ContractTopic = (typeof CONTRACT_TOPICS)[number];
