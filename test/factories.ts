/**
 * Factories that build what a test needs straight in the database, creating missing parents
 * (a member's business, a business's owner). People get an API token so tests can act as them.
 */
import { randomBytes } from 'node:crypto';
import type { BusinessRole } from '../src/core/roles.ts';
import { businessMembers, professionalProfiles, users } from '../src/server/db/schema/index.ts';
import { createApiTokenService } from '../src/server/features/accounts/api-tokens.ts';
import { createBusinessService } from '../src/server/features/accounts/businesses.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { Principal, TestContext } from './harness.ts';

export interface TestUser extends Principal {
  id: string;
  email: string;
  name: string;
  token: string;
}

export async function buildUser(
  ctx: TestContext,
  options: {
    email?: string;
    name?: string;
    admin?: boolean;
    professional?: boolean;
    /** Whether the address is verified; true unless a test is about unverified accounts. */
    verified?: boolean;
  } = {},
): Promise<TestUser> {
  const id = newId();
  const email = options.email ?? `user-${randomBytes(4).toString('hex')}@test.example`;
  const name = options.name ?? 'Test Person';
  await ctx.db.insert(users).values({
    id,
    email,
    name,
    emailVerified: options.verified ?? true,
    isAdmin: options.admin ?? false,
  });
  if (options.professional) await ctx.db.insert(professionalProfiles).values({ userId: id });
  // No expiry: tests move their clock by months.
  const { token } = await createApiTokenService({ db: ctx.db, clock: ctx.clock }).create(
    { userId: id },
    {
      name: 'tests',
      expiresInDays: null,
      scope: 'read-write',
    },
  );
  return { id, email, name, token };
}

export async function buildBusiness(
  ctx: TestContext,
  options: { owner?: TestUser; name?: string } = {},
) {
  const owner = options.owner ?? (await buildUser(ctx, { name: 'Owner' }));
  const business = await createBusinessService({ db: ctx.db, clock: ctx.clock }).create(
    { userId: owner.id },
    {
      name: options.name ?? 'Test Bakery',
      timeZone: 'Europe/Lisbon',
      currency: 'EUR',
    },
  );
  return { business, owner };
}

export async function buildMember(ctx: TestContext, businessId: string, role: BusinessRole) {
  const user = await buildUser(ctx, { name: `A ${role}` });
  await ctx.db.insert(businessMembers).values({ businessId, userId: user.id, role });
  return user;
}

// Talent — directory: profiles and listings written straight into the directory's columns
// (the derived ones included), as the profiles and listings services will write them. Their
// imports are inside the functions so that this block merges as one piece.

export interface DirectoryProfileOptions {
  name?: string;
  headline?: string;
  bio?: string;
  portfolioTitles?: string[];
  skills?: string[];
  categories?: string[];
  languages?: string[];
  country?: string | null;
  /** The hourly rate as set, in minor units of `currency`; `rateUsd` is derived unless given. */
  rate?: { amount: number; currency: string; usdCents: number } | null;
  /** Local working hours in a zone, converted to the UTC window at the test clock's instant. */
  hours?: { timeZone: string; start: string; end: string } | null;
  yearsExperience?: number;
  rating?: { avg: number; reviews: number } | null;
  completedJobs?: number;
  availability?: 'available' | 'limited' | 'unavailable';
  availabilityHoursPerWeek?: number | null;
  visibility?: 'public' | 'hidden';
  moderated?: boolean;
}

/** A professional with a directory profile: their account, and the profile row with its search columns. */
export async function buildDirectoryProfile(ctx: TestContext, o: DirectoryProfileOptions = {}) {
  const { utcWindow } = await import('../src/core/working-window.ts');
  const { sql } = await import('drizzle-orm');
  const user = await buildUser(ctx, { name: o.name ?? 'Directory Person' });
  const window = o.hours ? utcWindow(o.hours.timeZone, o.hours, ctx.clock.now()) : null;
  const skills = o.skills ?? [];
  const slug = `${(o.name ?? 'pro').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${user.id.slice(-8)}`;
  await ctx.db.insert(professionalProfiles).values({
    userId: user.id,
    slug,
    headline: o.headline ?? '',
    bio: o.bio ?? '',
    hourlyRateAmount: o.rate?.amount ?? null,
    hourlyRateCurrency: o.rate?.currency ?? null,
    rateUsd: o.rate?.usdCents ?? null,
    timeZone: o.hours?.timeZone ?? null,
    workingHours: o.hours
      ? { days: [1, 2, 3, 4, 5], start: o.hours.start, end: o.hours.end }
      : null,
    workStartUtc: window?.start ?? null,
    workEndUtc: window?.end ?? null,
    country: o.country ?? null,
    availability: o.availability ?? 'available',
    availabilityHoursPerWeek: o.availabilityHoursPerWeek ?? null,
    categorySlugs: o.categories ?? [],
    skillSlugs: skills,
    languageCodes: o.languages ?? [],
    yearsExperience: o.yearsExperience ?? 0,
    ratingAvg: o.rating?.avg ?? null,
    reviewCount: o.rating?.reviews ?? 0,
    completedJobs: o.completedJobs ?? 0,
    visibility: o.visibility ?? 'public',
    moderatedAt: o.moderated ? ctx.clock.now() : null,
    moderationReason: o.moderated ? 'Spam' : null,
    search: sql`setweight(to_tsvector('english', ${user.name}), 'A')
      || setweight(to_tsvector('english', ${o.headline ?? ''}), 'B')
      || setweight(to_tsvector('english', ${skills.join(' ')}), 'B')
      || setweight(to_tsvector('english', ${o.bio ?? ''}), 'C')
      || setweight(to_tsvector('english', ${(o.portfolioTitles ?? []).join(' ')}), 'D')`,
  });
  return { ...user, slug };
}

/** An agency's business listing with its search column, approved unless told otherwise. */
export async function buildDirectoryListing(
  ctx: TestContext,
  o: {
    name?: string;
    description?: string;
    categories?: string[];
    services?: string[];
    countries?: string[];
    status?: 'pending' | 'approved' | 'rejected';
  } = {},
) {
  const { sql } = await import('drizzle-orm');
  const { businessListings } = await import('../src/server/db/schema/index.ts');
  const user = await buildUser(ctx, { professional: true, name: 'Agency person' });
  const id = newId();
  const name = o.name ?? 'An Agency';
  await ctx.db.insert(businessListings).values({
    id,
    userId: user.id,
    name,
    description: o.description ?? '',
    categorySlugs: o.categories ?? [],
    services: o.services ?? [],
    countries: o.countries ?? [],
    status: o.status ?? 'approved',
    search: sql`setweight(to_tsvector('english', ${name}), 'A')
      || setweight(to_tsvector('english', ${(o.services ?? []).join(' ')}), 'B')
      || setweight(to_tsvector('english', ${o.description ?? ''}), 'C')`,
  });
  return { id, name, user };
}
