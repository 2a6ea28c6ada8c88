import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBusiness,
  buildMember,
  buildUser,
  type TestUser,
} from '../../../../test/factories.ts';
import { BASE_URL, call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { lastMailTo, linkIn } from '../../../../test/mailbox.ts';
import { connectBusinesses, recommend } from '../../../../test/network-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const shop = () => buildBusiness(ctx, { name: `Shop ${Math.random().toString(36).slice(2, 7)}` });
const visible = (who: TestUser, businessId: string, professionalId: string) =>
  call(ctx, who, {
    method: 'GET',
    url: `/api/v1/businesses/${businessId}/professionals/${professionalId}/recommendations`,
  });

describe('recommendations among trusted colleagues', () => {
  it('colleagues see each other’s notes; a business with no connection sees none of them', async () => {
    const pro = await buildUser(ctx, { professional: true, name: 'Rita Pro' });
    const a = await shop();
    const b = await shop();
    const c = await shop();
    const outsider = await shop();
    const link = (x: typeof a, y: typeof a) =>
      connectBusinesses(
        ctx,
        { businessId: x.business.id, owner: x.owner },
        { businessId: y.business.id, owner: y.owner },
      );
    await link(a, b);
    await link(c, a);

    const marker = `NOTE-${Math.random().toString(36).slice(2)}`;
    expect((await recommend(ctx, b.owner, b.business.id, pro.id, `${marker} b`)).statusCode).toBe(
      201,
    );
    expect((await recommend(ctx, c.owner, c.business.id, pro.id, `${marker} c`)).statusCode).toBe(
      201,
    );

    const seen = (await visible(a.owner, a.business.id, pro.id)).json();
    expect(seen.trustedCount).toBe(2);
    expect(seen.own).toBeNull();
    expect(
      seen.trusted
        .map((r: { note: string; business: { name: string } }) => [r.business.name, r.note])
        .sort(),
    ).toEqual(
      [
        [b.business.name, `${marker} b`],
        [c.business.name, `${marker} c`],
      ].sort(),
    );
    expect(seen.trusted[0]).toMatchObject({ verified: false, requested: false });

    // An outsider, and b (connected to a, not to c), see nothing of what they are not owed.
    const res = await visible(outsider.owner, outsider.business.id, pro.id);
    expect(res.json()).toEqual({ own: null, trusted: [], trustedCount: 0 });
    expect(res.body).not.toContain(marker);
    const fromB = (await visible(b.owner, b.business.id, pro.id)).json();
    expect(fromB.own.note).toBe(`${marker} b`);
    expect(fromB.trusted).toEqual([]);
    // Another business cannot read a's view at all.
    expect((await visible(outsider.owner, a.business.id, pro.id)).statusCode).toBe(404);
  });

  it('one live recommendation per business: writing again edits it; withdrawing hides it', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const a = await shop();
    const b = await shop();
    await connectBusinesses(
      ctx,
      { businessId: a.business.id, owner: a.owner },
      { businessId: b.business.id, owner: b.owner },
    );
    const first = await recommend(ctx, b.owner, b.business.id, pro.id, 'Fast and careful.');
    const second = await recommend(ctx, b.owner, b.business.id, pro.id, 'Fast, careful and kind.');
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json().id).toBe(first.json().id);
    expect((await visible(a.owner, a.business.id, pro.id)).json().trusted[0].note).toBe(
      'Fast, careful and kind.',
    );
    const withdrawn = await call(ctx, b.owner, {
      method: 'DELETE',
      url: `/api/v1/businesses/${b.business.id}/professionals/${pro.id}/recommendation`,
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await visible(a.owner, a.business.id, pro.id)).json().trustedCount).toBe(0);
    expect((await recommend(ctx, b.owner, b.business.id, pro.id, 'Again.')).statusCode).toBe(201);
  });

  it('nobody recommends themselves, whichever business they speak for', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const { business } = await buildBusiness(ctx, { owner: pro });
    const res = await recommend(ctx, pro, business.id, pro.id, 'I am great.');
    expect(res.statusCode).toBe(403);
  });

  it('a person with no professional profile cannot be recommended (404)', async () => {
    const person = await buildUser(ctx);
    expect(
      (await recommend(ctx, cast.people.owner, cast.businessId, person.id, 'Hi')).statusCode,
    ).toBe(404);
  });
});

describe('recommendation role matrices', () => {
  it('PUT …/recommendation: owners and managers; a viewer cannot recommend', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'PUT',
        url: `/api/v1/businesses/${cast.businessId}/professionals/${(await buildUser(ctx, { professional: true })).id}/recommendation`,
        payload: { note: 'Good work.' },
      }),
      201,
    );
  });

  it('DELETE …/recommendation: owners and managers', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const pro = await buildUser(ctx, { professional: true });
        await recommend(ctx, cast.people.owner, cast.businessId, pro.id, 'Good.');
        return {
          method: 'DELETE',
          url: `/api/v1/businesses/${cast.businessId}/professionals/${pro.id}/recommendation`,
        };
      },
      204,
    );
  });

  it('GET …/recommendations (the business’s own, and what it may see of one professional): every member', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/businesses/${cast.businessId}/recommendations` }),
      200,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'GET',
        url: `/api/v1/businesses/${cast.businessId}/professionals/${cast.people.professional.id}/recommendations`,
      }),
      200,
    );
  });
});

describe('recommendation requests', () => {
  const requestFrom = (pro: TestUser, email: string, message = 'We built your shop in March.') =>
    call(ctx, pro, {
      method: 'POST',
      url: '/api/v1/me/recommendation-requests',
      payload: { email, message },
    });
  const tokenOf = async (email: string) => {
    const mail = await lastMailTo(ctx, email);
    return linkIn(mail.text, `${BASE_URL}/recommend/`).pathname.split('/').pop() ?? '';
  };

  it('e-mails the client a link; answering as one of their businesses writes a requested recommendation and uses the link up', async () => {
    ctx.clock.set('2026-10-01T09:00:00Z');
    const pro = await buildUser(ctx, { professional: true, name: 'Rita Pro' });
    const client = await shop();
    const created = await requestFrom(pro, client.owner.email);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'waiting', answeredBy: null });

    const mail = await lastMailTo(ctx, client.owner.email);
    expect(mail.subject).toBe('Rita Pro asks you for a recommendation on Handoff');
    expect(mail.text).toContain('We built your shop in March.');
    const token = await tokenOf(client.owner.email);

    const preview = await call(ctx, null, {
      method: 'GET',
      url: `/api/v1/recommendation-requests/${token}`,
    });
    expect(preview.json()).toMatchObject({
      professional: { id: pro.id, name: 'Rita Pro' },
      state: 'waiting',
    });

    const answer = (who: TestUser) =>
      call(ctx, who, {
        method: 'POST',
        url: `/api/v1/recommendation-requests/${token}/answer`,
        payload: { businessId: client.business.id, note: 'Rita rebuilt our shop on time.' },
      });
    // A viewer of the business cannot speak for it.
    const viewer = await buildMember(ctx, client.business.id, 'viewer');
    expect((await answer(viewer)).statusCode).toBe(403);
    const answered = await answer(client.owner);
    expect(answered.statusCode).toBe(201);
    expect(answered.json()).toMatchObject({
      business: { id: client.business.id },
      professional: { id: pro.id },
      requested: true,
      verified: false,
    });
    expect((await answer(client.owner)).statusCode).toBe(410);

    const mine = (
      await call(ctx, pro, { method: 'GET', url: '/api/v1/me/recommendation-requests' })
    ).json();
    expect(mine.items[0]).toMatchObject({
      state: 'answered',
      answeredBy: { id: client.business.id, name: client.business.name },
    });
  });

  it('a link expires after 30 days', async () => {
    ctx.clock.set('2026-10-01T09:00:00Z');
    const pro = await buildUser(ctx, { professional: true });
    const client = await shop();
    await requestFrom(pro, client.owner.email);
    const token = await tokenOf(client.owner.email);
    ctx.clock.set('2026-11-01T09:00:00Z');
    const res = await call(ctx, client.owner, {
      method: 'POST',
      url: `/api/v1/recommendation-requests/${token}/answer`,
      payload: { businessId: client.business.id, note: 'Late but good.' },
    });
    expect(res.statusCode).toBe(410);
    const mine = (
      await call(ctx, pro, { method: 'GET', url: '/api/v1/me/recommendation-requests' })
    ).json();
    expect(mine.items[0].state).toBe('expired');
  });

  it('the professional cannot answer their own request', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const { business } = await buildBusiness(ctx, { owner: pro });
    await requestFrom(pro, pro.email);
    const token = await tokenOf(pro.email);
    const res = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/recommendation-requests/${token}/answer`,
      payload: { businessId: business.id, note: 'Me!' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('an unknown link is a 404', async () => {
    const res = await call(ctx, null, {
      method: 'GET',
      url: `/api/v1/recommendation-requests/rrq_${'x'.repeat(43)}`,
    });
    expect(res.statusCode).toBe(404);
  });

  it('role matrices: sending and listing requests (a professional), answering (signed in)', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: '/api/v1/me/recommendation-requests',
        payload: { email: 'client@test.example' },
      }),
      {
        ok: 403,
        except: { professional: 201 },
        why: 'only a professional asks for recommendations',
      },
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/me/recommendation-requests' }),
      200,
    );
    const pro = await buildUser(ctx, { professional: true });
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        await requestFrom(pro, 'someone@test.example');
        const token = await tokenOf('someone@test.example');
        return {
          method: 'POST',
          url: `/api/v1/recommendation-requests/${token}/answer`,
          payload: { businessId: cast.businessId, note: 'Good.' },
        };
      },
      {
        ok: 201,
        except: { viewer: 403, otherBusiness: 404, professional: 404, admin: 404 },
        why: 'the link is open to anyone signed in, who must speak for a business whose role may recommend',
      },
    );
    await requestFrom(pro, 'someone@test.example');
    const token = await tokenOf('someone@test.example');
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/recommendation-requests/${token}` }),
      200,
    );
  });
});
