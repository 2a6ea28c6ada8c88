/**
 * The private calendar feed carries the person's booked interviews beside their contract
 * meetings, each as the very event the interview's e-mailed invitations carry (same UID, same
 * SEQUENCE), read back with ical.js; a cancelled interview stays as STATUS:CANCELLED.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBid } from '../../../../test/bid-factories.ts';
import { buildCastContract } from '../../../../test/contract-factories.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { parseFeed, parseInvitation } from '../../../../test/ics.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { mailTo } from '../../../../test/mailbox.ts';
import { buildCast, type Cast } from '../../../../test/role-matrix.ts';

const DAY = 24 * 3_600_000;
const CALL = 'https://meet.example.com/handoff-interview';

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2027-03-01T09:00:00Z');
  cast = await buildCast(ctx);
});

const inDays = (days: number) => new Date(ctx.clock.now().getTime() + days * DAY).toISOString();

/** An interview proposed by `by` to `pro` on a new job of the cast's business, booked unless told. */
async function interview(pro: TestUser, by: TestUser, options: { book?: boolean } = {}) {
  const job = await buildJob(ctx, { businessId: cast.businessId, createdBy: cast.people.owner.id });
  const bid = await buildBid(ctx, { jobId: job.id, professionalId: pro.id, status: 'shortlisted' });
  const proposed = await call(ctx, by, {
    method: 'POST',
    url: `/api/v1/businesses/${cast.businessId}/jobs/${job.id}/bids/${bid.id}/interviews`,
    payload: { slots: [inDays(3), inDays(4)], durationMinutes: 45, callLink: CALL },
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const { id, slots } = proposed.json<{ id: string; slots: string[] }>();
  if (options.book !== false) {
    const booked = await call(ctx, pro, {
      method: 'POST',
      url: `/api/v1/interviews/${id}/book`,
      payload: { startsAt: slots[0] },
    });
    expect(booked.statusCode, booked.body).toBe(200);
  }
  return { id, jobId: job.id, startsAt: slots[0]! };
}

/** The calendar attached to the newest e-mail with one to `email`, parsed by ical.js. */
async function lastInvitationTo(email: string) {
  const message = (await mailTo(ctx, email)).find((m) => m.attachments.length > 0);
  if (!message?.attachments[0]) throw new Error(`no calendar e-mailed to ${email}`);
  return parseInvitation(message.attachments[0].content);
}

/** The person's feed, fetched by its secret address as a calendar app would, every VEVENT parsed. */
async function feedOf(who: TestUser) {
  const made = await call(ctx, who, { method: 'POST', url: '/api/v1/me/calendar-feed' });
  expect(made.statusCode).toBe(201);
  const res = await call(ctx, null, { method: 'GET', url: new URL(made.json().url).pathname });
  expect(res.statusCode).toBe(200);
  return parseFeed(res.body);
}

describe('the calendar feed and interviews', () => {
  it('lists a professional’s booked interviews with the invitation’s UID beside their meetings', async () => {
    const pro = cast.people.professional;
    const contract = await buildCastContract(ctx, cast);
    const meeting = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/meetings`,
      payload: {
        title: 'Weekly check-in',
        startsAt: inDays(2),
        durationMinutes: 30,
        attendeeIds: [pro.id],
      },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const booked = await interview(pro, cast.people.manager);
    const invitation = await lastInvitationTo(pro.email);
    // Proposed, not booked yet: no time to show.
    const pending = await interview(pro, cast.people.manager, { book: false });
    // Another professional's interview is theirs alone.
    const other = await buildUser(ctx, { professional: true, name: 'Omar Other' });
    const theirs = await interview(other, cast.people.manager);

    const events = await feedOf(pro);
    expect(events.map((e) => e.uid).sort()).toEqual(
      [`meeting-${meeting.json().id}@handoff`, invitation.uid].sort(),
    );
    const event = events.find((e) => e.uid === invitation.uid);
    expect(event).toMatchObject({
      sequence: invitation.sequence,
      status: 'CONFIRMED',
      start: new Date(booked.startsAt).toISOString(),
    });
    expect(event?.start).toBe(invitation.start.toISOString());
    expect(event?.summary).toContain('Interview:');
    const uids = events.map((e) => e.uid).join(' ');
    expect(uids).not.toContain(pending.id);
    expect(uids).not.toContain(theirs.id);

    // The member who proposed them (and got the invitations) has both booked ones in theirs;
    // a colleague who was e-mailed nothing has neither.
    const proposer = (await feedOf(cast.people.manager)).map((e) => e.uid).join(' ');
    expect(proposer).toContain(booked.id);
    expect(proposer).toContain(theirs.id);
    expect((await feedOf(cast.people.viewer)).map((e) => e.uid).join(' ')).not.toContain(booked.id);
  });

  it('keeps a cancelled interview as STATUS:CANCELLED with the cancellation’s SEQUENCE', async () => {
    const pro = await buildUser(ctx, { professional: true, name: 'Cleo Cancelled' });
    const booked = await interview(pro, cast.people.owner);
    const cancelled = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/businesses/${cast.businessId}/jobs/${booked.jobId}/interviews/${booked.id}/cancel`,
      payload: { reason: 'We filled the role.' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const cancellation = await lastInvitationTo(pro.email);
    expect(cancellation.method).toBe('CANCEL');
    const [event] = await feedOf(pro);
    expect(event).toMatchObject({
      uid: cancellation.uid,
      sequence: cancellation.sequence,
      status: 'CANCELLED',
    });
  });
});
