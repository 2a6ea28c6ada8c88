/**
 * Award and the contract it makes, over HTTP against a real database: the offer's terms
 * checked, one contract per job even when two owners award at the same moment, accept /
 * decline / withdraw with what each does to the bids and the job, who hears of it, and who may
 * read a contract (role matrices; anyone not a party gets 404).
 */
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bids,
  contracts,
  interviews,
  jobs,
  notifications,
  trialParticipants,
} from '../../db/schema/index.ts';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildMember, buildUser, type TestUser } from '../../../../test/factories.ts';
import {
  call,
  createTestContext,
  waitForLockWaiters,
  type TestContext,
} from '../../../../test/harness.ts';
import { parseInvitation } from '../../../../test/ics.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { mailTo } from '../../../../test/mailbox.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const FIXED = {
  termsType: 'fixed',
  amount: 120_000,
  milestones: [
    { title: 'Sketches', amount: 40_000, dueDate: '2027-05-01' },
    { title: 'Final files', amount: 80_000, dueDate: null },
  ],
  startDate: '2027-04-20',
  message: 'We loved your portfolio.',
  otherBiddersMessage: 'Thank you — it was a close call.',
};

/** A job with a shortlisted bid by `pro` (the cast's professional unless given) and two rivals. */
async function jobWithBids(pro: TestUser = cast.people.professional) {
  const job = await buildJob(ctx, { businessId: cast.businessId });
  const chosen = await buildBid(ctx, {
    jobId: job.id,
    professionalId: pro.id,
    status: 'shortlisted',
  });
  const rivals = await Promise.all(
    ['shortlisted', 'submitted'].map(async (status) => {
      const rival = await buildUser(ctx, { professional: true, name: `Rival ${status}` });
      const bid = await buildBid(ctx, {
        jobId: job.id,
        professionalId: rival.id,
        status: status as 'shortlisted' | 'submitted',
      });
      return { rival, bid };
    }),
  );
  const declinedPro = await buildUser(ctx, { professional: true });
  const declined = await buildBid(ctx, {
    jobId: job.id,
    professionalId: declinedPro.id,
    status: 'declined',
  });
  return { job, chosen, rivals, declined };
}

async function typesOf(userId: string) {
  const rows = await ctx.db
    .select({ type: notifications.type })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return rows.map((r) => r.type);
}

const awardUrl = (jobId: string, bidId: string) =>
  `/api/v1/businesses/${cast.businessId}/jobs/${jobId}/bids/${bidId}/award`;

async function award(
  jobId: string,
  bidId: string,
  payload: object = FIXED,
  who = cast.people.owner,
) {
  return call(ctx, who, { method: 'POST', url: awardUrl(jobId, bidId), payload });
}

async function bidStatus(bidId: string) {
  const [row] = await ctx.db.select().from(bids).where(eq(bids.id, bidId));
  return row;
}

describe('the offer form', () => {
  it('is prefilled from the bid', async () => {
    const { job, chosen } = await jobWithBids();
    const res = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: awardUrl(job.id, chosen.id),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      bidId: chosen.id,
      termsType: 'fixed',
      amount: 50_000,
      currency: 'USD',
      // A fixed bid without milestones becomes one milestone of the whole amount.
      milestones: [{ title: job.title, amount: 50_000, dueDate: null }],
      otherBidders: 2,
    });
  });

  it('answers only owners (contracts.award)', async () => {
    const { job, chosen } = await jobWithBids();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: awardUrl(job.id, chosen.id) }),
      200,
    );
  });
});

describe('awarding', () => {
  it('refuses milestones that do not add up, and hourly terms without a rate or cap, naming the fields', async () => {
    const { job, chosen } = await jobWithBids();
    const uneven = await award(job.id, chosen.id, {
      ...FIXED,
      milestones: [{ title: 'All', amount: 100_000 }],
    });
    expect(uneven.statusCode).toBe(400);
    expect(uneven.json().errors).toEqual([
      { path: 'body.milestones', message: 'Milestones must add up to the total' },
    ]);
    const hourly = await award(job.id, chosen.id, { termsType: 'hourly' });
    expect(hourly.statusCode).toBe(400);
    expect(
      hourly
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.hourlyRate', 'body.weeklyCapHours']);
    expect((await bidStatus(chosen.id))?.status).toBe('shortlisted');
  });

  it('makes an offer, the bid awarded, the professional told; a repeated click replays it', async () => {
    const { job, chosen } = await jobWithBids();
    const headers = { 'idempotency-key': `award-${chosen.id}` };
    const first = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: awardUrl(job.id, chosen.id),
      payload: FIXED,
      headers,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'offered',
      termsType: 'fixed',
      amount: 120_000,
      currency: 'USD',
      startDate: '2027-04-20',
      otherBiddersMessage: FIXED.otherBiddersMessage,
      viewer: { party: 'business', canWithdraw: true, canRespond: false },
    });
    const again = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: awardUrl(job.id, chosen.id),
      payload: FIXED,
      headers,
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await ctx.db.select().from(contracts).where(eq(contracts.jobId, job.id))).toHaveLength(
      1,
    );
    expect((await bidStatus(chosen.id))?.status).toBe('awarded');
    const told = await ctx.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, cast.people.professional.id),
          eq(notifications.type, 'contract.offered'),
        ),
      );
    expect(told.length).toBeGreaterThan(0);
    // A second award on the same job is refused while the offer stands.
    const jobBids = await ctx.db.select().from(bids).where(eq(bids.jobId, job.id));
    const other = jobBids.find((b) => b.id !== chosen.id && b.status === 'shortlisted');
    expect((await award(job.id, other?.id ?? '')).statusCode).toBe(409);
  });

  it('of two owners awarding the same job at the same moment, makes exactly one contract', async () => {
    const secondOwner = await buildMember(ctx, cast.businessId, 'owner');
    const { job, chosen, rivals } = await jobWithBids();
    const rival = rivals[0]?.bid;
    if (!rival) throw new Error('no rival bid');
    // Both requests line up behind the job row, held here, then go at once.
    const holder = new pg.Client({ connectionString: ctx.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from jobs where id = $1 for update', [job.id]);
      const racing = Promise.all([
        award(job.id, chosen.id, FIXED, cast.people.owner),
        award(job.id, rival.id, FIXED, secondOwner),
      ]);
      await waitForLockWaiters(ctx, 2, 'the job row');
      await holder.query('commit');
      const answers = await racing;
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      const loser = answers.find((a) => a.statusCode === 409);
      expect(loser?.json().detail).toMatch(/already has a contract offer/);
    } finally {
      await holder.end();
    }
    const made = await ctx.db.select().from(contracts).where(eq(contracts.jobId, job.id));
    expect(made).toHaveLength(1);
    const statuses = [(await bidStatus(chosen.id))?.status, (await bidStatus(rival.id))?.status];
    expect(statuses.filter((s) => s === 'awarded')).toHaveLength(1);
  });

  it('answers only owners (contracts.award)', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const { job, chosen } = await jobWithBids();
        return { method: 'POST', url: awardUrl(job.id, chosen.id), payload: FIXED };
      },
      201,
    );
  });
});

describe('answering the offer', () => {
  it('accepting makes it active, closes the job, and tells each other live bidder with the owner’s word', async () => {
    const { job, chosen, rivals, declined } = await jobWithBids();
    const contractId = (await award(job.id, chosen.id)).json().id as string;
    const accepted = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contractId}/accept`,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'active',
      // The owner's word to the others is the business's, not the professional's to read.
      otherBiddersMessage: null,
      viewer: { party: 'professional', canRespond: false },
    });
    expect(accepted.json().history.map((h: { kind: string }) => h.kind)).toEqual([
      'offered',
      'accepted',
    ]);
    const [closed] = await ctx.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(closed?.status).toBe('closed');
    for (const { rival, bid } of rivals) {
      expect(await bidStatus(bid.id)).toMatchObject({
        status: 'not_selected',
        declineMessage: FIXED.otherBiddersMessage,
      });
      const [note] = await ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, rival.id), eq(notifications.type, 'bid.not-selected')));
      expect(note?.body).toBe(FIXED.otherBiddersMessage);
    }
    // A bid declined earlier keeps its own answer.
    expect((await bidStatus(declined.id))?.status).toBe('declined');
    const owners = await ctx.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, cast.people.owner.id),
          eq(notifications.type, 'contract.accepted'),
        ),
      );
    expect(owners.length).toBeGreaterThan(0);
    // Answered once: a second answer is refused.
    const twice = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contractId}/decline`,
      payload: { reason: 'Changed my mind' },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('accepting cancels the rivals’ interviews (a booked one with METHOD:CANCEL) and closes their open trials, telling them', async () => {
    const { job, chosen, rivals } = await jobWithBids();
    const [first, second] = rivals as [(typeof rivals)[0], (typeof rivals)[0]];
    const jobUrl = `/api/v1/businesses/${cast.businessId}/jobs/${job.id}`;
    const later = (days: number) =>
      new Date(ctx.clock.now().getTime() + days * 86_400_000).toISOString();
    const propose = async (bidId: string) => {
      const res = await call(ctx, cast.people.owner, {
        method: 'POST',
        url: `${jobUrl}/bids/${bidId}/interviews`,
        payload: { slots: [later(2), later(3)], callLink: 'https://meet.example.com/x' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; slots: string[] }>();
    };
    // The first rival booked a time; the second has only proposals; the chosen one is booked too.
    const booked = await propose(first.bid.id);
    const book = await call(ctx, first.rival, {
      method: 'POST',
      url: `/api/v1/interviews/${booked.id}/book`,
      payload: { startsAt: booked.slots[0] },
    });
    expect(book.statusCode, book.body).toBe(200);
    const proposed = await propose(second.bid.id);
    const own = await propose(chosen.id);

    // A trial for the chosen professional and the first rival, who accepted it.
    const trial = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${jobUrl}/trials`,
      payload: {
        title: 'A small sample',
        instructions: 'One page.',
        deadline: later(2),
        rubric: [{ label: 'Quality', weight: 1 }],
        bidIds: [chosen.id, first.bid.id],
      },
    });
    expect(trial.statusCode, trial.body).toBe(201);
    const trialId = trial.json().id as string;
    const accept = await call(ctx, first.rival, {
      method: 'POST',
      url: `/api/v1/trials/${trialId}/accept`,
    });
    expect(accept.statusCode, accept.body).toBe(200);

    const contractId = (await award(job.id, chosen.id)).json().id as string;
    const accepted = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contractId}/accept`,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const statusOf = async (id: string) =>
      (await ctx.db.select().from(interviews).where(eq(interviews.id, id)))[0]?.status;
    expect(await statusOf(booked.id)).toBe('cancelled');
    expect(await statusOf(proposed.id)).toBe('cancelled');
    expect(await statusOf(own.id)).toBe('proposed');
    // The booked time leaves the rival's calendar: the cancellation, parsed back.
    const mail = (await mailTo(ctx, first.rival.email)).find((m) => m.attachments.length > 0);
    expect(mail?.attachments[0]?.contentType).toContain('method=CANCEL');
    expect(parseInvitation(mail!.attachments[0]!.content)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: `${booked.id}@handoff`,
    });
    for (const { rival } of rivals)
      expect(await typesOf(rival.id)).toContain('interview.cancelled');

    const parts = await ctx.db
      .select()
      .from(trialParticipants)
      .where(eq(trialParticipants.trialId, trialId));
    expect(Object.fromEntries(parts.map((p) => [p.professionalId, p.status]))).toEqual({
      [cast.people.professional.id]: 'invited',
      [first.rival.id]: 'closed',
    });
    expect(await typesOf(first.rival.id)).toContain('trial.closed');
    // The closed trial refuses more work, saying why.
    const submit = await call(ctx, first.rival, {
      method: 'PUT',
      url: `/api/v1/trials/${trialId}/submission`,
      payload: { notes: 'Late work', links: [] },
    });
    expect(submit.statusCode).toBe(409);
    expect(submit.json().detail).toContain('another professional');
  });

  it('declining puts the bid back on the shortlist and frees the job for another award', async () => {
    const { job, chosen, rivals } = await jobWithBids();
    const contractId = (await award(job.id, chosen.id)).json().id as string;
    const noReason = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contractId}/decline`,
      payload: { reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    const declined = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contractId}/decline`,
      payload: { reason: 'I am booked until June.' },
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'I am booked until June.',
    });
    expect((await bidStatus(chosen.id))?.status).toBe('shortlisted');
    const next = await award(job.id, rivals[1]?.bid.id ?? '');
    expect(next.statusCode).toBe(201);
  });

  it('the owner may withdraw an unanswered offer; the bid goes back to where it was', async () => {
    const { job, rivals } = await jobWithBids();
    const submitted = rivals[1];
    if (!submitted) throw new Error('no submitted bid');
    const contractId = (await award(job.id, submitted.bid.id)).json().id as string;
    const withdrawUrl = `/api/v1/businesses/${cast.businessId}/contracts/${contractId}/withdraw`;
    const byManager = await call(ctx, cast.people.manager, { method: 'POST', url: withdrawUrl });
    expect(byManager.statusCode).toBe(403);
    const withdrawn = await call(ctx, cast.people.owner, { method: 'POST', url: withdrawUrl });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().history.map((h: { kind: string }) => h.kind)).toEqual([
      'offered',
      'withdrawn',
    ]);
    expect((await bidStatus(submitted.bid.id))?.status).toBe('submitted');
    const late = await call(ctx, submitted.rival, {
      method: 'POST',
      url: `/api/v1/contracts/${contractId}/accept`,
    });
    expect(late.statusCode).toBe(409);
  });
});

describe('who reads and answers a contract', () => {
  it('parties read it; nobody else learns it exists', async () => {
    const { job, chosen } = await jobWithBids();
    const contractId = (await award(job.id, chosen.id)).json().id as string;
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/contracts/${contractId}` }),
      {
        anonymous: 401,
        owner: 200,
        manager: 200,
        viewer: 200,
        otherBusiness: 404,
        professional: 200,
        admin: 404,
      },
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/businesses/${cast.businessId}/contracts` }),
      200,
    );
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/me/contracts' }), 200);
    const mine = await call(ctx, cast.people.professional, {
      method: 'GET',
      url: '/api/v1/me/contracts',
    });
    expect(mine.json().items.map((c: { id: string }) => c.id)).toContain(contractId);
    const others = await call(ctx, cast.people.otherBusiness, {
      method: 'GET',
      url: '/api/v1/me/contracts',
    });
    expect(others.json().items).toEqual([]);
  });

  it('a rival bidder cannot read or answer the offer made to another', async () => {
    const { job, chosen, rivals } = await jobWithBids();
    const contractId = (await award(job.id, chosen.id)).json().id as string;
    const rival = rivals[0]?.rival;
    if (!rival) throw new Error('no rival');
    for (const request of [
      { method: 'GET', url: `/api/v1/contracts/${contractId}` },
      { method: 'POST', url: `/api/v1/contracts/${contractId}/accept` },
    ] as const) {
      expect((await call(ctx, rival, request)).statusCode).toBe(404);
    }
    const theirs = await call(ctx, rival, { method: 'GET', url: '/api/v1/me/contracts' });
    expect(theirs.json().items).toEqual([]);
    expect((await bidStatus(chosen.id))?.status).toBe('awarded');
  });

  it('only the professional answers; the business’s members cannot accept for them', async () => {
    const onlyThePro = {
      anonymous: 401,
      owner: 404,
      manager: 404,
      viewer: 404,
      otherBusiness: 404,
      professional: 200,
      admin: 404,
    };
    const fresh = async () => {
      const { job, chosen } = await jobWithBids();
      return (await award(job.id, chosen.id)).json().id as string;
    };
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'POST', url: `/api/v1/contracts/${await fresh()}/accept` }),
      onlyThePro,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: `/api/v1/contracts/${await fresh()}/decline`,
        payload: { reason: 'Not now' },
      }),
      onlyThePro,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: `/api/v1/businesses/${cast.businessId}/contracts/${await fresh()}/withdraw`,
      }),
      200,
    );
  });
});
