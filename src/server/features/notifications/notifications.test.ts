import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import { jobsUrl } from '../../../../test/business-jobs.ts';
import { buildBusiness, buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { lastMailTo, mailTo } from '../../../../test/mailbox.ts';
import { raiseNotifications } from '../../../../test/notification-factories.ts';
import {
  buildCast,
  expectRoleMatrix,
  type Cast,
  type RoleName,
} from '../../../../test/role-matrix.ts';
import {
  NOTIFICATION_TYPES,
  type Notification,
  type NotificationPage,
  type NotificationPreferences,
} from '../../../core/contracts/notifications.ts';
import { NOTIFICATION_TYPE_INFO } from '../../../core/notifications.ts';
import { notifications, users } from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';
import { createMailer } from '../../lib/mail.ts';
import { createNotifier } from './notify.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const list = async (who: TestUser, query = '') => {
  const res = await call(ctx, who, { method: 'GET', url: `/api/v1/notifications${query}` });
  expect(res.statusCode).toBe(200);
  return res.json<NotificationPage>();
};
const unread = async (who: TestUser) => {
  const res = await call(ctx, who, { method: 'GET', url: '/api/v1/notifications/unread-count' });
  expect(res.statusCode).toBe(200);
  return res.json<{ unread: number }>().unread;
};
const markRead = (who: TestUser, id: string) =>
  call(ctx, who, { method: 'POST', url: `/api/v1/notifications/${id}/read` });
const setPreference = async (who: TestUser, type: string, channel: string) => {
  const res = await call(ctx, who, {
    method: 'PUT',
    url: '/api/v1/notification-preferences',
    payload: { items: [{ type, channel }] },
  });
  expect(res.statusCode).toBe(200);
  return res.json<NotificationPreferences>();
};

/** A business's owner inviting `pro` to a fresh open job through the API. */
async function inviteToAJob(pro: TestUser) {
  const { business, owner } = await buildBusiness(ctx, { name: 'Crumb & Co' });
  const job = await buildJob(ctx, { businessId: business.id, createdBy: owner.id });
  const res = await call(ctx, owner, {
    method: 'POST',
    url: jobsUrl(business.id, job.id, '/invitations'),
    payload: { email: pro.email },
  });
  expect(res.statusCode).toBe(202);
  return job;
}

describe('notify: each person’s channel for the type decides what is written', () => {
  it('email (the default): an in-app notification and an e-mail, both in the person’s words', async () => {
    const pro = await buildUser(ctx, { professional: true, name: 'Rita Pro' });
    const job = await inviteToAJob(pro);

    const page = await list(pro);
    expect(page.unread).toBe(1);
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        type: 'job.invitation',
        title: `Crumb & Co invited you to a job: ${job.title}`,
        body: 'Owner would like you to read the brief and send a bid.',
        link: `/jobs/${job.id}`,
        readAt: null,
        createdAt: ctx.clock.now().toISOString(),
      },
    ]);
    const mail = await lastMailTo(ctx, pro.email);
    expect(mail.subject).toBe(`Crumb & Co invited you to a job on Handoff: ${job.title}`);
    expect(mail.text).toMatch(/^Hello Rita Pro,/);
  });

  it('in_app: the notification, and no e-mail', async () => {
    const pro = await buildUser(ctx, { professional: true });
    await setPreference(pro, 'job.invitation', 'in_app');
    await inviteToAJob(pro);
    expect((await list(pro)).items.map((n) => n.type)).toEqual(['job.invitation']);
    expect(await mailTo(ctx, pro.email)).toHaveLength(0);
  });

  it('off: neither a notification nor an e-mail, though the invitation is made', async () => {
    const pro = await buildUser(ctx, { professional: true });
    await setPreference(pro, 'job.invitation', 'off');
    await inviteToAJob(pro);
    expect((await list(pro)).items).toEqual([]);
    expect(await unread(pro)).toBe(0);
    expect(await mailTo(ctx, pro.email)).toHaveLength(0);
  });

  it('a preference for one type leaves the other on its default', async () => {
    const person = await buildUser(ctx);
    await setPreference(person, 'job.invitation', 'off');
    const { business, owner } = await buildBusiness(ctx, { name: 'Corner Café' });
    const res = await call(ctx, owner, {
      method: 'POST',
      url: `/api/v1/businesses/${business.id}/invitations`,
      payload: { email: person.email, role: 'viewer' },
    });
    expect(res.statusCode).toBe(201);
    expect((await list(person)).items.map((n) => n.title)).toEqual([
      'Corner Café invited you to its team',
    ]);
    expect(await mailTo(ctx, person.email)).toHaveLength(1);
  });
});

describe('team invitation through notify', () => {
  it('a person with an account reads the expiry on their own clock, in the app and the e-mail', async () => {
    ctx.clock.set('2026-07-14T23:30:00Z');
    const person = await buildUser(ctx, { name: 'Kenji' });
    await ctx.db.update(users).set({ timeZone: 'Asia/Tokyo' }).where(eq(users.id, person.id));
    const { business, owner } = await buildBusiness(ctx, { name: 'Corner Café' });
    await call(ctx, owner, {
      method: 'POST',
      url: `/api/v1/businesses/${business.id}/invitations`,
      payload: { email: person.email, role: 'manager' },
    });
    // Seven days later, 23:30 UTC, is the next morning in Tokyo.
    const expiry = 'Wednesday, 22 July 2026 at 08:30 (Asia/Tokyo)';
    const [notification] = (await list(person)).items;
    expect(notification?.body).toBe(
      `Owner invited you as manager. The invitation works until ${expiry}.`,
    );
    expect(notification?.link).toMatch(/^\/invitations\/inv_/);
    const mail = await lastMailTo(ctx, person.email);
    expect(mail.text).toContain(`Hello Kenji,`);
    expect(mail.text).toContain(`(the link works until ${expiry})`);
    expect(mail.text).toContain(`http://localhost:3000${notification?.link}`);
  });

  it('an address with no account gets the e-mail only, worded as before notifications', async () => {
    ctx.clock.set('2026-07-14T23:30:00Z');
    const email = `new-${newId()}@test.example`;
    const { business, owner } = await buildBusiness(ctx, { name: 'Corner Café' });
    const before = await ctx.db.$count(notifications);
    await call(ctx, owner, {
      method: 'POST',
      url: `/api/v1/businesses/${business.id}/invitations`,
      payload: { email, role: 'viewer' },
    });
    expect(await ctx.db.$count(notifications)).toBe(before);
    const mail = await lastMailTo(ctx, email);
    expect(mail.text).toMatch(
      /^Owner invited you to join Corner Café on Handoff as viewer\.\n\nAccept the invitation here \(the link works until Tue, 21 Jul 2026 23:30:00 GMT\):\n\nhttp:\/\/localhost:3000\/invitations\/inv_\S+\n\nIf you do not have a Handoff account yet, you can create one from that page\.$/,
    );
  });
});

describe('GET /api/v1/notifications', () => {
  it('pages newest first with an opaque cursor, and filters to unread', async () => {
    const person = await buildUser(ctx);
    await raiseNotifications(ctx, person.id, 5);
    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: NotificationPage = await list(
        person,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.unread).toBe(5);
      titles.push(...page.items.map((n) => n.title));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(titles).toEqual(
      [5, 4, 3, 2, 1].map((i) => `Test Bakery invited you to a job: Job number ${i}`),
    );

    const newest = (await list(person, '?limit=1')).items[0] as Notification;
    expect((await markRead(person, newest.id)).statusCode).toBe(204);
    const onlyUnread = await list(person, '?unread=true');
    expect(onlyUnread.items).toHaveLength(4);
    expect(onlyUnread.items.map((n) => n.id)).not.toContain(newest.id);
    expect(onlyUnread.unread).toBe(4);
  });

  it('shows nobody else’s notifications', async () => {
    const person = await buildUser(ctx);
    const other = await buildUser(ctx);
    await raiseNotifications(ctx, other.id, 2);
    expect(await list(person)).toEqual({ items: [], nextCursor: null, unread: 0 });
  });

  it('answers 400 naming the field for a bad limit, cursor or unread flag', async () => {
    const person = await buildUser(ctx);
    for (const [query, field] of [
      ['?limit=0', 'querystring.limit'],
      ['?limit=101', 'querystring.limit'],
      ['?limit=ten', 'querystring.limit'],
      ['?cursor=not-one-we-gave', 'querystring.cursor'],
      ['?unread=maybe', 'querystring.unread'],
    ] as const) {
      const res = await call(ctx, person, { method: 'GET', url: `/api/v1/notifications${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(errorPaths(res), query).toEqual([field]);
    }
  });
});

describe('marking read', () => {
  it('marks one read (again changes nothing), then all; the unread count follows', async () => {
    const person = await buildUser(ctx);
    await raiseNotifications(ctx, person.id, 3);
    const [first] = (await list(person)).items as [Notification];
    ctx.clock.set('2026-08-01T10:00:00Z');
    expect((await markRead(person, first.id)).statusCode).toBe(204);
    expect(await unread(person)).toBe(2);
    ctx.clock.set('2026-08-02T10:00:00Z');
    expect((await markRead(person, first.id)).statusCode).toBe(204);
    const [again] = (await list(person)).items;
    expect(again?.readAt).toBe('2026-08-01T10:00:00.000Z');

    const all = await call(ctx, person, { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(all.statusCode).toBe(204);
    expect(await unread(person)).toBe(0);
    expect((await list(person)).items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('someone else’s notification, or one that does not exist, is a 404 and stays unread', async () => {
    const person = await buildUser(ctx);
    const other = await buildUser(ctx);
    await raiseNotifications(ctx, other.id);
    const [theirs] = (await list(other)).items as [Notification];
    for (const id of [theirs.id, newId()]) {
      const res = await markRead(person, id);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await unread(other)).toBe(1);
  });

  it('read-all leaves other people’s notifications unread', async () => {
    const person = await buildUser(ctx);
    const other = await buildUser(ctx);
    await raiseNotifications(ctx, person.id);
    await raiseNotifications(ctx, other.id);
    await call(ctx, person, { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(await unread(other)).toBe(1);
  });

  it('answers 400 naming params.notificationId for an id that is not a uuid', async () => {
    const res = await markRead(await buildUser(ctx), 'nope');
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['params.notificationId']);
  });
});

describe('notification preferences', () => {
  it('lists every type with its default until the person chooses, and keeps unlisted types', async () => {
    const person = await buildUser(ctx);
    const get = async () =>
      (await call(ctx, person, { method: 'GET', url: '/api/v1/notification-preferences' })).json();
    // Every type, in the table's order, on its default channel (other features add types).
    expect(await get()).toEqual({
      items: NOTIFICATION_TYPES.map((type) => ({
        type,
        label: NOTIFICATION_TYPE_INFO[type].label,
        description: expect.any(String),
        channel: NOTIFICATION_TYPE_INFO[type].defaultChannel,
      })),
    });
    expect((await get()).items.slice(0, 2)).toMatchObject([
      { type: 'team.invitation', label: 'Team invitations', channel: 'email' },
      { type: 'job.invitation', label: 'Job invitations', channel: 'email' },
    ]);
    await setPreference(person, 'team.invitation', 'off');
    const after = await setPreference(person, 'job.invitation', 'in_app');
    const channels = new Map(after.items.map((i) => [i.type, i.channel]));
    expect([channels.get('team.invitation'), channels.get('job.invitation')]).toEqual([
      'off',
      'in_app',
    ]);
    expect(await get()).toEqual(after);
  });

  it('answers 400 naming the field for an unknown type or channel, a type listed twice, or nothing', async () => {
    const person = await buildUser(ctx);
    for (const [items, field] of [
      [[{ type: 'bids.new', channel: 'email' }], 'body.items.0.type'],
      [[{ type: 'job.invitation', channel: 'sms' }], 'body.items.0.channel'],
      [
        [
          { type: 'job.invitation', channel: 'off' },
          { type: 'job.invitation', channel: 'email' },
        ],
        'body.items.1.type',
      ],
      [[], 'body.items'],
    ] as const) {
      const res = await call(ctx, person, {
        method: 'PUT',
        url: '/api/v1/notification-preferences',
        payload: { items },
      });
      expect(res.statusCode, JSON.stringify(items)).toBe(400);
      expect(errorPaths(res)).toEqual([field]);
    }
  });
});

describe('role matrix: every route is the caller’s own, anonymous 401', () => {
  const signedIn = (ok: number): Record<RoleName, number> => ({
    anonymous: 401,
    owner: ok,
    manager: ok,
    viewer: ok,
    otherBusiness: ok,
    professional: ok,
    admin: ok,
  });
  const person = (role: RoleName) => (role === 'anonymous' ? null : cast.people[role]);

  it('GET /api/v1/notifications', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/notifications' }),
      signedIn(200),
    );
  });
  it('GET /api/v1/notifications/unread-count', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/notifications/unread-count' }),
      signedIn(200),
    );
  });
  it('POST /api/v1/notifications/:id/read (each their own)', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        const who = person(role);
        if (!who) return { method: 'POST', url: `/api/v1/notifications/${newId()}/read` };
        await raiseNotifications(ctx, who.id);
        const [mine] = (await list(who)).items as [Notification];
        return { method: 'POST', url: `/api/v1/notifications/${mine.id}/read` };
      },
      signedIn(204),
    );
  });
  it('POST /api/v1/notifications/read-all', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }),
      signedIn(204),
    );
  });
  it('GET /api/v1/notification-preferences', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/notification-preferences' }),
      signedIn(200),
    );
  });
  it('PUT /api/v1/notification-preferences', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: '/api/v1/notification-preferences',
        payload: { items: [{ type: 'team.invitation', channel: 'in_app' }] },
      }),
      signedIn(200),
    );
  });
});

describe('OpenAPI', () => {
  it('documents the stream as text/event-stream', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const stream = doc.paths['/api/v1/notifications/stream'].get;
    expect(Object.keys(stream.responses['200'].content)).toEqual(['text/event-stream']);
  });
});

describe('account messages', () => {
  const notify = () =>
    createNotifier({
      mailer: createMailer({ db: ctx.db, from: ctx.config.mailFrom }),
      baseUrl: ctx.config.baseUrl,
      clock: ctx.clock,
    });

  it('reach a person whose every preference is off, by e-mail only', async () => {
    const person = await buildUser(ctx, { name: 'Ada Quiet' });
    for (const type of ['team.invitation', 'job.invitation'])
      await setPreference(person, type, 'off');
    await ctx.db.transaction((tx) =>
      notify()(tx, [{ userId: person.id }], 'account.password-reset', {
        name: person.name,
        url: 'https://handoff.test/reset/abc',
      }),
    );
    const mail = await lastMailTo(ctx, person.email);
    expect(mail.subject).toBe('Reset your Handoff password');
    expect(mail.text).toContain('Hello Ada Quiet,');
    expect(mail.text).toContain('https://handoff.test/reset/abc');
    expect((await list(person)).items).toEqual([]);
  });

  it('go to an address with no account, once however often it is named', async () => {
    const email = `nobody-${newId()}@test.example`;
    await ctx.db.transaction((tx) =>
      notify()(tx, [{ email }, { email: email.toUpperCase() }], 'account.verification', {
        name: 'Nobody Yet',
        email,
        url: 'https://handoff.test/verify?token=t',
      }),
    );
    const mails = await mailTo(ctx, email);
    expect(mails.map((m) => m.subject)).toEqual(['Confirm your e-mail address for Handoff']);
  });
});
