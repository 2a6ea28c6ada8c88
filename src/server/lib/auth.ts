// The minimal build leaves out Kysely, which only a direct database connection needs: our
// database is reached through the Drizzle adapter, and the start is faster without it.
import { betterAuth } from 'better-auth/minimal';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { NameSchema } from '../../core/contracts/common.ts';
import {
  judgePassword,
  loadPasswordChecker,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '../../core/password-strength.ts';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/client.ts';
import type { Notify } from '../features/notifications/notify.ts';
import {
  accounts,
  apiTokens,
  rateLimits,
  sessions,
  users,
  verifications,
} from '../db/schema/index.ts';
import { newId } from './ids.ts';
import type { Mailer } from './mail.ts';

export interface AuthOptions {
  db: Db;
  /** Only asked whether SMTP is set up; the e-mails themselves go through `notify`. */
  mailer: Pick<Mailer, 'smtpConfigured'>;
  notify: Notify;
  baseUrl: string;
  secret: string;
  /** Login and sign-up rate limits; on in production, switched off by tests that sign in often. */
  rateLimit: boolean;
  /** Where a verification link goes when there is no mail server (the server's log). */
  logLink?: (message: string) => void;
  /** Runs once an account's address is verified (invitations sent to it wait for this). */
  onEmailVerified?: (user: { id: string; email: string }) => Promise<void>;
  /** Runs once better-auth's own endpoints changed a name (PATCH /me does its own). */
  onNameChanged?: (userId: string) => Promise<void>;
}

const SIGN_IN_PER_MINUTE = 10;

/**
 * better-auth: e-mail + password, e-mail verification, password reset, sessions in Postgres,
 * rate limits kept in Postgres (shared by every instance). Mounted at /api/auth/*.
 */
export function createAuth({
  db,
  mailer,
  notify,
  baseUrl,
  secret,
  rateLimit,
  logLink,
  onEmailVerified,
  onNameChanged,
}: AuthOptions) {
  return betterAuth({
    appName: 'Handoff',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: trustedOrigins(baseUrl),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    user: {
      // Read by the API's caller resolution; never settable through sign-up or profile updates.
      additionalFields: {
        isAdmin: { type: 'boolean', input: false, required: false, defaultValue: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // Sign-in is allowed before verification: with no SMTP configured the link sits in the
      // admin's dev mailbox, and a new user must not be locked out of their own account.
      requireEmailVerification: false,
      revokeSessionsOnPasswordReset: true,
      // A reset takes the account back: personal API tokens made before it stop working too.
      async onPasswordReset({ user }) {
        await revokeApiTokens(db, user.id);
      },
      async sendResetPassword({ user, url }) {
        // better-auth calls this outside any transaction of ours: the message gets its own.
        await db.transaction((tx) =>
          notify(tx, [{ email: user.email }], 'account.password-reset', { name: user.name, url }),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      async afterEmailVerification(user) {
        await onEmailVerified?.({ id: user.id, email: user.email });
      },
      async sendVerificationEmail({ user, url }) {
        // Without SMTP the mail only reaches the admin's dev mailbox; a self-hoster reading the
        // log must not be stuck either.
        if (!mailer.smtpConfigured)
          logLink?.(`No mail server is set up; the link that verifies ${user.email} is ${url}`);
        // To the address, not the user id: on sign-up the user row may not be committed yet,
        // and a transaction of our own would not see it.
        await db.transaction((tx) =>
          notify(tx, [{ email: user.email }], 'account.verification', {
            name: user.name,
            email: user.email,
            url,
          }),
        );
      },
    },
    hooks: {
      // Every way to set a password goes through the same strength rule as the pages show.
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        switch (ctx.path) {
          case '/sign-up/email':
            return refuseWeakPassword(body.password, {
              email: stringOr(body.email),
              name: stringOr(body.name),
            });
          case '/reset-password': {
            const token = stringOr(body.token) ?? stringOr(ctx.query?.token);
            return refuseWeakPassword(body.newPassword, await resetTokenOwner(db, token));
          }
          case '/change-password': {
            const session = await getSessionFromCtx(ctx);
            return refuseWeakPassword(body.newPassword, session?.user ?? {});
          }
        }
      }),
      // A password change takes the account back, as a reset does: tokens made before it stop.
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/change-password') return;
        const returned = ctx.context.returned as { user?: { id?: string } } | undefined;
        if (returned instanceof Error || !returned?.user?.id) return;
        await revokeApiTokens(db, returned.user.id);
      }),
    },
    databaseHooks: {
      // better-auth's own endpoints take any name; hold them to the same rule as PATCH /me.
      user: {
        create: { before: async (user) => ({ data: { ...user, name: checkedName(user.name) } }) },
        update: {
          before: async (user) =>
            user.name === undefined
              ? undefined
              : { data: { ...user, name: checkedName(user.name) } },
          // The name is in the directory: the profile's search document and listed pages.
          after: async (user, ctx) => {
            const body = (ctx?.body ?? {}) as { name?: unknown };
            if (body.name !== undefined) await onNameChanged?.(user.id);
          },
        },
      },
    },
    rateLimit: {
      enabled: rateLimit,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: SIGN_IN_PER_MINUTE },
        '/sign-up/email': { window: 60, max: SIGN_IN_PER_MINUTE },
        '/request-password-reset': { window: 60, max: 5 },
      },
    },
    advanced: {
      cookiePrefix: 'handoff',
      database: { generateId: () => newId() },
      // The Fastify route sets this header from the socket (or the trusted proxy), so a
      // client cannot pick its own rate-limit bucket.
      ipAddress: { ipAddressHeaders: ['x-handoff-client-ip'] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export const SESSION_COOKIE = 'handoff.session_token';

const stringOr = (value: unknown) => (typeof value === 'string' ? value : undefined);

async function revokeApiTokens(db: Db, userId: string) {
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Whose password a reset token would set, so their e-mail and name count as easy guesses. */
async function resetTokenOwner(db: Db, token: string | undefined) {
  if (!token) return {};
  const [owner] = await db
    .select({ email: users.email, name: users.name })
    .from(verifications)
    .innerJoin(users, eq(sql`${users.id}::text`, verifications.value))
    .where(eq(verifications.identifier, `reset-password:${token}`));
  return owner ?? {};
}

/** A weak password is a 400 whose message says what is wrong and how to do better. */
async function refuseWeakPassword(password: unknown, person: { email?: string; name?: string }) {
  // A missing or non-string password is better-auth's own validation to refuse.
  if (typeof password !== 'string') return;
  const verdict = judgePassword(await loadPasswordChecker(), password, person);
  if (!verdict.ok)
    throw new APIError('BAD_REQUEST', {
      code: 'PASSWORD_TOO_WEAK',
      message: verdict.message ?? 'This password is too easy to guess.',
    });
}

function checkedName(name: unknown): string {
  const parsed = NameSchema.safeParse(name);
  if (!parsed.success)
    throw new APIError('BAD_REQUEST', { message: 'A name of 1 to 120 characters is required.' });
  return parsed.data;
}

/**
 * Origins whose cookie-authenticated requests are accepted. A default `http://localhost:PORT`
 * also trusts `http://127.0.0.1:PORT`, the address the server listens on by default.
 */
export function trustedOrigins(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  const origins = [url.origin];
  if (url.hostname === 'localhost')
    origins.push(`${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ''}`);
  return origins;
}
