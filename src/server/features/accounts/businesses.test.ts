import { beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

describe('POST /api/v1/businesses', () => {
  it('makes the creator its owner, with their time zone and currency unless given', async () => {
    const me = cast.people.professional;
    await call(ctx, me, {
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { timeZone: 'Asia/Tokyo', currency: 'JPY' },
    });
    const res = await call(ctx, me, {
      method: 'POST',
      url: '/api/v1/businesses',
      payload: { name: 'Yuki Books' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Yuki Books',
      timeZone: 'Asia/Tokyo',
      currency: 'JPY',
      myRole: 'owner',
    });
    const meNow = await call(ctx, me, { method: 'GET', url: '/api/v1/me' });
    expect(meNow.json().memberships).toContainEqual({
      businessId: res.json().id,
      businessName: 'Yuki Books',
      role: 'owner',
    });
  });

  it('names every bad field and creates nothing', async () => {
    const me = cast.people.admin;
    const res = await call(ctx, me, {
      method: 'POST',
      url: '/api/v1/businesses',
      payload: { name: '  ', timeZone: 'Nowhere/Land', currency: 'XXXX' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.timeZone', 'body.currency']));
    expect((await call(ctx, me, { method: 'GET', url: '/api/v1/me' })).json().memberships).toEqual(
      [],
    );
  });

  it('role matrix: anyone signed in may create a business', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: '/api/v1/businesses', payload: { name: 'New Co' } }),
      201,
    );
  });
});

describe('GET /api/v1/businesses/:id', () => {
  it('role matrix: members read it; everyone else gets 404, not 403', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/businesses/${cast.businessId}` }),
      200,
    );
  });

  it('answers 400 naming the parameter for an id that is not a UUID', async () => {
    const res = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: '/api/v1/businesses/not-a-uuid',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('params.businessId');
  });
});

describe('PATCH /api/v1/businesses/:id', () => {
  it('saves name, time zone, currency and working hours', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const workingHours = { days: [1, 2, 3, 4, 6], start: '07:30', end: '15:00' };
    const res = await call(ctx, owner, {
      method: 'PATCH',
      url: `/api/v1/businesses/${business.id}`,
      payload: { name: 'Renamed', timeZone: 'America/Chicago', currency: 'USD', workingHours },
    });
    expect(res.statusCode).toBe(200);
    const read = await call(ctx, owner, {
      method: 'GET',
      url: `/api/v1/businesses/${business.id}`,
    });
    expect(read.json()).toMatchObject({
      name: 'Renamed',
      timeZone: 'America/Chicago',
      currency: 'USD',
      workingHours,
    });
  });

  it('refuses working hours that end before they start, naming the field', async () => {
    const res = await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url: `/api/v1/businesses/${cast.businessId}`,
      payload: { workingHours: { days: [1], start: '17:00', end: '09:00' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      path: 'body.workingHours.end',
      message: 'End must be after start',
    });
  });

  it('role matrix: owners and managers change it; viewers get 403', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PATCH',
        url: `/api/v1/businesses/${cast.businessId}`,
        payload: { name: 'Crumb & Co.' },
      }),
      200,
    );
  });
});
