import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { Db } from '../db/client.ts';
import { findCallerByTokenHash, touchApiToken } from '../features/accounts/queries.ts';
import { SESSION_COOKIE, type Auth } from './auth.ts';
import type { Clock } from './clock.ts';
import { HttpProblem, unauthorized } from './errors.ts';
import { sha256 } from './ids.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Record a token's last use at most this often, to keep writes off every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves `request.caller` for /api/v1 from a Bearer API token or the session cookie, and
 * protects cookie sessions from cross-site requests: a state-changing request that rides on
 * the cookie must come from one of our own origins (browsers always send Origin on such
 * requests). Token requests carry no ambient credential, so they need no such check.
 */
export function registerAuthentication(
  app: FastifyInstance,
  {
    auth,
    db,
    clock,
    trustedOrigins,
  }: { auth: Auth; db: Db; clock: Clock; trustedOrigins: string[] },
) {
  app.decorateRequest('caller', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw unauthorized();
      const found = await findCallerByTokenHash(db, sha256(match[1]));
      if (!found) throw unauthorized();
      const now = clock.now();
      if (found.expiresAt && found.expiresAt <= now)
        throw new HttpProblem(
          401,
          'API token expired',
          `This token expired on ${found.expiresAt.toISOString()}; make a new one in Settings.`,
        );
      if (found.scope === 'read' && !SAFE_METHODS.has(request.method))
        throw new HttpProblem(
          403,
          'Read-only API token',
          'This token may only read (GET). Make a read-write token to change anything.',
          undefined,
          'read-only-token',
        );
      if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await touchApiToken(db, found.tokenId, now);
      }
      request.caller = { userId: found.userId, isAdmin: found.isAdmin, via: 'token' };
      return;
    }
    if (!request.headers.cookie?.includes(SESSION_COOKIE)) return;
    const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (!session) return;
    if (!SAFE_METHODS.has(request.method)) checkOrigin(request, trustedOrigins);
    const user = session.user as typeof session.user & { isAdmin?: boolean };
    request.caller = { userId: user.id, isAdmin: user.isAdmin === true, via: 'session' };
  });
}

function checkOrigin(request: FastifyRequest, trustedOrigins: string[]) {
  const origin = request.headers.origin;
  if (!origin || !trustedOrigins.includes(origin)) {
    throw new HttpProblem(
      403,
      'Cross-site request refused',
      'A request signed in by cookie must come from this Handoff site; scripts should use an API token.',
    );
  }
}
