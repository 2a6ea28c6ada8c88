import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { apiRateLimits } from '../db/schema/index.ts';
import type { Clock } from './clock.ts';
import { HttpProblem } from './errors.ts';

const WINDOW_MS = 60_000;

export interface ApiRateLimit {
  /** Requests per minute for a signed-in caller (session or token), counted per account. */
  perAccount: number;
  /** Requests per minute for an anonymous caller, counted per client IP. */
  perIp: number;
}

/**
 * Counts one request in the caller's current one-minute window and returns the new count.
 * One atomic upsert in Postgres, so every instance of Handoff counts against the same limit.
 */
export async function countRequest(db: Db, key: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(apiRateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: apiRateLimits.key,
      set: {
        count: sql`case when ${apiRateLimits.windowStart} = excluded.window_start
                        then ${apiRateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: apiRateLimits.count });
  return row?.count ?? 1;
}

/**
 * Rate limits on /api/v1 (API_RATE_LIMIT): past the limit a caller gets 429 problem+json with
 * Retry-After until the minute is over. Runs after authentication, which names the account.
 */
export function registerRateLimit(
  app: FastifyInstance,
  { db, clock, limit }: { db: Db; clock: Clock; limit: ApiRateLimit },
) {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const now = clock.now().getTime();
    const windowStart = now - (now % WINDOW_MS);
    const [key, max] = request.caller
      ? [`user:${request.caller.userId}`, limit.perAccount]
      : [`ip:${request.ip}`, limit.perIp];
    const count = await countRequest(db, key, new Date(windowStart));
    if (count <= max) return;
    const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    reply.header('retry-after', String(retryAfter));
    throw new HttpProblem(
      429,
      'Too many requests',
      `More than ${max} requests in a minute; try again in ${retryAfter} s.`,
    );
  });
}
