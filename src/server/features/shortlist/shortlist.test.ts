/**
 * The shortlist over HTTP against the real database: the scored bid list and its signals, the
 * settings, shortlisting up to the cap (also when two owners click at once), declining with a
 * message the professional receives, hiding, the comparison, decline templates — each route's
 * role matrix, and bids sealed from everyone outside the business.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildBusiness, buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { buildProfessional } from '../../../../test/profile-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import {
  interviews,
  jobs,
  ndaSignatures,
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

const owner = () => cast.people.owner;
const base = (jobId: string, businessId = cast.businessId) =>
  `/api/v1/businesses/${businessId}/jobs/${jobId}/shortlist`;
const bidUrl = (jobId: string, bidId: string, rest = '') => `${base(jobId)}/bids/${bidId}${rest}`;
const templatesUrl = (businessId = cast.businessId) =>
  `/api/v1/businesses/${businessId}/decline-templates`;

const BRIEF = {
  title: 'Monthly bookkeeping for a bakery',
  skills: ['Bookkeeping', 'Xero', 'VAT returns', 'Payroll', 'Excel'],
  budget: { type: 'fixed' as const, currency: 'USD', min: 80_000, max: 100_000 },
};

async function newJob(businessId = cast.businessId) {
  return buildJob(ctx, { businessId, brief: BRIEF });
}

async function pro(name = 'Pat Pro') {
  return buildUser(ctx, { professional: true, name });
}

async function notificationsOf(who: TestUser) {
  const res = await call(ctx, who, { method: 'GET', url: '/api/v1/notifications' });
  expect(res.statusCode).toBe(200);
  return res.json().items as { type: string; title: string; body: string | null; link: string }[];
}

const defaultWeights = {
  feedback: 30,
  skills: 20,
  price: 20,
  experience: 15,
  onTime: 15,
  trial: 25,
  interview: 15,
};

describe('the bid list', () => {
  it('scores each bid with reasons, best first, from the profile and the shared tables', async () => {
    const job = await newJob();
    // A full profile: Bookkeeping 8 y, Xero, VAT returns; Lisbon hours like the business's.
    const { user: expert } = await buildProfessional(
      ctx,
      `expert-${newId().slice(-6)}`,
      {},
      'Eva Expert',
    );
    const novice = await pro('Nico Novice');
    const withdrawn = await pro('Walt Withdrawn');
    const expertBid = await buildBid(ctx, {
      jobId: job.id,
      professionalId: expert.id,
      amount: 90_000,
    });
    const noviceBid = await buildBid(ctx, {
      jobId: job.id,
      professionalId: novice.id,
      amount: 110_000,
    });
    await buildBid(ctx, { jobId: job.id, professionalId: withdrawn.id, status: 'withdrawn' });

    const res = await call(ctx, cast.people.viewer, { method: 'GET', url: base(job.id) });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.settings).toEqual({ weights: defaultWeights, cap: 3, updatedAt: null });
    expect(page.medianUsd).toBe(100_000);
    expect(page.bids.map((b: { id: string }) => b.id)).toEqual([expertBid.id, noviceBid.id]);

    const [first, second] = page.bids;
    expect(first.professional).toMatchObject({ id: expert.id, name: 'Eva Expert', country: 'PT' });
    expect(first.signals).toMatchObject({
      rating: null,
      onTime: null,
      yearsExperience: 8,
      skillMatch: { matched: 3, of: 5, skills: ['Bookkeeping', 'Xero', 'VAT returns'] },
      highlights: {
        roles: [{ role: 'Bookkeeper', company: 'Padaria Lda', current: true }],
        certifications: ['Xero Advisor'],
      },
      price: { priceUsd: 90_000, vsBudgetPercent: 90, vsMedianPercent: 90 },
      // Both keep 09:00–17:00 in Lisbon.
      overlapMinutes: 480,
      nda: 'not_required',
      trialScore: null,
      interviewScore: null,
    });
    const reasons = first.parts.map((p: { explanation: string }) => p.explanation);
    expect(reasons).toContain('Skill match 3 of 5 job skills (60 %) → 12 of 20');
    expect(reasons).toContain('Feedback: new — no reviews yet: scored neutral → 15 of 30');
    // An empty profile: no years, no skills, no hours to compare.
    expect(second.signals).toMatchObject({
      yearsExperience: 0,
      skillMatch: { matched: 0, of: 5 },
      overlapMinutes: null,
    });
    expect(first.score).toBeGreaterThan(second.score);
  });

  it('reads NDA state and trial and interview scores once they exist, and brings those parts into play', async () => {
    const job = await newJob();
    const a = await pro('Ana Trialled');
    const b = await pro('Ben Signed');
    const bidA = await buildBid(ctx, {
      jobId: job.id,
      professionalId: a.id,
      status: 'shortlisted',
    });
    const bidB = await buildBid(ctx, {
      jobId: job.id,
      professionalId: b.id,
      status: 'shortlisted',
    });
    const trialId = newId();
    await ctx.db.insert(trials).values({
      id: trialId,
      jobId: job.id,
      title: 'Reconcile one month',
      instructions: 'Reconcile March.',
      deadline: ctx.clock.now(),
      rubric: [{ id: 'c1', label: 'Accuracy', weight: 1 }],
    });
    await ctx.db.insert(trialParticipants).values([
      { trialId, bidId: bidA.id, professionalId: a.id, status: 'submitted', score: 90 },
      { trialId, bidId: bidB.id, professionalId: b.id, status: 'submitted', score: 40 },
    ]);
    await ctx.db.insert(interviews).values({
      id: newId(),
      jobId: job.id,
      bidId: bidB.id,
      professionalId: b.id,
      status: 'completed',
      slots: [],
      icalUid: `${newId()}@test`,
      score: 4,
    });
    await ctx.db.insert(ndaSignatures).values({
      id: newId(),
      jobId: job.id,
      professionalId: b.id,
      renderedText: 'NDA',
      textSha256: 'x',
      signedName: 'Ben Signed',
      signedAt: ctx.clock.now(),
    });

    const page = (await call(ctx, owner(), { method: 'GET', url: base(job.id) })).json();
    const byId = Object.fromEntries(page.bids.map((x: { id: string }) => [x.id, x]));
    expect(byId[bidA.id].signals).toMatchObject({
      trialScore: 90,
      interviewScore: null,
      nda: 'not_required',
    });
    expect(byId[bidB.id].signals).toMatchObject({
      trialScore: 40,
      interviewScore: 4,
      nda: 'signed',
    });
    const parts = byId[bidA.id].parts.map((p: { part: string }) => p.part);
    expect(parts).toContain('trial');
    expect(parts).toContain('interview');
    expect(page.bids[0].id).toBe(bidA.id);
  });

  it('is sealed: another business, a bidder and an admin get 404, and a bid of another job is not reachable through this one', async () => {
    const job = await newJob();
    const bidder = await pro('Sealed Bidder');
    await buildBid(ctx, { jobId: job.id, professionalId: bidder.id, coverLetter: 'SEALED-MARKER' });
    for (const who of [cast.people.otherBusiness, bidder, cast.people.admin]) {
      const res = await call(ctx, who, { method: 'GET', url: base(job.id) });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('SEALED-MARKER');
    }
    // The other business's owner, through their own business id, reaches nothing either.
    const other = await buildBusiness(ctx, { name: 'Outsider Ltd' });
    const res = await call(ctx, other.owner, {
      method: 'GET',
      url: base(job.id, other.business.id),
    });
    expect(res.statusCode).toBe(404);
    // A bid on the other business's job cannot be acted on through our job's address.
    const theirJob = await newJob(other.business.id);
    const theirBid = await buildBid(ctx, { jobId: theirJob.id, professionalId: bidder.id });
    const act = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, theirBid.id) });
    expect(act.statusCode).toBe(404);
    const compare = await call(ctx, owner(), {
      method: 'GET',
      url: `${base(job.id)}/compare?bids=${theirBid.id},${theirBid.id.replace(/.$/, '0')}`,
    });
    expect(compare.statusCode).toBe(404);
  });
});

describe('settings', () => {
  it('saves the weights and the cap, and the list scores with them', async () => {
    const job = await newJob();
    const cheap = await buildBid(ctx, {
      jobId: job.id,
      professionalId: (await pro()).id,
      amount: 50_000,
    });
    const { user: expert } = await buildProfessional(
      ctx,
      `w-${newId().slice(-6)}`,
      {},
      'Dear Expert',
    );
    const dear = await buildBid(ctx, { jobId: job.id, professionalId: expert.id, amount: 140_000 });
    const before = (await call(ctx, owner(), { method: 'GET', url: base(job.id) })).json();
    expect(before.bids[0].id).toBe(dear.id);

    ctx.clock.set('2026-12-04T10:00:00Z');
    const weights = {
      ...defaultWeights,
      feedback: 0,
      skills: 0,
      experience: 0,
      onTime: 0,
      price: 100,
    };
    const put = await call(ctx, cast.people.manager, {
      method: 'PUT',
      url: `${base(job.id)}/settings`,
      payload: { weights, cap: 4 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ weights, cap: 4, updatedAt: '2026-12-04T10:00:00.000Z' });
    const after = (await call(ctx, owner(), { method: 'GET', url: base(job.id) })).json();
    expect(after.bids[0].id).toBe(cheap.id);
    const price = after.bids[0].parts.find((p: { part: string }) => p.part === 'price');
    expect(price.explanation).toBe(
      // The median of 500 and 1,400 is 950: 47 % below it.
      'Price 50 % below the budget, 47 % below the median bid → 98.7 of 100',
    );
  });

  it('refuses a cap outside 2–5 and a weight outside 0–100, naming the field', async () => {
    const job = await newJob();
    const res = await call(ctx, owner(), {
      method: 'PUT',
      url: `${base(job.id)}/settings`,
      payload: { weights: { ...defaultWeights, price: 101 }, cap: 6 },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.cap', 'body.weights.price']));
    expect(JSON.stringify(res.json())).toContain('The shortlist holds at most 5');
  });
});

describe('shortlisting', () => {
  it('sends the NDA when the job requires one: one message asking to sign, the signed text kept with its hash', async () => {
    const job = await newJob();
    await ctx.db.update(jobs).set({ ndaRequired: true }).where(eq(jobs.id, job.id));
    const p = await pro('Nda Pro');
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: p.id });
    const res = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, bid.id) });
    expect(res.statusCode, res.body).toBe(200);

    const [nda] = await ctx.db
      .select()
      .from(ndaSignatures)
      .where(and(eq(ndaSignatures.jobId, job.id), eq(ndaSignatures.professionalId, p.id)));
    expect(nda?.renderedText).toContain(BRIEF.title);
    expect(nda?.textSha256).toBe(createHash('sha256').update(nda!.renderedText).digest('hex'));
    expect(nda?.signedAt).toBeNull();
    const told = await notificationsOf(p);
    expect(told.map((n) => n.type)).toEqual(['nda.sent']);
    expect(told[0]?.link).toBe(`/app/jobs/${job.id}/nda`);
  });

  it('tells the professional, stops at the cap with a 409 saying how to change it, and a raised cap lets one more in', async () => {
    const job = await newJob();
    const people = await Promise.all([1, 2, 3, 4].map((i) => pro(`Cap Pro ${i}`)));
    const bids = await Promise.all(
      people.map((p) => buildBid(ctx, { jobId: job.id, professionalId: p.id })),
    );
    for (const bid of bids.slice(0, 3)) {
      const res = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, bid.id) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: bid.id, status: 'shortlisted' });
    }
    const told = await notificationsOf(people[0]!);
    expect(told[0]).toMatchObject({
      type: 'bid.shortlisted',
      title: `Your bid on “${BRIEF.title}” was shortlisted`,
      link: `/app/jobs/${job.id}/spec`,
    });

    const full = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, bids[3]!.id) });
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toBe(
      'The shortlist is full: it holds 3 bids. Take a bid off the shortlist or raise the cap (up to 5) in the shortlist settings.',
    );

    await call(ctx, owner(), {
      method: 'PUT',
      url: `${base(job.id)}/settings`,
      payload: { weights: defaultWeights, cap: 4 },
    });
    const fourth = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, bids[3]!.id) });
    expect(fourth.statusCode).toBe(200);
  });

  it('taking a bid off the shortlist makes room', async () => {
    const job = await newJob();
    const bids = await Promise.all(
      [1, 2, 3].map(async (i) =>
        buildBid(ctx, {
          jobId: job.id,
          professionalId: (await pro(`Room ${i}`)).id,
          status: 'shortlisted',
        }),
      ),
    );
    const waiting = await buildBid(ctx, { jobId: job.id, professionalId: (await pro()).id });
    const off = await call(ctx, owner(), { method: 'DELETE', url: bidUrl(job.id, bids[0]!.id) });
    expect(off.json()).toMatchObject({ status: 'submitted', shortlistedAt: null });
    const on = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, waiting.id) });
    expect(on.statusCode).toBe(200);
  });

  it('refuses a withdrawn or declined bid with 409 saying why', async () => {
    const job = await newJob();
    const withdrawn = await buildBid(ctx, {
      jobId: job.id,
      professionalId: (await pro()).id,
      status: 'withdrawn',
    });
    const declined = await buildBid(ctx, {
      jobId: job.id,
      professionalId: (await pro()).id,
      status: 'declined',
    });
    const a = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, withdrawn.id) });
    expect(a.statusCode).toBe(409);
    expect(a.json().detail).toBe('The professional withdrew this bid. It cannot be shortlisted.');
    const b = await call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, declined.id) });
    expect(b.statusCode).toBe(409);
    expect(b.json().detail).toContain('This bid was declined');
  });

  it('a double click with one Idempotency-Key shortlists once and tells the professional once', async () => {
    const job = await newJob();
    const p = await pro('Double Click');
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: p.id });
    const headers = { 'idempotency-key': `shortlist-${bid.id}` };
    const first = await call(ctx, owner(), {
      method: 'POST',
      url: bidUrl(job.id, bid.id),
      headers,
    });
    const second = await call(ctx, owner(), {
      method: 'POST',
      url: bidUrl(job.id, bid.id),
      headers,
    });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const told = (await notificationsOf(p)).filter((n) => n.type === 'bid.shortlisted');
    expect(told).toHaveLength(1);
  });

  it('two owners shortlisting the last place at once: one gets it, the other a 409', async () => {
    const job = await newJob();
    for (const i of [1, 2])
      await buildBid(ctx, {
        jobId: job.id,
        professionalId: (await pro(`Held ${i}`)).id,
        status: 'shortlisted',
      });
    const x = await buildBid(ctx, { jobId: job.id, professionalId: (await pro('Race X')).id });
    const y = await buildBid(ctx, { jobId: job.id, professionalId: (await pro('Race Y')).id });
    const [rx, ry] = await Promise.all([
      call(ctx, owner(), { method: 'POST', url: bidUrl(job.id, x.id) }),
      call(ctx, cast.people.manager, { method: 'POST', url: bidUrl(job.id, y.id) }),
    ]);
    expect([rx.statusCode, ry.statusCode].sort()).toEqual([200, 409]);
    const page = (await call(ctx, owner(), { method: 'GET', url: base(job.id) })).json();
    expect(page.bids.filter((b: { status: string }) => b.status === 'shortlisted')).toHaveLength(3);
  });
});

describe('declining and hiding', () => {
  it('declines with the message, which reaches the professional, and frees the shortlist place', async () => {
    const job = await newJob();
    const p = await pro('Declined Dora');
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: p.id, status: 'shortlisted' });
    const message = 'Thank you — we chose someone closer to our time zone. DECLINE-MARKER';
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: bidUrl(job.id, bid.id, '/decline'),
      payload: { message },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      declineMessage: message,
      shortlistedAt: null,
    });
    const told = await notificationsOf(p);
    expect(told[0]).toMatchObject({
      type: 'bid.declined',
      title: `Your bid on “${BRIEF.title}” was declined`,
      body: message,
    });
    const again = await call(ctx, owner(), {
      method: 'POST',
      url: bidUrl(job.id, bid.id, '/decline'),
      payload: { message },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an empty message, naming it', async () => {
    const job = await newJob();
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: (await pro()).id });
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: bidUrl(job.id, bid.id, '/decline'),
      payload: { message: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.message');
  });

  it('hides and shows a bid; a shortlisted bid cannot be hidden', async () => {
    const job = await newJob();
    const bid = await buildBid(ctx, { jobId: job.id, professionalId: (await pro()).id });
    const hide = await call(ctx, owner(), {
      method: 'PUT',
      url: bidUrl(job.id, bid.id, '/hidden'),
      payload: { hidden: true },
    });
    expect(hide.json()).toMatchObject({ hidden: true, status: 'submitted' });
    const listed = (await call(ctx, owner(), { method: 'GET', url: base(job.id) })).json();
    expect(listed.bids[0]).toMatchObject({ id: bid.id, hidden: true });
    const show = await call(ctx, owner(), {
      method: 'PUT',
      url: bidUrl(job.id, bid.id, '/hidden'),
      payload: { hidden: false },
    });
    expect(show.json().hidden).toBe(false);
    const short = await buildBid(ctx, {
      jobId: job.id,
      professionalId: (await pro()).id,
      status: 'shortlisted',
    });
    const refused = await call(ctx, owner(), {
      method: 'PUT',
      url: bidUrl(job.id, short.id, '/hidden'),
      payload: { hidden: true },
    });
    expect(refused.statusCode).toBe(409);
  });
});

describe('comparison', () => {
  it('puts 2–5 bids side by side in the order asked, with answers, milestones, trials and interviews', async () => {
    const job = await newJob();
    const a = await buildBid(ctx, {
      jobId: job.id,
      professionalId: (await pro('Cmp A')).id,
      milestones: [{ title: 'First close', amount: 30_000, dueDate: '2027-01-31' }],
    });
    const b = await buildBid(ctx, { jobId: job.id, professionalId: (await pro('Cmp B')).id });
    const c = await buildBid(ctx, { jobId: job.id, professionalId: (await pro('Cmp C')).id });
    const res = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `${base(job.id)}/compare?bids=${c.id},${a.id},${b.id}`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.bids.map((x: { id: string }) => x.id)).toEqual([c.id, a.id, b.id]);
    expect(body.bids[1].milestones).toEqual([
      { title: 'First close', amount: 30_000, dueDate: '2027-01-31' },
    ]);
    expect(body.bids[1]).toMatchObject({ trials: [], interviews: [], answers: [] });
    expect(body.bids[1].coverLetter).toContain('ten years');
  });

  it('opens one bid in full from the list, which carries only an excerpt of the letter', async () => {
    const job = await newJob();
    const letter = `${'I keep the books of three bakeries and know their VAT rules well. '.repeat(6)}Thanks.`;
    const bid = await buildBid(ctx, {
      jobId: job.id,
      professionalId: (await pro('Open Me')).id,
      coverLetter: letter,
      milestones: [{ title: 'First close', amount: 30_000, dueDate: '2027-01-31' }],
    });
    const list = await call(ctx, cast.people.viewer, { method: 'GET', url: base(job.id) });
    const listed = list.json().bids[0];
    expect(listed).not.toHaveProperty('coverLetter');
    expect(listed.coverLetterExcerpt.length).toBeLessThanOrEqual(201);
    // Cut at a word, with an ellipsis.
    const shown = listed.coverLetterExcerpt.replace(/…$/, '');
    expect(listed.coverLetterExcerpt).toMatch(/…$/);
    expect(letter.startsWith(shown)).toBe(true);
    expect(letter[shown.length]).toBe(' ');

    const res = await call(ctx, cast.people.viewer, { method: 'GET', url: bidUrl(job.id, bid.id) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: bid.id,
      coverLetter: letter,
      milestones: [{ title: 'First close', amount: 30_000, dueDate: '2027-01-31' }],
      answers: [],
      attachments: [],
      trials: [],
      interviews: [],
      score: listed.score,
      coverLetterExcerpt: listed.coverLetterExcerpt,
    });

    // A bid of another job through this one, and a withdrawn bid, are not there.
    const other = await newJob();
    const elsewhere = await buildBid(ctx, { jobId: other.id, professionalId: (await pro()).id });
    const through = await call(ctx, owner(), { method: 'GET', url: bidUrl(job.id, elsewhere.id) });
    expect(through.statusCode).toBe(404);
    const gone = await buildBid(ctx, {
      jobId: job.id,
      professionalId: (await pro('Gone')).id,
      status: 'withdrawn',
    });
    const withdrawn = await call(ctx, owner(), { method: 'GET', url: bidUrl(job.id, gone.id) });
    expect(withdrawn.statusCode).toBe(404);
  });

  it('needs 2 to 5 bid ids, saying so', async () => {
    const job = await newJob();
    const one = await call(ctx, owner(), {
      method: 'GET',
      url: `${base(job.id)}/compare?bids=${newId()}`,
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().errors[0]).toMatchObject({ path: 'querystring.bids' });
    const six = Array.from({ length: 6 }, () => newId()).join(',');
    const many = await call(ctx, owner(), {
      method: 'GET',
      url: `${base(job.id)}/compare?bids=${six}`,
    });
    expect(many.statusCode).toBe(400);
    const bad = await call(ctx, owner(), {
      method: 'GET',
      url: `${base(job.id)}/compare?bids=x,y`,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('decline templates', () => {
  it('offers the built-in one, and keeps the business’s own apart from other businesses', async () => {
    const list = await call(ctx, cast.people.viewer, { method: 'GET', url: templatesUrl() });
    expect(list.json().builtIn.name).toBe('Thank you, not this time');
    const created = await call(ctx, cast.people.manager, {
      method: 'POST',
      url: templatesUrl(),
      payload: { name: 'Budget', body: 'Your price is above what we can spend.' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const edited = await call(ctx, owner(), {
      method: 'PUT',
      url: `${templatesUrl()}/${id}`,
      payload: { name: 'Over budget', body: 'Above our budget, sorry.' },
    });
    expect(edited.json()).toMatchObject({ name: 'Over budget', body: 'Above our budget, sorry.' });
    const other = await buildBusiness(ctx, { name: 'Template Thief' });
    const theirs = await call(ctx, other.owner, {
      method: 'PUT',
      url: `${templatesUrl(other.business.id)}/${id}`,
      payload: { name: 'Mine now', body: 'x' },
    });
    expect(theirs.statusCode).toBe(404);
    const theirList = await call(ctx, other.owner, {
      method: 'GET',
      url: templatesUrl(other.business.id),
    });
    expect(theirList.json().items).toEqual([]);
    const removed = await call(ctx, owner(), { method: 'DELETE', url: `${templatesUrl()}/${id}` });
    expect(removed.statusCode).toBe(204);
  });
});

describe('role matrices', () => {
  let jobId: string;
  beforeAll(async () => {
    jobId = (await newJob()).id;
  });
  const fresh = async () =>
    (await buildBid(ctx, { jobId, professionalId: (await pro('Matrix')).id })).id;
  const template = async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: templatesUrl(),
      payload: { name: 'M', body: 'M' },
    });
    return res.json().id as string;
  };

  it('GET the list', () =>
    expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: base(jobId) }), 200));
  it('PUT settings', () =>
    expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: `${base(jobId)}/settings`,
        payload: { weights: defaultWeights, cap: 5 },
      }),
      200,
    ));
  it('GET compare', async () => {
    const [a, b] = [await fresh(), await fresh()];
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `${base(jobId)}/compare?bids=${a},${b}` }),
      200,
    );
  });
  it('GET one bid', async () => {
    const id = await fresh();
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: bidUrl(jobId, id) }), 200);
  });
  it('POST shortlist', async () => {
    await call(ctx, owner(), {
      method: 'PUT',
      url: `${base(jobId)}/settings`,
      payload: { weights: defaultWeights, cap: 5 },
    });
    // Every role tries the same bid: shortlisting twice changes nothing, so both writers get 200.
    const id = await fresh();
    await expectRoleMatrix(ctx, cast, () => ({ method: 'POST', url: bidUrl(jobId, id) }), 200);
  });
  it('DELETE shortlist', async () => {
    const id = await fresh();
    await expectRoleMatrix(ctx, cast, () => ({ method: 'DELETE', url: bidUrl(jobId, id) }), 200);
  });
  it('POST decline', async () =>
    expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: bidUrl(jobId, await fresh(), '/decline'),
        payload: { message: 'No, thank you.' },
      }),
      200,
    ));
  it('PUT hidden', async () =>
    expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'PUT',
        url: bidUrl(jobId, await fresh(), '/hidden'),
        payload: { hidden: true },
      }),
      200,
    ));
  it('GET decline templates', () =>
    expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: templatesUrl() }), 200));
  it('POST decline template', () =>
    expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: templatesUrl(), payload: { name: 'N', body: 'B' } }),
      201,
    ));
  it('PUT decline template', async () => {
    const id = await template();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PUT', url: `${templatesUrl()}/${id}`, payload: { name: 'N', body: 'B' } }),
      200,
    );
  });
  it('DELETE decline template', async () =>
    expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'DELETE', url: `${templatesUrl()}/${await template()}` }),
      204,
    ));
});
