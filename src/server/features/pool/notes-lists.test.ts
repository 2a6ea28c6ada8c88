/**
 * A business's private notes and tags on professionals, saved lists, and inviting a
 * professional to a job from their profile. Notes and tags are the business's alone: a marker
 * written into them appears in no answer to anyone outside it, on any route of the feature.
 */
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobsUrl } from '../../../../test/business-jobs.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { BASE_URL, call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { lastMailTo, linkIn } from '../../../../test/mailbox.ts';
import {
  buildCast,
  expectRoleMatrix,
  ROLES,
  type Cast,
  type RoleName,
} from '../../../../test/role-matrix.ts';
import { professionalProfiles } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const owner = () => cast.people.owner;
const biz = (rest: string) => `/api/v1/businesses/${cast.businessId}${rest}`;
const noteUrl = (userId: string) => biz(`/pool/professionals/${userId}`);

async function newList(name = 'Bookkeepers for spring') {
  const res = await call(ctx, owner(), { method: 'POST', url: biz('/lists'), payload: { name } });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('private notes and tags on a professional', () => {
  it('are empty until written, then read back by every member', async () => {
    const pro = await buildUser(ctx, { professional: true, name: 'Rita Pro' });
    const empty = await call(ctx, cast.people.viewer, { method: 'GET', url: noteUrl(pro.id) });
    expect(empty.json()).toEqual({
      professional: { id: pro.id, name: 'Rita Pro' },
      notes: '',
      tags: [],
      inPool: false,
      updatedAt: null,
    });
    ctx.clock.set('2026-07-14T09:00:00Z');
    const put = await call(ctx, cast.people.manager, {
      method: 'PUT',
      url: noteUrl(pro.id),
      payload: { notes: 'Quick and careful.', tags: ['Tax'], inPool: true },
    });
    expect(put.statusCode).toBe(200);
    const read = await call(ctx, cast.people.viewer, { method: 'GET', url: noteUrl(pro.id) });
    expect(read.json()).toEqual({
      professional: { id: pro.id, name: 'Rita Pro' },
      notes: 'Quick and careful.',
      tags: ['tax'],
      inPool: true,
      updatedAt: '2026-07-14T09:00:00.000Z',
    });
    const pool = await call(ctx, owner(), { method: 'GET', url: biz('/pool?tag=tax') });
    expect(pool.json().items).toMatchObject([
      { professional: { id: pro.id, name: 'Rita Pro' }, invitation: 'none', inPool: true },
    ]);
  });

  it('answer 404 for someone with no professional profile', async () => {
    const client = await buildUser(ctx);
    for (const method of ['GET', 'PUT'] as const) {
      const res = await call(ctx, owner(), {
        method,
        url: noteUrl(client.id),
        ...(method === 'PUT' && { payload: { notes: 'x', tags: [] } }),
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it('role matrix GET (members) and PUT (owners and managers)', async () => {
    const pro = cast.people.professional;
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: noteUrl(pro.id) }), 200);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PUT', url: noteUrl(pro.id), payload: { notes: 'm', tags: [] } }),
      200,
    );
  });

  it('never reach anyone outside the business: a marker in notes and tags appears in no answer to them', async () => {
    const marker = 'zqx-private-marker-7731';
    const pro = cast.people.professional;
    await call(ctx, owner(), {
      method: 'PUT',
      url: noteUrl(pro.id),
      payload: { notes: `Rate is negotiable ${marker}`, tags: [marker], inPool: true },
    });
    const contactEmail = 'marker.contact@test.example';
    const added = await call(ctx, owner(), {
      method: 'POST',
      url: biz('/pool/contacts'),
      payload: { name: 'Marked Contact', email: contactEmail, notes: marker, tags: [marker] },
    });
    expect(added.statusCode).toBe(201);
    expect(added.body).not.toContain(marker);
    const token = linkIn((await lastMailTo(ctx, contactEmail)).text, `${BASE_URL}/join/`)
      .pathname.split('/')
      .pop();
    const listId = await newList();
    await call(ctx, owner(), { method: 'PUT', url: biz(`/lists/${listId}/items/${pro.id}`) });
    // Members do see it (so the marker is really there to be found).
    const mine = await call(ctx, cast.people.viewer, { method: 'GET', url: biz('/pool') });
    expect(mine.body).toContain(marker);

    const reads: (InjectOptions & { url: string })[] = [
      { method: 'GET', url: biz('/pool') },
      { method: 'GET', url: biz(`/pool?tag=${marker}`) },
      { method: 'GET', url: noteUrl(pro.id) },
      { method: 'GET', url: biz('/lists') },
      { method: 'GET', url: biz(`/lists?professional=${pro.id}`) },
      { method: 'GET', url: biz(`/lists/${listId}`) },
      { method: 'GET', url: `/api/v1/pool/invitations/${token}` },
      { method: 'GET', url: '/api/v1/me' },
      { method: 'GET', url: '/api/v1/me/job-invitations' },
      { method: 'GET', url: '/api/v1/notifications' },
    ];
    const outsiders: (RoleName & ('anonymous' | 'otherBusiness' | 'professional' | 'admin'))[] = [
      'anonymous',
      'otherBusiness',
      'professional',
      'admin',
    ];
    expect(ROLES).toEqual(expect.arrayContaining(outsiders));
    for (const role of outsiders) {
      const who: TestUser | null = role === 'anonymous' ? null : cast.people[role];
      for (const request of reads) {
        const res = await call(ctx, who, request);
        expect(res.body, `${role} ${request.method} ${request.url}`).not.toContain(marker);
      }
    }
    // The invited person, once joined, does not read the business's notes either.
    const joiner = await buildUser(ctx, { professional: true });
    const joined = await call(ctx, joiner, {
      method: 'POST',
      url: `/api/v1/pool/invitations/${token}/accept`,
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.body).not.toContain(marker);
  });
});

describe('saved lists', () => {
  it('creates, renames, adds and removes professionals, shows headline and rate, deletes', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const listId = await newList('Spring');
    const [a, b] = [
      await buildUser(ctx, { professional: true, name: 'Ana' }),
      await buildUser(ctx, { professional: true, name: 'Bo' }),
    ];
    await ctx.db
      .update(professionalProfiles)
      .set({ headline: 'Bookkeeper', hourlyRateAmount: 4500, hourlyRateCurrency: 'EUR' })
      .where(eq(professionalProfiles.userId, a.id));
    for (const pro of [a, b, a]) {
      const res = await call(ctx, cast.people.manager, {
        method: 'PUT',
        url: biz(`/lists/${listId}/items/${pro.id}`),
      });
      expect(res.statusCode).toBe(200);
    }
    const renamed = await call(ctx, owner(), {
      method: 'PATCH',
      url: biz(`/lists/${listId}`),
      payload: { name: 'Spring taxes' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Spring taxes', count: 2 });
    const read = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: biz(`/lists/${listId}`),
    });
    expect(read.json()).toMatchObject({
      name: 'Spring taxes',
      count: 2,
      items: [
        {
          professional: { id: a.id, name: 'Ana', headline: 'Bookkeeper' },
          rate: { amount: 4500, currency: 'EUR' },
        },
        { professional: { id: b.id, name: 'Bo', headline: '' }, rate: null },
      ],
    });
    const holding = await call(ctx, owner(), {
      method: 'GET',
      url: biz(`/lists?professional=${b.id}`),
    });
    expect(holding.json().items.find((l: { id: string }) => l.id === listId)).toMatchObject({
      contains: true,
    });
    const off = await call(ctx, owner(), {
      method: 'DELETE',
      url: biz(`/lists/${listId}/items/${b.id}`),
    });
    expect(off.statusCode).toBe(204);
    const again = await call(ctx, owner(), {
      method: 'DELETE',
      url: biz(`/lists/${listId}/items/${b.id}`),
    });
    expect(again.statusCode).toBe(404);
    const client = await buildUser(ctx);
    const notPro = await call(ctx, owner(), {
      method: 'PUT',
      url: biz(`/lists/${listId}/items/${client.id}`),
    });
    expect(notPro.statusCode).toBe(404);
    expect(
      (await call(ctx, owner(), { method: 'DELETE', url: biz(`/lists/${listId}`) })).statusCode,
    ).toBe(204);
    expect(
      (await call(ctx, owner(), { method: 'GET', url: biz(`/lists/${listId}`) })).statusCode,
    ).toBe(404);
  });

  it('refuses an empty name naming body.name', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: biz('/lists'),
      payload: { name: ' ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.name']);
  });

  it.each([
    ['GET', '/lists', 200],
    ['POST', '/lists', 201],
    ['GET', '/lists/:id', 200],
    ['PATCH', '/lists/:id', 200],
    ['DELETE', '/lists/:id', 204],
    ['PUT', '/lists/:id/items/:pro', 200],
    ['DELETE', '/lists/:id/items/:pro', 204],
  ] as const)('role matrix %s …%s', async (method, path, ok) => {
    const pro = cast.people.professional;
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const listId = await newList();
        if (path.endsWith(':pro') && method === 'DELETE')
          await call(ctx, owner(), { method: 'PUT', url: biz(`/lists/${listId}/items/${pro.id}`) });
        return {
          method,
          url: biz(path.replace(':id', listId).replace(':pro', pro.id)),
          ...((method === 'POST' || method === 'PATCH') && { payload: { name: 'Matrix' } }),
        };
      },
      ok,
    );
  });
});

describe('POST …/pool/professionals/:userId/job-invitations', () => {
  it('invites the professional to an open job; a draft is refused with what to do', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const job = await buildJob(ctx, { businessId: cast.businessId, createdBy: owner().id });
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: biz(`/pool/professionals/${pro.id}/job-invitations`),
      payload: { jobId: job.id },
    });
    expect(res.statusCode).toBe(202);
    const listed = await call(ctx, owner(), {
      method: 'GET',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
    });
    expect(
      listed.json().items.map((i: { professional: { id: string } }) => i.professional.id),
    ).toEqual([pro.id]);
    const draft = await buildJob(ctx, {
      businessId: cast.businessId,
      createdBy: owner().id,
      status: 'draft',
    });
    const refused = await call(ctx, owner(), {
      method: 'POST',
      url: biz(`/pool/professionals/${pro.id}/job-invitations`),
      payload: { jobId: draft.id },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('role matrix: owners and managers; viewers 403; outsiders 404', async () => {
    const job = await buildJob(ctx, { businessId: cast.businessId, createdBy: owner().id });
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: biz(
          `/pool/professionals/${(await buildUser(ctx, { professional: true })).id}/job-invitations`,
        ),
        payload: { jobId: job.id },
      }),
      202,
    );
  });
});
