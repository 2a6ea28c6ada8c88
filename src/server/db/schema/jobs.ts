import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Brief, Spec } from '../../../core/contracts/jobs.ts';
import { BUDGET_TYPES, JOB_STATUSES, SPEC_LAYERS, VISIBILITIES } from '../../../core/jobs.ts';
import { storedFile, ts } from './columns.ts';
import { businesses } from './accounts.ts';
import { jobDrafts } from './audit.ts';
import { users } from './auth.ts';
import { categories } from './catalog.ts';

/** Postgres full-text document; written by the jobs service from title, summary and skills. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A job: its public brief as columns (searched and filtered by the board), its confidential
 * working specification as JSON, and its lifecycle.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    status: text({ enum: JOB_STATUSES }).notNull().default('draft'),
    visibility: text({ enum: VISIBILITIES }).notNull().default('public'),
    ndaRequired: boolean().notNull().default(false),
    /** The NDA template sent on shortlisting when `ndaRequired`; null means the business's default. */
    ndaTemplateId: uuid(),
    trialPlanned: boolean().notNull().default(false),

    title: text().notNull(),
    summary: text().notNull().default(''),
    categorySlug: text().references(() => categories.slug, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    /** Skill names as the owner typed them, and their slugs (what the board filters on). */
    skills: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    skillSlugs: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    budgetType: text({ enum: BUDGET_TYPES }),
    budgetCurrency: text(),
    budgetMin: bigint({ mode: 'number' }),
    budgetMax: bigint({ mode: 'number' }),
    hoursPerWeek: doublePrecision(),
    /** The budget's upper end (else lower end) in US cents at the rates of the last save: board filter and sort. */
    budgetUsd: bigint({ mode: 'number' }),
    deadline: date({ mode: 'string' }),
    durationDays: integer(),
    screeningQuestions: jsonb().$type<Brief['screeningQuestions']>().notNull().default([]),
    search: tsvector()
      .notNull()
      .default(sql`''::tsvector`),

    /** The working specification; published versions are copied to job_spec_versions. */
    spec: jsonb().$type<Spec>().notNull(),
    specVersion: integer(),
    checkScore: integer().notNull().default(0),
    publishedScore: integer(),

    draftId: uuid().references(() => jobDrafts.id, { onDelete: 'set null' }),
    templateSlug: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    publishedAt: ts(),
    closedAt: ts(),
    archivedAt: ts(),
  },
  (t) => [
    index().on(t.businessId, t.status, t.updatedAt),
    // The board reads only open public jobs: partial indexes keep it to those rows.
    index('jobs_board_search')
      .using('gin', t.search)
      .where(sql`status = 'open' and visibility = 'public'`),
    index('jobs_board_skills')
      .using('gin', t.skillSlugs)
      .where(sql`status = 'open' and visibility = 'public'`),
    index('jobs_board_newest')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`status = 'open' and visibility = 'public'`),
    // Budget order is within one kind (a fixed total is not an hourly rate): the kind first, so
    // the highest hourly rates are not found only after every fixed total above them.
    index('jobs_board_budget')
      .on(t.budgetType, t.budgetUsd.desc().nullsLast(), t.id.desc())
      .where(sql`status = 'open' and visibility = 'public'`),
  ],
);

/** Each published version of a job's specification, numbered from 1. */
export const jobSpecVersions = pgTable(
  'job_spec_versions',
  {
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    spec: jsonb().$type<Spec>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.version] })],
);

/** Who has read which version of a specification, first seen when. */
export const jobSpecViews = pgTable(
  'job_spec_views',
  {
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    firstSeenAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.userId, t.version] })],
);

/** A professional invited to a job (they may read its brief whatever its visibility). */
export const jobInvitations = pgTable(
  'job_invitations',
  {
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    /** The professional said no to the invitation (the job leaves their invited list). */
    declinedAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.userId] }), index().on(t.userId)],
);

/** A file attached to a job's brief (public with it) or specification (confidential). */
export const jobAttachments = pgTable(
  'job_attachments',
  {
    id: uuid().primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    businessId: uuid().notNull(),
    layer: text({ enum: SPEC_LAYERS }).notNull(),
    ...storedFile(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.jobId)],
);

/** Known skills for autocomplete (anonymous): the seeded ones, and those of jobs made public. */
export const skills = pgTable('skills', {
  slug: text().primaryKey(),
  name: text().notNull(),
  createdAt: ts().notNull().defaultNow(),
});

/** Starting points per kind of work, kept by the admin. */
export const jobTemplates = pgTable('job_templates', {
  slug: text().primaryKey(),
  name: text().notNull(),
  categorySlug: text().references(() => categories.slug, {
    onDelete: 'set null',
    onUpdate: 'cascade',
  }),
  brief: jsonb().$type<Partial<Brief>>().notNull(),
  spec: jsonb().$type<Partial<Spec>>().notNull(),
  sort: integer().notNull().default(100),
  updatedAt: ts().notNull().defaultNow(),
});
