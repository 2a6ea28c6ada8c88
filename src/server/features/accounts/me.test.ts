import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

describe('GET /api/v1/me', () => {
  it('describes the caller: profile, memberships with roles, professional profile', async () => {
    const res = await call(ctx, cast.people.manager, { method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user.id).toBe(cast.people.manager.id);
    expect(me.memberships).toEqual([
      { businessId: cast.businessId, businessName: 'Test Bakery', role: 'manager' },
    ]);
    expect(me.professionalProfile).toBeNull();
    const pro = await call(ctx, cast.people.professional, { method: 'GET', url: '/api/v1/me' });
    expect(pro.json().professionalProfile).toMatchObject({ headline: '', bio: '' });
  });

  it('role matrix: everyone signed in reads themselves', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/me' }), 200);
  });

  it('answers 401 for an unknown bearer token', async () => {
    const res = await call(ctx, { token: 'hnd_nope' }, { method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
  });
});

describe('PATCH /api/v1/me', () => {
  it('saves name, time zone and currency', async () => {
    const person = await buildUser(ctx);
    const res = await call(ctx, person, {
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { name: 'Ana Lima', timeZone: 'America/Sao_Paulo', currency: 'BRL' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      name: 'Ana Lima',
      timeZone: 'America/Sao_Paulo',
      currency: 'BRL',
    });
  });

  it('refuses fields nobody may set, such as isAdmin, and changes nothing', async () => {
    const person = await buildUser(ctx, { name: 'Before' });
    const res = await call(ctx, person, {
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { name: 'After', isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'body' });
    const me = (await call(ctx, person, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me.user).toMatchObject({ name: 'Before', isAdmin: false });
  });

  it('role matrix', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PATCH', url: '/api/v1/me', payload: { currency: 'EUR' } }),
      200,
    );
  });
});

describe('POST /api/v1/me/professional-profile', () => {
  it('creates an empty profile once; a second call changes nothing', async () => {
    const person = await buildUser(ctx);
    const first = await call(ctx, person, {
      method: 'POST',
      url: '/api/v1/me/professional-profile',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().professionalProfile).toMatchObject({ headline: '' });
    const again = await call(ctx, person, {
      method: 'POST',
      url: '/api/v1/me/professional-profile',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().professionalProfile.createdAt).toBe(
      first.json().professionalProfile.createdAt,
    );
  });

  it('role matrix: the professional already has one (200), the others get one (201)', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: '/api/v1/me/professional-profile' }),
      {
        ok: 201,
        except: { professional: 200 },
        why: 'the cast’s professional already has a profile, and starting one is idempotent',
      },
    );
  });
});
