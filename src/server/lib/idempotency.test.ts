import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_BRIEF, jobsUrl } from '../../../test/business-jobs.ts';
import { buildBusiness, buildUser, type TestUser } from '../../../test/factories.ts';
import {
  call,
  createTestContext,
  waitForLockWaiters,
  type TestContext,
} from '../../../test/harness.ts';
import { buildJob } from '../../../test/job-factories.ts';
import { businessMembers, idempotencyKeys } from '../db/schema/index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

const newBusiness = (who: TestUser, key: string | undefined, name = 'Idempotent Bakery') =>
  call(ctx, who, {
    method: 'POST',
    url: '/api/v1/businesses',
    headers: key === undefined ? {} : { 'idempotency-key': key },
    payload: { name, timeZone: 'Europe/Lisbon', currency: 'EUR' },
  });

const businessesOf = async (who: TestUser) =>
  (await ctx.db.select().from(businessMembers).where(eq(businessMembers.userId, who.id))).length;

describe('Idempotency-Key', () => {
  it('answers the same key twice with the first answer, and makes one record', async () => {
    const owner = await buildUser(ctx);
    const key = randomUUID();
    const first = await newBusiness(owner, key);
    const again = await newBusiness(owner, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await businessesOf(owner)).toBe(1);
  });

  it('runs each request without a key, or with a new key', async () => {
    const owner = await buildUser(ctx);
    await newBusiness(owner, undefined);
    await newBusiness(owner, undefined);
    await newBusiness(owner, randomUUID());
    expect(await businessesOf(owner)).toBe(3);
  });

  it('refuses the same key with another body (422, naming the header) and runs nothing', async () => {
    const owner = await buildUser(ctx);
    const key = randomUUID();
    expect((await newBusiness(owner, key, 'First')).statusCode).toBe(201);
    const other = await newBusiness(owner, key, 'Second');
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().errors).toEqual([
      { path: 'headers.idempotency-key', message: 'This key was used for a different request' },
    ]);
    expect(await businessesOf(owner)).toBe(1);
  });

  it('keeps keys apart per caller', async () => {
    const [a, b] = [await buildUser(ctx), await buildUser(ctx)];
    const key = randomUUID();
    const fromA = await newBusiness(a, key);
    const fromB = await newBusiness(b, key);
    expect(fromB.statusCode).toBe(201);
    expect(fromB.json().id).not.toBe(fromA.json().id);
    expect(await businessesOf(b)).toBe(1);
  });

  it('answers 409 while the first request with the key still runs, then replays its answer', async () => {
    const owner = await buildUser(ctx);
    const key = randomUUID();
    // Hold every insert into businesses, so the first request waits mid-way with the key taken.
    const blocker = new pg.Client({ connectionString: ctx.databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table businesses in share row exclusive mode');
    const first = newBusiness(owner, key);
    await waitForLockWaiters(ctx, 1, 'the businesses table');
    const second = await newBusiness(owner, key);
    expect(second.statusCode).toBe(409);
    expect(second.headers['retry-after']).toBe('1');
    await blocker.query('rollback');
    await blocker.end();
    expect((await first).statusCode).toBe(201);
    const third = await newBusiness(owner, key);
    expect(third.statusCode).toBe(201);
    expect(third.json()).toEqual((await first).json());
    expect(await businessesOf(owner)).toBe(1);
  });

  it('forgets a key after 24 hours', async () => {
    const owner = await buildUser(ctx);
    const key = randomUUID();
    await newBusiness(owner, key);
    ctx.clock.advance(24 * 60 * 60 * 1000 + 1);
    const later = await newBusiness(owner, key);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await businessesOf(owner)).toBe(2);
    // The expired row was replaced, not left beside the new one.
    const rows = await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(rows).toHaveLength(1);
  });

  it('replays a refusal too: the same request gets the same answer', async () => {
    const owner = await buildUser(ctx);
    const key = randomUUID();
    const res = () =>
      call(ctx, owner, {
        method: 'POST',
        url: '/api/v1/businesses/00000000-0000-7000-8000-000000000000/audits',
        headers: { 'idempotency-key': key },
        payload: {},
      });
    const first = await res();
    const again = await res();
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const owner = await buildUser(ctx);
    const res = await newBusiness(owner, 'has spaces in it');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('headers.idempotency-key');
  });

  it('publish sent twice with one key answers 200 twice, not "already published"', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const job = await buildJob(ctx, {
      businessId: business.id,
      status: 'draft',
      createdBy: owner.id,
      brief: FULL_BRIEF,
    });
    const key = randomUUID();
    const publish = () =>
      call(ctx, owner, {
        method: 'POST',
        url: jobsUrl(business.id, job.id, '/publish'),
        headers: { 'idempotency-key': key },
        payload: { visibility: 'public' },
      });
    const first = await publish();
    const second = await publish();
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toEqual(first.json());
  });

  it('is described on every state-changing operation of the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    }>();
    const unsafe = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, op]) => ({ at: `${method} ${path}`, op })),
      );
    expect(unsafe.length).toBeGreaterThan(20);
    const missing = unsafe.filter(
      ({ op }) => !op.parameters?.some((p) => p.name === 'Idempotency-Key'),
    );
    expect(missing.map((m) => m.at)).toEqual([]);
  });
});
