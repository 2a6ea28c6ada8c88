import { beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness, buildUser, type TestUser } from '../../../../test/factories.ts';
import { BASE_URL, call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { lastMailTo, linkIn, mailTo } from '../../../../test/mailbox.ts';
import { connectBusinesses } from '../../../../test/network-factories.ts';
import type { ConnectionList } from '../../../core/contracts/network.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const connectionsUrl = (businessId: string, rest = '') =>
  `/api/v1/businesses/${businessId}/connections${rest}`;
const ask = (who: TestUser, businessId: string, email: string) =>
  call(ctx, who, { method: 'POST', url: connectionsUrl(businessId), payload: { email } });
const listOf = async (who: TestUser, businessId: string) =>
  (await call(ctx, who, { method: 'GET', url: connectionsUrl(businessId) })).json<ConnectionList>();
const other = () => buildBusiness(ctx, { name: `Shop ${Math.random().toString(36).slice(2, 7)}` });

describe('asking a business to connect', () => {
  it('reaches the other business’s owners in the app and by e-mail; accepting makes them colleagues on both sides', async () => {
    const a = await other();
    const b = await other();
    const res = await ask(a.owner, a.business.id, b.owner.email.toUpperCase());
    expect(res.statusCode).toBe(202);

    const mail = await lastMailTo(ctx, b.owner.email);
    expect(mail.subject).toBe(`${a.business.name} asks to connect with you on Handoff`);
    expect(linkIn(mail.text, BASE_URL).pathname).toBe(
      `/app/businesses/${b.business.id}/colleagues`,
    );
    const { incoming } = await listOf(b.owner, b.business.id);
    expect(incoming.map((c) => c.business)).toEqual([{ id: a.business.id, name: a.business.name }]);
    // The asker does not see its request until accepted.
    expect(await listOf(a.owner, a.business.id)).toEqual({ connections: [], incoming: [] });

    const accepted = await call(ctx, b.owner, {
      method: 'POST',
      url: connectionsUrl(b.business.id, `/${incoming[0]?.id}/accept`),
    });
    expect(accepted.statusCode).toBe(204);
    expect((await listOf(a.owner, a.business.id)).connections.map((c) => c.business.id)).toEqual([
      b.business.id,
    ]);
    expect((await listOf(b.owner, b.business.id)).connections.map((c) => c.business.id)).toEqual([
      a.business.id,
    ]);
    const notices = (
      await call(ctx, a.owner, { method: 'GET', url: '/api/v1/notifications' })
    ).json().items as { type: string; title: string }[];
    expect(notices[0]).toMatchObject({
      type: 'connection.accepted',
      title: `${b.business.name} is now a trusted colleague`,
    });
  });

  it('answers exactly the same whether the address owns a business, is only a member, has no account, or is already connected', async () => {
    const a = await other();
    const b = await other();
    const member = await buildUser(ctx);
    await connectBusinesses(
      ctx,
      { businessId: a.business.id, owner: a.owner },
      { businessId: b.business.id, owner: b.owner },
    );
    const c = await other();
    const answers = await Promise.all(
      [c.owner.email, 'nobody-here@test.example', member.email, b.owner.email].map((email) =>
        ask(a.owner, a.business.id, email),
      ),
    );
    const shapes = answers.map((r) => ({ status: r.statusCode, body: r.body }));
    expect(new Set(shapes.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(shapes[0]?.status).toBe(202);
    // And nothing reaches an address that owns no business.
    expect(await mailTo(ctx, 'nobody-here@test.example')).toEqual([]);
    expect(await mailTo(ctx, member.email)).toEqual([]);
  });

  it('a decline is silent and final for the asker, but the decliner may still ask later', async () => {
    const a = await other();
    const b = await other();
    await ask(a.owner, a.business.id, b.owner.email);
    const [request] = (await listOf(b.owner, b.business.id)).incoming;
    expect(
      (
        await call(ctx, b.owner, {
          method: 'POST',
          url: connectionsUrl(b.business.id, `/${request?.id}/decline`),
        })
      ).statusCode,
    ).toBe(204);
    const mailsBefore = (await mailTo(ctx, b.owner.email)).length;
    expect((await ask(a.owner, a.business.id, b.owner.email)).statusCode).toBe(202);
    expect(await mailTo(ctx, b.owner.email)).toHaveLength(mailsBefore);
    expect((await listOf(b.owner, b.business.id)).incoming).toEqual([]);

    // The asker cannot answer its own request, nor learn of the decline by id.
    expect(
      (
        await call(ctx, a.owner, {
          method: 'POST',
          url: connectionsUrl(a.business.id, `/${request?.id}/accept`),
        })
      ).statusCode,
    ).toBe(404);

    await ask(b.owner, b.business.id, a.owner.email);
    expect((await listOf(a.owner, a.business.id)).incoming.map((c) => c.business.id)).toEqual([
      b.business.id,
    ]);
  });

  it('asking a business that already asked you accepts its request', async () => {
    const a = await other();
    const b = await other();
    await ask(a.owner, a.business.id, b.owner.email);
    await ask(b.owner, b.business.id, a.owner.email);
    expect((await listOf(a.owner, a.business.id)).connections.map((c) => c.business.id)).toEqual([
      b.business.id,
    ]);
  });

  it('either side can remove the connection', async () => {
    const a = await other();
    const b = await other();
    const id = await connectBusinesses(
      ctx,
      { businessId: a.business.id, owner: a.owner },
      { businessId: b.business.id, owner: b.owner },
    );
    const removed = await call(ctx, a.owner, {
      method: 'DELETE',
      url: connectionsUrl(a.business.id, `/${id}`),
    });
    expect(removed.statusCode).toBe(204);
    expect((await listOf(b.owner, b.business.id)).connections).toEqual([]);
  });
});

describe('connection role matrices', () => {
  it('GET …/connections: every member', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: connectionsUrl(cast.businessId) }),
      200,
    );
  });

  it('POST …/connections: owners and managers; a viewer cannot connect', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: connectionsUrl(cast.businessId),
        payload: { email: 'x@test.example' },
      }),
      202,
    );
  });

  it('accept, decline, remove: owners and managers of the addressed business', async () => {
    const requestFrom = async () => {
      const b = await other();
      await ask(b.owner, b.business.id, cast.people.owner.email);
      const incoming = (await listOf(cast.people.owner, cast.businessId)).incoming;
      const found = incoming.find((c) => c.business.id === b.business.id);
      if (!found) throw new Error('no request');
      return found.id;
    };
    for (const action of ['accept', 'decline'] as const) {
      await expectRoleMatrix(
        ctx,
        cast,
        async () => ({
          method: 'POST',
          url: connectionsUrl(cast.businessId, `/${await requestFrom()}/${action}`),
        }),
        204,
      );
    }
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const b = await other();
        const id = await connectBusinesses(
          ctx,
          { businessId: b.business.id, owner: b.owner },
          { businessId: cast.businessId, owner: cast.people.owner },
        );
        return { method: 'DELETE', url: connectionsUrl(cast.businessId, `/${id}`) };
      },
      204,
    );
  });
});
