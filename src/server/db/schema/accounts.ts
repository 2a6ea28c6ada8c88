import { sql } from 'drizzle-orm';
import {
  index,
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

export const professionalProfiles = pgTable('professional_profiles', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  headline: text().notNull().default(''),
  bio: text().notNull().default(''),
  createdAt: ts().notNull().defaultNow(),
  updatedAt: ts().notNull().defaultNow(),
});

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
    lastUsedAt: ts(),
    revokedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);
