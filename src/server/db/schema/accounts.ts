import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import type { WorkingHours } from '../../../core/contracts/accounts.ts';
import { BUSINESS_ROLES } from '../../../core/roles.ts';
import { users } from './auth.ts';

export const businessRole = pgEnum('business_role', BUSINESS_ROLES);

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
};

export const businesses = pgTable('businesses', {
  id: uuid().primaryKey(),
  name: text().notNull(),
  timeZone: text().notNull(),
  currency: text().notNull(),
  workingHours: jsonb().$type<WorkingHours>().notNull(),
  createdAt: ts().notNull().defaultNow(),
  updatedAt: ts().notNull().defaultNow(),
});

export const businessMembers = pgTable(
  'business_members',
  {
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: businessRole().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.userId] }), index().on(t.userId)],
);

export const businessInvitations = pgTable(
  'business_invitations',
  {
    id: uuid().primaryKey(),
    businessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    role: businessRole().notNull(),
    /** SHA-256 of the secret in the link; the secret itself is never stored. */
    tokenHash: text().notNull().unique(),
    invitedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts().notNull(),
    acceptedAt: ts(),
    revokedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.businessId),
    // One open invitation per address and business: inviting again replaces the old link.
    uniqueIndex('business_invitations_open_email')
      .on(t.businessId, t.email)
      .where(sql`accepted_at is null and revoked_at is null`),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text().notNull().unique(),
    prefix: text().notNull(),
    /** 'read' tokens may only look (GET/HEAD); tokens made before scopes existed keep writing. */
    scope: text({ enum: ['read', 'read-write'] })
      .notNull()
      .default('read-write'),
    /** Null for tokens made before expiry existed; new tokens expire within a year. */
    expiresAt: ts(),
    lastUsedAt: ts(),
    revokedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Request counts of /api/v1 per caller (account or client IP) and per minute, in Postgres so
 * every instance behind a load balancer counts against the same limit.
 */
export const apiRateLimits = pgTable('api_rate_limits', {
  /** `user:<id>` or `ip:<address>`. */
  key: text().primaryKey(),
  windowStart: ts().notNull(),
  count: integer().notNull(),
});
