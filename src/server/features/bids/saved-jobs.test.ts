import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob, inviteToJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { SavedJob } from '../../../core/contracts/bids.ts';
import { jobs } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const openJob = (visibility: 'public' | 'invite-only' = 'public') =>
  buildJob(ctx, { businessId: cast.businessId, createdBy: cast.people.owner.id, visibility });

describe('saved jobs', () => {
  it('saves (twice changes nothing), lists latest first, unsaves; a job turned invite-only drops out', async () => {
    const ana = await buildUser(ctx, { professional: true });
    const [a, b] = [await openJob(), await openJob()];
    ctx.clock.set('2026-07-14T09:00:00Z');
    for (const job of [a, b, a]) {
      const res = await call(ctx, ana, { method: 'PUT', url: `/api/v1/me/saved-jobs/${job.id}` });
      expect(res.statusCode).toBe(204);
      ctx.clock.advance(60_000);
    }
    const list = async () =>
      (await call(ctx, ana, { method: 'GET', url: '/api/v1/me/saved-jobs' }))
        .json<{ items: SavedJob[] }>()
        .items.map((s) => s.job.id);
    // Saving a again keeps its first time.
    expect(await list()).toEqual([b.id, a.id]);
    await ctx.db.update(jobs).set({ visibility: 'invite-only' }).where(eq(jobs.id, b.id));
    expect(await list()).toEqual([a.id]);
    expect(
      (await call(ctx, ana, { method: 'DELETE', url: `/api/v1/me/saved-jobs/${a.id}` })).statusCode,
    ).toBe(204);
    expect(await list()).toEqual([]);
    // A job one cannot read cannot be saved.
    expect(
      (await call(ctx, ana, { method: 'PUT', url: `/api/v1/me/saved-jobs/${b.id}` })).statusCode,
    ).toBe(404);
  });

  it('role matrices', async () => {
    const job = await openJob();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PUT', url: `/api/v1/me/saved-jobs/${job.id}` }),
      204,
    );
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/me/saved-jobs' }), 200);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'DELETE', url: `/api/v1/me/saved-jobs/${job.id}` }),
      204,
    );
  });
});

describe('POST /jobs/:jobId/invitation/decline', () => {
  it('takes the job off the invited list; without an invitation it is a 404', async () => {
    const ana = await buildUser(ctx, { professional: true });
    const job = await openJob('invite-only');
    await inviteToJob(ctx, job.id, ana.id);
    const invited = async () =>
      (await call(ctx, ana, { method: 'GET', url: '/api/v1/me/job-invitations' }))
        .json<{ items: { id: string }[] }>()
        .items.map((j) => j.id);
    expect(await invited()).toEqual([job.id]);
    const res = await call(ctx, ana, {
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/invitation/decline`,
    });
    expect(res.statusCode).toBe(204);
    expect(await invited()).toEqual([]);
    const viewer = await call(ctx, ana, { method: 'GET', url: `/api/v1/jobs/${job.id}/viewer` });
    expect(viewer.json()).toMatchObject({ invitation: 'declined' });

    const publicJob = await openJob();
    expect(
      (
        await call(ctx, ana, {
          method: 'POST',
          url: `/api/v1/jobs/${publicJob.id}/invitation/decline`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('role matrix: only the invited professional', async () => {
    const job = await openJob('invite-only');
    await inviteToJob(ctx, job.id, cast.people.professional.id);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: `/api/v1/jobs/${job.id}/invitation/decline` }),
      {
        ok: 204,
        except: { owner: 404, manager: 404, viewer: 404, otherBusiness: 404, admin: 404 },
        why: 'members have no invitation to decline; outsiders cannot read the job',
      },
    );
  });
});
