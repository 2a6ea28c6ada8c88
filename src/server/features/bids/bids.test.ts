import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob, inviteToJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { Bid, HubBid, SaveBidInput } from '../../../core/contracts/bids.ts';
import type { JobStatus, Visibility } from '../../../core/jobs.ts';
import {
  bids,
  contracts,
  interviews,
  ndaSignatures,
  notifications,
  trialParticipants,
  trials,
} from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const QUESTIONS = ['Which booking plugins have you set up?', 'When could you start?'];

const openJob = (o: { status?: JobStatus; visibility?: Visibility; questions?: string[] } = {}) =>
  buildJob(ctx, {
    businessId: cast.businessId,
    createdBy: cast.people.owner.id,
    status: o.status ?? 'open',
    visibility: o.visibility ?? 'public',
    brief: { screeningQuestions: o.questions ?? QUESTIONS },
  });

const pro = (name = 'Ana Pro') => buildUser(ctx, { professional: true, name });

const fixedBid = (over: Partial<SaveBidInput> = {}): SaveBidInput => ({
  termsType: 'fixed',
  currency: 'EUR',
  amount: 120_000,
  durationDays: 21,
  coverLetter: 'I set up booking for three bakeries last year.',
  milestones: [
    { title: 'Design', amount: 40_000, dueDate: '2026-08-01' },
    { title: 'Build', amount: 80_000, dueDate: '2026-08-20' },
  ],
  answers: ['Amelia and Bookly.', 'Next Monday.'],
  ...over,
});

const send = (who: TestUser | null, jobId: string, body: SaveBidInput, headers = {}) =>
  call(ctx, who, { method: 'POST', url: `/api/v1/jobs/${jobId}/bids`, payload: body, headers });

async function sent(who: TestUser, jobId: string, body: SaveBidInput = fixedBid()) {
  const res = await send(who, jobId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Bid>();
}

describe('POST /jobs/:jobId/bids', () => {
  it('sends a fixed bid with milestones and answers; the owner and manager hear of it, the viewer does not', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await openJob();
    const ana = await pro();
    const bid = await sent(ana, job.id);
    expect(bid).toMatchObject({
      job: { id: job.id, title: job.title, status: 'open', business: { id: cast.businessId } },
      status: 'submitted',
      termsType: 'fixed',
      currency: 'EUR',
      amount: 120_000,
      hourlyRate: null,
      total: { amount: 120_000, currency: 'EUR' },
      durationDays: 21,
      milestones: [
        { title: 'Design', amount: 40_000, dueDate: '2026-08-01' },
        { title: 'Build', amount: 80_000, dueDate: '2026-08-20' },
      ],
      answers: [
        { question: QUESTIONS[0], answer: 'Amelia and Bookly.' },
        { question: QUESTIONS[1], answer: 'Next Monday.' },
      ],
      attachments: [],
      createdAt: '2026-07-14T09:00:00.000Z',
    });
    // Kept in US cents as budgets are: €1,200 at 0.92 EUR per USD.
    const [row] = await ctx.db.select().from(bids).where(eq(bids.id, bid.id));
    expect(row?.totalUsd).toBe(130_435);

    const told = await ctx.db
      .select({ userId: notifications.userId, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.type, 'bid.submitted'));
    const forJob = told.filter((n) => n.link?.includes(job.id));
    expect(forJob.map((n) => n.userId).sort()).toEqual(
      [cast.people.owner.id, cast.people.manager.id].sort(),
    );
    expect(forJob[0]?.link).toBe(`/app/businesses/${cast.businessId}/jobs/${job.id}/bids`);
  });

  it('sends an hourly bid: the total is the rate times the hours', async () => {
    const job = await openJob({ questions: [] });
    const bid = await sent(await pro(), job.id, {
      termsType: 'hourly',
      currency: 'USD',
      hourlyRate: 4_550,
      estimatedHours: 10.5,
      coverLetter: 'Hourly suits an open scope.',
    });
    expect(bid).toMatchObject({
      amount: null,
      hourlyRate: 4_550,
      estimatedHours: 10.5,
      total: { amount: 47_775, currency: 'USD' },
      milestones: [],
    });
  });

  it('refuses bad terms naming each field in plain words', async () => {
    const job = await openJob();
    const ana = await pro();
    const sum = await send(
      ana,
      job.id,
      fixedBid({ milestones: [{ title: 'All', amount: 100_000, dueDate: null }] }),
    );
    expect(sum.statusCode).toBe(400);
    expect(sum.headers['content-type']).toContain('application/problem+json');
    expect(sum.json().errors).toEqual([
      {
        path: 'body.milestones',
        message: 'The milestones add up to €1,000.00 but the total is €1,200.00',
      },
    ]);

    const hourly = await send(ana, job.id, {
      termsType: 'hourly',
      currency: 'EUR',
      coverLetter: 'x',
      milestones: [{ title: 'A', amount: 1, dueDate: null }],
      answers: ['a', 'b'],
    });
    expect(hourly.statusCode).toBe(400);
    expect(errorPaths(hourly).sort()).toEqual(
      ['body.estimatedHours', 'body.hourlyRate', 'body.milestones'].sort(),
    );

    const junk = await send(ana, job.id, {
      ...fixedBid(),
      currency: 'EURO',
      amount: -5,
      coverLetter: '',
      milestones: [],
    });
    expect(junk.statusCode).toBe(400);
    expect(errorPaths(junk)).toEqual(
      expect.arrayContaining(['body.currency', 'body.amount', 'body.coverLetter']),
    );

    const unanswered = await send(ana, job.id, fixedBid({ answers: ['Amelia.', '  '] }));
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().errors).toEqual([
      { path: 'body.answers.1', message: 'Answer this question' },
    ]);

    const noRate = await send(
      ana,
      job.id,
      fixedBid({ currency: 'ISK', amount: 1_000, milestones: [] }),
    );
    expect(noRate.statusCode).toBe(400);
    expect(errorPaths(noRate)).toEqual(['body.currency']);
    // Nothing was made by any of them.
    expect(await ctx.db.select().from(bids).where(eq(bids.jobId, job.id))).toEqual([]);
  });

  it('keeps one live bid per professional: a second is a 409 naming the first', async () => {
    const job = await openJob();
    const ana = await pro();
    const first = await sent(ana, job.id);
    const second = await send(ana, job.id, fixedBid({ amount: 90_000, milestones: [] }));
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain(first.id);
  });

  it('makes one bid of a double click carrying one Idempotency-Key', async () => {
    const job = await openJob();
    const ana = await pro();
    const headers = { 'idempotency-key': `bid-${newId()}` };
    const [a, b] = [
      await send(ana, job.id, fixedBid(), headers),
      await send(ana, job.id, fixedBid(), headers),
    ];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    const rows = await ctx.db
      .select()
      .from(bids)
      .where(and(eq(bids.jobId, job.id), eq(bids.professionalId, ana.id)));
    expect(rows).toHaveLength(1);
  });

  it('lets a professional bid again after withdrawing', async () => {
    const job = await openJob();
    const ana = await pro();
    const first = await sent(ana, job.id);
    const withdrawn = await call(ctx, ana, {
      method: 'POST',
      url: `/api/v1/bids/${first.id}/withdraw`,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    const again = await sent(ana, job.id, fixedBid({ amount: 100_000, milestones: [] }));
    expect(again.id).not.toBe(first.id);
    expect(again.status).toBe('submitted');
  });

  it('answers 404 for drafts, closed jobs and invite-only jobs one is not invited to; an invitation opens them', async () => {
    const ana = await pro();
    for (const job of [
      await openJob({ status: 'draft' }),
      await openJob({ status: 'closed' }),
      await openJob({ status: 'archived' }),
      await openJob({ visibility: 'invite-only' }),
    ]) {
      const res = await send(ana, job.id, fixedBid());
      expect(res.statusCode, job.status).toBe(404);
    }
    const invited = await openJob({ visibility: 'invite-only' });
    await inviteToJob(ctx, invited.id, ana.id);
    expect((await send(ana, invited.id, fixedBid())).statusCode).toBe(201);
  });

  it('role matrix: only a professional outside the business bids', async () => {
    const job = await openJob();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: `/api/v1/jobs/${job.id}/bids`, payload: fixedBid() }),
      {
        anonymous: 401,
        owner: 403,
        manager: 403,
        viewer: 403,
        // Not a professional: no profile to bid with.
        otherBusiness: 403,
        professional: 201,
        admin: 403,
      },
    );
  });
});

describe('a bid, sealed', () => {
  it('is its professional’s alone: no one else reads, edits, withdraws or sees it in a list', async () => {
    const job = await openJob();
    const ana = await pro();
    const bid = await sent(ana, job.id);
    const rival = await pro('Rival');
    for (const [method, url, payload] of [
      ['GET', `/api/v1/bids/${bid.id}`],
      ['PUT', `/api/v1/bids/${bid.id}`, fixedBid()],
      ['POST', `/api/v1/bids/${bid.id}/withdraw`],
      ['DELETE', `/api/v1/bids/${bid.id}/attachments/${newId()}`],
      ['GET', `/api/v1/bids/${bid.id}/attachments/${newId()}`],
    ] as const) {
      const res = await call(ctx, rival, { method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const hub = await call(ctx, rival, { method: 'GET', url: '/api/v1/bids' });
    expect(hub.json().items).toEqual([]);
    const viewer = await call(ctx, rival, { method: 'GET', url: `/api/v1/jobs/${job.id}/viewer` });
    expect(viewer.json().bid).toBeNull();
    expect(JSON.stringify([hub.json(), viewer.json()])).not.toContain(bid.id);
  });

  it('role matrix of GET /bids/:bidId: the professional’s own only', async () => {
    const job = await openJob();
    const bid = await sent(cast.people.professional, job.id);
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: `/api/v1/bids/${bid.id}` }), {
      ok: 200,
      except: { owner: 404, manager: 404, viewer: 404, otherBusiness: 404, admin: 404 },
      why: 'a bid is sealed: only its professional reads it here (the business has its own routes)',
    });
    await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/bids/${bid.id}/withdraw`,
    });
  });
});

describe('PUT /bids/:bidId and withdraw', () => {
  it('edits a submitted bid; after shortlisting it is a 409 in plain words, and withdrawal still works', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await openJob();
    const ana = await pro();
    const bid = await sent(ana, job.id);
    ctx.clock.set('2026-07-15T09:00:00Z');
    const edited = await call(ctx, ana, {
      method: 'PUT',
      url: `/api/v1/bids/${bid.id}`,
      payload: fixedBid({ amount: 100_000, milestones: [], coverLetter: 'Cheaper now.' }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      amount: 100_000,
      milestones: [],
      coverLetter: 'Cheaper now.',
      updatedAt: '2026-07-15T09:00:00.000Z',
    });

    await ctx.db
      .update(bids)
      .set({ status: 'shortlisted', shortlistedAt: ctx.clock.now() })
      .where(eq(bids.id, bid.id));
    const frozen = await call(ctx, ana, {
      method: 'PUT',
      url: `/api/v1/bids/${bid.id}`,
      payload: fixedBid(),
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().detail).toMatch(/shortlisted/);

    const out = await call(ctx, ana, { method: 'POST', url: `/api/v1/bids/${bid.id}/withdraw` });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2026-07-15T09:00:00.000Z',
    });
    const twice = await call(ctx, ana, { method: 'POST', url: `/api/v1/bids/${bid.id}/withdraw` });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses to withdraw an awarded bid (answer the offer instead)', async () => {
    const job = await openJob();
    const ana = await pro();
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: ana.id, status: 'awarded' });
    const res = await call(ctx, ana, { method: 'POST', url: `/api/v1/bids/${bid.id}/withdraw` });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/contract offer/);
  });
});

describe('GET /bids (the hub)', () => {
  it('lists the professional’s bids with the next step each waits on, from the other hiring tables', async () => {
    const ana = await pro();
    const [ndaJob, specJob, trialJob, interviewJob, offerJob, quietJob] = await Promise.all(
      Array.from({ length: 6 }, () => openJob()),
    );
    const bidOn = (jobId: string, status: 'submitted' | 'shortlisted' | 'awarded') =>
      buildBid(ctx, { jobId, professionalId: ana.id, status });
    await bidOn(ndaJob!.id, 'shortlisted');
    await ctx.db.insert(ndaSignatures).values({
      id: newId(),
      jobId: ndaJob!.id,
      professionalId: ana.id,
      renderedText: 'NDA',
      textSha256: 'x',
    });
    await bidOn(specJob!.id, 'shortlisted');
    const trialBid = await bidOn(trialJob!.id, 'shortlisted');
    const trialId = newId();
    await ctx.db.insert(trials).values({
      id: trialId,
      jobId: trialJob!.id,
      title: 'Booking page',
      instructions: 'Build it',
      deadline: new Date('2026-08-01T00:00:00Z'),
      rubric: [],
    });
    await ctx.db
      .insert(trialParticipants)
      .values({ trialId, bidId: trialBid.id, professionalId: ana.id });
    const interviewBid = await bidOn(interviewJob!.id, 'shortlisted');
    const interviewId = newId();
    await ctx.db.insert(interviews).values({
      id: interviewId,
      jobId: interviewJob!.id,
      bidId: interviewBid.id,
      professionalId: ana.id,
      slots: ['2026-08-01T09:00:00Z'],
      icalUid: `${interviewId}@test`,
    });
    const offerBid = await bidOn(offerJob!.id, 'awarded');
    const contractId = newId();
    await ctx.db.insert(contracts).values({
      id: contractId,
      jobId: offerJob!.id,
      bidId: offerBid.id,
      businessId: cast.businessId,
      professionalId: ana.id,
      title: 'Offer',
      termsType: 'fixed',
      currency: 'USD',
      amount: 50_000,
    });
    await bidOn(quietJob!.id, 'submitted');

    const res = await call(ctx, ana, { method: 'GET', url: '/api/v1/bids' });
    expect(res.statusCode).toBe(200);
    const byJob = new Map(res.json<{ items: HubBid[] }>().items.map((b) => [b.job.id, b]));
    const hrefs = (jobId: string) => byJob.get(jobId)?.nextSteps.map((s) => s.href);
    expect(hrefs(ndaJob!.id)).toEqual([`/app/jobs/${ndaJob!.id}/nda`]);
    expect(hrefs(specJob!.id)).toEqual([`/app/jobs/${specJob!.id}/spec`]);
    expect(hrefs(trialJob!.id)).toEqual([
      `/app/jobs/${trialJob!.id}/spec`,
      `/app/trials/${trialId}`,
    ]);
    expect(hrefs(interviewJob!.id)).toEqual([
      `/app/jobs/${interviewJob!.id}/spec`,
      `/app/interviews/${interviewId}`,
    ]);
    expect(hrefs(offerJob!.id)).toEqual([
      `/app/jobs/${offerJob!.id}/spec`,
      `/app/contracts/${contractId}`,
    ]);
    expect(hrefs(quietJob!.id)).toEqual([]);
    expect(byJob.get(quietJob!.id)).toMatchObject({
      status: 'submitted',
      total: { amount: 50_000, currency: 'USD' },
    });
  });

  it('role matrix: every signed-in person gets their own list', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/bids' }), 200);
  });
});

describe('GET /jobs/:jobId/viewer', () => {
  it('tells a professional their bid, a member their business, and 404s a job they cannot read', async () => {
    const job = await openJob();
    const ana = await pro();
    const before = await call(ctx, ana, { method: 'GET', url: `/api/v1/jobs/${job.id}/viewer` });
    expect(before.json()).toEqual({
      bid: null,
      saved: false,
      invitation: 'none',
      memberOf: null,
      canBid: true,
      isProfessional: true,
    });
    const bid = await sent(ana, job.id);
    const after = await call(ctx, ana, { method: 'GET', url: `/api/v1/jobs/${job.id}/viewer` });
    expect(after.json()).toMatchObject({
      bid: { id: bid.id, status: 'submitted', total: { amount: 120_000, currency: 'EUR' } },
      canBid: false,
    });
    const member = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/viewer`,
    });
    expect(member.json()).toMatchObject({
      memberOf: { businessId: cast.businessId },
      canBid: false,
    });

    const hidden = await openJob({ visibility: 'invite-only' });
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/jobs/${hidden.id}/viewer` }),
      {
        ok: 200,
        except: { otherBusiness: 404, professional: 404, admin: 404 },
        why: 'an invite-only job is readable by its members (and the invited) only',
      },
    );
  });
});
