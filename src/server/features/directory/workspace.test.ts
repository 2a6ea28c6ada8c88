/**
 * In a private workspace (HANDOFF_MODE=workspace) nothing is public: the directory answers
 * members only, through their business, and shows only that business's private pool.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPage } from '../../../core/contracts/directory.ts';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildDirectoryListing, buildDirectoryProfile } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { talentContacts } from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext({ config: { mode: 'workspace' } });
  cast = await buildCast(ctx);
});

describe('GET /api/v1/directory in a private workspace', () => {
  it('shows the business’s pool only: no other professional, no listing', async () => {
    const pooled = await buildDirectoryProfile(ctx, { headline: 'Pooled plumber' });
    const contactOnly = await buildDirectoryProfile(ctx, { headline: 'Known plumber' });
    await buildDirectoryProfile(ctx, { headline: 'Public plumber' });
    await buildDirectoryListing(ctx, { name: 'Plumber agency' });
    await ctx.db.insert(talentContacts).values([
      { id: newId(), businessId: cast.businessId, userId: pooled.id, inPool: true },
      { id: newId(), businessId: cast.businessId, userId: contactOnly.id, inPool: false },
    ]);
    const res = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `/api/v1/directory?q=plumber&businessId=${cast.businessId}`,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json<DirectoryPage>();
    expect(page.items.map((e) => e.id)).toEqual([pooled.id]);
    expect(page.items[0]?.inPool).toBe(true);
    expect(page.total).toEqual({ count: 1, more: false });
  });

  it('needs a business (400 naming businessId) and a signed-in member of it', async () => {
    const res = await call(ctx, cast.people.owner, { method: 'GET', url: '/api/v1/directory' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.businessId']);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/directory?businessId=${cast.businessId}` }),
      {
        ok: 200,
        except: { anonymous: 401, otherBusiness: 404, professional: 404, admin: 404 },
        why: 'a workspace has nothing public: members of the business only',
      },
    );
    // Anonymous without a business: 401, not the pool of anyone.
    const anonymous = await call(ctx, null, { method: 'GET', url: '/api/v1/directory?q=plumber' });
    expect(anonymous.statusCode).toBe(401);
  });
});
