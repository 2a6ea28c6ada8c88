import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookieFrom,
  createTestContext,
  ORIGIN,
  type TestContext,
} from '../../../test/harness.ts';
import { lastMailTo, linkIn, mailTo } from '../../../test/mailbox.ts';
import {
  buildCast,
  expectRoleMatrix,
  ROLES,
  type Cast,
  type RoleName,
} from '../../../test/role-matrix.ts';
import { NOTIFICATION_TYPES } from '../../core/contracts/notifications.ts';
import { notifications, users } from '../db/schema/index.ts';

const PASSWORD = 'correct-horse-battery';
const VERIFY_LINK = `${ORIGIN}/api/auth/verify-email?`;
const RESET_LINK = `${ORIGIN}/api/auth/reset-password/`;

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const newAddress = () => `person-${randomBytes(4).toString('hex')}@test.example`;

/** A browser's request to better-auth: JSON from our own page. */
const authRequest = (
  url: string,
  payload: object,
  headers: Record<string, string> = {},
): InjectOptions => ({ method: 'POST', url, payload, headers: { origin: ORIGIN, ...headers } });

const signUpRequest = (email: string, password = PASSWORD) =>
  authRequest('/api/auth/sign-up/email', { name: 'Nora Quinn', email, password });
const signInRequest = (email: string, password: string, headers: Record<string, string> = {}) =>
  authRequest('/api/auth/sign-in/email', { email, password }, headers);
const resetRequest = (email: string) =>
  authRequest('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });

async function signUp(email = newAddress()) {
  const res = await ctx.app.inject(signUpRequest(email));
  expect(res.statusCode).toBe(200);
  return { email, cookie: cookieFrom(res) };
}

const signIn = (email: string, password: string) => ctx.app.inject(signInRequest(email, password));

/** Asks for a reset and returns the link from the e-mail. */
async function requestReset(email: string): Promise<URL> {
  const res = await ctx.app.inject(resetRequest(email));
  expect(res.statusCode).toBe(200);
  return linkIn((await lastMailTo(ctx, email)).text, RESET_LINK);
}

/** Follows the e-mailed link as a browser would and returns the token the reset page gets. */
async function followResetLink(link: URL): Promise<string> {
  const res = await ctx.app.inject({ method: 'GET', url: link.pathname + link.search });
  expect(res.statusCode).toBe(302);
  const target = new URL(res.headers.location as string, ORIGIN);
  expect(target.pathname).toBe('/reset-password');
  return target.searchParams.get('token') ?? '';
}

const me = (cookie: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie, ...headers } });

describe('sign-up', () => {
  it('refuses an empty or over-long name, as PATCH /me does, and creates no account', async () => {
    for (const name of ['   ', 'x'.repeat(121)]) {
      const email = newAddress();
      const res = await ctx.app.inject(
        authRequest('/api/auth/sign-up/email', { name, email, password: PASSWORD }),
      );
      expect(res.statusCode, JSON.stringify(name.length)).toBe(400);
      expect((await signIn(email, PASSWORD)).statusCode).toBe(401);
    }
  });

  it('accepts requests from http://127.0.0.1:PORT when the base URL is the default localhost one', async () => {
    const res = await ctx.app.inject(
      authRequest(
        '/api/auth/sign-up/email',
        { name: 'Lo Calhost', email: newAddress(), password: PASSWORD },
        { origin: 'http://127.0.0.1:3000' },
      ),
    );
    expect(res.statusCode).toBe(200);
  });

  it('creates the account and a session cookie that works on /api/v1/me', async () => {
    const email = newAddress();
    const res = await ctx.app.inject(signUpRequest(email));
    expect(res.statusCode).toBe(200);
    expect(res.cookies.map((c) => c.name)).toContain('handoff.session_token');
    const session = await me(cookieFrom(res));
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({ name: 'Nora Quinn', email, emailVerified: false });
  });

  it('e-mails a verification link that marks the address verified', async () => {
    const { email, cookie } = await signUp();
    const mail = await lastMailTo(ctx, email);
    expect(mail.subject).toBe('Confirm your e-mail address for Handoff');
    const link = linkIn(mail.text, VERIFY_LINK);
    const res = await ctx.app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(res.statusCode).toBe(302);
    expect((await me(cookie)).json().user.emailVerified).toBe(true);
  });

  it('refuses a password shorter than eight characters and creates no account', async () => {
    const email = newAddress();
    const res = await ctx.app.inject(signUpRequest(email, 'short'));
    expect(res.statusCode).toBe(400);
    expect((await signIn(email, 'short')).statusCode).toBe(401);
  });
});

describe('password strength', () => {
  it.each([['12345678'], ['password'], ['        '], ['the e-mail address']])(
    'sign-up refuses %j with advice and creates no account',
    async (weak) => {
      const email = newAddress();
      const password = weak === 'the e-mail address' ? email : weak;
      const res = await ctx.app.inject(signUpRequest(email, password));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
      expect(res.json().message).toMatch(/\w+ \w+ \w+/);
      expect((await signIn(email, password)).statusCode).toBe(401);
    },
  );

  it('sign-up refuses a password containing the name', async () => {
    const res = await ctx.app.inject(
      authRequest('/api/auth/sign-up/email', {
        name: 'Nora Quinn',
        email: newAddress(),
        password: 'i-am-nora-quinn-really',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('your name');
  });

  it('a reset refuses a weak password or the account’s own address, and keeps the token usable', async () => {
    const { email } = await signUp();
    const token = await followResetLink(await requestReset(email));
    for (const newPassword of ['password', email]) {
      const res = await ctx.app.inject(
        authRequest('/api/auth/reset-password', { newPassword, token }),
      );
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().code).toBe('PASSWORD_TOO_WEAK');
    }
    const ok = await ctx.app.inject(
      authRequest('/api/auth/reset-password', { newPassword: 'a-whole-new-secret', token }),
    );
    expect(ok.statusCode).toBe(200);
  });

  it('a password change refuses a weak password and keeps the old one', async () => {
    const { email, cookie } = await signUp();
    const res = await ctx.app.inject(
      authRequest(
        '/api/auth/change-password',
        { currentPassword: PASSWORD, newPassword: '12345678' },
        { cookie },
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PASSWORD_TOO_WEAK');
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('revokes the personal API tokens made before it; a failed change revokes nothing', async () => {
    const { cookie } = await signUp();
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: { cookie, origin: ORIGIN },
      payload: { name: 'script' },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const meByToken = async () =>
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode;
    const change = (currentPassword: string) =>
      ctx.app.inject(
        authRequest(
          '/api/auth/change-password',
          { currentPassword, newPassword: 'taken-back-secret' },
          { cookie },
        ),
      );
    expect((await change('not-my-password')).statusCode).toBe(400);
    expect(await meByToken()).toBe(200);
    expect((await change(PASSWORD)).statusCode).toBe(200);
    expect(await meByToken()).toBe(401);
  });
});

describe('sign-in and sign-out', () => {
  it('answers 401 to a wrong password and sets no session; the right one signs in', async () => {
    const { email } = await signUp();
    const wrong = await signIn(email, 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.cookies.some((c) => c.name === 'handoff.session_token' && c.value)).toBe(false);

    const right = await signIn(email, PASSWORD);
    expect(right.statusCode).toBe(200);
    const session = await me(cookieFrom(right));
    expect(session.json().user.email).toBe(email);
  });

  it('signing out ends the session: its cookie then gets 401', async () => {
    const { cookie } = await signUp();
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: ORIGIN, cookie },
    });
    expect(out.statusCode).toBe(200);
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });
});

describe('password reset', () => {
  it('e-mails a link to the reset page; the new password then works, the old one and old sessions do not', async () => {
    const { email, cookie: oldSession } = await signUp();
    const link = await requestReset(email);
    const token = await followResetLink(link);
    expect(token).toBe(link.pathname.split('/').at(-1));

    const reset = await ctx.app.inject(
      authRequest('/api/auth/reset-password', { newPassword: 'a-whole-new-secret', token }),
    );
    expect(reset.statusCode).toBe(200);
    expect((await signIn(email, 'a-whole-new-secret')).statusCode).toBe(200);
    expect((await signIn(email, PASSWORD)).statusCode).toBe(401);
    expect((await me(oldSession)).statusCode).toBe(401);
  });

  it('revokes the personal API tokens made before the reset', async () => {
    const { email, cookie } = await signUp();
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: { cookie, origin: ORIGIN },
      payload: { name: 'script' },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode,
    ).toBe(200);
    const token = await followResetLink(await requestReset(email));
    await ctx.app.inject(
      authRequest('/api/auth/reset-password', { newPassword: 'taken-back-secret', token }),
    );
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode,
    ).toBe(401);
  });

  it('a reset token works once', async () => {
    const { email } = await signUp();
    const token = await followResetLink(await requestReset(email));
    const use = (newPassword: string) =>
      ctx.app.inject(authRequest('/api/auth/reset-password', { newPassword, token }));
    expect((await use('first-new-password')).statusCode).toBe(200);
    expect((await use('second-new-password')).statusCode).toBe(400);
    expect((await signIn(email, 'first-new-password')).statusCode).toBe(200);
  });

  it('answers the same for an unknown address, and sends nothing', async () => {
    const known = await signUp();
    const email = newAddress();
    const [forKnown, forUnknown] = await Promise.all([
      ctx.app.inject(resetRequest(known.email)),
      ctx.app.inject(resetRequest(email)),
    ]);
    expect(forUnknown.statusCode).toBe(forKnown.statusCode);
    expect(forUnknown.json()).toEqual(forKnown.json());
    await expect(lastMailTo(ctx, email)).rejects.toThrow(/No e-mail/);
  });
});

describe('account messages (through notify)', () => {
  /** Signs up and turns every notification preference off, as the preferences page can. */
  async function signUpWithEverythingOff() {
    const { email, cookie } = await signUp();
    const off = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      headers: { cookie, origin: ORIGIN },
      payload: { items: NOTIFICATION_TYPES.map((type) => ({ type, channel: 'off' })) },
    });
    expect(off.statusCode).toBe(200);
    const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return { email, cookie, userId: user?.id ?? '' };
  }
  const inApp = (userId: string) =>
    ctx.db.select().from(notifications).where(eq(notifications.userId, userId));

  it('a verification e-mail asked for again still arrives with every preference off, and only by e-mail', async () => {
    const { email, cookie, userId } = await signUpWithEverythingOff();
    const again = await ctx.app.inject(
      authRequest('/api/auth/send-verification-email', { email }, { cookie }),
    );
    expect(again.statusCode).toBe(200);
    const mails = await mailTo(ctx, email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Confirm your e-mail address for Handoff',
      'Confirm your e-mail address for Handoff',
    ]);
    expect(mails[0]?.text).toBe(
      `Hello Nora Quinn,\n\nPlease confirm that ${email} is your address by opening this link:\n\n${linkIn(mails[0]?.text ?? '', VERIFY_LINK).href}\n\nThanks,\nHandoff`,
    );
    expect(await inApp(userId)).toEqual([]);
  });

  it('a password reset e-mail arrives with every preference off, and no in-app notification', async () => {
    const { email, userId } = await signUpWithEverythingOff();
    const link = await requestReset(email);
    const mail = await lastMailTo(ctx, email);
    expect(mail.subject).toBe('Reset your Handoff password');
    expect(mail.text).toContain(`Hello Nora Quinn,`);
    expect(mail.text).toContain(link.href);
    expect(await inApp(userId)).toEqual([]);
  });
});

describe('cross-site requests on cookie sessions', () => {
  const patchMe = (headers: Record<string, string>) =>
    ctx.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { name: 'Changed' },
      headers,
    });

  it('refuses a cookie-signed change from a foreign origin or with no origin (403), and changes nothing', async () => {
    const { cookie } = await signUp();
    const foreign = await patchMe({ cookie, origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect((await patchMe({ cookie })).statusCode).toBe(403);
    // A look needs no Origin: reading cannot be forged into a change.
    expect((await me(cookie)).json().user.name).toBe('Nora Quinn');
  });

  it('accepts a cookie-signed change from our own origin', async () => {
    const { cookie } = await signUp();
    const res = await patchMe({ cookie, origin: ORIGIN });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.name).toBe('Changed');
  });

  it('needs no Origin on a Bearer-token request, which carries no ambient credential', async () => {
    const person = cast.people.viewer;
    const res = await patchMe({ authorization: `Bearer ${person.token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: person.id, name: 'Changed' });
  });
});

describe('rate limits', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({ config: { authRateLimit: true } });
  });

  it('answers the 11th sign-in within a minute from one client with 429; other clients go on', async () => {
    const attempt = (remoteAddress: string, headers: Record<string, string> = {}) =>
      limited.app.inject({
        ...signInRequest('someone@test.example', 'wrong-password', headers),
        remoteAddress,
      });
    for (let i = 1; i <= 10; i++) {
      expect((await attempt('203.0.113.7')).statusCode, `attempt ${i}`).toBe(401);
    }
    expect((await attempt('203.0.113.7')).statusCode).toBe(429);
    // The bucket comes from the connection; a client cannot name its own.
    const spoofed = await attempt('203.0.113.7', { 'x-handoff-client-ip': '192.0.2.99' });
    expect(spoofed.statusCode).toBe(429);
    expect((await attempt('198.51.100.4')).statusCode).toBe(401);
  });
});

/**
 * better-auth's routes know nobody by API token: a caller's role or token changes nothing.
 * Each entry prepares a fresh request, since most of these use up what they act on.
 */
const authRoutes: [string, (role: RoleName) => Promise<InjectOptions>, number][] = [
  ['POST /api/auth/sign-up/email', async () => signUpRequest(newAddress()), 200],
  [
    'POST /api/auth/sign-in/email',
    async () => signInRequest((await signUp()).email, PASSWORD),
    200,
  ],
  [
    'POST /api/auth/sign-out',
    async () => ({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: ORIGIN, cookie: (await signUp()).cookie },
    }),
    200,
  ],
  [
    'GET /api/auth/verify-email',
    async () => {
      const { email } = await signUp();
      const link = linkIn((await lastMailTo(ctx, email)).text, VERIFY_LINK);
      return { method: 'GET', url: link.pathname + link.search };
    },
    302,
  ],
  ['POST /api/auth/request-password-reset', async () => resetRequest((await signUp()).email), 200],
  [
    'GET /api/auth/reset-password/:token',
    async () => {
      const link = await requestReset((await signUp()).email);
      return { method: 'GET', url: link.pathname + link.search };
    },
    302,
  ],
  [
    'POST /api/auth/reset-password',
    async () => {
      const token = await followResetLink(await requestReset((await signUp()).email));
      return authRequest('/api/auth/reset-password', { newPassword: 'matrix-password', token });
    },
    200,
  ],
];

describe('role matrices of /api/auth', () => {
  it.each(authRoutes)('role matrix: %s answers alike whoever calls', async (_, request, status) => {
    await expectRoleMatrix(
      ctx,
      cast,
      request,
      // better-auth's routes are outside /api/v1 and the permissions table: written out.
      Object.fromEntries(ROLES.map((role) => [role, status])) as Record<RoleName, number>,
    );
  });

  it('an API token is not a better-auth session', async () => {
    const res = await call(ctx, cast.people.owner, { method: 'GET', url: '/api/auth/get-session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toBeNull();
  });
});
