/**
 * Live notifications over real HTTP: two Handoff instances on one database, each listening on
 * a loopback port, and clients reading their event streams as a browser would.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type EventStream } from '../../../../test/event-stream.ts';
import { buildBusiness, buildUser } from '../../../../test/factories.ts';
import {
  cookieFrom,
  createTestContext,
  ORIGIN,
  testConfig,
  type TestContext,
} from '../../../../test/harness.ts';
import { raiseNotifications } from '../../../../test/notification-factories.ts';
import { buildCast, ROLES } from '../../../../test/role-matrix.ts';
import { NotificationEventSchema } from '../../../core/contracts/notifications.ts';
import { buildApp } from '../../app.ts';
import { connect, type Database } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { createVerifiedUser } from '../../lib/users.ts';
import { createNotifier } from './notify.ts';
import { notifications } from '../../db/schema/index.ts';

let ctx: TestContext;
/** Instance A is the test context's app; B is a second app on the same database. */
let a: string;
let b: string;
let appB: FastifyInstance;
let databaseB: Database;
const streams: EventStream[] = [];

const listen = async (app: FastifyInstance) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on a port');
  return `http://127.0.0.1:${address.port}`;
};

beforeAll(async () => {
  ctx = await createTestContext();
  a = await listen(ctx.app);
  databaseB = connect(ctx.databaseUrl, 5);
  appB = await buildApp({
    db: databaseB.db,
    pool: databaseB.pool,
    config: testConfig(),
    clock: ctx.clock,
    logger: false,
  });
  b = await listen(appB);
});

afterAll(async () => {
  for (const s of streams) s.close();
  await appB.close();
  await databaseB.close();
});

async function stream(base: string, who?: string | Record<string, string>) {
  const s = await openEventStream(`${base}/api/v1/notifications/stream`, who);
  streams.push(s);
  return s;
}

const parse = (data: string) => NotificationEventSchema.parse(JSON.parse(data));

describe('GET /api/v1/notifications/stream', () => {
  it('a notification raised through instance A reaches a client of instance B, and so does reading it', async () => {
    const { business, owner } = await buildBusiness(ctx, { name: 'Bright Bakery' });
    const person = await buildUser(ctx);
    const onB = await stream(b, person.token);
    expect(onB.status).toBe(200);
    expect(onB.headers['content-type']).toBe('text/event-stream; charset=utf-8');

    // The owner invites the person through A, over HTTP like the web app would.
    const invited = await fetch(`${a}/api/v1/businesses/${business.id}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, role: 'viewer' }),
    });
    expect(invited.status).toBe(201);

    const arrived = parse((await onB.next('notification')).data);
    expect(arrived.unread).toBe(1);
    expect(arrived.notification).toMatchObject({
      type: 'team.invitation',
      title: 'Bright Bakery invited you to its team',
      readAt: null,
    });

    // Read on A (another tab, another device): B's client hears the new count.
    const id = arrived.notification?.id ?? '';
    const read = await fetch(`${a}/api/v1/notifications/${id}/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${person.token}` },
    });
    expect(read.status).toBe(204);
    expect(parse((await onB.next('read')).data)).toEqual({ unread: 0 });
  });

  it('a browser’s session cookie opens the stream too (EventSource sends no other credential)', async () => {
    const email = `browser-${newId()}@test.example`;
    const userId = await createVerifiedUser(ctx.db, ctx.config, {
      email,
      name: 'Nora Quinn',
      password: 'a long enough passphrase for tests',
    });
    const signedIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email, password: 'a long enough passphrase for tests' },
      headers: { origin: ORIGIN },
    });
    expect(signedIn.statusCode).toBe(200);
    const onB = await stream(b, { cookie: cookieFrom(signedIn) });
    expect(onB.status).toBe(200);
    await raiseNotifications(ctx, userId);
    expect(parse((await onB.next('notification')).data).unread).toBe(1);
  });

  it('every open stream of the person hears it, on both instances; nobody else’s does', async () => {
    const person = await buildUser(ctx);
    const bystander = await buildUser(ctx);
    const [onA, onB, theirs] = await Promise.all([
      stream(a, person.token),
      stream(b, person.token),
      stream(b, bystander.token),
    ]);
    await raiseNotifications(ctx, person.id);
    for (const s of [onA, onB]) expect(parse((await s.next('notification')).data).unread).toBe(1);
    // The bystander's stream then gets their own, and only that: nothing of the person's came first.
    await raiseNotifications(ctx, bystander.id);
    const first = parse((await theirs.next('notification')).data);
    const [own] = await ctx.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, bystander.id));
    expect(first.notification?.id).toBe(own?.id);
  });

  it('a notification whose transaction rolls back is neither kept nor announced', async () => {
    const person = await buildUser(ctx);
    const onB = await stream(b, person.token);
    const notify = createNotifier({
      mailer: { enqueue: async () => {} },
      baseUrl: a,
      clock: ctx.clock,
    });
    const data = {
      jobId: newId(),
      businessName: 'Test Bakery',
      inviterName: 'Owner',
      inviteeVerified: true,
    };
    await expect(
      ctx.db.transaction(async (tx) => {
        await notify(tx, [{ userId: person.id }], 'job.invitation', {
          ...data,
          jobTitle: 'Undone',
        });
        throw new Error('the change that caused it failed');
      }),
    ).rejects.toThrow('the change that caused it failed');
    await ctx.db.transaction((tx) =>
      notify(tx, [{ userId: person.id }], 'job.invitation', { ...data, jobTitle: 'Kept' }),
    );
    // Messages are delivered in commit order: had the first been announced, it would come first.
    const first = parse((await onB.next('notification')).data);
    expect(first).toMatchObject({
      unread: 1,
      notification: { title: 'Test Bakery invited you to a job: Kept' },
    });
  });

  it('keeps working after the listening connection is cut: reconnects, tells streams to refresh', async () => {
    const person = await buildUser(ctx);
    const onB = await stream(b, person.token);
    await raiseNotifications(ctx, person.id);
    expect(parse((await onB.next('notification')).data).unread).toBe(1);

    // What a database restart or failover does to every instance's listening connection.
    const { rows } = await ctx.pool.query<{ killed: boolean }>(
      `select pg_terminate_backend(pid) as killed from pg_stat_activity
        where datname = current_database() and application_name = 'handoff-live'`,
    );
    expect(rows.filter((r) => r.killed)).toHaveLength(2);

    // Once listening again, the stream gets its current count without a notification...
    expect(parse((await onB.next('notification')).data)).toEqual({ unread: 1 });
    // ...and the next notification arrives as before.
    await raiseNotifications(ctx, person.id);
    const next = parse((await onB.next('notification')).data);
    expect(next.unread).toBe(2);
    expect(next.notification?.title).toMatch(/invited you to a job/);
  });

  it('role matrix: every signed-in person gets their stream; anonymous 401 problem+json', async () => {
    const cast = await buildCast(ctx);
    for (const role of ROLES) {
      const s = await stream(b, role === 'anonymous' ? undefined : cast.people[role].token);
      if (role === 'anonymous') {
        expect(s.status).toBe(401);
        expect(s.headers['content-type']).toContain('application/problem+json');
      } else {
        expect(s.status, role).toBe(200);
      }
    }
  });

  it('closing the app ends its open streams instead of waiting for them', async () => {
    const person = await buildUser(ctx);
    const onB = await stream(b, person.token);
    await appB.close();
    await onB.ended;
    // Instance A is unaffected.
    const onA = await stream(a, person.token);
    expect(onA.status).toBe(200);
  });
});
