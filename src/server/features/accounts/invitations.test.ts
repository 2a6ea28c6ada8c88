import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness, buildUser, type TestUser } from '../../../../test/factories.ts';
import {
  call,
  createTestContext,
  listMembers,
  type TestContext,
} from '../../../../test/harness.ts';
import { lastMailTo, linkIn } from '../../../../test/mailbox.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { users } from '../../db/schema/index.ts';

const DAY = 86_400_000;
const INVITATION_LINK = 'http://localhost:3000/invitations/';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const newAddress = () => `invitee-${randomBytes(4).toString('hex')}@test.example`;

const invitationsUrl = (businessId: string) => `/api/v1/businesses/${businessId}/invitations`;

const membersOf = (businessId: string, as: TestUser) => listMembers(ctx, businessId, as);

/** Invites `email` through the API and returns the token from the link in the e-mail. */
async function invite(owner: TestUser, businessId: string, email: string, role = 'viewer') {
  const res = await call(ctx, owner, {
    method: 'POST',
    url: invitationsUrl(businessId),
    payload: { email, role },
  });
  expect(res.statusCode).toBe(201);
  const mail = await lastMailTo(ctx, email.toLowerCase());
  const token = linkIn(mail.text, INVITATION_LINK).pathname.split('/').at(-1) ?? '';
  return { invitation: res.json(), token, mail };
}

const preview = (token: string) =>
  call(ctx, null, { method: 'GET', url: `/api/v1/invitations/${token}` });
const accept = (who: TestUser, token: string) =>
  call(ctx, who, { method: 'POST', url: `/api/v1/invitations/${token}/accept` });

describe('POST /api/v1/businesses/:id/invitations', () => {
  it('e-mails the invitee a link, and lists the invitation as open', async () => {
    const { business, owner } = await buildBusiness(ctx, { name: 'Corner Café' });
    const email = newAddress();
    const { invitation, token, mail } = await invite(owner, business.id, email, 'manager');
    expect(invitation).toMatchObject({ email, role: 'manager', invitedByName: owner.name });
    expect(mail.subject).toBe(`${owner.name} invited you to Corner Café on Handoff`);
    expect(mail.text).toContain(`${INVITATION_LINK}${token}`);
    const open = await call(ctx, owner, { method: 'GET', url: invitationsUrl(business.id) });
    expect(open.json().items).toEqual([invitation]);
  });

  it('invitations to one address sent at the same moment all succeed, and one link stays open', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const email = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(ctx, owner, {
          method: 'POST',
          url: invitationsUrl(business.id),
          payload: { email, role: 'viewer' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const open = await call(ctx, owner, { method: 'GET', url: invitationsUrl(business.id) });
    expect(open.json().items.filter((i: { email: string }) => i.email === email)).toHaveLength(1);
  });

  it('refuses to invite someone who is already a member (409)', async () => {
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: invitationsUrl(cast.businessId),
      payload: { email: cast.people.viewer.email, role: 'manager' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('inviting an address again replaces the old link, which then reads revoked and answers 410', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const person = await buildUser(ctx);
    const old = await invite(owner, business.id, person.email, 'viewer');
    const fresh = await invite(owner, business.id, person.email, 'manager');
    expect(fresh.token).not.toBe(old.token);

    const open = await call(ctx, owner, { method: 'GET', url: invitationsUrl(business.id) });
    expect(open.json().items).toEqual([fresh.invitation]);
    expect((await preview(old.token)).json().status).toBe('revoked');
    expect((await accept(person, old.token)).statusCode).toBe(410);

    const accepted = await accept(person, fresh.token);
    expect(accepted.json()).toEqual({ businessId: business.id, role: 'manager' });
  });

  it('role matrix: only owners invite; managers and viewers get 403', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: invitationsUrl(cast.businessId),
        payload: { email: newAddress(), role: 'viewer' },
      }),
      201,
    );
  });
});

describe('GET /api/v1/businesses/:id/invitations', () => {
  it('lists only invitations still open: not accepted, revoked or expired', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const joiner = await buildUser(ctx);
    const accepted = await invite(owner, business.id, joiner.email);
    await accept(joiner, accepted.token);
    const revoked = await invite(owner, business.id, newAddress());
    await call(ctx, owner, {
      method: 'DELETE',
      url: `${invitationsUrl(business.id)}/${revoked.invitation.id}`,
    });
    const open = await invite(owner, business.id, newAddress(), 'manager');
    const res = await call(ctx, owner, { method: 'GET', url: invitationsUrl(business.id) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([open.invitation]);
  });

  it('role matrix: only owners see invitations; managers and viewers get 403', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: invitationsUrl(cast.businessId) }),
      200,
    );
  });
});

describe('DELETE /api/v1/businesses/:id/invitations/:invitationId', () => {
  it('withdraws the invitation: its link answers 410 and withdrawing again answers 404', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const person = await buildUser(ctx);
    const { invitation, token } = await invite(owner, business.id, person.email);
    const revoke = () =>
      call(ctx, owner, {
        method: 'DELETE',
        url: `${invitationsUrl(business.id)}/${invitation.id}`,
      });
    expect((await revoke()).statusCode).toBe(204);
    expect((await preview(token)).json().status).toBe('revoked');
    expect((await accept(person, token)).statusCode).toBe(410);
    expect((await revoke()).statusCode).toBe(404);
  });

  it('role matrix: only owners withdraw invitations; managers and viewers get 403', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const { invitation } = await invite(cast.people.owner, cast.businessId, newAddress());
        return {
          method: 'DELETE',
          url: `${invitationsUrl(cast.businessId)}/${invitation.id}`,
        };
      },
      204,
    );
  });
});

describe('GET /api/v1/invitations/:token', () => {
  it('shows the business, inviter, address, role and status to whoever holds the link', async () => {
    const { business, owner } = await buildBusiness(ctx, { name: 'Harbour Books' });
    const email = newAddress();
    const { invitation, token } = await invite(owner, business.id, email, 'manager');
    const res = await preview(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      businessName: 'Harbour Books',
      invitedByName: owner.name,
      email,
      role: 'manager',
      status: 'pending',
      expiresAt: invitation.expiresAt,
    });
  });

  it('answers 404 for a token it never gave out', async () => {
    const res = await preview(`inv_${randomBytes(32).toString('base64url')}`);
    expect(res.statusCode).toBe(404);
  });

  it('role matrix: the link is the credential, so everyone may read it', async () => {
    const { token } = await invite(cast.people.owner, cast.businessId, newAddress());
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/invitations/${token}` }),
      200,
    );
  });
});

describe('POST /api/v1/invitations/:token/accept', () => {
  it('refuses an account whose address is not verified (403, saying to verify), then accepts once verified', async () => {
    const { business, owner } = await buildBusiness(ctx, { name: 'Lantern Studio' });
    const person = await buildUser(ctx, { verified: false });
    const { token } = await invite(owner, business.id, person.email, 'manager');

    const refused = await accept(person, token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toBe('https://handoff.dev/problems/email-not-verified');
    expect((await membersOf(business.id, owner)).map((m) => m.userId)).toEqual([owner.id]);
    expect((await preview(token)).json().status).toBe('pending');

    await ctx.db.update(users).set({ emailVerified: true }).where(eq(users.id, person.id));
    const res = await accept(person, token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ businessId: business.id, role: 'manager' });
    const me = (await call(ctx, person, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me.memberships).toEqual([
      { businessId: business.id, businessName: 'Lantern Studio', role: 'manager' },
    ]);
    expect((await preview(token)).json().status).toBe('accepted');
  });

  it('refuses someone signed in with another address (403) and makes nobody a member', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const { token } = await invite(owner, business.id, newAddress());
    const intruder = await buildUser(ctx);
    const res = await accept(intruder, token);
    expect(res.statusCode).toBe(403);
    expect((await membersOf(business.id, owner)).map((m) => m.userId)).toEqual([owner.id]);
    expect((await preview(token)).json().status).toBe('pending');
  });

  it('refuses a second use of the same link (409)', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const person = await buildUser(ctx);
    const { token } = await invite(owner, business.id, person.email);
    expect((await accept(person, token)).statusCode).toBe(200);
    expect((await accept(person, token)).statusCode).toBe(409);
  });

  it('refuses an invitation more than seven days old (410), which no longer counts as open', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const person = await buildUser(ctx);
    const { token } = await invite(owner, business.id, person.email);
    ctx.clock.advance(8 * DAY);
    try {
      expect((await preview(token)).json().status).toBe('expired');
      expect((await accept(person, token)).statusCode).toBe(410);
      const open = await call(ctx, owner, { method: 'GET', url: invitationsUrl(business.id) });
      expect(open.json().items).toEqual([]);
    } finally {
      ctx.clock.advance(-8 * DAY);
    }
  });

  it('role matrix: anyone signed in accepts an invitation sent to their own address', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        const { business, owner } = await buildBusiness(ctx, { name: `Shop for ${role}` });
        const email = role === 'anonymous' ? newAddress() : cast.people[role].email;
        const { token } = await invite(owner, business.id, email);
        return { method: 'POST', url: `/api/v1/invitations/${token}/accept` };
      },
      200,
    );
  });
});
