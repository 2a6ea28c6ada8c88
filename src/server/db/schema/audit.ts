import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { FREQUENCIES, NATURES } from '../../../core/audit.ts';
import { businesses } from './accounts.ts';
import { users } from './auth.ts';
import { categories } from './catalog.ts';

/** An owner's audit of their own work over a period; one active audit per business. */
export const audits = pgTable(
  'audits',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    startedBy: uuid()
      .notNull()
      .references(() => users.id),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    hourlyValueAmount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    status: text({ enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    createdAt: ts().notNull().defaultNow(),
    closedAt: ts(),
  },
  (t) => [
    index().on(t.businessId),
    uniqueIndex('audits_one_active_per_business')
      .on(t.businessId)
      .where(sql`status = 'active'`),
  ],
);

/** A distinct task of an audit (names compared case- and space-insensitively) and how the owner sees it. */
export const auditTasks = pgTable(
  'audit_tasks',
  {
    id: uuid().primaryKey(),
    auditId: uuid()
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    businessId: uuid().notNull(),
    name: text().notNull(),
    nameKey: text().notNull(),
    frequency: text({ enum: FREQUENCIES }),
    dislike: smallint(),
    nature: text({ enum: NATURES }),
    categorySlug: text().references(() => categories.slug, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_tasks_name').on(t.auditId, t.nameKey)],
);

export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid().primaryKey(),
    auditId: uuid()
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    businessId: uuid().notNull(),
    taskId: uuid()
      .notNull()
      .references(() => auditTasks.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    minutes: integer().notNull(),
    source: text({ enum: ['timer', 'manual', 'import'] }).notNull(),
    /** For imported rows: identifies the row so that importing the same file again adds nothing. */
    importKey: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.auditId, t.date),
    index().on(t.taskId),
    uniqueIndex('audit_entries_import_key')
      .on(t.auditId, t.importKey)
      .where(sql`import_key is not null`),
  ],
);

/** A running timer: one per person per audit, kept on the server so it survives a reload. */
export const auditTimers = pgTable(
  'audit_timers',
  {
    auditId: uuid()
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    taskName: text().notNull(),
    startedAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.userId] })],
);

/** A job drafted from an audit candidate; the Jobs feature turns it into a job post. */
export const jobDrafts = pgTable(
  'job_drafts',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    auditId: uuid().references(() => audits.id, { onDelete: 'set null' }),
    taskId: uuid().references(() => auditTasks.id, { onDelete: 'set null' }),
    title: text().notNull(),
    categorySlug: text().references(() => categories.slug, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    hoursPerMonth: doublePrecision().notNull(),
    budgetMinAmount: bigint({ mode: 'number' }),
    budgetMaxAmount: bigint({ mode: 'number' }),
    currency: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.businessId)],
);
