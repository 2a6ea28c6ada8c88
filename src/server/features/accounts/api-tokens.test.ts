import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

const TOKENS = '/api/v1/me/api-tokens';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

describe('POST /api/v1/me/api-tokens', () => {
  it('returns the secret once; the list shows the token by name and prefix, never the secret', async () => {
    const person = await buildUser(ctx);
    const res = await call(ctx, person, { method: 'POST', url: TOKENS, payload: { name: 'CI' } });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^hnd_[\w-]{40,}$/);
    expect(created).toMatchObject({ name: 'CI', prefix: created.token.slice(0, 8) });

    const list = await call(ctx, person, { method: 'GET', url: TOKENS });
    const listed = list.json().items.find((t: { id: string }) => t.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'CI',
      prefix: created.prefix,
      createdAt: created.createdAt,
      lastUsedAt: null,
    });
    expect(list.body).not.toContain(created.token);
  });

  it('makes a token that acts as its creator over Bearer, and records its use', async () => {
    const person = await buildUser(ctx);
    const created = (
      await call(ctx, person, { method: 'POST', url: TOKENS, payload: { name: 'script' } })
    ).json();
    const me = await call(ctx, { token: created.token }, { method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(person.id);
    const list = await call(ctx, person, { method: 'GET', url: TOKENS });
    const used = list.json().items.find((t: { id: string }) => t.id === created.id);
    expect(used.lastUsedAt).toBe(ctx.clock.now().toISOString());
  });

  it('answers 400 naming body.name for a blank name', async () => {
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: TOKENS,
      payload: { name: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.name']);
  });

  it('role matrix: everyone signed in makes their own tokens', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: TOKENS, payload: { name: 'matrix' } }),
      201,
    );
  });
});

describe('GET /api/v1/me/api-tokens', () => {
  it('lists only the caller’s own tokens', async () => {
    const [alice, bob] = [await buildUser(ctx), await buildUser(ctx)];
    await call(ctx, bob, { method: 'POST', url: TOKENS, payload: { name: 'bob’s laptop' } });
    const res = await call(ctx, alice, { method: 'GET', url: TOKENS });
    expect(res.statusCode).toBe(200);
    // Alice has only the token her factory made for the tests.
    expect(res.json().items.map((t: { name: string }) => t.name)).toEqual(['tests']);
  });

  it('role matrix: everyone signed in lists their own tokens', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: TOKENS }), 200);
  });
});

describe('DELETE /api/v1/me/api-tokens/:tokenId', () => {
  async function createToken(owner: { token: string }, name = 'to revoke') {
    const res = await call(ctx, owner, { method: 'POST', url: TOKENS, payload: { name } });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; token: string }>();
  }

  it('revokes the token: it then answers 401 and leaves the list', async () => {
    const person = await buildUser(ctx);
    const doomed = await createToken(person);
    const asDoomed = { token: doomed.token };
    expect((await call(ctx, asDoomed, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);

    const res = await call(ctx, person, { method: 'DELETE', url: `${TOKENS}/${doomed.id}` });
    expect(res.statusCode).toBe(204);
    expect((await call(ctx, asDoomed, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const list = await call(ctx, person, { method: 'GET', url: TOKENS });
    expect(list.json().items.map((t: { id: string }) => t.id)).not.toContain(doomed.id);
  });

  it('answers 404 for someone else’s token and leaves it working', async () => {
    const [owner, other] = [await buildUser(ctx), await buildUser(ctx)];
    const theirs = await createToken(owner);
    const res = await call(ctx, other, { method: 'DELETE', url: `${TOKENS}/${theirs.id}` });
    expect(res.statusCode).toBe(404);
    const stillWorks = await call(
      ctx,
      { token: theirs.token },
      { method: 'GET', url: '/api/v1/me' },
    );
    expect(stillWorks.statusCode).toBe(200);
  });

  it('role matrix: everyone signed in revokes their own tokens', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        // Anonymous has no tokens of its own, so it aims at the owner's.
        const holder = role === 'anonymous' ? cast.people.owner : cast.people[role];
        const { id } = await createToken(holder);
        return { method: 'DELETE', url: `${TOKENS}/${id}` };
      },
      204,
    );
  });
});
