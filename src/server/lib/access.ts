import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BUSINESS_ROLES, rolesFor, type Action } from '../../core/permissions.ts';
import { requireAdmin, requireCaller, requireSession } from './caller.ts';

/**
 * What a route needs, declared on the route as `config: { access }`: nothing (`public`), any
 * signed-in caller (`signedIn`), a caller signed in through the web app's session rather than an
 * API token (`session`: managing tokens, so a leaked token cannot mint successors), or an action
 * of the permissions table (`core/permissions.ts`).
 * The role-matrix tests read each route's expected answers from this declaration and the table,
 * and fail for an `/api/v1` route that has none.
 */
export type Access = 'public' | 'signedIn' | 'session' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** A registered route and what it declared. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access | undefined;
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Whether an action is held by admins only (no business role), so a non-admin is refused with 403. */
export function isAdminAction(access: Access): boolean {
  if (access === 'public' || access === 'signedIn' || access === 'session') return false;
  const roles = rolesFor(access);
  return (
    roles.includes('admin') && !roles.some((r) => (BUSINESS_ROLES as readonly string[]).includes(r))
  );
}

/**
 * Records every route's declaration, and enforces its caller part before the handler runs:
 * anything but `public` needs a caller (401), an admin-only action needs an admin (403).
 * Business actions are checked by the feature's policy inside its transaction, where the
 * membership is read (non-member → 404, role without the action → 403).
 * Call before any route is registered.
 */
export function declareAccess(app: FastifyInstance) {
  const routes: DeclaredRoute[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
    if (access === undefined || access === 'public') return;
    const check =
      access === 'session' ? requireSession : isAdminAction(access) ? requireAdmin : requireCaller;
    const own = async (request: FastifyRequest) => {
      check(request);
    };
    route.preHandler = [route.preHandler ?? []].flat().concat(own);
  });
}

/** Every route registered on `app` since `declareAccess`, with its declaration. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

/**
 * The API routes that declare no access: none may (a route nobody thought about is refused by
 * the suite, see access.test.ts). `/api/auth` (better-auth) and the OpenAPI pages are outside it.
 */
export function undeclaredApiRoutes(app: FastifyInstance): string[] {
  return declaredRoutes(app)
    .filter((r) => /^\/api\/(v1|admin)(\/|$)/.test(r.url) && r.access === undefined)
    .map((r) => `${r.method} ${r.url}`);
}
