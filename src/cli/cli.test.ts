import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { call, createTestContext } from '../../test/harness.ts';
import { audits, auditEntries, businesses, users } from '../server/db/schema/index.ts';
import { createAdmin } from './create-admin.ts';
import { DEMO_PASSWORD, runDemo } from './demo.ts';

describe('handoff create-admin', () => {
  it('creates a verified admin who can sign in with the given password', async () => {
    const ctx = await createTestContext();
    expect(
      await createAdmin(ctx.db, ctx.config, {
        email: 'Ops@Example.test',
        password: 'a-good-password',
      }),
    ).toEqual({ created: true });
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ctx.config.baseUrl },
      payload: { email: 'ops@example.test', password: 'a-good-password' },
    });
    expect(signIn.statusCode).toBe(200);
    const [row] = await ctx.db.select().from(users).where(eq(users.email, 'ops@example.test'));
    expect(row).toMatchObject({ isAdmin: true, emailVerified: true });
  });

  it('refuses to promote an account whose address nobody has verified (anyone may sign up with any address)', async () => {
    const ctx = await createTestContext();
    await ctx.db
      .insert(users)
      .values({ id: crypto.randomUUID(), email: 'taken@example.test', name: 'Mallory' });
    await expect(
      createAdmin(ctx.db, ctx.config, { email: 'taken@example.test', password: 'whatever-pw' }),
    ).rejects.toThrow(/not verified/);
    const [row] = await ctx.db.select().from(users).where(eq(users.email, 'taken@example.test'));
    expect(row?.isAdmin).toBe(false);
  });

  it('promotes an existing verified account', async () => {
    const ctx = await createTestContext();
    const person = await buildUser(ctx, { email: 'lead@example.test' });
    expect(
      await createAdmin(ctx.db, ctx.config, { email: person.email, password: 'ignored-pw' }),
    ).toEqual({ created: false });
    const me = await call(ctx, person, { method: 'GET', url: '/api/v1/me' });
    expect(me.json().user.isAdmin).toBe(true);
  });
});

describe('handoff demo', () => {
  it('fills an empty database with businesses, people and an audit, whose accounts sign in; refuses a second run', async () => {
    const ctx = await createTestContext();
    const log = console.log;
    console.log = () => {};
    try {
      expect(await runDemo(ctx.db, ctx.config)).toBe(0);
    } finally {
      console.log = log;
    }
    const [b] = await ctx.db.select({ n: count() }).from(businesses);
    const [a] = await ctx.db.select({ n: count() }).from(audits);
    const [e] = await ctx.db.select({ n: count() }).from(auditEntries);
    expect(b?.n).toBe(3);
    expect(a?.n).toBe(1);
    expect(e?.n).toBeGreaterThan(10);
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ctx.config.baseUrl },
      payload: { email: 'maria@crumb.example', password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const error = console.error;
    console.error = () => {};
    try {
      expect(await runDemo(ctx.db, ctx.config)).toBe(1);
    } finally {
      console.error = error;
    }
  });
});
