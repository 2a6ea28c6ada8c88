import { describe, expect, it } from 'vitest';
import { call, createTestContext } from '../../../test/harness.ts';
import { withSessionOptions } from './client.ts';

describe('the database pool', () => {
  it('survives the server ending its idle connections, and keeps answering', async () => {
    const ctx = await createTestContext();
    // Open several pooled connections, then have Postgres end them while they sit idle.
    await Promise.all(Array.from({ length: 3 }, () => ctx.pool.query('select pg_sleep(0.05)')));
    const killer = await ctx.pool.connect();
    await killer.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    killer.release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const res = await call(ctx, null, { method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('withSessionOptions', () => {
  it('adds ISO dates in UTC after the options the URL already sets, which it keeps', () => {
    const config = withSessionOptions('postgres://u:p@db:5432/app?options=-c%20search_path%3Dx');
    const options = (c: { connectionString?: string }) =>
      new URL(c.connectionString ?? '').searchParams.get('options');
    expect(options(config)).toBe('-c search_path=x -c DateStyle=ISO -c TimeZone=UTC');
    expect(options(withSessionOptions('postgres://db/app'))).toBe(
      '-c DateStyle=ISO -c TimeZone=UTC',
    );
  });
});
