import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { buildBusiness, buildMember, buildUser, type TestUser } from './factories.ts';
import { call, type TestContext } from './harness.ts';

/** The people every route is tried as (STYLE.md habit 6). */
export const ROLES = [
  'anonymous',
  'owner',
  'manager',
  'viewer',
  'otherBusiness',
  'professional',
  'admin',
] as const;
export type RoleName = (typeof ROLES)[number];

export interface Cast {
  businessId: string;
  people: Record<Exclude<RoleName, 'anonymous'>, TestUser>;
}

/** A business with an owner, a manager and a viewer; an owner of another business; a professional; an admin. */
export async function buildCast(ctx: TestContext): Promise<Cast> {
  const { business, owner } = await buildBusiness(ctx);
  const [manager, viewer, other, professional, admin] = await Promise.all([
    buildMember(ctx, business.id, 'manager'),
    buildMember(ctx, business.id, 'viewer'),
    buildBusiness(ctx, { name: 'Another Shop' }).then((b) => b.owner),
    buildUser(ctx, { professional: true, name: 'A professional' }),
    buildUser(ctx, { admin: true, name: 'An admin' }),
  ]);
  return {
    businessId: business.id,
    people: { owner, manager, viewer, otherBusiness: other, professional, admin },
  };
}

/**
 * Runs one route as every role and checks each answer's status against `expected`.
 * `request` is called once per role, so a mutating route can be given a fresh target each time.
 * The failure message shows the whole matrix, expected against actual.
 */
export async function expectRoleMatrix(
  ctx: TestContext,
  cast: Cast,
  request: (role: RoleName) => InjectOptions | Promise<InjectOptions>,
  expected: Record<RoleName, number>,
) {
  const actual = {} as Record<RoleName, number>;
  for (const role of ROLES) {
    const who = role === 'anonymous' ? null : cast.people[role];
    const response = await call(ctx, who, await request(role));
    actual[role] = response.statusCode;
    if (response.statusCode >= 400) {
      expect(response.headers['content-type'], `${role}: errors are problem+json`).toContain(
        'application/problem+json',
      );
    }
  }
  expect(actual).toEqual(expected);
}
