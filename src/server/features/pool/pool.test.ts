/**
 * The private pool: people met elsewhere, invited by e-mail whether or not they have an account,
 * joining through the link; job invitations to addresses with no account, claimed only once
 * the address is verified.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { jobsUrl } from '../../../../test/business-jobs.ts';
import { buildUser } from '../../../../test/factories.ts';
import {
  BASE_URL,
  call,
  cookieFrom,
  createTestContext,
  ORIGIN,
  type Principal,
  type TestContext,
} from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { lastMailTo, linkIn, mailTo } from '../../../../test/mailbox.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { TalentContact } from '../../../core/contracts/pool.ts';
import { jobInvitations, talentContacts } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const owner = () => cast.people.owner;
const poolUrl = (rest = '') => `/api/v1/businesses/${cast.businessId}/pool${rest}`;
const newAddress = () => `outside-${randomBytes(4).toString('hex')}@test.example`;
const JOIN_LINK = `${BASE_URL}/join/`;

const addContact = (payload: object, who: Principal = owner()) =>
  call(ctx, who, { method: 'POST', url: poolUrl('/contacts'), payload });

/** Adds a contact as the owner and returns its id and the token e-mailed to it. */
async function invited(email = newAddress(), name = 'Outside Olga') {
  const res = await addContact({ name, email });
  expect(res.statusCode).toBe(201);
  const link = linkIn((await lastMailTo(ctx, email)).text, JOIN_LINK);
  return { id: res.json().id as string, email, token: link.pathname.split('/').pop() ?? '' };
}

async function listPool(query = ''): Promise<TalentContact[]> {
  const res = await call(ctx, owner(), { method: 'GET', url: poolUrl(query) });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

/** Signs up through better-auth as a browser would; the address is not verified yet. */
async function signUp(email: string, name = 'Olga Outside') {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: ORIGIN },
    payload: { name, email, password: 'correct-horse-battery-staple' },
  });
  expect(res.statusCode).toBe(200);
  return { cookie: cookieFrom(res), id: res.json().user.id as string };
}

/** Follows the verification link from the dev mailbox. */
async function verify(email: string) {
  const mails = await mailTo(ctx, email);
  const message = mails.find((m) => m.subject === 'Confirm your e-mail address for Handoff');
  if (!message) throw new Error(`no verification e-mail to ${email}`);
  const link = linkIn(message.text, `${ORIGIN}/api/auth/verify-email?`);
  const res = await ctx.app.inject({ method: 'GET', url: link.pathname + link.search });
  expect(res.statusCode).toBeLessThan(400);
}

describe('POST …/pool/contacts', () => {
  it('records the contact in the pool and e-mails a join link; the list shows the invitation', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const email = newAddress();
    const res = await addContact({
      name: 'Olga Outside',
      email: email.toUpperCase(),
      externalUrl: 'https://example.org/olga',
      notes: 'Met on another site; great at bookkeeping.',
      tags: ['Bookkeeping', 'bookkeeping', 'met-at-fair'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      email,
      invitedAt: '2026-07-14T09:00:00.000Z',
    });
    const mail = await lastMailTo(ctx, email);
    expect(mail.subject).toBe('Test Bakery invited you to work with them on Handoff');
    expect(mail.text).toContain('Hello Olga Outside');
    expect(linkIn(mail.text, JOIN_LINK).pathname).toMatch(/^\/join\/hpi_[\w-]{43}$/);

    const contact = (await listPool()).find((c) => c.id === res.json().id);
    expect(contact).toMatchObject({
      name: 'Olga Outside',
      email,
      externalUrl: 'https://example.org/olga',
      tags: ['bookkeeping', 'met-at-fair'],
      inPool: true,
      professional: null,
      invitation: 'invited',
      joinedAt: null,
    });
  });

  it('answers the same (status and body shape) for an address with an account and one without', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const shapes = [];
    for (const email of [pro.email, newAddress()]) {
      const res = await addContact({ name: 'Someone', email });
      shapes.push({
        status: res.statusCode,
        keys: Object.keys(res.json()).sort(),
        email: res.json().email === email,
      });
      expect(await mailTo(ctx, email)).toHaveLength(1);
    }
    expect(shapes[0]).toEqual(shapes[1]);
    // Nor does the pool tell: the professional shows only once they follow the link.
    const listed = (await listPool()).filter((c) => c.name === 'Someone');
    expect(listed.map((c) => [c.professional, c.invitation])).toEqual([
      [null, 'invited'],
      [null, 'invited'],
    ]);
  });

  it('answers 409 for an address already in the pool, and 400 naming each bad field', async () => {
    const { email } = await invited();
    const again = await addContact({ name: 'Again', email });
    expect(again.statusCode).toBe(409);
    const bad = await addContact({
      name: '',
      email: 'not an address',
      externalUrl: 'javascript:alert(1)',
      tags: ['x'.repeat(41)],
    });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad).sort()).toEqual([
      'body.email',
      'body.externalUrl',
      'body.name',
      'body.tags.0',
    ]);
  });

  it('role matrix: owners and managers add; viewers 403; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: poolUrl('/contacts'),
        payload: { name: 'Matrix', email: newAddress() },
      }),
      201,
    );
  });
});

describe('re-send, revoke, edit and remove', () => {
  it('re-sends with a new link (the old one stops working), revokes, edits notes and tags, removes', async () => {
    const { id, email, token } = await invited();
    const resent = await call(ctx, owner(), {
      method: 'POST',
      url: poolUrl(`/contacts/${id}/invitation`),
    });
    expect(resent.statusCode).toBe(200);
    expect(resent.json().invitation).toBe('invited');
    const fresh = linkIn((await lastMailTo(ctx, email)).text, JOIN_LINK).pathname.split('/')[2];
    expect(fresh).not.toBe(token);
    expect(
      (await call(ctx, null, { method: 'GET', url: `/api/v1/pool/invitations/${token}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, null, { method: 'GET', url: `/api/v1/pool/invitations/${fresh}` }))
        .statusCode,
    ).toBe(200);

    const revoked = await call(ctx, owner(), {
      method: 'DELETE',
      url: poolUrl(`/contacts/${id}/invitation`),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().invitation).toBe('revoked');
    expect(
      (await call(ctx, null, { method: 'GET', url: `/api/v1/pool/invitations/${fresh}` }))
        .statusCode,
    ).toBe(404);
    const twice = await call(ctx, owner(), {
      method: 'DELETE',
      url: poolUrl(`/contacts/${id}/invitation`),
    });
    expect(twice.statusCode).toBe(409);

    const edited = await call(ctx, owner(), {
      method: 'PATCH',
      url: poolUrl(`/contacts/${id}`),
      payload: { notes: 'Call after the summer', tags: ['Later'] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ notes: 'Call after the summer', tags: ['later'] });
    expect((await listPool('?tag=later')).map((c) => c.id)).toEqual([id]);

    const url = poolUrl(`/contacts/${id}`);
    expect((await call(ctx, owner(), { method: 'DELETE', url })).statusCode).toBe(204);
    expect((await call(ctx, owner(), { method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('an invitation link expires after 30 days', async () => {
    ctx.clock.set('2026-07-01T09:00:00Z');
    const { token, email } = await invited();
    ctx.clock.set('2026-07-30T09:00:00Z');
    const open = await call(ctx, null, { method: 'GET', url: `/api/v1/pool/invitations/${token}` });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({
      businessName: 'Test Bakery',
      name: 'Outside Olga',
      email,
      expiresAt: '2026-07-31T09:00:00.000Z',
    });
    ctx.clock.set('2026-07-31T09:00:00Z');
    expect(
      (await call(ctx, null, { method: 'GET', url: `/api/v1/pool/invitations/${token}` }))
        .statusCode,
    ).toBe(404);
  });

  it('another business’s contact is a 404 on every route', async () => {
    const { id } = await invited();
    const other = cast.people.otherBusiness;
    for (const [method, rest] of [
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/invitation'],
      ['DELETE', '/invitation'],
    ] as const) {
      const res = await call(ctx, other, {
        method,
        url: poolUrl(`/contacts/${id}${rest}`),
        ...(method === 'PATCH' && { payload: { notes: 'x' } }),
      });
      expect(res.statusCode, `${method} ${rest}`).toBe(404);
    }
  });

  it.each([
    ['GET', '', 200],
    ['PATCH', '/contacts/:id', 200],
    ['DELETE', '/contacts/:id', 204],
    ['POST', '/contacts/:id/invitation', 200],
    ['DELETE', '/contacts/:id/invitation', 200],
  ] as const)('role matrix %s …/pool%s', async (method, rest, ok) => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const { id } = await invited();
        return {
          method,
          url: poolUrl(rest.replace(':id', id)),
          ...(method === 'PATCH' && { payload: { notes: 'matrix' } }),
        };
      },
      ok,
    );
  });
});

describe('joining through the link', () => {
  it('role matrix: the preview is public; accepting needs a signed-in caller', async () => {
    const { token } = await invited();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/pool/invitations/${token}` }),
      200,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const fresh = await invited();
        return { method: 'POST', url: `/api/v1/pool/invitations/${fresh.token}/accept` };
      },
      200,
    );
  });

  it('an outside freelancer signs up with the invited address, verifies it, and finds the job invitation and the pool waiting', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const job = await buildJob(ctx, {
      businessId: cast.businessId,
      createdBy: owner().id,
      visibility: 'invite-only',
    });
    const { email, id: contactId, token } = await invited(newAddress(), 'Freya Freelance');
    const inviteRes = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
      payload: { email },
    });
    expect(inviteRes.statusCode).toBe(202);

    const person = await signUp(email, 'Freya Freelance');
    // Not verified yet: nothing is claimed, and the pool cannot be joined.
    expect(
      await ctx.db.select().from(jobInvitations).where(eq(jobInvitations.userId, person.id)),
    ).toEqual([]);
    const early = await call(ctx, person, {
      method: 'POST',
      url: `/api/v1/pool/invitations/${token}/accept`,
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().type).toBe('https://handoff.dev/problems/email-not-verified');

    await verify(email);
    const mine = await call(ctx, person, { method: 'GET', url: '/api/v1/me/job-invitations' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const brief = await call(ctx, person, { method: 'GET', url: `/api/v1/jobs/${job.id}` });
    expect(brief.statusCode).toBe(200);
    const listed = await call(ctx, owner(), {
      method: 'GET',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
    });
    expect(listed.json()).toMatchObject({
      items: [{ professional: { id: person.id, email }, invitedAt: '2026-07-14T09:00:00.000Z' }],
      pending: [],
    });

    ctx.clock.set('2026-07-15T09:00:00Z');
    const joined = await call(ctx, person, {
      method: 'POST',
      url: `/api/v1/pool/invitations/${token}/accept`,
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toEqual({ businessName: 'Test Bakery', jobInvitations: 0 });
    const record = (await listPool()).find((c) => c.id === contactId);
    expect(record).toMatchObject({
      invitation: 'joined',
      joinedAt: '2026-07-15T09:00:00.000Z',
      inPool: true,
      professional: { id: person.id, name: 'Freya Freelance' },
    });
    // The link is used up.
    const reuse = await call(ctx, person, {
      method: 'POST',
      url: `/api/v1/pool/invitations/${token}/accept`,
    });
    expect(reuse.statusCode).toBe(404);
  });

  it('never claims a job invitation for an address that is not verified', async () => {
    const job = await buildJob(ctx, { businessId: cast.businessId, createdBy: owner().id });
    const email = newAddress();
    await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
      payload: { email },
    });
    const person = await signUp(email);
    // Signing in, changing the name: still unverified, still waiting.
    await call(ctx, person, { method: 'PATCH', url: '/api/v1/me', payload: { name: 'Renamed' } });
    expect(
      await ctx.db.select().from(jobInvitations).where(eq(jobInvitations.userId, person.id)),
    ).toEqual([]);
    const listed = await call(ctx, owner(), {
      method: 'GET',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
    });
    expect(listed.json().pending.map((p: { email: string }) => p.email)).toEqual([email]);
  });

  it('following the link mailed to the invited address claims its job invitations for an account under another address', async () => {
    const job = await buildJob(ctx, { businessId: cast.businessId, createdBy: owner().id });
    const { email, token } = await invited();
    await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId, job.id, '/invitations'),
      payload: { email },
    });
    const someone = await buildUser(ctx, { professional: true });
    const res = await call(ctx, someone, {
      method: 'POST',
      url: `/api/v1/pool/invitations/${token}/accept`,
    });
    expect(res.json()).toEqual({ businessName: 'Test Bakery', jobInvitations: 1 });
    const rows = await ctx.db
      .select()
      .from(jobInvitations)
      .where(and(eq(jobInvitations.jobId, job.id), eq(jobInvitations.userId, someone.id)));
    expect(rows).toHaveLength(1);
  });

  it('folds the business’s earlier notes on the person into the joined record', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const put = await call(ctx, owner(), {
      method: 'PUT',
      url: poolUrl(`/professionals/${pro.id}`),
      payload: { notes: 'Seen on the board', tags: ['fast'] },
    });
    expect(put.statusCode).toBe(200);
    const { token, id } = await invited(pro.email);
    const res = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/pool/invitations/${token}/accept`,
    });
    expect(res.statusCode).toBe(200);
    const rows = await ctx.db
      .select()
      .from(talentContacts)
      .where(
        and(eq(talentContacts.businessId, cast.businessId), eq(talentContacts.userId, pro.id)),
      );
    expect(rows.map((r) => [r.id, r.notes, r.tags])).toEqual([[id, 'Seen on the board', ['fast']]]);
  });
});
