import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyTrial, Trial, TrialParticipant } from '../../../core/contracts/trials.ts';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import {
  buildCast,
  expectRoleMatrix,
  type Cast,
  type RoleName,
} from '../../../../test/role-matrix.ts';
import { notifications, trialParticipants } from '../../db/schema/index.ts';

const HOUR = 3_600_000;
let ctx: TestContext;
let cast: Cast;
let dataDir: string;
let jobId: string;
/** The cast's professional takes part in the trials; `other` is a second shortlisted bidder. */
let pro: TestUser;
let other: TestUser;
let bidPro: string;
let bidOther: string;
let bidNotShortlisted: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-trials-'));
  ctx = await createTestContext({ config: { dataDir } });
  cast = await buildCast(ctx);
  pro = cast.people.professional;
  other = await buildUser(ctx, { professional: true, name: 'Other Pro' });
  const third = await buildUser(ctx, { professional: true, name: 'Third Pro' });
  const job = await buildJob(ctx, { businessId: cast.businessId, createdBy: cast.people.owner.id });
  jobId = job.id;
  bidPro = (await buildBid(ctx, { jobId, professionalId: pro.id, status: 'shortlisted' })).id;
  bidOther = (await buildBid(ctx, { jobId, professionalId: other.id, status: 'shortlisted' })).id;
  bidNotShortlisted = (await buildBid(ctx, { jobId, professionalId: third.id })).id;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const base = () => `/api/v1/businesses/${cast.businessId}/jobs/${jobId}/trials`;

function trialBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Sketch three logo directions',
    instructions: '## Task\n\nThree rough directions, **one page each**.',
    deadline: new Date(ctx.clock.now().getTime() + 48 * HOUR).toISOString(),
    rubric: [
      { label: 'Fits the brand', weight: 3 },
      { label: 'Clarity', weight: 1 },
    ],
    paid: { amount: 15_000, currency: 'EUR' },
    bidIds: [bidPro, bidOther],
    ...overrides,
  };
}

async function createTrial(overrides: Record<string, unknown> = {}): Promise<Trial> {
  const res = await call(ctx, cast.people.owner, {
    method: 'POST',
    url: base(),
    payload: trialBody(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Trial>();
}

function as(who: TestUser, options: InjectOptions) {
  return call(ctx, who, options);
}

async function acceptAndSubmit(trialId: string, who: TestUser, notes: string) {
  expect(
    (await as(who, { method: 'POST', url: `/api/v1/trials/${trialId}/accept` })).statusCode,
  ).toBe(200);
  const res = await as(who, {
    method: 'PUT',
    url: `/api/v1/trials/${trialId}/submission`,
    payload: { notes, links: ['https://example.com/work'] },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MyTrial>();
}

async function upload(trialId: string, who: TestUser, text: string) {
  return as(who, {
    method: 'POST',
    url: `/api/v1/trials/${trialId}/files?name=${encodeURIComponent('work.txt')}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(text),
  });
}

async function notificationsOf(userId: string, type: string) {
  return ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type as never)));
}

describe('creating a trial', () => {
  it('sends it to the chosen shortlisted bids, rubric and payment recorded, each professional told', async () => {
    const trial = await createTrial();
    expect(trial.rubric).toEqual([
      { id: 'c1', label: 'Fits the brand', weight: 3 },
      { id: 'c2', label: 'Clarity', weight: 1 },
    ]);
    expect(trial.timeBoxMinutes).toBe(120);
    expect(trial.paid).toEqual({ amount: 15_000, currency: 'EUR' });
    expect(trial.instructionsHtml).toContain('<strong>one page each</strong>');
    expect(trial.participants.map((p) => [p.professional.name, p.status]).sort()).toEqual([
      ['A professional', 'invited'],
      ['Other Pro', 'invited'],
    ]);
    const told = await notificationsOf(other.id, 'trial.invited');
    expect(told.some((n) => n.link === `/app/trials/${trial.id}`)).toBe(true);
  });

  it('refuses a bid that is not shortlisted with 409', async () => {
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: base(),
      payload: trialBody({ bidIds: [bidPro, bidNotShortlisted] }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/shortlisted/);
  });

  it('names what is wrong: another job’s bid, a past deadline, no criteria, too many bids', async () => {
    const otherJob = await buildJob(ctx, { businessId: cast.businessId });
    const stranger = await buildBid(ctx, {
      jobId: otherJob.id,
      professionalId: other.id,
      status: 'shortlisted',
    });
    const wrongJob = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: base(),
      payload: trialBody({ bidIds: [bidPro, stranger.id] }),
    });
    expect(wrongJob.statusCode).toBe(400);
    expect(errorPaths(wrongJob)).toEqual(['body.bidIds.1']);

    const past = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: base(),
      payload: trialBody({ deadline: new Date(ctx.clock.now().getTime() - 1000).toISOString() }),
    });
    expect(past.statusCode).toBe(400);
    expect(errorPaths(past)).toEqual(['body.deadline']);

    const bad = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: base(),
      payload: trialBody({
        rubric: [],
        bidIds: Array.from({ length: 6 }, () => crypto.randomUUID()),
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad).sort()).toEqual(['body.bidIds', 'body.rubric']);
  });
});

describe('a professional’s part', () => {
  it('accepts, uploads, submits before the deadline, and can resubmit until then', async () => {
    const trial = await createTrial();
    const mine = await as(pro, { method: 'GET', url: `/api/v1/trials/${trial.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json<MyTrial>().me.status).toBe('invited');

    const early = await as(pro, {
      method: 'PUT',
      url: `/api/v1/trials/${trial.id}/submission`,
      payload: { notes: 'x' },
    });
    expect(early.statusCode).toBe(409);

    await as(pro, { method: 'POST', url: `/api/v1/trials/${trial.id}/accept` });
    const file = await upload(trial.id, pro, 'my sketches, described');
    expect(file.statusCode, file.body).toBe(201);
    const empty = await as(pro, {
      method: 'PUT',
      url: `/api/v1/trials/${trial.id}/submission`,
      payload: {},
    });
    // A file alone is a submission.
    expect(empty.statusCode).toBe(200);
    expect(empty.json<MyTrial>().me).toMatchObject({ status: 'submitted', late: false });
    expect(empty.json<MyTrial>().me.files.map((f) => f.name)).toEqual(['work.txt']);

    ctx.clock.advance(HOUR);
    const resubmit = await as(pro, {
      method: 'PUT',
      url: `/api/v1/trials/${trial.id}/submission`,
      payload: { notes: 'Version two', links: ['https://example.com/v2'] },
    });
    expect(resubmit.statusCode).toBe(200);
    expect(resubmit.json<MyTrial>().me).toMatchObject({
      notes: 'Version two',
      links: ['https://example.com/v2'],
      late: false,
    });

    const submitted = await notificationsOf(cast.people.manager.id, 'trial.submitted');
    expect(submitted.length).toBeGreaterThan(0);
  });

  it('marks a first submission after the deadline late, by the clock, and keeps an on-time one as sent', async () => {
    const trial = await createTrial({
      deadline: new Date(ctx.clock.now().getTime() + 3 * HOUR).toISOString(),
    });
    await acceptAndSubmit(trial.id, pro, 'On time');
    await as(other, { method: 'POST', url: `/api/v1/trials/${trial.id}/accept` });

    ctx.clock.advance(3 * HOUR + 1000);
    const late = await as(other, {
      method: 'PUT',
      url: `/api/v1/trials/${trial.id}/submission`,
      payload: { notes: 'Sorry, late' },
    });
    expect(late.statusCode).toBe(200);
    expect(late.json<MyTrial>().me).toMatchObject({ status: 'submitted', late: true });

    const after = await as(pro, {
      method: 'PUT',
      url: `/api/v1/trials/${trial.id}/submission`,
      payload: { notes: 'Changed after the deadline' },
    });
    expect(after.statusCode).toBe(409);

    const list = await call(ctx, cast.people.viewer, { method: 'GET', url: base() });
    const seen = list.json<{ items: Trial[] }>().items.find((t) => t.id === trial.id)!;
    expect(seen.participants.map((p) => [p.professional.name, p.late, p.notes]).sort()).toEqual([
      ['A professional', false, 'On time'],
      ['Other Pro', true, 'Sorry, late'],
    ]);
  });

  it('declines with a reason the business reads', async () => {
    const trial = await createTrial();
    const res = await as(other, {
      method: 'POST',
      url: `/api/v1/trials/${trial.id}/decline`,
      payload: { reason: 'Fully booked this week' },
    });
    expect(res.statusCode).toBe(200);
    const list = await call(ctx, cast.people.owner, { method: 'GET', url: base() });
    const p = list
      .json<{ items: Trial[] }>()
      .items.find((t) => t.id === trial.id)!
      .participants.find((x) => x.professional.id === other.id)!;
    expect(p).toMatchObject({ status: 'declined', declineReason: 'Fully booked this week' });
  });
});

describe('sealed submissions', () => {
  it('gives another participant nothing of a submission, by any address', async () => {
    const marker = `SECRET-${crypto.randomUUID()}`;
    const trial = await createTrial();
    await as(pro, { method: 'POST', url: `/api/v1/trials/${trial.id}/accept` });
    const file = (await upload(trial.id, pro, marker)).json<{ id: string }>();
    await as(pro, {
      method: 'PUT',
      url: `/api/v1/trials/${trial.id}/submission`,
      payload: { notes: marker, links: [`https://example.com/${marker}`] },
    });
    const own = await as(pro, {
      method: 'GET',
      url: `/api/v1/trials/${trial.id}/files/${file.id}`,
    });
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe(marker);

    const attempts: { method: 'GET' | 'DELETE'; url: string }[] = [
      { method: 'GET', url: `/api/v1/trials/${trial.id}` },
      { method: 'GET', url: '/api/v1/me/trials' },
      { method: 'GET', url: `/api/v1/trials/${trial.id}/files/${file.id}` },
      { method: 'DELETE', url: `/api/v1/trials/${trial.id}/files/${file.id}` },
      { method: 'GET', url: `${base()}/${trial.id}/files/${file.id}` },
      { method: 'GET', url: base() },
      { method: 'GET', url: `/api/v1/notifications` },
    ];
    for (const options of attempts) {
      const res = await as(other, options);
      expect(res.body, `${options.method} ${options.url}`).not.toContain(marker);
      if (options.url.includes('/files/')) expect(res.statusCode).toBe(404);
    }
    // Someone not in the trial at all does not learn it exists.
    const outsider = await buildUser(ctx, { professional: true });
    expect(
      (await as(outsider, { method: 'GET', url: `/api/v1/trials/${trial.id}` })).statusCode,
    ).toBe(404);
    // The file is still there for its owner: the other's DELETE did nothing.
    expect(
      (await as(pro, { method: 'GET', url: `/api/v1/trials/${trial.id}/files/${file.id}` }))
        .statusCode,
    ).toBe(200);
  });
});

describe('scoring', () => {
  it('weights 0–5 points into 0–100, stored where the shortlist reads it', async () => {
    const trial = await createTrial();
    await acceptAndSubmit(trial.id, pro, 'Done');
    const url = `${base()}/${trial.id}/participants/${pro.id}/score`;
    const res = await call(ctx, cast.people.manager, {
      method: 'PUT',
      url,
      payload: { criterionScores: { c1: 4, c2: 2 }, comment: 'Strong first direction' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // (4/5 × 3 + 2/5 × 1) / 4 = 70 %.
    expect(res.json<TrialParticipant>()).toMatchObject({
      score: 70,
      criterionScores: { c1: 4, c2: 2 },
      scoreComment: 'Strong first direction',
    });
    const [row] = await ctx.db
      .select({ score: trialParticipants.score })
      .from(trialParticipants)
      .where(
        and(eq(trialParticipants.trialId, trial.id), eq(trialParticipants.professionalId, pro.id)),
      );
    expect(row?.score).toBe(70);
    // The professional never sees the business's score or comment.
    const mine = await as(pro, { method: 'GET', url: `/api/v1/trials/${trial.id}` });
    expect(mine.body).not.toContain('Strong first direction');
    expect(mine.json()).not.toHaveProperty('me.score');
  });

  it('names each criterion left out or unknown, and refuses to score what was not submitted', async () => {
    const trial = await createTrial();
    await acceptAndSubmit(trial.id, pro, 'Done');
    const bad = await call(ctx, cast.people.owner, {
      method: 'PUT',
      url: `${base()}/${trial.id}/participants/${pro.id}/score`,
      payload: { criterionScores: { c1: 4, zz: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad).sort()).toEqual(['body.criterionScores.c2', 'body.criterionScores.zz']);
    const outOfRange = await call(ctx, cast.people.owner, {
      method: 'PUT',
      url: `${base()}/${trial.id}/participants/${pro.id}/score`,
      payload: { criterionScores: { c1: 6, c2: 1 } },
    });
    expect(outOfRange.statusCode).toBe(400);
    const notYet = await call(ctx, cast.people.owner, {
      method: 'PUT',
      url: `${base()}/${trial.id}/participants/${other.id}/score`,
      payload: { criterionScores: { c1: 4, c2: 1 } },
    });
    expect(notYet.statusCode).toBe(409);
  });
});

describe('cancelling', () => {
  it('tells the participants and refuses further work', async () => {
    const trial = await createTrial();
    await as(pro, { method: 'POST', url: `/api/v1/trials/${trial.id}/accept` });
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/${trial.id}/cancel`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Trial>().cancelledAt).not.toBeNull();
    expect((await notificationsOf(pro.id, 'trial.cancelled')).length).toBeGreaterThan(0);
    const submit = await as(pro, {
      method: 'PUT',
      url: `/api/v1/trials/${trial.id}/submission`,
      payload: { notes: 'anyway' },
    });
    expect(submit.statusCode).toBe(409);
    const again = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/${trial.id}/cancel`,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('deadline reminders', () => {
  it('reminds, 24 h and 2 h before, only who accepted and has not submitted — once each', async () => {
    const waiting = await buildUser(ctx, { professional: true, name: 'Waiting Pro' });
    const done = await buildUser(ctx, { professional: true, name: 'Done Pro' });
    const declined = await buildUser(ctx, { professional: true, name: 'Declined Pro' });
    const ids = await Promise.all(
      [waiting, done, declined].map(
        async (u) =>
          (await buildBid(ctx, { jobId, professionalId: u.id, status: 'shortlisted' })).id,
      ),
    );
    const trial = await createTrial({ bidIds: ids });
    await as(waiting, { method: 'POST', url: `/api/v1/trials/${trial.id}/accept` });
    await acceptAndSubmit(trial.id, done, 'Finished early');
    await as(declined, { method: 'POST', url: `/api/v1/trials/${trial.id}/decline`, payload: {} });

    const reminders = async (u: TestUser) => (await notificationsOf(u.id, 'trial.reminder')).length;
    await ctx.runJobs();
    expect(await reminders(waiting)).toBe(0);

    ctx.clock.advance(24 * HOUR + 60_000);
    await ctx.runJobs();
    await ctx.runJobs();
    expect([await reminders(waiting), await reminders(done), await reminders(declined)]).toEqual([
      1, 0, 0,
    ]);

    ctx.clock.advance(22 * HOUR);
    await ctx.runJobs();
    expect(await reminders(waiting)).toBe(2);
    ctx.clock.advance(3 * HOUR);
    await ctx.runJobs();
    expect(await reminders(waiting)).toBe(2);
  });

  it('sends nothing for a cancelled trial', async () => {
    const trial = await createTrial();
    await as(pro, { method: 'POST', url: `/api/v1/trials/${trial.id}/accept` });
    const before = (await notificationsOf(pro.id, 'trial.reminder')).length;
    await call(ctx, cast.people.owner, { method: 'POST', url: `${base()}/${trial.id}/cancel` });
    ctx.clock.advance(47 * HOUR);
    await ctx.runJobs();
    expect((await notificationsOf(pro.id, 'trial.reminder')).length).toBe(before);
  });
});

describe('role matrices', () => {
  /** The professional's routes: the participant (the cast's professional) only; anyone else 404. */
  const participantOnly = (ok: number) => ({
    anonymous: 401,
    owner: 404,
    manager: 404,
    viewer: 404,
    otherBusiness: 404,
    professional: ok,
    admin: 404,
  });

  it('business reads: every member (bids.read)', async () => {
    const trial = await createTrial();
    await acceptAndSubmit(trial.id, pro, 'Done');
    const file = (await upload(trial.id, pro, 'file')).json<{ id: string }>();
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: base() }), 200);
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: `${base()}/candidates` }), 200);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `${base()}/${trial.id}/files/${file.id}` }),
      200,
    );
  });

  it('business writes: owners and managers (trials.manage)', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: base(), payload: trialBody() }),
      201,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'POST', url: `${base()}/${(await createTrial()).id}/cancel` }),
      200,
    );
    const trial = await createTrial();
    await acceptAndSubmit(trial.id, pro, 'Done');
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: `${base()}/${trial.id}/participants/${pro.id}/score`,
        payload: { criterionScores: { c1: 3, c2: 3 } },
      }),
      200,
    );
  });

  it('the professional’s routes: their own participation only', async () => {
    const fresh = async () => (await createTrial()).id;
    const trialId = await fresh();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/trials/${trialId}` }),
      participantOnly(200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: `/api/v1/trials/${trialId}/accept` }),
      participantOnly(200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: `/api/v1/trials/${trialId}/submission`,
        payload: { notes: 'Work' },
      }),
      participantOnly(200),
    );
    const upload = (role: RoleName): InjectOptions => ({
      method: 'POST',
      url: `/api/v1/trials/${trialId}/files?name=${role}.txt`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`from ${role}`),
    });
    await expectRoleMatrix(ctx, cast, upload, participantOnly(201));
    const fileId = (await as(pro, upload('professional'))).json<{ id: string }>().id;
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/trials/${trialId}/files/${fileId}` }),
      participantOnly(200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      // The professional comes after every outsider in the matrix, so the file is still there.
      () => ({ method: 'DELETE', url: `/api/v1/trials/${trialId}/files/${fileId}` }),
      participantOnly(204),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'POST', url: `/api/v1/trials/${await fresh()}/decline`, payload: {} }),
      participantOnly(200),
    );
    // Everyone signed in has a list of their own trials (empty for the business's people).
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/me/trials' }), 200);
  });
});
