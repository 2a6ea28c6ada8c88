/**
 * Meetings over HTTP against a real database: role matrices of every route, booking across
 * time zones with every e-mailed invitation read back by an independent parser (ical.js) —
 * one UID for the meeting's life, SEQUENCE rising, CANCEL for a cancellation — the private
 * calendar feed, minutes whose action items become one issue each, the "meeting soon"
 * reminder by the fake clock, and a booking reaching the other side's open stream.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCastContract, contractExpected } from '../../../../test/contract-factories.ts';
import { openEventStream, type EventStream, forContract } from '../../../../test/event-stream.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { parseFeed, parseInvitation } from '../../../../test/ics.ts';
import { mailTo } from '../../../../test/mailbox.ts';
import {
  buildCast,
  expectedFor,
  expectRoleMatrix,
  type Cast,
} from '../../../../test/role-matrix.ts';
import { ContractChangeEventSchema } from '../../../core/contracts/offers.ts';
import { notifications, users, workIssues } from '../../db/schema/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CALL = 'https://meet.example.com/cake-weekly';

let ctx: TestContext;
let cast: Cast;
let base: string;
const streams: EventStream[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2027-03-01T09:00:00Z');
  cast = await buildCast(ctx);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on a port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => {
  for (const s of streams) s.close();
});

async function setTimeZone(user: TestUser, timeZone: string) {
  await ctx.db.update(users).set({ timeZone }).where(eq(users.id, user.id));
}

const inDays = (days: number) => new Date(ctx.clock.now().getTime() + days * DAY).toISOString();

async function book(
  contractId: string,
  by: TestUser = cast.people.owner,
  body: Record<string, unknown> = {},
) {
  const res = await call(ctx, by, {
    method: 'POST',
    url: `/api/v1/contracts/${contractId}/meetings`,
    payload: {
      title: 'Weekly check-in',
      agenda: '1. Demo\n2. **Next steps**',
      startsAt: inDays(2),
      durationMinutes: 45,
      attendeeIds: [cast.people.professional.id],
      callLink: CALL,
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; sequence: number; startsAt: string }>();
}

/** The .ics attached to the newest e-mail with a calendar to `email`, parsed. */
async function lastInvitationTo(email: string) {
  const message = (await mailTo(ctx, email)).find((m) => m.attachments.length > 0);
  const attachment = message?.attachments[0];
  if (!attachment) throw new Error(`no calendar e-mailed to ${email}`);
  return { message, parsed: parseInvitation(attachment.content) };
}

describe('role matrices', () => {
  it('reading routes follow meetings.read', async () => {
    const contract = await buildCastContract(ctx, cast);
    const meeting = await book(contract.id);
    const url = `/api/v1/contracts/${contract.id}/meetings`;
    const read = contractExpected('meetings.read', 200);
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url }), read);
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: `${url}/people` }), read);
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: `${url}/${meeting.id}` }), read);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `${url}/${meeting.id}/calendar.ics` }),
      read,
    );
  });

  it('changing routes follow meetings.manage, action items issues.write', async () => {
    const contract = await buildCastContract(ctx, cast);
    const url = `/api/v1/contracts/${contract.id}/meetings`;
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url,
        payload: {
          title: 'Kick-off',
          startsAt: inDays(3),
          attendeeIds: [cast.people.professional.id],
        },
      }),
      contractExpected('meetings.manage', 201),
    );
    const shared = await book(contract.id);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PATCH',
        url: `${url}/${shared.id}`,
        payload: { title: 'Weekly check-in (renamed)' },
      }),
      contractExpected('meetings.manage', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: `${url}/${shared.id}/minutes`,
        payload: { minutes: '- [ ] Send the mock-ups' },
      }),
      contractExpected('meetings.manage', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'POST', url: `${url}/${(await book(contract.id)).id}/cancel` }),
      contractExpected('meetings.manage', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const m = await book(contract.id);
        const written = await call(ctx, cast.people.owner, {
          method: 'PUT',
          url: `${url}/${m.id}/minutes`,
          payload: { minutes: '- [ ] Call the printer' },
        });
        expect(written.statusCode).toBe(200);
        return {
          method: 'POST',
          url: `${url}/${m.id}/action-items/issue`,
          payload: { text: 'Call the printer' },
        };
      },
      contractExpected('issues.write', 201),
    );
  });

  it('the calendar feed: one’s own with a session or token, the feed itself by its secret alone', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/me/calendar-feed' }),
      expectedFor('signedIn', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: '/api/v1/me/calendar-feed' }),
      expectedFor('signedIn', 201),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'DELETE', url: '/api/v1/me/calendar-feed' }),
      expectedFor('signedIn', 204),
    );
    const made = await call(ctx, cast.people.manager, {
      method: 'POST',
      url: '/api/v1/me/calendar-feed',
    });
    const path = new URL(made.json().url).pathname;
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: path }),
      expectedFor('public', 200),
    );
  });
});

describe('booking across time zones', () => {
  it('stores the instant, e-mails every attendee the same invitation, each in their own zone', async () => {
    await setTimeZone(cast.people.owner, 'America/New_York');
    await setTimeZone(cast.people.professional, 'Asia/Tokyo');
    const contract = await buildCastContract(ctx, cast);
    // 10:00 in New York on 8 March 2027 is 15:00 UTC (EST, before the 14 March change).
    const meeting = await book(contract.id, cast.people.owner, {
      startsAt: '2027-03-08T10:00:00-05:00',
      attendeeIds: [cast.people.professional.id, cast.people.manager.id],
    });
    expect(meeting).toMatchObject({
      startsAt: '2027-03-08T15:00:00.000Z',
      endsAt: '2027-03-08T15:45:00.000Z',
      timeZone: 'America/New_York',
      sequence: 0,
      status: 'scheduled',
    });
    const emails = [cast.people.owner, cast.people.professional, cast.people.manager].map((p) =>
      p.email.toLowerCase(),
    );
    for (const person of [cast.people.owner, cast.people.professional, cast.people.manager]) {
      const { parsed } = await lastInvitationTo(person.email);
      expect(parsed).toMatchObject({
        method: 'REQUEST',
        uid: `meeting-${meeting.id}@handoff`,
        sequence: 0,
        status: 'CONFIRMED',
        startZone: 'UTC',
        location: CALL,
      });
      expect(parsed.start.toISOString()).toBe('2027-03-08T15:00:00.000Z');
      expect(parsed.end.toISOString()).toBe('2027-03-08T15:45:00.000Z');
      expect(parsed.organizer?.toLowerCase()).toBe(
        `mailto:${cast.people.owner.email.toLowerCase()}`,
      );
      expect(parsed.attendees.map((a) => a.toLowerCase().replace('mailto:', '')).sort()).toEqual(
        [...emails].sort(),
      );
    }
    // The professional reads Tokyo's clock (00:00 on the 9th), the owner New York's.
    const forPro = await lastInvitationTo(cast.people.professional.email);
    expect(forPro.message?.subject).toContain('9 March 2027');
    expect(forPro.message?.subject).toContain('00:00');
    const forOwner = await lastInvitationTo(cast.people.owner.email);
    expect(forOwner.message?.subject).toContain('8 March 2027');
    expect(forOwner.message?.subject).toContain('10:00');
    await setTimeZone(cast.people.owner, 'UTC');
    await setTimeZone(cast.people.professional, 'UTC');
  });

  it('a move keeps the UID and raises SEQUENCE; a cancellation is METHOD:CANCEL, higher still', async () => {
    const contract = await buildCastContract(ctx, cast);
    const meeting = await book(contract.id, cast.people.professional, {
      attendeeIds: [cast.people.owner.id],
    });
    const url = `/api/v1/contracts/${contract.id}/meetings/${meeting.id}`;
    const moved = await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url,
      payload: { startsAt: '2027-03-10T16:30:00Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().sequence).toBe(1);
    const update = (await lastInvitationTo(cast.people.owner.email)).parsed;
    expect(update).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${meeting.id}@handoff`,
      sequence: 1,
    });
    expect(update.start.toISOString()).toBe('2027-03-10T16:30:00.000Z');
    expect(update.organizer?.toLowerCase()).toBe(
      `mailto:${cast.people.professional.email.toLowerCase()}`,
    );

    const cancelled = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `${url}/cancel`,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 2 });
    for (const email of [cast.people.owner.email, cast.people.professional.email]) {
      const { parsed } = await lastInvitationTo(email);
      expect(parsed).toMatchObject({
        method: 'CANCEL',
        uid: `meeting-${meeting.id}@handoff`,
        sequence: 2,
        status: 'CANCELLED',
      });
      expect(parsed.start.toISOString()).toBe('2027-03-10T16:30:00.000Z');
    }
    const download = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `${url}/calendar.ics`,
    });
    expect(download.headers['content-type']).toContain('text/calendar');
    expect(parseInvitation(download.body)).toMatchObject({ method: 'CANCEL', sequence: 2 });
    // A cancelled meeting is not moved again.
    const again = await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url,
      payload: { title: 'Back on' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('someone taken off the attendees gets a cancellation of the same event', async () => {
    const contract = await buildCastContract(ctx, cast);
    const meeting = await book(contract.id, cast.people.owner, {
      attendeeIds: [cast.people.professional.id, cast.people.viewer.id],
    });
    const res = await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url: `/api/v1/contracts/${contract.id}/meetings/${meeting.id}`,
      payload: { attendeeIds: [cast.people.professional.id] },
    });
    expect(res.statusCode).toBe(200);
    const forViewer = (await lastInvitationTo(cast.people.viewer.email)).parsed;
    expect(forViewer).toMatchObject({
      method: 'CANCEL',
      uid: `meeting-${meeting.id}@handoff`,
      sequence: 1,
    });
    const forPro = (await lastInvitationTo(cast.people.professional.email)).parsed;
    expect(forPro).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(forPro.attendees.map((a) => a.toLowerCase())).not.toContain(
      `mailto:${cast.people.viewer.email.toLowerCase()}`,
    );
  });

  it('refuses a start in the past and a person who is not on the contract, naming the field', async () => {
    const contract = await buildCastContract(ctx, cast);
    const stranger = await buildUser(ctx, { professional: true });
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/meetings`,
      payload: {
        title: 'Too late',
        startsAt: new Date(ctx.clock.now().getTime() - HOUR).toISOString(),
        attendeeIds: [cast.people.professional.id],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.startsAt', message: 'This time is in the past; pick a later one' },
    ]);
    const outsider = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/meetings`,
      payload: { title: 'Hello', startsAt: inDays(1), attendeeIds: [stranger.id] },
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors).toEqual([
      { path: 'body.attendeeIds.0', message: 'This person is not on the contract' },
    ]);
    const bad = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/meetings`,
      payload: { title: '', startsAt: 'tomorrow', attendeeIds: [], callLink: 'javascript:x' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.title', 'body.startsAt', 'body.attendeeIds', 'body.callLink']),
    );
  });

  it('an ended contract books no meeting (409)', async () => {
    const contract = await buildCastContract(ctx, cast, { status: 'completed' });
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/meetings`,
      payload: { title: 'Late', startsAt: inDays(1), attendeeIds: [cast.people.professional.id] },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('calendar feed', () => {
  it('lists every meeting of the person’s contracts, cancelled ones as CANCELLED; a remade feed revokes the old', async () => {
    const pro = await buildUser(ctx, { professional: true, name: 'Feed Pro' });
    const contract = await buildCastContract(ctx, cast);
    const other = await buildCastContract(ctx, {
      ...cast,
      people: { ...cast.people, professional: pro },
    });
    const kept = await book(other.id, cast.people.owner, { attendeeIds: [pro.id], title: 'Kept' });
    const dropped = await book(other.id, cast.people.owner, {
      attendeeIds: [pro.id],
      title: 'Dropped',
      startsAt: inDays(4),
    });
    await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${other.id}/meetings/${dropped.id}/cancel`,
    });
    // Someone else's contract's meeting stays out of this feed.
    const notMine = await book(contract.id, cast.people.owner, { title: 'Not for the feed pro' });

    const status = await call(ctx, pro, { method: 'GET', url: '/api/v1/me/calendar-feed' });
    expect(status.json()).toEqual({ createdAt: null });
    const made = await call(ctx, pro, { method: 'POST', url: '/api/v1/me/calendar-feed' });
    expect(made.statusCode).toBe(201);
    const { url, webcalUrl } = made.json<{ url: string; webcalUrl: string }>();
    expect(webcalUrl).toBe(url.replace(/^https?:\/\//, 'webcal://'));
    const path = new URL(url).pathname;

    const feed = await call(ctx, null, { method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = parseFeed(feed.body);
    expect(events.map((e) => e.uid).sort()).toEqual(
      [`meeting-${kept.id}@handoff`, `meeting-${dropped.id}@handoff`].sort(),
    );
    expect(events.find((e) => e.summary === 'Kept')).toMatchObject({
      status: 'CONFIRMED',
      sequence: 0,
      start: kept.startsAt,
    });
    expect(events.find((e) => e.summary === 'Dropped')).toMatchObject({
      status: 'CANCELLED',
      sequence: 1,
    });
    expect(feed.body).not.toContain(notMine.id);

    const remade = await call(ctx, pro, { method: 'POST', url: '/api/v1/me/calendar-feed' });
    expect((await call(ctx, null, { method: 'GET', url: path })).statusCode).toBe(404);
    const fresh = new URL(remade.json().url).pathname;
    expect((await call(ctx, null, { method: 'GET', url: fresh })).statusCode).toBe(200);
    await call(ctx, pro, { method: 'DELETE', url: '/api/v1/me/calendar-feed' });
    expect((await call(ctx, null, { method: 'GET', url: fresh })).statusCode).toBe(404);
    for (const bad of [
      '/api/v1/calendar/nope.ics',
      '/api/v1/calendar/cal_' + 'a'.repeat(43) + '.ics',
    ])
      expect((await call(ctx, null, { method: 'GET', url: bad })).statusCode).toBe(404);
  });
});

describe('minutes and action items', () => {
  it('renders the minutes safely and makes each action item an issue once', async () => {
    const contract = await buildCastContract(ctx, cast);
    const meeting = await book(contract.id);
    const url = `/api/v1/contracts/${contract.id}/meetings/${meeting.id}`;
    const written = await call(ctx, cast.people.professional, {
      method: 'PUT',
      url: `${url}/minutes`,
      payload: {
        minutes:
          '## Decided\n\nBlue palette. <script>alert(1)</script>\n\n- [ ] Send the mock-ups\n- [x] Book the photographer',
      },
    });
    expect(written.statusCode).toBe(200);
    expect(written.json().minutesHtml).not.toContain('<script>');
    expect(written.json().actionItems).toEqual([
      { text: 'Send the mock-ups', done: false, issue: null },
      { text: 'Book the photographer', done: true, issue: null },
    ]);

    const first = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${url}/action-items/issue`,
      payload: { text: 'Send the mock-ups' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const issue = first.json().issue;
    expect(first.json().meeting.actionItems[0].issue).toEqual(issue);
    const second = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `${url}/action-items/issue`,
      payload: { text: 'Send the mock-ups' },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ created: false, issue });
    const made = await ctx.db
      .select()
      .from(workIssues)
      .where(
        and(eq(workIssues.contractId, contract.id), eq(workIssues.sourceMeetingId, meeting.id)),
      );
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ title: 'Send the mock-ups', number: issue.number });

    const missing = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${url}/action-items/issue`,
      payload: { text: 'Something never written' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('body.text');
  });
});

describe('meeting soon', () => {
  async function soonFor(userId: string, title: string) {
    return ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.type, 'meeting.soon')))
      .then((rows) => rows.filter((n) => n.title.includes(title)));
  }

  it('reminds attendees 15 minutes before, at the moved time, and never for a cancelled one', async () => {
    ctx.clock.set('2027-04-01T09:00:00Z');
    const contract = await buildCastContract(ctx, cast);
    const moved = await book(contract.id, cast.people.owner, {
      title: 'Moved standup',
      startsAt: '2027-04-01T12:00:00Z',
    });
    await call(ctx, cast.people.owner, {
      method: 'PATCH',
      url: `/api/v1/contracts/${contract.id}/meetings/${moved.id}`,
      payload: { startsAt: '2027-04-01T15:00:00Z' },
    });
    const dropped = await book(contract.id, cast.people.owner, {
      title: 'Dropped standup',
      startsAt: '2027-04-01T12:00:00Z',
    });
    await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/meetings/${dropped.id}/cancel`,
    });

    ctx.clock.set('2027-04-01T11:50:00Z');
    await ctx.runJobs();
    expect(await soonFor(cast.people.professional.id, 'Moved standup')).toHaveLength(0);
    expect(await soonFor(cast.people.professional.id, 'Dropped standup')).toHaveLength(0);

    ctx.clock.set('2027-04-01T14:46:00Z');
    await ctx.runJobs();
    expect(await soonFor(cast.people.professional.id, 'Moved standup')).toHaveLength(1);
    expect(await soonFor(cast.people.owner.id, 'Moved standup')).toHaveLength(1);
    expect(await soonFor(cast.people.viewer.id, 'Moved standup')).toHaveLength(0);
    await ctx.runJobs();
    expect(await soonFor(cast.people.professional.id, 'Moved standup')).toHaveLength(1);
    ctx.clock.set('2027-03-01T09:00:00Z');
  });
});

describe('live updates', () => {
  it('a booking reaches the professional’s open stream as a meetings change', async () => {
    const contract = await buildCastContract(ctx, cast);
    const stream = await openEventStream(
      `${base}/api/v1/notifications/stream`,
      cast.people.professional.token,
    );
    streams.push(stream);
    await book(contract.id);
    const event = ContractChangeEventSchema.parse(
      JSON.parse((await stream.next('contract', forContract(contract.id))).data),
    );
    expect(event).toEqual({ contractId: contract.id, topic: 'meetings' });
  });
});
