import { beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../../core/contracts/catalog.ts';
import { auditUrl, buildAudit, buildEntry, errorPaths } from '../../../../test/audit-factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const CATEGORIES = '/api/v1/categories';
const ADMIN_CATEGORIES = '/api/v1/admin/categories';
const RATES = '/api/v1/admin/currency-rates';

let slugs = 0;
const freshSlug = () => `test-category-${++slugs}`;

async function categories(): Promise<Category[]> {
  const res = await call(ctx, cast.people.professional, { method: 'GET', url: CATEGORIES });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

function createCategory(payload: Record<string, unknown>) {
  return call(ctx, cast.people.admin, { method: 'POST', url: ADMIN_CATEGORIES, payload });
}

describe('GET /api/v1/categories', () => {
  it('lists the seeded categories in their order, with market rates in USD', async () => {
    const items = await categories();
    expect(items.slice(0, 10).map((c) => c.slug)).toEqual([
      'design',
      'writing',
      'web-development',
      'bookkeeping',
      'data-entry',
      'marketing',
      'social-media',
      'customer-support',
      'admin-support',
      'other',
    ]);
    expect(items.find((c) => c.slug === 'bookkeeping')).toEqual({
      slug: 'bookkeeping',
      name: 'Bookkeeping',
      marketRate: { amount: 4000, currency: 'USD' },
    });
  });

  it('gives anonymous callers the same list (the public job board filters by category)', async () => {
    const res = await call(ctx, null, { method: 'GET', url: CATEGORIES });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual(await categories());
  });

  it('role matrix: everyone reads the categories, anonymous callers too (the job board filters by them)', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: CATEGORIES }), 200);
  });
});

describe('POST /api/v1/admin/categories', () => {
  it('adds a category everyone then sees', async () => {
    const slug = freshSlug();
    const res = await createCategory({
      slug,
      name: '  Translation ',
      marketRate: { amount: 3800, currency: 'EUR' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      slug,
      name: 'Translation',
      marketRate: { amount: 3800, currency: 'EUR' },
    });
    expect(await categories()).toContainEqual(res.json());
  });

  it('answers 409 to a slug that exists, and keeps the existing category', async () => {
    const res = await createCategory({
      slug: 'design',
      name: 'Something else',
      marketRate: { amount: 1, currency: 'USD' },
    });
    expect(res.statusCode).toBe(409);
    expect((await categories()).find((c) => c.slug === 'design')?.name).toBe('Design');
  });

  it('names every bad field', async () => {
    const res = await createCategory({
      slug: 'Not A Slug!',
      name: '',
      marketRate: { amount: -5, currency: 'XXXX' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining([
        'body.slug',
        'body.name',
        'body.marketRate.amount',
        'body.marketRate.currency',
      ]),
    );
  });

  it('role matrix: only admins add categories', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: ADMIN_CATEGORIES,
        payload: {
          slug: freshSlug(),
          name: 'Role test',
          marketRate: { amount: 2000, currency: 'USD' },
        },
      }),
      201,
    );
  });
});

describe('PATCH /api/v1/admin/categories/:slug', () => {
  async function category() {
    const slug = freshSlug();
    await createCategory({ slug, name: 'Photo', marketRate: { amount: 5000, currency: 'USD' } });
    return slug;
  }
  const patch = (slug: string, payload: Record<string, unknown>) =>
    call(ctx, cast.people.admin, { method: 'PATCH', url: `${ADMIN_CATEGORIES}/${slug}`, payload });

  it('renames a category and keeps its rate', async () => {
    const slug = await category();
    const res = await patch(slug, { name: 'Photography' });
    expect(res.statusCode).toBe(200);
    expect((await categories()).find((c) => c.slug === slug)).toEqual({
      slug,
      name: 'Photography',
      marketRate: { amount: 5000, currency: 'USD' },
    });
  });

  it('re-rates a category and keeps its name', async () => {
    const slug = await category();
    const res = await patch(slug, { marketRate: { amount: 6500, currency: 'GBP' } });
    expect(res.statusCode).toBe(200);
    expect((await categories()).find((c) => c.slug === slug)).toEqual({
      slug,
      name: 'Photo',
      marketRate: { amount: 6500, currency: 'GBP' },
    });
  });

  it('changes the market cost an audit shows', async () => {
    const slug = await category();
    const b = await buildAudit(ctx);
    const { taskId } = await buildEntry(ctx, b, { taskName: 'Product photos', minutes: 60 });
    await call(ctx, b.owner, {
      method: 'PATCH',
      url: auditUrl(b.businessId, b.audit.id, `/tasks/${taskId}`),
      payload: { category: slug },
    });
    await patch(slug, { marketRate: { amount: 4000, currency: 'EUR' } });
    const summary = await call(ctx, b.owner, {
      method: 'GET',
      url: auditUrl(b.businessId, b.audit.id, '/summary'),
    });
    // 1 h on the one day covered → 30 h a month at the new €40.00.
    expect(summary.json().candidates[0]).toMatchObject({
      marketRate: { amount: 4000, currency: 'EUR' },
      marketCost: { amount: 120000, currency: 'EUR' },
    });
  });

  it('answers 404 for a category that does not exist', async () => {
    expect((await patch('no-such-category', { name: 'X' })).statusCode).toBe(404);
  });

  it('role matrix: only admins change categories', async () => {
    const slug = await category();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PATCH', url: `${ADMIN_CATEGORIES}/${slug}`, payload: { name: 'Photos' } }),
      200,
    );
  });
});

describe('currency rates', () => {
  const put = (currency: string, payload: Record<string, unknown>) =>
    call(ctx, cast.people.admin, { method: 'PUT', url: `${RATES}/${currency}`, payload });

  async function rates() {
    const res = await call(ctx, cast.people.admin, { method: 'GET', url: RATES });
    expect(res.statusCode).toBe(200);
    return res.json().items as { currency: string; perUsd: number; updatedAt: string }[];
  }

  it('lists the seeded rates, by currency', async () => {
    const items = await rates();
    expect(items.find((r) => r.currency === 'EUR')?.perUsd).toBe(0.92);
    expect(items.find((r) => r.currency === 'USD')?.perUsd).toBe(1);
    const codes = items.map((r) => r.currency);
    expect(codes).toEqual([...codes].sort());
  });

  it('sets a rate, changing one that exists or adding a new one', async () => {
    ctx.clock.set('2026-07-01T08:00:00Z');
    const changed = await put('CHF', { perUsd: 0.85 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({
      currency: 'CHF',
      perUsd: 0.85,
      updatedAt: '2026-07-01T08:00:00.000Z',
    });
    expect((await put('ISK', { perUsd: 138 })).statusCode).toBe(200);
    const items = await rates();
    expect(items.find((r) => r.currency === 'CHF')?.perUsd).toBe(0.85);
    expect(items.find((r) => r.currency === 'ISK')?.perUsd).toBe(138);
  });

  it('converts an audit’s market rate with the rate set', async () => {
    const b = await buildAudit(ctx);
    const { taskId } = await buildEntry(ctx, b, { taskName: 'Ledger', minutes: 60 });
    await call(ctx, b.owner, {
      method: 'PATCH',
      url: auditUrl(b.businessId, b.audit.id, `/tasks/${taskId}`),
      payload: { category: 'bookkeeping' },
    });
    await put('EUR', { perUsd: 0.5 });
    try {
      const summary = await call(ctx, b.owner, {
        method: 'GET',
        url: auditUrl(b.businessId, b.audit.id, '/summary'),
      });
      // Bookkeeping's $40.00 at 0.5 EUR per USD is €20.00.
      expect(summary.json().candidates[0].marketRate).toEqual({ amount: 2000, currency: 'EUR' });
    } finally {
      await put('EUR', { perUsd: 0.92 });
    }
  });

  it('names a bad rate or currency', async () => {
    const zero = await put('EUR', { perUsd: 0 });
    expect(zero.statusCode).toBe(400);
    expect(errorPaths(zero)).toEqual(['body.perUsd']);
    const unknown = await put('XYZ', { perUsd: 2 });
    expect(unknown.statusCode).toBe(400);
    expect(errorPaths(unknown)).toEqual(['params.currency']);
  });

  it('role matrix: only admins read the rates', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: RATES }), 200);
  });

  it('role matrix: only admins set a rate', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PUT', url: `${RATES}/SEK`, payload: { perUsd: 10.5 } }),
      200,
    );
  });
});
