import { eq } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { jobsUrl, publishedJob } from '../../../../test/business-jobs.ts';
import { buildBusiness, buildUser, type TestUser } from '../../../../test/factories.ts';
import {
  BASE_URL,
  call,
  createTestContext,
  waitForLockWaiters,
  type TestContext,
} from '../../../../test/harness.ts';
import { buildJob, inviteToJob } from '../../../../test/job-factories.ts';
import { lastMailTo, linkIn, mailTo } from '../../../../test/mailbox.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { BoardJob } from '../../../core/contracts/jobs.ts';
import type { JobStatus } from '../../../core/jobs.ts';
import { jobInvitations, users } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const owner = () => cast.people.owner;
const invite = (jobId: string, email: string, who: TestUser = owner()) =>
  call(ctx, who, {
    method: 'POST',
    url: jobsUrl(cast.businessId, jobId, '/invitations'),
    payload: { email },
  });
const listInvitations = async (jobId: string) => {
  const res = await call(ctx, owner(), {
    method: 'GET',
    url: jobsUrl(cast.businessId, jobId, '/invitations'),
  });
  expect(res.statusCode).toBe(200);
  return res.json().items as { professional: { id: string } }[];
};
const openJob = (status: JobStatus = 'open') =>
  buildJob(ctx, { businessId: cast.businessId, status, createdBy: owner().id });

describe('POST …/jobs/:jobId/invitations', () => {
  it('invites a professional by e-mail (any case) and e-mails them a link to the job', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const pro = await buildUser(ctx, { professional: true, name: 'Rita Pro' });
    const job = await openJob();
    const res = await invite(job.id, pro.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ email: pro.email });
    expect(await listInvitations(job.id)).toEqual([
      {
        professional: { id: pro.id, name: 'Rita Pro', email: pro.email },
        invitedAt: '2026-07-14T09:00:00.000Z',
        awaitingVerification: false,
      },
    ]);

    const mail = await lastMailTo(ctx, pro.email);
    expect(mail.subject).toBe(`Test Bakery invited you to a job on Handoff: ${job.title}`);
    expect(mail.text).toContain(owner().name);
    expect(linkIn(mail.text, BASE_URL).toString()).toBe(`${BASE_URL}/jobs/${job.id}`);

    const read = await call(ctx, owner(), {
      method: 'GET',
      url: jobsUrl(cast.businessId, job.id),
    });
    expect(read.json().invitedCount).toBe(1);
  });

  it('is idempotent: inviting again answers the same and sends no second e-mail', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const pro = await buildUser(ctx, { professional: true });
    const job = await openJob();
    const first = await invite(job.id, pro.email);
    ctx.clock.set('2026-07-15T09:00:00Z');
    const again = await invite(job.id, pro.email, cast.people.manager);
    expect([first.statusCode, again.statusCode]).toEqual([202, 202]);
    expect(again.json()).toEqual(first.json());
    expect(await mailTo(ctx, pro.email)).toHaveLength(1);
    expect(await listInvitations(job.id)).toHaveLength(1);
  });

  it('answers exactly the same for a professional, an account without a profile and an unknown address', async () => {
    const job = await openJob();
    const pro = await buildUser(ctx, { professional: true });
    const unverifiedClient = await buildUser(ctx, { verified: false });
    const answers = [];
    for (const email of [pro.email, unverifiedClient.email, 'nobody@test.example']) {
      const res = await invite(job.id, email);
      answers.push({
        status: res.statusCode,
        type: res.headers['content-type'],
        keys: Object.keys(res.json()),
        echoesAddress: res.json().email === email,
      });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual({
      status: 202,
      type: 'application/json; charset=utf-8',
      keys: ['email'],
      echoesAddress: true,
    });
  });

  it('invites an address with no account by e-mail: a pending invitation and a sign-up link, once', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await openJob();
    const email = 'outside.freelancer@test.example';
    expect((await invite(job.id, 'Outside.Freelancer@test.example')).statusCode).toBe(202);
    expect((await invite(job.id, email, cast.people.manager)).statusCode).toBe(202);
    const res = await call(ctx, owner(), {
      method: 'GET',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
    });
    expect(res.json()).toEqual({
      items: [],
      pending: [{ email, invitedAt: '2026-07-14T09:00:00.000Z' }],
    });
    const mails = await mailTo(ctx, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Test Bakery invited you to a job on Handoff: ${job.title}`);
    const link = linkIn(mails[0]?.text ?? '', `${BASE_URL}/sign-up?`);
    expect(Object.fromEntries(link.searchParams)).toEqual({
      email,
      as: 'professional',
      next: `/jobs/${job.id}`,
    });
  });

  it('withdraws a pending e-mail invitation (204), then answers 404 for it', async () => {
    const job = await openJob();
    const email = 'withdrawn@test.example';
    await invite(job.id, email);
    const url = jobsUrl(cast.businessId, job.id, `/email-invitations/${email}`);
    expect((await call(ctx, owner(), { method: 'DELETE', url })).statusCode).toBe(204);
    const list = await call(ctx, owner(), {
      method: 'GET',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
    });
    expect(list.json().pending).toEqual([]);
    expect((await call(ctx, owner(), { method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('role matrix DELETE …/email-invitations/:email: owners and managers; viewers 403; outsiders 404', async () => {
    const job = await openJob();
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        const email = `pending-${role}@test.example`;
        await invite(job.id, email);
        return {
          method: 'DELETE',
          url: jobsUrl(cast.businessId, job.id, `/email-invitations/${email}`),
        };
      },
      204,
    );
  });

  it('answers 400 naming body.email for something that is not an address', async () => {
    const res = await invite((await openJob()).id, 'rita at example');
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.email']);
  });

  it('answers 409 “Publish the job first” for a draft', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const res = await invite((await openJob('draft')).id, pro.email);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/^Publish the job first/);
  });

  it.each(['closed', 'archived'] as const)('answers 409 for a %s job', async (status) => {
    const pro = await buildUser(ctx, { professional: true });
    const res = await invite((await openJob(status)).id, pro.email);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain(`This job is ${status}; reopen it`);
    expect(await mailTo(ctx, pro.email)).toHaveLength(0);
  });

  it('waits for an archive in progress and then answers 409, inviting no one to the archived job', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const job = await openJob();
    // The archive's transaction, holding the job row as the lifecycle service does.
    const archive = new pg.Client({ connectionString: ctx.databaseUrl });
    await archive.connect();
    try {
      await archive.query('begin');
      await archive.query('select 1 from jobs where id = $1 for update', [job.id]);
      const invited = invite(job.id, pro.email);
      await waitForLockWaiters(ctx, 1);
      await archive.query(
        `update jobs set status = 'archived', archived_at = now() where id = $1`,
        [job.id],
      );
      await archive.query('commit');
      const res = await invited;
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toContain('This job is archived; reopen it');
      expect(await listInvitations(job.id)).toEqual([]);
      expect(await mailTo(ctx, pro.email)).toHaveLength(0);
    } finally {
      await archive.end();
    }
  });

  it('role matrix: owners and managers invite; viewers 403; outsiders 404', async () => {
    const job = await openJob();
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const pro = await buildUser(ctx, { professional: true });
        return {
          method: 'POST',
          url: jobsUrl(cast.businessId, job.id, '/invitations'),
          payload: { email: pro.email },
        };
      },
      202,
    );
  });
});

describe('an invitee whose e-mail address is not verified', () => {
  it('is invited (the owner sees it awaits verification) but cannot read the brief or list it until verified', async () => {
    const pro = await buildUser(ctx, { professional: true, verified: false });
    const job = await buildJob(ctx, {
      businessId: cast.businessId,
      createdBy: owner().id,
      visibility: 'invite-only',
    });
    const res = await invite(job.id, pro.email);
    expect(res.statusCode).toBe(202);
    expect((await listInvitations(job.id))[0]).toMatchObject({ awaitingVerification: true });
    expect((await mailTo(ctx, pro.email)).at(-1)?.text).toContain('confirm your e-mail address');

    for (const url of [`/api/v1/jobs/${job.id}`, '/api/v1/me/job-invitations']) {
      const refused = await call(ctx, pro, { method: 'GET', url });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().type).toBe('https://handoff.dev/problems/email-not-verified');
      expect(refused.json().detail).toMatch(/dev mailbox/);
      expect(refused.body).not.toContain(job.title);
    }

    await ctx.db.update(users).set({ emailVerified: true }).where(eq(users.id, pro.id));
    expect(
      (await call(ctx, pro, { method: 'GET', url: `/api/v1/jobs/${job.id}` })).statusCode,
    ).toBe(200);
    expect((await listInvitations(job.id)).length).toBeGreaterThan(0);
  });
});

describe('GET and DELETE …/jobs/:jobId/invitations', () => {
  it('lists the invited professionals in the order they were invited', async () => {
    const job = await openJob();
    const [a, b] = [
      await buildUser(ctx, { professional: true, name: 'First' }),
      await buildUser(ctx, { professional: true, name: 'Second' }),
    ];
    ctx.clock.set('2026-07-14T09:00:00Z');
    await invite(job.id, a.email);
    ctx.clock.set('2026-07-14T10:00:00Z');
    await invite(job.id, b.email);
    expect((await listInvitations(job.id)).map((i) => i.professional.id)).toEqual([a.id, b.id]);
  });

  it('withdraws an invitation (204), then answers 404 for it', async () => {
    const job = await openJob();
    const pro = await buildUser(ctx, { professional: true });
    await invite(job.id, pro.email);
    const url = jobsUrl(cast.businessId, job.id, `/invitations/${pro.id}`);
    expect((await call(ctx, owner(), { method: 'DELETE', url })).statusCode).toBe(204);
    expect(await listInvitations(job.id)).toEqual([]);
    const again = await call(ctx, owner(), { method: 'DELETE', url });
    expect(again.statusCode).toBe(404);
  });

  it('role matrix GET: every member reads; outsiders 404', async () => {
    const job = await openJob();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: jobsUrl(cast.businessId, job.id, '/invitations') }),
      200,
    );
  });

  it('role matrix DELETE: owners and managers withdraw; viewers 403; outsiders 404', async () => {
    const job = await openJob();
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const pro = await buildUser(ctx, { professional: true });
        await inviteToJob(ctx, job.id, pro.id);
        return {
          method: 'DELETE',
          url: jobsUrl(cast.businessId, job.id, `/invitations/${pro.id}`),
        };
      },
      204,
    );
  });
});

describe('GET /api/v1/me/job-invitations', () => {
  it('lists the published jobs the caller is invited to as board cards, latest first; never drafts or archived jobs', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const { business } = await buildBusiness(ctx, { name: 'Corner Café' });
    const jobs = {} as Record<JobStatus, { id: string }>;
    for (const status of ['open', 'closed', 'draft', 'archived'] as const) {
      jobs[status] = await buildJob(ctx, {
        businessId: business.id,
        status,
        visibility: 'invite-only',
        brief: { title: `A ${status} job`, skills: ['Bookkeeping'] },
      });
    }
    // Invited at the test clock's time, so the order is known.
    const inviteAt = (jobId: string, userId = pro.id) =>
      ctx.db.insert(jobInvitations).values({ jobId, userId, createdAt: ctx.clock.now() });
    ctx.clock.set('2026-07-14T09:00:00Z');
    await inviteAt(jobs.open.id);
    ctx.clock.advance(60_000);
    const later = await publishedJob(ctx, owner(), cast.businessId);
    expect((await invite(later.id, pro.email)).statusCode).toBe(202);
    ctx.clock.advance(60_000);
    for (const status of ['closed', 'draft', 'archived'] as const) await inviteAt(jobs[status].id);
    await inviteAt((await openJob()).id, (await buildUser(ctx)).id);

    const res = await call(ctx, pro, { method: 'GET', url: '/api/v1/me/job-invitations' });
    expect(res.statusCode).toBe(200);
    const items: BoardJob[] = res.json().items;
    expect(items.map((j) => j.title)).toEqual(['A closed job', later.brief.title, 'A open job']);
    expect(items[2]).toMatchObject({
      id: jobs.open.id,
      business: { id: business.id, name: 'Corner Café' },
      skills: ['Bookkeeping'],
      ndaRequired: false,
    });
    expect(items[2]).not.toHaveProperty('spec');
  });

  it('role matrix: anyone signed in (an empty list for most); anonymous 401', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/me/job-invitations' }),
      200,
    );
  });
});
