/**
 * Interviews over HTTP against a real database: who may do what (role matrices), slots in the
 * past refused, booking across time zones, and every calendar invitation read back by an
 * independent parser (ical.js) — same UID for the interview's life, SEQUENCE rising, CANCEL
 * for a cancellation. The notes and score stay the business's.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.ts';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { parseInvitation } from '../../../../test/ics.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { mailTo } from '../../../../test/mailbox.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CALL = 'https://meet.example.com/handoff-interview';

let ctx: TestContext;
let cast: Cast;
let jobId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2027-03-01T09:00:00Z');
  cast = await buildCast(ctx);
  jobId = (await buildJob(ctx, { businessId: cast.businessId, createdBy: cast.people.owner.id }))
    .id;
});

async function setTimeZone(user: TestUser, timeZone: string) {
  await ctx.db.update(users).set({ timeZone }).where(eq(users.id, user.id));
}

const base = () => `/api/v1/businesses/${cast.businessId}/jobs/${jobId}`;

/** A bid by `pro` (a new professional unless given) and an interview proposed on it by the owner. */
async function propose(
  options: {
    pro?: TestUser;
    slots?: string[];
    status?: 'submitted' | 'shortlisted';
    /** Another job of the business: one professional has one live bid per job. */
    jobId?: string;
  } = {},
) {
  const onJob = options.jobId ?? jobId;
  const pro = options.pro ?? (await buildUser(ctx, { professional: true, name: 'Priya Pro' }));
  const bid = await buildBid(ctx, {
    jobId: onJob,
    professionalId: pro.id,
    status: options.status ?? 'shortlisted',
  });
  const now = ctx.clock.now().getTime();
  const slots = options.slots ?? [1, 2, 3].map((d) => new Date(now + d * DAY).toISOString());
  const res = await call(ctx, cast.people.owner, {
    method: 'POST',
    url: `/api/v1/businesses/${cast.businessId}/jobs/${onJob}/bids/${bid.id}/interviews`,
    payload: { slots, durationMinutes: 45, callLink: CALL },
  });
  expect(res.statusCode, res.body).toBe(201);
  const interview = res.json<{ id: string; slots: string[]; sequence: number }>();
  return { pro, bid, interview };
}

/** The .ics attached to the newest e-mail to `email`, parsed. */
async function lastInvitationTo(email: string) {
  // Other news (a proposal, a notification) may come after it: the newest one with a calendar.
  const message = (await mailTo(ctx, email)).find((m) => m.attachments.length > 0);
  const attachment = message?.attachments[0];
  if (!attachment) throw new Error(`no calendar e-mailed to ${email}`);
  return { message, attachment, parsed: parseInvitation(attachment.content) };
}

describe('proposing', () => {
  it('refuses times in the past, naming each one', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const bid = await buildBid(ctx, { jobId, professionalId: pro.id, status: 'shortlisted' });
    const past = new Date(ctx.clock.now().getTime() - HOUR).toISOString();
    const future = new Date(ctx.clock.now().getTime() + DAY).toISOString();
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/bids/${bid.id}/interviews`,
      payload: { slots: [future, past], callLink: CALL },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.slots.1', message: 'This time is in the past; pick a later one' },
    ]);
  });

  it('refuses more than five times, a call link that is not a web address, and a declined bid', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const bid = await buildBid(ctx, { jobId, professionalId: pro.id });
    const six = [1, 2, 3, 4, 5, 6].map((d) =>
      new Date(ctx.clock.now().getTime() + d * DAY).toISOString(),
    );
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/bids/${bid.id}/interviews`,
      payload: { slots: six, callLink: 'javascript:alert(1)' },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.slots', 'body.callLink']));

    const declinedPro = await buildUser(ctx, { professional: true });
    const declined = await buildBid(ctx, {
      jobId,
      professionalId: declinedPro.id,
      status: 'declined',
    });
    const refused = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/bids/${declined.id}/interviews`,
      payload: { slots: six.slice(0, 1), callLink: CALL },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('allows one interview under way per bid', async () => {
    const { bid } = await propose();
    const again = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/bids/${bid.id}/interviews`,
      payload: {
        slots: [new Date(ctx.clock.now().getTime() + 5 * DAY).toISOString()],
        callLink: CALL,
      },
    });
    expect(again.statusCode).toBe(409);
  });

  it('answers as the permissions table says (interviews.manage)', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const pro = await buildUser(ctx, { professional: true });
        const bid = await buildBid(ctx, { jobId, professionalId: pro.id });
        return {
          method: 'POST',
          url: `${base()}/bids/${bid.id}/interviews`,
          payload: {
            slots: [new Date(ctx.clock.now().getTime() + DAY).toISOString()],
            callLink: CALL,
          },
        };
      },
      201,
    );
  });
});

describe('booking across time zones', () => {
  it('shows the pro the same instants with both zones, and e-mails both sides the same invitation', async () => {
    const pro = await buildUser(ctx, { professional: true, name: 'Lena Los Angeles' });
    await setTimeZone(pro, 'America/Los_Angeles');
    // 10:00 in Lisbon (WET, UTC+0 on 8 March 2027) is 02:00 in Los Angeles (PST, UTC−8).
    const slots = ['2027-03-08T10:00:00+00:00', '2027-03-09T15:30:00+00:00'];
    const { interview } = await propose({ pro, slots });

    const seen = await call(ctx, pro, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      status: 'proposed',
      slots: ['2027-03-08T10:00:00.000Z', '2027-03-09T15:30:00.000Z'],
      business: { timeZone: 'Europe/Lisbon' },
      professional: { timeZone: 'America/Los_Angeles' },
    });
    expect(seen.json()).not.toHaveProperty('notes');
    expect(seen.json()).not.toHaveProperty('score');

    const notOffered = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: '2027-03-08T11:00:00Z' },
    });
    expect(notOffered.statusCode).toBe(400);
    expect(notOffered.json().errors[0].path).toBe('body.startsAt');

    // The pro answers with their local wall time and offset: the same instant as the slot.
    const booked = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: '2027-03-08T02:00:00-08:00' },
    });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json()).toMatchObject({
      status: 'scheduled',
      startsAt: '2027-03-08T10:00:00.000Z',
    });

    const forPro = await lastInvitationTo(pro.email);
    const forOwner = await lastInvitationTo(cast.people.owner.email);
    for (const { parsed, attachment } of [forPro, forOwner]) {
      expect(attachment.contentType).toContain('method=REQUEST');
      expect(parsed).toMatchObject({
        method: 'REQUEST',
        uid: `${interview.id}@handoff`,
        sequence: 0,
        status: 'CONFIRMED',
        startZone: 'UTC',
        location: CALL,
        url: CALL,
      });
      expect(parsed.start).toEqual(new Date('2027-03-08T10:00:00Z'));
      expect(parsed.end).toEqual(new Date('2027-03-08T10:45:00Z'));
      expect(parsed.description).toContain(CALL);
      expect(parsed.organizer?.toLowerCase()).toBe(`mailto:${cast.people.owner.email}`);
      expect(parsed.attendees.map((a) => a.toLowerCase())).toEqual([`mailto:${pro.email}`]);
    }
    // Each e-mail reads the time on its reader's clock.
    expect(forPro.message?.text).toContain('02:00 (America/Los_Angeles)');
    expect(forOwner.message?.text).toContain('10:00 (Europe/Lisbon)');

    // The download is the same event.
    const download = await call(ctx, pro, {
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}/calendar.ics`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('text/calendar');
    expect(parseInvitation(download.body)).toMatchObject({
      uid: `${interview.id}@handoff`,
      sequence: 0,
      method: 'REQUEST',
    });
  });

  it('gives a professional in Kolkata the instant the business chose in Lisbon', async () => {
    const pro = await buildUser(ctx, { professional: true, name: 'Kiran Kolkata' });
    await setTimeZone(pro, 'Asia/Kolkata');
    // 9 April 2027 09:15 in Lisbon (WEST, UTC+1) = 08:15Z = 13:45 in Kolkata (UTC+5:30).
    const { interview } = await propose({ pro, slots: ['2027-04-09T09:15:00+01:00'] });
    const booked = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: '2027-04-09T13:45:00+05:30' },
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const { parsed, message } = await lastInvitationTo(pro.email);
    expect(parsed.start).toEqual(new Date('2027-04-09T08:15:00Z'));
    expect(message?.text).toContain('13:45 (Asia/Kolkata)');
    const owner = await lastInvitationTo(cast.people.owner.email);
    expect(owner.parsed.start).toEqual(parsed.start);
    expect(owner.message?.text).toContain('09:15 (Europe/Lisbon)');
  });
});

describe('changes after booking', () => {
  it('moves (same UID, higher SEQUENCE), then cancels (METHOD:CANCEL, STATUS:CANCELLED)', async () => {
    const { pro, interview } = await propose();
    const uid = `${interview.id}@handoff`;
    await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: interview.slots[0] },
    });
    const newTime = new Date(ctx.clock.now().getTime() + 4 * DAY);
    const moved = await call(ctx, cast.people.manager, {
      method: 'POST',
      url: `${base()}/interviews/${interview.id}/move`,
      payload: { startsAt: newTime.toISOString() },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const afterMove = (await lastInvitationTo(pro.email)).parsed;
    expect(afterMove).toMatchObject({ method: 'REQUEST', uid, sequence: 1 });
    expect(afterMove.start).toEqual(newTime);

    const cancelled = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/interviews/${interview.id}/cancel`,
      payload: { reason: 'We filled the role.' },
    });
    expect(cancelled.statusCode).toBe(200);
    for (const email of [pro.email, cast.people.owner.email]) {
      const { parsed, attachment } = await lastInvitationTo(email);
      expect(attachment.contentType).toContain('method=CANCEL');
      expect(parsed).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid, sequence: 2 });
    }
    const download = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `${base()}/interviews/${interview.id}/calendar.ics`,
    });
    expect(parseInvitation(download.body)).toMatchObject({ method: 'CANCEL', sequence: 2 });
  });

  it('new times withdraw the booked one from calendars; the next booking is a higher SEQUENCE', async () => {
    const { pro, interview } = await propose();
    const uid = `${interview.id}@handoff`;
    await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: interview.slots[1] },
    });
    const fresh = new Date(ctx.clock.now().getTime() + 6 * DAY).toISOString();
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `${base()}/interviews/${interview.id}/reschedule`,
      payload: { slots: [fresh] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'proposed', startsAt: null, sequence: 1 });
    expect((await lastInvitationTo(pro.email)).parsed).toMatchObject({
      method: 'CANCEL',
      uid,
      sequence: 1,
    });
    await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: fresh },
    });
    const rebooked = (await lastInvitationTo(pro.email)).parsed;
    expect(rebooked).toMatchObject({ method: 'REQUEST', uid, sequence: 2 });
    expect(rebooked.start).toEqual(new Date(fresh));
  });

  it('lets the professional ask for other times; the proposer hears of it', async () => {
    const { pro, interview } = await propose();
    const res = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/other-times`,
      payload: { message: 'Any afternoon next week works for me.' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'other_times_requested',
      professionalMessage: 'Any afternoon next week works for me.',
    });
    const list = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `${base()}/interviews`,
    });
    expect(list.json().items.find((i: { id: string }) => i.id === interview.id)).toMatchObject({
      professionalMessage: 'Any afternoon next week works for me.',
    });
  });
});

describe('notes and score', () => {
  it('are refused before the interview, kept after it, and never shown to the professional', async () => {
    const { pro, interview } = await propose();
    await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: interview.slots[0] },
    });
    const marker = `NOTE-${interview.id}`;
    const assess = () =>
      call(ctx, cast.people.owner, {
        method: 'PUT',
        url: `${base()}/interviews/${interview.id}/assessment`,
        payload: { notes: marker, score: 4 },
      });
    expect((await assess()).statusCode).toBe(409);
    ctx.clock.advance(2 * DAY);
    const done = await assess();
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', notes: marker, score: 4 });
    const badScore = await call(ctx, cast.people.owner, {
      method: 'PUT',
      url: `${base()}/interviews/${interview.id}/assessment`,
      payload: { score: 6 },
    });
    expect(badScore.statusCode).toBe(400);
    expect(badScore.json().errors[0]).toEqual({
      path: 'body.score',
      message: 'Score must be 1 to 5',
    });
    const seen = await call(ctx, pro, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
    expect(seen.body).not.toContain(marker);
    ctx.clock.advance(-2 * DAY);
  });
});

describe('sealed from other bidders', () => {
  it('a rival bidder on the same job cannot read, book or download another’s interview', async () => {
    const { interview } = await propose();
    const rival = await buildUser(ctx, { professional: true, name: 'Rival' });
    await buildBid(ctx, { jobId, professionalId: rival.id, status: 'shortlisted' });
    for (const request of [
      { method: 'GET', url: `/api/v1/interviews/${interview.id}` },
      {
        method: 'POST',
        url: `/api/v1/interviews/${interview.id}/book`,
        payload: { startsAt: interview.slots[0] },
      },
      { method: 'GET', url: `/api/v1/interviews/${interview.id}/calendar.ics` },
      { method: 'GET', url: `${base()}/interviews` },
    ] as const) {
      const res = await call(ctx, rival, request);
      expect(res.statusCode, request.url).toBe(404);
      expect(res.body).not.toContain(CALL);
    }
  });
});

describe('role matrices', () => {
  it('business routes follow the permissions table', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: `${base()}/interviews` }), 200);
    for (const [action, payload] of [
      [
        'reschedule',
        () => ({ slots: [new Date(ctx.clock.now().getTime() + 9 * DAY).toISOString()] }),
      ],
      ['cancel', () => ({})],
    ] as const) {
      await expectRoleMatrix(
        ctx,
        cast,
        async () => {
          const { interview } = await propose();
          return {
            method: 'POST',
            url: `${base()}/interviews/${interview.id}/${action}`,
            payload: payload(),
          };
        },
        200,
      );
    }
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const { pro, interview } = await propose();
        await call(ctx, pro, {
          method: 'POST',
          url: `/api/v1/interviews/${interview.id}/book`,
          payload: { startsAt: interview.slots[0] },
        });
        return {
          method: 'POST',
          url: `${base()}/interviews/${interview.id}/move`,
          payload: { startsAt: interview.slots[2] },
        };
      },
      200,
    );
    const { pro, interview } = await propose();
    await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/book`,
      payload: { startsAt: interview.slots[0] },
    });
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `${base()}/interviews/${interview.id}/calendar.ics` }),
      200,
    );
  });

  it('the professional’s routes answer only the professional interviewed (everyone else 404)', async () => {
    const onlyThePro = {
      anonymous: 401,
      owner: 404,
      manager: 404,
      viewer: 404,
      otherBusiness: 404,
      professional: 200,
      admin: 404,
    };
    const fresh = async () => {
      const job = await buildJob(ctx, { businessId: cast.businessId });
      return propose({ pro: cast.people.professional, jobId: job.id });
    };
    const { interview } = await fresh();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/interviews/${interview.id}` }),
      onlyThePro,
    );
    // Each try gets its own interview (a booked one cannot be booked again).
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const created = await fresh();
        return {
          method: 'POST',
          url: `/api/v1/interviews/${created.interview.id}/other-times`,
          payload: { message: 'Later, please.' },
        };
      },
      onlyThePro,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const created = await fresh();
        return {
          method: 'POST',
          url: `/api/v1/interviews/${created.interview.id}/book`,
          payload: { startsAt: created.interview.slots[0] },
        };
      },
      onlyThePro,
    );
    const booked = await fresh();
    await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/interviews/${booked.interview.id}/book`,
      payload: { startsAt: booked.interview.slots[0] },
    });
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/interviews/${booked.interview.id}/calendar.ics` }),
      onlyThePro,
    );
  });
});
