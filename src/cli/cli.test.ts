import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { call, createTestContext } from '../../test/harness.ts';
import type { BoardJob, JobList } from '../core/contracts/jobs.ts';
import {
  audits,
  auditEntries,
  bids,
  businesses,
  jobInvitations,
  jobSpecVersions,
  jobs,
  users,
} from '../server/db/schema/index.ts';
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
      expect(await runDemo(ctx, ctx.config)).toBe(0);
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
      expect(await runDemo(ctx, ctx.config)).toBe(1);
    } finally {
      console.error = error;
    }
  });
});

describe('handoff demo, jobs', () => {
  it('gives the bakery a template job, a job with two spec versions, a vague draft and an invite-only job with Aisha invited; the board shows two businesses', async () => {
    const ctx = await createTestContext();
    const log = console.log;
    console.log = () => {};
    try {
      expect(await runDemo(ctx, ctx.config)).toBe(0);
    } finally {
      console.log = log;
    }
    const signIn = async (email: string) => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: ctx.config.baseUrl },
        payload: { email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
    };
    const maria = await signIn('maria@crumb.example');
    const [bakery] = await ctx.db
      .select({ id: businesses.id })
      .from(businesses)
      .where(eq(businesses.name, 'Crumb & Co. Bakery'));
    const bakeryId = bakery!.id;
    const list = await call(ctx, maria, {
      method: 'GET',
      url: `/api/v1/businesses/${bakeryId}/jobs`,
    });
    const items = list.json<JobList>().items;
    // Four from the jobs demo, the hiring demo's booking page with its eight bids, and the work
    // demo's two jobs (closed: their contracts run).
    expect(items).toHaveLength(7);
    expect(items.filter((j) => j.status === 'closed')).toHaveLength(2);

    const [template] = await ctx.db.select().from(jobs).where(eq(jobs.templateSlug, 'logo-design'));
    expect(template).toMatchObject({ status: 'open', visibility: 'public' });
    expect(template?.budgetMax).not.toBeNull();
    expect(template?.deadline).not.toBeNull();
    expect(template?.checkScore).toBeGreaterThanOrEqual(80);

    const changed = items.find((j) => j.specVersion === 2);
    expect(changed).toMatchObject({ status: 'open', visibility: 'public' });
    const versions = await ctx.db
      .select({ version: jobSpecVersions.version })
      .from(jobSpecVersions)
      .where(eq(jobSpecVersions.jobId, changed!.id))
      .orderBy(asc(jobSpecVersions.version));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const diff = await call(ctx, maria, {
      method: 'GET',
      url: `/api/v1/businesses/${bakeryId}/jobs/${changed!.id}/diff?from=1&to=2`,
    });
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json().sections.length).toBeGreaterThan(0);

    const draft = items.find((j) => j.status === 'draft');
    expect(draft?.score).toBeLessThan(50);
    const draftJob = await call(ctx, maria, {
      method: 'GET',
      url: `/api/v1/businesses/${bakeryId}/jobs/${draft!.id}`,
    });
    expect(draftJob.json().check.findings.length).toBeGreaterThan(3);

    const inviteOnly = items.find((j) => j.visibility === 'invite-only' && j.status === 'open');
    expect(inviteOnly).toMatchObject({ status: 'open', invitedCount: 1 });
    const [aisha] = await ctx.db
      .select({ email: users.email })
      .from(jobInvitations)
      .innerJoin(users, eq(users.id, jobInvitations.userId))
      .where(eq(jobInvitations.jobId, inviteOnly!.id));
    expect(aisha?.email).toBe('aisha@pro.example');

    const board = await call(ctx, null, { method: 'GET', url: '/api/v1/jobs' });
    const onBoard = board.json<{ items: BoardJob[] }>().items;
    expect(onBoard).toHaveLength(5);
    expect(new Set(onBoard.map((j) => j.business.name))).toEqual(
      new Set(['Crumb & Co. Bakery', 'Northwind Outfitters']),
    );
    expect(onBoard.map((j) => j.id)).not.toContain(inviteOnly!.id);
  });
});

describe('handoff demo, bids', () => {
  it('gives the bakery a public job with eight bids from eight professionals, in several currencies and both kinds of terms', async () => {
    const ctx = await createTestContext();
    const log = console.log;
    console.log = () => {};
    try {
      expect(await runDemo(ctx, ctx.config)).toBe(0);
    } finally {
      console.log = log;
    }
    const [job] = await ctx.db
      .select()
      .from(jobs)
      .where(eq(jobs.title, 'Booking page for cake tastings at Crumb & Co.'));
    expect(job).toMatchObject({ status: 'open', visibility: 'public' });
    const rows = await ctx.db.select().from(bids).where(eq(bids.jobId, job!.id));
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((b) => b.professionalId)).size).toBe(8);
    expect(new Set(rows.map((b) => b.currency)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((b) => b.termsType))).toEqual(new Set(['fixed', 'hourly']));
    expect(rows.every((b) => b.status === 'submitted' && b.totalUsd !== null)).toBe(true);
  });
});
