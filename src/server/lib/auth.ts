import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/client.ts';
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema/index.ts';
import { newId } from './ids.ts';
import type { Mailer } from './mail.ts';

export interface AuthOptions {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  secret: string;
  /** Login and sign-up rate limits; on in production, switched off by tests that sign in often. */
  rateLimit: boolean;
}

const SIGN_IN_PER_MINUTE = 10;

/**
 * better-auth: e-mail + password, e-mail verification, password reset, sessions in Postgres,
 * rate limits kept in Postgres (shared by every instance). Mounted at /api/auth/*.
 */
export function createAuth({ db, mailer, baseUrl, secret, rateLimit }: AuthOptions) {
  return betterAuth({
    appName: 'Handoff',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [new URL(baseUrl).origin],
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
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // Sign-in is allowed before verification: with no SMTP configured the link sits in the
      // admin's dev mailbox, and a new user must not be locked out of their own account.
      requireEmailVerification: false,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, url }) {
        await mailer.send({
          to: user.email,
          subject: 'Reset your Handoff password',
          text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your Handoff account. Open this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this message; your password stays as it is.`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      async sendVerificationEmail({ user, url }) {
        await mailer.send({
          to: user.email,
          subject: 'Confirm your e-mail address for Handoff',
          text: `Hello ${user.name},\n\nPlease confirm that ${user.email} is your address by opening this link:\n\n${url}\n\nThanks,\nHandoff`,
        });
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
