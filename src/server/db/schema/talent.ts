/**
 * Talent: professionals' profiles (résumé, portfolio, rates, hours), the directory's search
 * columns, agencies' business listings, word of mouth between businesses, each business's own
 * records of professionals (its private pool, notes and tags), invitations to people who have no
 * account yet, and saved lists.
 *
 * The profile's search and filter columns (`search`, `skillSlugs`, `languageCodes`,
 * `yearsExperience`, `rateUsd`, `workStartUtc`/`workEndUtc`) are derived: the profile service
 * rewrites them in the same transaction as any change to the profile or its children, so the
 * directory reads one row per professional.
 */
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { WorkingHours } from '../../../core/contracts/accounts.ts';
import {
  AVAILABILITIES,
  LANGUAGE_LEVELS,
  PROFILE_VISIBILITIES,
} from '../../../core/profile-shapes.ts';
import { ts } from './columns.ts';
import { businesses } from './accounts.ts';
import { users } from './auth.ts';
import { jobs } from './jobs.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The profile's lists live in core so the contracts and the web app share them.
export { AVAILABILITIES, LANGUAGE_LEVELS, PROFILE_VISIBILITIES };
export const LISTING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const CONNECTION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const PROFILE_FILE_KINDS = ['photo', 'image', 'file'] as const;

export const professionalProfiles = pgTable(
  'professional_profiles',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The public address `/pros/<slug>`; set when the profile is made, unique. */
    slug: text().unique(),
    headline: text().notNull().default(''),
    /** Markdown, rendered with the shared safe renderer. */
    bio: text().notNull().default(''),
    photoFileId: uuid(),
    hourlyRateAmount: bigint({ mode: 'number' }),
    hourlyRateCurrency: text(),
    /** The hourly rate in US cents at the exchange rates of the last save: directory filter and sort. */
    rateUsd: bigint({ mode: 'number' }),
    /** Null until set: the account's time zone is shown meanwhile. */
    timeZone: text(),
    workingHours: jsonb().$type<WorkingHours>(),
    /**
     * The usual working day as minutes after midnight UTC (0–1439) at the offsets of the last
     * save; `workEndUtc` < `workStartUtc` when the day wraps past midnight UTC. What the
     * directory's time-zone overlap filter compares.
     */
    workStartUtc: integer(),
    workEndUtc: integer(),
    /** ISO 3166-1 alpha-2. */
    country: text(),
    availability: text({ enum: AVAILABILITIES }).notNull().default('available'),
    /** Only with `limited`. */
    availabilityHoursPerWeek: integer(),
    categorySlugs: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    skillSlugs: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of profile_languages. */
    languageCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The most years given for any one skill. */
    yearsExperience: integer().notNull().default(0),
    /** Filled by the Reviews work; null and 0 show as "new". */
    ratingAvg: doublePrecision(),
    reviewCount: integer().notNull().default(0),
    completedJobs: integer().notNull().default(0),
    /** 0–100, from the pure completeness rule. */
    completeness: integer().notNull().default(0),
    visibility: text({ enum: PROFILE_VISIBILITIES }).notNull().default('public'),
    /** Set when an admin hides the profile for moderation; hidden whatever `visibility` says. */
    moderatedAt: ts(),
    moderationReason: text(),
    /**
     * Name (A), headline and skill names (B), portfolio titles (C), bio (D), with the
     * 'english' configuration, as the directory queries it (`websearch_to_tsquery('english', …)`)
     * and as the job board does: a search for "designers" finds a "designer". Both sides must use
     * the same configuration, or stemmed query words miss unstemmed document words.
     */
    search: tsvector()
      .notNull()
      .default(sql`''::tsvector`),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('professional_profiles_search').using('gin', t.search),
    // The directory's words and facets in one index (country and availability through the
    // btree_gin extension): a search with a category, a country and skills is one index scan that
    // intersects every posting list inside the index, skipping ahead on the rarest, so only the
    // rows matching all of them reach the bitmap. Separate indexes built a bitmap of every row of
    // each (130,000 for a category among a million profiles, 20 ms) and then intersected them.
    index('professional_profiles_directory')
      .using(
        'gin',
        t.search,
        t.categorySlugs,
        t.skillSlugs,
        t.languageCodes,
        t.country,
        t.availability,
      )
      .where(sql`visibility = 'public' and moderated_at is null`),
    // The directory's orders (Talent — directory, `features/directory/queries.ts`): each is
    // `key desc, user_id desc` over visible profiles, with the key written as the query writes it
    // (no rating sorts as 0, no rate after every rate in both rate orders), so a page and its
    // cursor's range are read straight from the index.
    index('professional_profiles_by_rating')
      .using('btree', sql`coalesce(${t.ratingAvg}, 0) desc`, sql`${t.userId} desc`)
      .where(sql`visibility = 'public' and moderated_at is null`),
    index('professional_profiles_by_rate_desc')
      .using('btree', sql`coalesce(${t.rateUsd}, -1) desc`, sql`${t.userId} desc`)
      .where(sql`visibility = 'public' and moderated_at is null`),
    index('professional_profiles_by_rate_asc')
      .using('btree', sql`(- coalesce(${t.rateUsd}, 9007199254740991)) desc`, sql`${t.userId} desc`)
      .where(sql`visibility = 'public' and moderated_at is null`),
    // Country is a facet with a few dozen values: with a category or skill, the two bitmaps meet.
    index('professional_profiles_country')
      .on(t.country)
      .where(sql`visibility = 'public' and moderated_at is null`),
    // The default order (rating) within one country: the directory's commonest narrowing reads
    // its page from here instead of walking the rating order past every other country's rows.
    index('professional_profiles_country_by_rating')
      .using('btree', t.country, sql`coalesce(${t.ratingAvg}, 0) desc`, sql`${t.userId} desc`)
      .where(sql`visibility = 'public' and moderated_at is null`),
    index('professional_profiles_by_experience')
      .using('btree', sql`${t.yearsExperience} desc`, sql`${t.userId} desc`)
      .where(sql`visibility = 'public' and moderated_at is null`),
  ],
);

/** A skill with the professional's years of experience in it. */
export const profileSkills = pgTable(
  'profile_skills',
  {
    userId: uuid()
      .notNull()
      .references(() => professionalProfiles.userId, { onDelete: 'cascade' }),
    slug: text().notNull(),
    name: text().notNull(),
    years: integer().notNull().default(0),
    sort: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.slug] })],
);

export const profileLanguages = pgTable(
  'profile_languages',
  {
    userId: uuid()
      .notNull()
      .references(() => professionalProfiles.userId, { onDelete: 'cascade' }),
    /** ISO 639-1. */
    code: text().notNull(),
    level: text({ enum: LANGUAGE_LEVELS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

/** Résumé: a position held. Months as the first day of the month; no end = current. */
export const profileExperience = pgTable(
  'profile_experience',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => professionalProfiles.userId, { onDelete: 'cascade' }),
    company: text().notNull(),
    role: text().notNull(),
    startMonth: date({ mode: 'string' }).notNull(),
    endMonth: date({ mode: 'string' }),
    description: text().notNull().default(''),
    sort: integer().notNull().default(0),
  },
  (t) => [index().on(t.userId)],
);

export const profileEducation = pgTable(
  'profile_education',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => professionalProfiles.userId, { onDelete: 'cascade' }),
    school: text().notNull(),
    degree: text().notNull().default(''),
    field: text().notNull().default(''),
    startYear: integer(),
    endYear: integer(),
    sort: integer().notNull().default(0),
  },
  (t) => [index().on(t.userId)],
);

export const profileCertifications = pgTable(
  'profile_certifications',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => professionalProfiles.userId, { onDelete: 'cascade' }),
    name: text().notNull(),
    issuer: text().notNull().default(''),
    year: integer(),
    url: text(),
    sort: integer().notNull().default(0),
  },
  (t) => [index().on(t.userId)],
);

export const portfolioItems = pgTable(
  'portfolio_items',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => professionalProfiles.userId, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    links: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sort: integer().notNull().default(0),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * A profile photo or a portfolio file. Images are decoded and re-encoded (metadata stripped,
 * dimensions capped) with a thumbnail; other files are type-checked from their content.
 */
export const profileFiles = pgTable(
  'profile_files',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => professionalProfiles.userId, { onDelete: 'cascade' }),
    /** Null for the photo. */
    portfolioItemId: uuid().references(() => portfolioItems.id, { onDelete: 'cascade' }),
    kind: text({ enum: PROFILE_FILE_KINDS }).notNull(),
    name: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    /** The file's name under DATA_DIR/files (for an image, the re-encoded one). */
    storageKey: text().notNull(),
    /** The thumbnail's name under DATA_DIR/files, for images. */
    thumbnailKey: text(),
    width: integer(),
    height: integer(),
    hasThumbnail: boolean().notNull().default(false),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), index().on(t.portfolioItemId)],
);

/** An agency's listing of its firm (one per professional); in the directory once approved. */
export const businessListings = pgTable(
  'business_listings',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    categorySlugs: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    services: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    teamSize: integer(),
    website: text(),
    countries: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    timeZones: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text({ enum: LISTING_STATUSES }).notNull().default('pending'),
    rejectionReason: text(),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts(),
    search: tsvector()
      .notNull()
      .default(sql`''::tsvector`),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('business_listings_search')
      .using('gin', t.search)
      .where(sql`status = 'approved'`),
    index().on(t.status, t.createdAt),
  ],
);

/** Trusted colleagues: one business asks, the other accepts. One row per pair, whoever asked. */
export const businessConnections = pgTable(
  'business_connections',
  {
    id: uuid().primaryKey(),
    requesterId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    addresseeId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    status: text({ enum: CONNECTION_STATUSES }).notNull().default('pending'),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    respondedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    respondedAt: ts(),
  },
  (t) => [
    uniqueIndex('business_connections_pair').using(
      'btree',
      sql`least(${t.requesterId}, ${t.addresseeId})`,
      sql`greatest(${t.requesterId}, ${t.addresseeId})`,
    ),
    index().on(t.addresseeId, t.status),
  ],
);

/**
 * A business vouching for a professional, with a note. `verified` when it is a past client's
 * recommendation tied to a finished contract (`contractId`; contracts arrive with the Contract
 * work) — distinct from a plain endorsement.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    professionalUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull(),
    verified: boolean().notNull().default(false),
    contractId: uuid(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    withdrawnAt: ts(),
  },
  (t) => [
    // One live recommendation per business and professional; writing again edits it.
    uniqueIndex('recommendations_live')
      .on(t.businessId, t.professionalUserId)
      .where(sql`withdrawn_at is null`),
    index().on(t.professionalUserId),
  ],
);

/** A professional asking a client, by e-mail, to recommend them. */
export const recommendationRequests = pgTable(
  'recommendation_requests',
  {
    id: uuid().primaryKey(),
    professionalUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    message: text().notNull().default(''),
    /** SHA-256 of the secret in the link. */
    tokenHash: text().notNull().unique(),
    expiresAt: ts().notNull(),
    recommendationId: uuid().references(() => recommendations.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    answeredAt: ts(),
  },
  (t) => [index().on(t.professionalUserId)],
);

/**
 * A business's own record of a professional: someone met elsewhere (name, e-mail, link to their
 * profile on another site) who may not have an account yet, or a Handoff professional it keeps
 * notes on. Notes and tags are the business's alone. `inPool` puts the person in the business's
 * private pool (what the directory shows in workspace mode); `userId` links the record once the
 * person has an account (set when they sign up through the invitation, or at once if they have one).
 */
export const talentContacts = pgTable(
  'talent_contacts',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    name: text().notNull().default(''),
    /** Lower-cased. */
    email: text(),
    externalUrl: text(),
    notes: text().notNull().default(''),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    inPool: boolean().notNull().default(false),
    /** SHA-256 of the secret in the invitation link, while an invitation is open. */
    inviteTokenHash: text().unique(),
    invitedAt: ts(),
    joinedAt: ts(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('talent_contacts_user')
      .on(t.businessId, t.userId)
      .where(sql`user_id is not null`),
    uniqueIndex('talent_contacts_email')
      .on(t.businessId, t.email)
      .where(sql`email is not null`),
    index().on(t.userId),
    index().on(t.email),
  ],
);

/**
 * An invitation to a job sent to an e-mail address, answered the same whether or not an account
 * exists; becomes a job_invitations row when an account with that (verified) address exists.
 */
export const jobEmailInvitations = pgTable(
  'job_email_invitations',
  {
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    claimedAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.email] }), index().on(t.email)],
);

/** "Shortlists for later": a business's named lists of professionals. */
export const savedLists = pgTable(
  'saved_lists',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.businessId)],
);

export const savedListItems = pgTable(
  'saved_list_items',
  {
    listId: uuid()
      .notNull()
      .references(() => savedLists.id, { onDelete: 'cascade' }),
    professionalUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.professionalUserId] })],
);
