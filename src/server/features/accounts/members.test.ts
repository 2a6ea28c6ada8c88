import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBusiness,
  buildMember,
  buildUser,
  type TestUser,
} from '../../../../test/factories.ts';
import {
  call,
  createTestContext,
  listMembers,
  waitForLockWaiters,
  type TestContext,
} from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const membersUrl = (businessId: string) => `/api/v1/businesses/${businessId}/members`;

const membersOf = (businessId: string, as: TestUser) => listMembers(ctx, businessId, as);

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
    waitForWaiters: (n: number) => waitForLockWaiters(ctx, n, 'the team lock'),
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
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: membersUrl(cast.businessId) }),
      200,
    );
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
      204,
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
      204,
    );
  });
});
