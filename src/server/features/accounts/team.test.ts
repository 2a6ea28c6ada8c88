import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBusiness,
  buildMember,
  buildUser,
  type TestUser,
} from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
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

const membersUrl = (businessId: string) => `/api/v1/businesses/${businessId}/members`;
const invitationsUrl = (businessId: string) => `/api/v1/businesses/${businessId}/invitations`;

async function membersOf(businessId: string, as: TestUser) {
  const res = await call(ctx, as, { method: 'GET', url: membersUrl(businessId) });
  expect(res.statusCode).toBe(200);
  return res.json().items as { userId: string; role: string }[];
}

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

/**
 * Locks the business's member rows from a separate connection, as a request in flight would,
 * so a test can line requests up behind the lock and decide when they go.
 */
async function holdTeamLock(businessId: string) {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query('select 1 from business_members where business_id = $1 for update', [
    businessId,
  ]);
  let released = false;
  return {
    client,
    /** Resolves once `n` other sessions are waiting for a lock. */
    async waitForWaiters(n: number) {
      for (let tries = 0; tries < 200; tries++) {
        const { rows } = await ctx.pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if ((rows[0]?.n ?? 0) >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`${n} requests never queued up behind the team lock`);
    },
    /** Commits and lets the queued requests go; safe to call again from a `finally`. */
    async release() {
      if (released) return;
      released = true;
      await client.query('commit');
      await client.end();
    },
  };
}

describe('GET /api/v1/businesses/:id/members', () => {
  it('lists the team with names, e-mails and roles, longest-standing member first', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const manager = await buildMember(ctx, business.id, 'manager');
    const viewer = await buildMember(ctx, business.id, 'viewer');
    const res = await call(ctx, viewer, { method: 'GET', url: membersUrl(business.id) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { joinedAt: string }[];
    expect(items.map(({ joinedAt: _, ...member }) => member)).toEqual([
      { userId: owner.id, name: owner.name, email: owner.email, role: 'owner' },
      { userId: manager.id, name: manager.name, email: manager.email, role: 'manager' },
      { userId: viewer.id, name: viewer.name, email: viewer.email, role: 'viewer' },
    ]);
    expect(items.every((m) => !Number.isNaN(Date.parse(m.joinedAt)))).toBe(true);
  });

  it('role matrix: every member reads the team; outsiders get 404', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: membersUrl(cast.businessId) }), {
      anonymous: 401,
      owner: 200,
      manager: 200,
      viewer: 200,
      otherBusiness: 404,
      professional: 404,
      admin: 404,
    });
  });
});

describe('PATCH /api/v1/businesses/:id/members/:userId', () => {
  it('lets an owner change a member’s role', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const member = await buildMember(ctx, business.id, 'viewer');
    const res = await call(ctx, owner, {
      method: 'PATCH',
      url: `${membersUrl(business.id)}/${member.id}`,
      payload: { role: 'manager' },
    });
    expect(res.statusCode).toBe(204);
    expect((await membersOf(business.id, owner)).find((m) => m.userId === member.id)?.role).toBe(
      'manager',
    );
  });

  it('answers 404 for someone who is not on the team', async () => {
    const stranger = await buildUser(ctx);
    const res = await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url: `${membersUrl(cast.businessId)}/${stranger.id}`,
      payload: { role: 'manager' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses to demote the last owner (409), and allows it once there is another owner', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const demoteOwner = () =>
      call(ctx, owner, {
        method: 'PATCH',
        url: `${membersUrl(business.id)}/${owner.id}`,
        payload: { role: 'manager' },
      });
    const refused = await demoteOwner();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/at least one owner/);

    const second = await buildMember(ctx, business.id, 'owner');
    expect((await demoteOwner()).statusCode).toBe(204);
    expect(await membersOf(business.id, second)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: owner.id, role: 'manager' }),
        expect.objectContaining({ userId: second.id, role: 'owner' }),
      ]),
    );
  });

  it('two owners demoting each other at the same time: one succeeds, one owner remains', async () => {
    const { business, owner: first } = await buildBusiness(ctx);
    const second = await buildMember(ctx, business.id, 'owner');
    const demote = (who: TestUser, target: TestUser) =>
      call(ctx, who, {
        method: 'PATCH',
        url: `${membersUrl(business.id)}/${target.id}`,
        payload: { role: 'viewer' },
      });
    // Both requests are lined up behind the lock so that they really overlap.
    const lock = await holdTeamLock(business.id);
    try {
      const both = Promise.all([demote(first, second), demote(second, first)]);
      await lock.waitForWaiters(2);
      await lock.release();
      const statuses = (await both).map((r) => r.statusCode).sort();
      // The loser is judged after the winner committed: it is no longer an owner.
      expect(statuses).toEqual([204, 403]);
    } finally {
      await lock.release();
    }
    const { rows } = await ctx.pool.query(
      `select count(*)::int as n from business_members where business_id = $1 and role = 'owner'`,
      [business.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('judges the caller by their role once the team is locked, not before', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const demotedOwner = await buildMember(ctx, business.id, 'owner');
    const member = await buildMember(ctx, business.id, 'viewer');
    const lock = await holdTeamLock(business.id);
    try {
      const pending = call(ctx, demotedOwner, {
        method: 'PATCH',
        url: `${membersUrl(business.id)}/${member.id}`,
        payload: { role: 'manager' },
      });
      await lock.waitForWaiters(1);
      // Meanwhile another owner's change, holding the lock, makes the caller a viewer.
      await lock.client.query(
        `update business_members set role = 'viewer' where business_id = $1 and user_id = $2`,
        [business.id, demotedOwner.id],
      );
      await lock.release();
      expect((await pending).statusCode).toBe(403);
    } finally {
      await lock.release();
    }
    expect((await membersOf(business.id, owner)).find((m) => m.userId === member.id)?.role).toBe(
      'viewer',
    );
  });

  it('role matrix: only owners change roles; managers and viewers get 403', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const target = await buildMember(ctx, cast.businessId, 'viewer');
        return {
          method: 'PATCH',
          url: `${membersUrl(cast.businessId)}/${target.id}`,
          payload: { role: 'manager' },
        };
      },
      {
        anonymous: 401,
        owner: 204,
        manager: 403,
        viewer: 403,
        otherBusiness: 404,
        professional: 404,
        admin: 404,
      },
    );
  });
});

describe('DELETE /api/v1/businesses/:id/members/:userId', () => {
  it('lets an owner remove a member, who then no longer sees the business', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const member = await buildMember(ctx, business.id, 'manager');
    const res = await call(ctx, owner, {
      method: 'DELETE',
      url: `${membersUrl(business.id)}/${member.id}`,
    });
    expect(res.statusCode).toBe(204);
    expect((await membersOf(business.id, owner)).map((m) => m.userId)).toEqual([owner.id]);
    const after = await call(ctx, member, {
      method: 'GET',
      url: `/api/v1/businesses/${business.id}`,
    });
    expect(after.statusCode).toBe(404);
  });

  it('lets a member without the right to manage the team leave by removing themselves', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const viewer = await buildMember(ctx, business.id, 'viewer');
    const res = await call(ctx, viewer, {
      method: 'DELETE',
      url: `${membersUrl(business.id)}/${viewer.id}`,
    });
    expect(res.statusCode).toBe(204);
    expect((await membersOf(business.id, owner)).map((m) => m.userId)).toEqual([owner.id]);
    const me = await call(ctx, viewer, { method: 'GET', url: '/api/v1/me' });
    expect(me.json().memberships).toEqual([]);
  });

  it('refuses to remove the last owner, even when they leave themselves (409)', async () => {
    const { business, owner } = await buildBusiness(ctx);
    const leave = () =>
      call(ctx, owner, { method: 'DELETE', url: `${membersUrl(business.id)}/${owner.id}` });
    expect((await leave()).statusCode).toBe(409);
    expect(await membersOf(business.id, owner)).toEqual([
      expect.objectContaining({ userId: owner.id, role: 'owner' }),
    ]);

    const second = await buildMember(ctx, business.id, 'owner');
    expect((await leave()).statusCode).toBe(204);
    expect(await membersOf(business.id, second)).toEqual([
      expect.objectContaining({ userId: second.id, role: 'owner' }),
    ]);
  });

  it('role matrix: only owners remove others; managers and viewers get 403', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const target = await buildMember(ctx, cast.businessId, 'viewer');
        return { method: 'DELETE', url: `${membersUrl(cast.businessId)}/${target.id}` };
      },
      {
        anonymous: 401,
        owner: 204,
        manager: 403,
        viewer: 403,
        otherBusiness: 404,
        professional: 404,
        admin: 404,
      },
    );
  });
});

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
      {
        anonymous: 401,
        owner: 201,
        manager: 403,
        viewer: 403,
        otherBusiness: 404,
        professional: 404,
        admin: 404,
      },
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
      {
        anonymous: 401,
        owner: 200,
        manager: 403,
        viewer: 403,
        otherBusiness: 404,
        professional: 404,
        admin: 404,
      },
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
      {
        anonymous: 401,
        owner: 204,
        manager: 403,
        viewer: 403,
        otherBusiness: 404,
        professional: 404,
        admin: 404,
      },
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
      {
        anonymous: 200,
        owner: 200,
        manager: 200,
        viewer: 200,
        otherBusiness: 200,
        professional: 200,
        admin: 200,
      },
    );
  });
});

describe('POST /api/v1/invitations/:token/accept', () => {
  it('makes the invited person a member with the invited role, and counts their e-mail as verified', async () => {
    const { business, owner } = await buildBusiness(ctx, { name: 'Lantern Studio' });
    const person = await buildUser(ctx);
    await ctx.db.update(users).set({ emailVerified: false }).where(eq(users.id, person.id));
    const { token } = await invite(owner, business.id, person.email, 'manager');

    const res = await accept(person, token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ businessId: business.id, role: 'manager' });
    const me = (await call(ctx, person, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me.user.emailVerified).toBe(true);
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
      {
        anonymous: 401,
        owner: 200,
        manager: 200,
        viewer: 200,
        otherBusiness: 200,
        professional: 200,
        admin: 200,
      },
    );
  });
});
