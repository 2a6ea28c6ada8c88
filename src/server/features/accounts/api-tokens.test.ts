import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookieFrom,
  createTestContext,
  ORIGIN,
  type Principal,
  type TestContext,
} from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

const TOKENS = '/api/v1/me/api-tokens';
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The matrix's people call with API tokens, and tokens are managed from a session only, so
 * every one of them is refused (the routes declare `access: 'session'`); anonymous is 401.
 */
const TOKENS_REFUSED = {
  anonymous: 401,
  owner: 403,
  manager: 403,
  viewer: 403,
  otherBusiness: 403,
  professional: 403,
  admin: 403,
} as const;

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

/** Someone signed in through the web app: tokens are managed only from a session. */
async function signedIn(): Promise<Principal> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: ORIGIN },
    payload: {
      name: 'Tess Token',
      email: `tokens-${randomBytes(4).toString('hex')}@test.example`,
      password: 'correct-horse-battery',
    },
  });
  expect(res.statusCode).toBe(200);
  return { cookie: cookieFrom(res) };
}

async function createToken(who: Principal, payload: object = { name: 'to revoke' }) {
  const res = await call(ctx, who, { method: 'POST', url: TOKENS, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; token: string; expiresAt: string; scope: string }>();
}

const getMe = (token: string) => call(ctx, { token }, { method: 'GET', url: '/api/v1/me' });

describe('POST /api/v1/me/api-tokens', () => {
  it('returns the secret once; the list shows name, prefix, scope and expiry, never the secret', async () => {
    const person = await signedIn();
    const res = await call(ctx, person, { method: 'POST', url: TOKENS, payload: { name: 'CI' } });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^hnd_[\w-]{40,}$/);
    expect(created).toMatchObject({ name: 'CI', prefix: created.token.slice(0, 8) });

    const list = await call(ctx, person, { method: 'GET', url: TOKENS });
    expect(list.json().items).toEqual([
      {
        id: created.id,
        name: 'CI',
        prefix: created.prefix,
        scope: 'read-write',
        createdAt: created.createdAt,
        // Unless chosen otherwise, a token lives 90 days.
        expiresAt: new Date(Date.parse(created.createdAt) + 90 * DAY_MS).toISOString(),
        lastUsedAt: null,
      },
    ]);
    expect(list.body).not.toContain(created.token);
  });

  it('makes a token that acts as its creator over Bearer, and records its use', async () => {
    const person = await signedIn();
    const created = await createToken(person, { name: 'script' });
    const me = await getMe(created.token);
    expect(me.statusCode).toBe(200);
    const list = await call(ctx, person, { method: 'GET', url: TOKENS });
    const used = list.json().items.find((t: { id: string }) => t.id === created.id);
    expect(used.lastUsedAt).toBe(ctx.clock.now().toISOString());
  });

  it('a token stops working when it expires (401 saying so) and leaves the list', async () => {
    const person = await signedIn();
    const week = await createToken(person, { name: 'a week', expiresInDays: 7 });
    expect(Date.parse(week.expiresAt) - ctx.clock.now().getTime()).toBe(7 * DAY_MS);
    expect((await getMe(week.token)).statusCode).toBe(200);
    ctx.clock.advance(7 * DAY_MS);
    try {
      const expired = await getMe(week.token);
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ title: 'API token expired' });
      const list = await call(ctx, person, { method: 'GET', url: TOKENS });
      expect(list.json().items.map((t: { id: string }) => t.id)).not.toContain(week.id);
    } finally {
      ctx.clock.advance(-7 * DAY_MS);
    }
  });

  it('refuses a lifetime other than 7, 30, 90 or 365 days (never "forever")', async () => {
    const person = await signedIn();
    for (const expiresInDays of [0, 1000, null, 'never']) {
      const res = await call(ctx, person, {
        method: 'POST',
        url: TOKENS,
        payload: { name: 'x', expiresInDays },
      });
      expect(res.statusCode, String(expiresInDays)).toBe(400);
    }
  });

  it('a read-only token reads but gets 403 on any other method, and changes nothing', async () => {
    const person = await signedIn();
    const reader = await createToken(person, { name: 'dashboard', scope: 'read' });
    expect(reader.scope).toBe('read');
    expect((await getMe(reader.token)).statusCode).toBe(200);
    for (const method of ['PATCH', 'POST', 'PUT', 'DELETE'] as const) {
      const res = await call(
        ctx,
        { token: reader.token },
        { method, url: '/api/v1/me', payload: { name: 'Changed' } },
      );
      expect(res.statusCode, method).toBe(403);
      expect(res.json().type).toBe('https://handoff.dev/problems/read-only-token');
    }
    expect((await getMe(reader.token)).json().user.name).toBe('Tess Token');
  });

  it('answers 400 naming body.name for a blank name', async () => {
    const res = await call(ctx, await signedIn(), {
      method: 'POST',
      url: TOKENS,
      payload: { name: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.name']);
  });

  it('role matrix: a token cannot mint tokens, whoever holds it (403); anonymous 401', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: TOKENS, payload: { name: 'matrix' } }),
      TOKENS_REFUSED,
    );
  });
});

describe('GET /api/v1/me/api-tokens', () => {
  it('lists only the caller’s own tokens', async () => {
    const [alice, bob] = [await signedIn(), await signedIn()];
    await createToken(bob, { name: 'bob’s laptop' });
    await createToken(alice, { name: 'alice’s script' });
    const res = await call(ctx, alice, { method: 'GET', url: TOKENS });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((t: { name: string }) => t.name)).toEqual(['alice’s script']);
  });

  it('role matrix: a token cannot list tokens, whoever holds it (403); anonymous 401', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: TOKENS }), TOKENS_REFUSED);
  });
});

describe('DELETE /api/v1/me/api-tokens/:tokenId', () => {
  it('revokes the token: it then answers 401 and leaves the list', async () => {
    const person = await signedIn();
    const doomed = await createToken(person);
    expect((await getMe(doomed.token)).statusCode).toBe(200);

    const res = await call(ctx, person, { method: 'DELETE', url: `${TOKENS}/${doomed.id}` });
    expect(res.statusCode).toBe(204);
    expect((await getMe(doomed.token)).statusCode).toBe(401);
    const list = await call(ctx, person, { method: 'GET', url: TOKENS });
    expect(list.json().items.map((t: { id: string }) => t.id)).not.toContain(doomed.id);
  });

  it('answers 404 for someone else’s token and leaves it working', async () => {
    const [owner, other] = [await signedIn(), await signedIn()];
    const theirs = await createToken(owner);
    const res = await call(ctx, other, { method: 'DELETE', url: `${TOKENS}/${theirs.id}` });
    expect(res.statusCode).toBe(404);
    expect((await getMe(theirs.token)).statusCode).toBe(200);
  });

  it('a token cannot revoke tokens, not even itself (403), and stays working', async () => {
    const person = await signedIn();
    const held = await createToken(person);
    const res = await call(
      ctx,
      { token: held.token },
      { method: 'DELETE', url: `${TOKENS}/${held.id}` },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('https://handoff.dev/problems/session-required');
    expect((await getMe(held.token)).statusCode).toBe(200);
  });

  it('role matrix: a token cannot revoke tokens, whoever holds it (403); anonymous 401', async () => {
    const holder = await signedIn();
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'DELETE', url: `${TOKENS}/${(await createToken(holder)).id}` }),
      TOKENS_REFUSED,
    );
  });
});
