import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { BUSINESS_ROLES, rolesFor } from '../src/core/permissions.ts';
import { declaredRoutes, type Access } from '../src/server/lib/access.ts';
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
 * The answer each test role gets from a route declaring `access`, read from the permissions
 * table: `ok` for whoever the table allows; anonymous → 401; a member whose role lacks the
 * action → 403; for a business action, anyone outside the business (another business's owner,
 * a professional, an admin) → 404, since a business's existence does not leak; for an admin
 * action, every signed-in non-admin → 403.
 */
export function expectedFor(access: Access, ok: number): Record<RoleName, number> {
  if (access === 'public') {
    return Object.fromEntries(ROLES.map((role) => [role, ok])) as Record<RoleName, number>;
  }
  // The matrix's people call with API tokens: a session-only route refuses each of them.
  if (access === 'session') {
    return Object.fromEntries(
      ROLES.map((role) => [role, role === 'anonymous' ? 401 : 403]),
    ) as Record<RoleName, number>;
  }
  const everyone = access === 'signedIn';
  const allowed: readonly string[] = everyone ? [] : rolesFor(access);
  const business = allowed.some((r) => (BUSINESS_ROLES as readonly string[]).includes(r));
  const member = (role: string) => (everyone || allowed.includes(role) ? ok : 403);
  const outsider = (role: string) =>
    everyone || allowed.includes(role) ? ok : business ? 404 : 403;
  return {
    anonymous: 401,
    owner: member('owner'),
    manager: member('manager'),
    viewer: member('viewer'),
    otherBusiness: outsider('otherBusiness'),
    professional: outsider('professional'),
    admin: outsider('admin'),
  };
}

/** The declaration of the route `method url` answers (its pattern, with `:params`). */
export function routeFor(ctx: TestContext, method: string, url: string) {
  const pathname = url.split('?')[0] ?? url;
  const matches = declaredRoutes(ctx.app).filter(
    (r) =>
      r.method === method &&
      new RegExp(`^${r.url.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`).test(
        pathname,
      ),
  );
  // A literal segment wins over a parameter (`/jobs/templates` over `/jobs/:jobId`).
  matches.sort((a, b) => a.url.split(':').length - b.url.split(':').length);
  const route = matches[0];
  if (!route) throw new Error(`No route answers ${method} ${pathname}`);
  if (!route.access) throw new Error(`${method} ${route.url} declares no access`);
  return route as typeof route & { access: Access };
}

/**
 * What a role-matrix test expects: the success status (every other answer is read from the
 * route's declared access and the permissions table, `expectedFor`), optionally with the roles
 * whose answer legitimately differs and why; or, for a route whose answers the table cannot
 * say, the whole matrix written out.
 */
export type MatrixExpectation =
  | number
  | { ok: number; except: Partial<Record<RoleName, number>>; why: string }
  | Record<RoleName, number>;

/**
 * Runs one route as every role and checks each answer's status against `expected`.
 * `request` is called once per role, so a mutating route can be given a fresh target each time.
 * The failure message shows the whole matrix, expected against actual.
 */
export async function expectRoleMatrix(
  ctx: TestContext,
  cast: Cast,
  request: (role: RoleName) => InjectOptions | Promise<InjectOptions>,
  expectation: MatrixExpectation,
) {
  const actual = {} as Record<RoleName, number>;
  let expected: Record<RoleName, number> | undefined =
    typeof expectation === 'object' && !('ok' in expectation) ? expectation : undefined;
  for (const role of ROLES) {
    const who = role === 'anonymous' ? null : cast.people[role];
    const options = await request(role);
    if (!expected) {
      const { access } = routeFor(
        ctx,
        options.method ?? 'GET',
        typeof options.url === 'string' ? options.url : '',
      );
      expected =
        typeof expectation === 'number'
          ? expectedFor(access, expectation)
          : {
              ...expectedFor(access, (expectation as { ok: number }).ok),
              ...(expectation as { except: object }).except,
            };
    }
    const response = await call(ctx, who, options);
    actual[role] = response.statusCode;
    if (response.statusCode >= 400) {
      expect(response.headers['content-type'], `${role}: errors are problem+json`).toContain(
        'application/problem+json',
      );
    }
  }
  expect(actual).toEqual(expected);
}
