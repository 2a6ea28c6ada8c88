import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { createJob, FULL_BRIEF, jobsUrl, publishedJob } from '../../../../test/business-jobs.ts';
import { buildBusiness, buildUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { BusinessJob } from '../../../core/contracts/jobs.ts';
import type { JobStatus } from '../../../core/jobs.ts';
import { jobSpecVersions } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const owner = () => cast.people.owner;
const act = (jobId: string, action: string, payload?: object) =>
  call(ctx, owner(), {
    method: 'POST',
    url: jobsUrl(cast.businessId, jobId, `/${action}`),
    ...(payload ? { payload } : {}),
  });
const ok = async (jobId: string, action: string, payload?: object): Promise<BusinessJob> => {
  const res = await act(jobId, action, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('POST …/jobs/:jobId/publish', () => {
  it('refuses a public job from an account whose address is not verified (403); invite-only is fine', async () => {
    const { business, owner: unverified } = await buildBusiness(ctx, {
      owner: await buildUser(ctx, { verified: false }),
    });
    const draft = async () =>
      buildJob(ctx, {
        businessId: business.id,
        status: 'draft',
        createdBy: unverified.id,
        brief: FULL_BRIEF,
      });
    const publish = async (visibility: string) =>
      call(ctx, unverified, {
        method: 'POST',
        url: jobsUrl(business.id, (await draft()).id, '/publish'),
        payload: { visibility },
      });
    const refused = await publish('public');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      type: 'https://handoff.dev/problems/email-not-verified',
      title: 'E-mail address not verified',
    });
    expect((await publish('invite-only')).statusCode).toBe(200);
  });

  it('opens the draft, makes its specification version 1 and keeps the score it was published with', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await createJob(ctx, owner(), cast.businessId);
    ctx.clock.set('2026-07-15T09:00:00Z');
    const published = await ok(job.id, 'publish', { ndaRequired: true, trialPlanned: true });
    expect(published).toMatchObject({
      status: 'open',
      specVersion: 1,
      publishedScore: 100,
      publishedAt: '2026-07-15T09:00:00.000Z',
      ndaRequired: true,
      trialPlanned: true,
      visibility: 'public',
    });
    const versions = await ctx.db
      .select()
      .from(jobSpecVersions)
      .where(eq(jobSpecVersions.jobId, job.id));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, spec: job.spec, createdBy: owner().id });
  });

  it('publishes a job with a low score: the checker warns, the owner decides', async () => {
    const job = await createJob(ctx, owner(), cast.businessId, { brief: { title: 'Logo' } });
    const published = await ok(job.id, 'publish', {});
    expect(published.status).toBe('open');
    expect(published.publishedScore).toBe(job.check.score);
    expect(published.publishedScore).toBeLessThan(30);
  });

  it('publishes with no request body at all, keeping the job’s settings', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    const published = await ok(job.id, 'publish');
    expect(published).toMatchObject({ status: 'open', visibility: 'public', ndaRequired: false });
  });

  it('publishes invite-only when asked', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    expect((await ok(job.id, 'publish', { visibility: 'invite-only' })).visibility).toBe(
      'invite-only',
    );
  });

  it.each(['open', 'closed', 'archived'] as const)(
    'answers 409 with the reason for a %s job',
    async (status) => {
      const job = await buildJob(ctx, { businessId: cast.businessId, status });
      const res = await act(job.id, 'publish', {});
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(
        { open: /already published/, closed: /reopen it instead/, archived: /archived/ }[status],
      );
    },
  );

  it('names a bad setting', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    const res = await act(job.id, 'publish', { visibility: 'everyone' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.visibility']);
  });

  it('role matrix: owners and managers publish; viewers 403; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const job = await buildJob(ctx, { businessId: cast.businessId, status: 'draft' });
        return {
          method: 'POST',
          url: jobsUrl(cast.businessId, job.id, '/publish'),
          payload: {},
        };
      },
      200,
    );
  });
});

describe('close, reopen, archive', () => {
  it('closes an open job and reopens it, keeping its first publication date and version', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await publishedJob(ctx, owner(), cast.businessId);
    ctx.clock.set('2026-07-20T09:00:00Z');
    const closed = await ok(job.id, 'close');
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-07-20T09:00:00.000Z' });
    ctx.clock.set('2026-07-21T09:00:00Z');
    const reopened = await ok(job.id, 'reopen');
    expect(reopened).toMatchObject({
      status: 'open',
      closedAt: null,
      publishedAt: '2026-07-14T09:00:00.000Z',
      specVersion: 1,
    });
  });

  it('archives a job of any status; reopening brings a published one back open', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await publishedJob(ctx, owner(), cast.businessId);
    await ok(job.id, 'close');
    const archived = await ok(job.id, 'archive');
    expect(archived).toMatchObject({ status: 'archived', archivedAt: '2026-07-14T09:00:00.000Z' });
    expect((await ok(job.id, 'reopen')).status).toBe('open');
  });

  it('sends an archived draft that was never published back to draft', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    expect((await ok(job.id, 'archive')).status).toBe('archived');
    const back = await ok(job.id, 'reopen');
    expect(back).toMatchObject({ status: 'draft', specVersion: null, publishedAt: null });
  });

  const refusals: [string, JobStatus, RegExp][] = [
    ['close', 'draft', /publish it or delete it/],
    ['close', 'closed', /already closed/],
    ['close', 'archived', /archived/],
    ['reopen', 'draft', /Only a closed or archived job/],
    ['reopen', 'open', /Only a closed or archived job/],
    ['archive', 'archived', /already archived/],
  ];
  it.each(refusals)('answers 409 to %s on a %s job, saying why', async (action, status, why) => {
    const job = await buildJob(ctx, { businessId: cast.businessId, status });
    const res = await act(job.id, action);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(why);
  });

  it.each([
    ['close', 'open'],
    ['reopen', 'closed'],
    ['archive', 'open'],
  ] as const)(
    'role matrix %s: owners and managers; viewers 403; outsiders 404',
    async (action, from) => {
      await expectRoleMatrix(
        ctx,
        cast,
        async () => {
          const job = await buildJob(ctx, { businessId: cast.businessId, status: from });
          return { method: 'POST', url: jobsUrl(cast.businessId, job.id, `/${action}`) };
        },
        200,
      );
    },
  );
});

describe('in a private workspace', () => {
  let ws: TestContext;
  beforeAll(async () => {
    ws = await createTestContext({ config: { mode: 'workspace' } });
  });

  it('publishes invite-only and refuses to publish publicly (422 naming body.visibility)', async () => {
    const { business, owner: who } = await buildBusiness(ws);
    const job = await createJob(ws, who, business.id, { brief: FULL_BRIEF });
    const url = jobsUrl(business.id, job.id, '/publish');
    const refused = await call(ws, who, { method: 'POST', url, payload: { visibility: 'public' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toBe(
      'This Handoff is a private workspace: jobs are invite-only.',
    );
    expect(errorPaths(refused)).toEqual(['body.visibility']);

    const published = await call(ws, who, { method: 'POST', url, payload: {} });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'open', visibility: 'invite-only' });
  });

  // Jobs made while the deployment was a marketplace keep `visibility = 'public'` in their rows.
  it.each([
    ['reopens a closed', 'closed'],
    ['reopens an archived', 'archived'],
  ] as const)('%s job published publicly before the switch as invite-only', async (_, status) => {
    const { business, owner: who } = await buildBusiness(ws);
    const job = await buildJob(ws, { businessId: business.id, status, visibility: 'public' });
    const res = await call(ws, who, {
      method: 'POST',
      url: jobsUrl(business.id, job.id, '/reopen'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', visibility: 'invite-only' });
    const anonymous = await call(ws, null, { method: 'GET', url: `/api/v1/jobs/${job.id}` });
    expect(anonymous.statusCode).toBe(404);
  });

  it('publishes a draft started publicly before the switch as invite-only', async () => {
    const { business, owner: who } = await buildBusiness(ws);
    const job = await buildJob(ws, {
      businessId: business.id,
      status: 'draft',
      visibility: 'public',
    });
    const res = await call(ws, who, {
      method: 'POST',
      url: jobsUrl(business.id, job.id, '/publish'),
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', visibility: 'invite-only' });
  });
});
