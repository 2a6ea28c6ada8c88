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
