import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { errorHandler } from './errors.ts';

let ctx: TestContext;
let app: FastifyInstance;
const warnings: unknown[] = [];
const errors: unknown[] = [];

/** Statements Postgres refuses with a data exception (SQLSTATE class 22), by their code. */
const REFUSED = {
  '22P02': sql`select ${'not-a-uuid'}::uuid`,
  '22003': sql`select ${'2147483648'}::int4`,
  '22021': sql`select ${'a\u0000b'}::text`,
  '22P05': sql`select ${'{"a": "\\u0000"}'}::jsonb ->> 'a'`,
  '22008': sql`select ${'0000-01-01'}::date`,
  '22007': sql`select ${'next friday'}::date`,
} as const;

beforeAll(async () => {
  ctx = await createTestContext();
  // The app's error handler on a bare app whose routes run what no contract would let through.
  app = Fastify({
    logger: {
      level: 'warn',
      stream: {
        write: (line: string) => {
          const entry = JSON.parse(line) as { level: number };
          (entry.level >= 50 ? errors : warnings).push(entry);
        },
      },
    },
  });
  app.setErrorHandler(errorHandler);
  app.get<{ Params: { code: keyof typeof REFUSED } }>('/refused/:code', async (req) => {
    await ctx.db.execute(REFUSED[req.params.code]);
    return { ok: true };
  });
  app.get('/broken', async () => {
    await ctx.db.execute(sql`select * from no_such_table`);
  });
});
afterAll(() => app.close());

describe('errorHandler', () => {
  it.each(Object.keys(REFUSED))(
    'answers a value Postgres refuses (SQLSTATE %s) with a 400 problem, logged as a warning',
    async (code) => {
      warnings.length = 0;
      const res = await app.inject({ method: 'GET', url: `/refused/${code}` });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toEqual({
        type: 'https://handoff.dev/problems/400',
        title: 'Bad request',
        status: 400,
        detail: 'A value is not valid.',
      });
      expect(warnings).toHaveLength(1);
      // The code and the route, never the query, its params or the value Postgres quotes.
      expect(warnings[0]).toMatchObject({ sqlState: code, route: 'GET /refused/:code' });
      const logged = JSON.stringify(warnings[0]);
      for (const secret of [
        'params',
        'select',
        'not-a-uuid',
        '2147483648',
        'next friday',
        '0000-01-01',
      ])
        expect(logged).not.toContain(secret);
    },
  );

  it('still answers any other database error with a logged 500 that tells nothing', async () => {
    errors.length = 0;
    const res = await app.inject({ method: 'GET', url: '/broken' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('no_such_table');
    expect(errors).toHaveLength(1);
  });
});
