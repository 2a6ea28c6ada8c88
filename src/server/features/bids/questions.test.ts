import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { BusinessQuestion, JobQuestions, MyQuestion } from '../../../core/contracts/bids.ts';
import type { Visibility } from '../../../core/jobs.ts';
import { notifications } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const openJob = (visibility: Visibility = 'public') =>
  buildJob(ctx, { businessId: cast.businessId, createdBy: cast.people.owner.id, visibility });

const ask = (who: TestUser | null, jobId: string, question: string) =>
  call(ctx, who, {
    method: 'POST',
    url: `/api/v1/jobs/${jobId}/questions`,
    payload: { question },
  });
const answerUrl = (jobId: string, questionId: string) =>
  `/api/v1/businesses/${cast.businessId}/jobs/${jobId}/questions/${questionId}/answer`;
const answer = (who: TestUser, jobId: string, questionId: string, text: string) =>
  call(ctx, who, { method: 'PUT', url: answerUrl(jobId, questionId), payload: { answer: text } });

describe('clarification questions', () => {
  it('a professional asks, the business answers, every reader sees the answer — and nobody but the asker learns who asked', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await openJob();
    const asker = await buildUser(ctx, {
      professional: true,
      name: 'Zelda Uniquename',
      email: 'zelda-asker@test.example',
    });
    await buildBid(ctx, { jobId: job.id, professionalId: asker.id });
    const asked = await ask(asker, job.id, 'Do you already have a domain name?');
    expect(asked.statusCode, asked.body).toBe(201);
    const question = asked.json<MyQuestion>();
    expect(question).toMatchObject({ answer: null, createdAt: '2026-07-14T09:00:00.000Z' });

    // The business's writers hear of it; the link is the questions page.
    const toldBusiness = await ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.type, 'question.asked'));
    expect(toldBusiness.map((n) => n.userId).sort()).toEqual(
      [cast.people.owner.id, cast.people.manager.id].sort(),
    );
    expect(toldBusiness[0]?.link).toBe(
      `/app/businesses/${cast.businessId}/jobs/${job.id}/questions`,
    );

    // Not shown to others before it is answered.
    const before = await call(ctx, null, {
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/questions`,
    });
    expect(before.json()).toEqual({ items: [], mine: [] });

    const forBusiness = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `/api/v1/businesses/${cast.businessId}/jobs/${job.id}/questions`,
    });
    expect(forBusiness.json<{ items: BusinessQuestion[] }>().items).toEqual([
      {
        id: question.id,
        question: 'Do you already have a domain name?',
        answer: null,
        askerHasBid: true,
        createdAt: '2026-07-14T09:00:00.000Z',
        answeredAt: null,
      },
    ]);

    ctx.clock.set('2026-07-14T10:00:00Z');
    const answered = await answer(cast.people.manager, job.id, question.id, 'Yes: bakery.pt');
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      answer: 'Yes: bakery.pt',
      answeredAt: '2026-07-14T10:00:00.000Z',
    });

    const toldAsker = await ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, asker.id));
    expect(toldAsker.map((n) => [n.type, n.body, n.link])).toEqual([
      ['question.answered', 'Yes: bakery.pt', `/jobs/${job.id}`],
    ]);

    const everyone = await call(ctx, null, {
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/questions`,
    });
    expect(everyone.json<JobQuestions>()).toEqual({
      items: [
        {
          id: question.id,
          question: 'Do you already have a domain name?',
          answer: 'Yes: bakery.pt',
          answeredAt: '2026-07-14T10:00:00.000Z',
        },
      ],
      mine: [],
    });
    const own = await call(ctx, asker, { method: 'GET', url: `/api/v1/jobs/${job.id}/questions` });
    expect(own.json<JobQuestions>().mine.map((q) => q.id)).toEqual([question.id]);

    // The asker's id, name and address appear in no answer to anyone else, the business included.
    const other = await buildUser(ctx, { professional: true });
    const responses = [everyone, forBusiness, answered];
    for (const who of [other, cast.people.owner, cast.people.viewer, cast.people.admin]) {
      responses.push(
        await call(ctx, who, { method: 'GET', url: `/api/v1/jobs/${job.id}/questions` }),
      );
    }
    responses.push(
      await call(ctx, cast.people.owner, {
        method: 'GET',
        url: `/api/v1/businesses/${cast.businessId}/jobs/${job.id}/questions`,
      }),
    );
    for (const res of responses) {
      expect(res.statusCode).toBe(200);
      for (const marker of [asker.id, 'Zelda', 'Uniquename', 'zelda-asker'])
        expect(res.body).not.toContain(marker);
    }
    // Nor in what the business's members were notified of.
    for (const n of toldBusiness) expect(JSON.stringify(n)).not.toMatch(/Zelda|zelda-asker/);
  });

  it('correcting an answer does not notify the asker again', async () => {
    const job = await openJob();
    const asker = await buildUser(ctx, { professional: true });
    const q = (await ask(asker, job.id, 'Which fonts?')).json<MyQuestion>();
    await answer(cast.people.owner, job.id, q.id, 'Any');
    const again = await answer(cast.people.owner, job.id, q.id, 'Any serif');
    expect(again.json()).toMatchObject({ answer: 'Any serif', askerHasBid: false });
    const told = await ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, asker.id));
    expect(told).toHaveLength(1);
  });

  it('refuses an empty question or answer naming the field, and questions on jobs one cannot read', async () => {
    const job = await openJob();
    const asker = await buildUser(ctx, { professional: true });
    const empty = await ask(asker, job.id, '   ');
    expect(empty.statusCode).toBe(400);
    expect(errorPaths(empty)).toEqual(['body.question']);
    const hidden = await openJob('invite-only');
    expect((await ask(asker, hidden.id, 'Hello?')).statusCode).toBe(404);
    expect(
      (await call(ctx, asker, { method: 'GET', url: `/api/v1/jobs/${hidden.id}/questions` }))
        .statusCode,
    ).toBe(404);
    const q = (await ask(asker, job.id, 'Logo size?')).json<MyQuestion>();
    const blank = await answer(cast.people.owner, job.id, q.id, '');
    expect(blank.statusCode).toBe(400);
    expect(errorPaths(blank)).toEqual(['body.answer']);
    // A question of another job through this job's address is a 404.
    const otherJob = await openJob();
    expect((await answer(cast.people.owner, otherJob.id, q.id, 'x')).statusCode).toBe(404);
  });

  it('role matrices', async () => {
    const job = await openJob();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: `/api/v1/jobs/${job.id}/questions`,
        payload: { question: 'Q?' },
      }),
      {
        ok: 201,
        except: { owner: 403, manager: 403, viewer: 403 },
        why: 'the business answers questions; it does not ask them',
      },
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/jobs/${job.id}/questions` }),
      200,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'GET',
        url: `/api/v1/businesses/${cast.businessId}/jobs/${job.id}/questions`,
      }),
      200,
    );
    const asker = await buildUser(ctx, { professional: true });
    const q = (await ask(asker, job.id, 'Q?')).json<MyQuestion>();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PUT', url: answerUrl(job.id, q.id), payload: { answer: 'A.' } }),
      200,
    );
  });
});
