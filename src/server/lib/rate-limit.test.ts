import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../test/harness.ts';
import { buildApp } from '../app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { apiRateLimit: { perAccount: 5, perIp: 3 } } });
  // Half a minute into a window, so Retry-After is known.
  ctx.clock.set('2026-07-01T10:00:30Z');
});

const anonymous = (remoteAddress: string, app = ctx.app) =>
  app.inject({ method: 'GET', url: '/api/v1/meta', remoteAddress });

describe('rate limits on /api/v1', () => {
  it('a signed-in caller gets 429 problem+json with Retry-After past the per-account limit; others go on', async () => {
    const [busy, other] = [await buildUser(ctx), await buildUser(ctx)];
    for (let i = 1; i <= 5; i++) {
      const res = await call(ctx, busy, { method: 'GET', url: '/api/v1/me' });
      expect(res.statusCode, `request ${i}`).toBe(200);
    }
    const limited = await call(ctx, busy, { method: 'GET', url: '/api/v1/me' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    expect((await call(ctx, other, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });

  it('counts anonymous callers per client IP', async () => {
    for (let i = 1; i <= 3; i++) expect((await anonymous('203.0.113.1')).statusCode).toBe(200);
    expect((await anonymous('203.0.113.1')).statusCode).toBe(429);
    expect((await anonymous('203.0.113.2')).statusCode).toBe(200);
  });

  it('lets the caller in again once the minute is over', async () => {
    for (let i = 1; i <= 3; i++) await anonymous('203.0.113.3');
    expect((await anonymous('203.0.113.3')).statusCode).toBe(429);
    ctx.clock.advance(30_000);
    expect((await anonymous('203.0.113.3')).statusCode).toBe(200);
  });

  describe('with two instances on one database', () => {
    let second: Awaited<ReturnType<typeof buildApp>>;
    beforeAll(async () => {
      second = await buildApp({ ...ctx, logger: false });
    });
    afterAll(async () => {
      await second.close();
    });

    it('shares the count: requests spread over both instances hit one limit', async () => {
      expect((await anonymous('198.51.100.9')).statusCode).toBe(200);
      expect((await anonymous('198.51.100.9', second)).statusCode).toBe(200);
      expect((await anonymous('198.51.100.9')).statusCode).toBe(200);
      expect((await anonymous('198.51.100.9', second)).statusCode).toBe(429);
    });
  });
});
