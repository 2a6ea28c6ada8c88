/**
 * Time on hourly contracts over HTTP against the real database: who may do what, the timer
 * (one per person), the weekly cap, review, auto-approval by the fake clock, and the CSV.
 */
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCastContract, contractExpected } from '../../../../test/contract-factories.ts';
import { openEventStream, type EventStream, forContract } from '../../../../test/event-stream.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { ContractChangeEventSchema } from '../../../core/contracts/offers.ts';
import { notifications, timeWeekReviews } from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';
import { createWorkIssue } from '../work-issues/create.ts';

let ctx: TestContext;
// Wednesday 15 July 2026, 10:00 UTC (11:00 in Lisbon, the cast business's zone).
const WEDNESDAY = '2026-07-15T10:00:00Z';
const WEEK = '2026-07-13';
const H = 3_600_000;

beforeAll(async () => {
  ctx = await createTestContext();
});

const url = (contractId: string, rest = '') => `/api/v1/contracts/${contractId}/time${rest}`;

async function setup(o: { weeklyCapHours?: number } = {}) {
  ctx.clock.set(WEDNESDAY);
  const cast = await buildCast(ctx);
  const contract = await buildCastContract(ctx, cast, o);
  return { cast, contract, pro: cast.people.professional };
}

function log(
  who: Cast['people']['professional'],
  contractId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return call(ctx, who, {
    method: 'POST',
    url: url(contractId, '/entries'),
    payload: body,
    headers,
  });
}

async function notificationsOf(userId: string, type: string) {
  return ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type as never)));
}

describe('role matrices', () => {
  it('reading the timesheet and the CSV: the members and the professional', async () => {
    const { cast, contract } = await setup();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: url(contract.id) }),
      contractExpected('time.read', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: url(contract.id, `/export.csv?from=${WEEK}&to=2026-07-19`) }),
      contractExpected('time.read', 200),
    );
  });

  it('starting and stopping the timer and logging time: the professional only', async () => {
    const { cast, contract } = await setup();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: url(contract.id, '/timer'), payload: { memo: 'Layout' } }),
      contractExpected('time.track', 201),
    );
    ctx.clock.advance(H);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: url(contract.id, '/timer/stop') }),
      contractExpected('time.track', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: url(contract.id, '/entries'),
        payload: { startedAt: '2026-07-14T09:00:00Z', minutes: 30 },
      }),
      contractExpected('time.track', 201),
    );
  });

  it('editing and deleting an entry: the professional only (fresh entry each time)', async () => {
    const { cast, contract, pro } = await setup();
    const fresh = async () =>
      (await log(pro, contract.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 15 })).json().id;
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'PATCH',
        url: url(contract.id, `/entries/${await fresh()}`),
        payload: { memo: 'Edited' },
      }),
      contractExpected('time.track', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'DELETE', url: url(contract.id, `/entries/${await fresh()}`) }),
      contractExpected('time.track', 204),
    );
  });

  it('reviewing a week: owners and managers', async () => {
    const { cast, contract, pro } = await setup();
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        await log(pro, contract.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 15 });
        return {
          method: 'POST',
          url: url(contract.id, `/weeks/${WEEK}/review`),
          payload: { decision: 'approve' },
        };
      },
      contractExpected('time.review', 200),
    );
  });
});

describe('the timer', () => {
  it('survives (the server holds it), one per person across contracts, a second start names the first', async () => {
    const { cast, contract, pro } = await setup();
    const other = await buildCastContract(ctx, cast, { title: 'Second contract' });
    const started = await call(ctx, pro, {
      method: 'POST',
      url: url(contract.id, '/timer'),
      payload: { memo: 'Checkout page' },
    });
    expect(started.statusCode).toBe(201);
    const sheet = await call(ctx, pro, { method: 'GET', url: url(other.id) });
    expect(sheet.json().running).toMatchObject({ id: started.json().id, endedAt: null });
    const second = await call(ctx, pro, {
      method: 'POST',
      url: url(other.id, '/timer'),
      payload: {},
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('Booking page for cake tastings');
    ctx.clock.advance(90 * 60_000);
    const stopped = await call(ctx, pro, { method: 'POST', url: url(contract.id, '/timer/stop') });
    expect(stopped.json()).toMatchObject({ trimmedMinutes: 0, entry: { minutes: 90 } });
  });

  it('a stopped timer past the cap keeps what fits, and says how much was cut', async () => {
    const { contract, pro } = await setup({ weeklyCapHours: 2 });
    await log(pro, contract.id, { startedAt: '2026-07-13T09:00:00Z', minutes: 60 });
    await call(ctx, pro, { method: 'POST', url: url(contract.id, '/timer'), payload: {} });
    ctx.clock.advance(3 * H);
    const stopped = await call(ctx, pro, { method: 'POST', url: url(contract.id, '/timer/stop') });
    expect(stopped.json()).toMatchObject({ trimmedMinutes: 120, entry: { minutes: 60 } });
    const sheet = await call(ctx, pro, { method: 'GET', url: url(contract.id) });
    expect(sheet.json().totalMinutes).toBe(120);
  });
});

describe('entries and the weekly cap', () => {
  it('an entry past the cap is refused with the week’s hours, the cap and the entry', async () => {
    const { contract, pro } = await setup({ weeklyCapHours: 20 });
    expect(
      (await log(pro, contract.id, { startedAt: '2026-07-13T08:00:00Z', minutes: 18.5 * 60 }))
        .statusCode,
    ).toBe(201);
    const refused = await log(pro, contract.id, {
      startedAt: '2026-07-14T08:00:00Z',
      minutes: 180,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toBe(
      'This week has 18.5 of 20 hours; this entry of 3 h would pass the cap.',
    );
    expect(refused.json().errors[0].path).toBe('body.minutes');
    // What fits still goes in, and an edit is held to the cap too.
    const fits = await log(pro, contract.id, { startedAt: '2026-07-14T08:00:00Z', minutes: 90 });
    expect(fits.statusCode).toBe(201);
    const edit = await call(ctx, pro, {
      method: 'PATCH',
      url: url(contract.id, `/entries/${fits.json().id}`),
      payload: { minutes: 91 },
    });
    expect(edit.statusCode).toBe(409);
  });

  it('links an issue by #N, refuses an unknown one naming the field, and totals per business day', async () => {
    const { contract, pro } = await setup();
    const issue = await ctx.db.transaction((tx) =>
      createWorkIssue(tx, {
        contractId: contract.id,
        title: 'Fix the checkout',
        createdBy: pro.id,
        now: ctx.clock.now(),
      }),
    );
    const linked = await log(pro, contract.id, {
      startedAt: '2026-07-14T23:30:00Z', // Wednesday 00:30 in Lisbon
      minutes: 45,
      memo: 'Checkout',
      issue: `#${issue.number}`,
    });
    expect(linked.json().issue).toMatchObject({ number: issue.number, title: 'Fix the checkout' });
    const unknown = await log(pro, contract.id, {
      startedAt: '2026-07-14T09:00:00Z',
      minutes: 45,
      issue: '#999',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.issue');
    const sheet = (await call(ctx, pro, { method: 'GET', url: url(contract.id) })).json();
    expect(sheet.weekStart).toBe(WEEK);
    expect(sheet.timeZone).toBe('Europe/Lisbon');
    expect(sheet.days.find((d: { date: string }) => d.date === '2026-07-15').minutes).toBe(45);
  });

  it('a paused contract takes no time; an approved entry cannot be changed', async () => {
    const { cast, contract, pro } = await setup();
    const paused = await buildCastContract(ctx, cast, { status: 'paused' });
    const refused = await log(pro, paused.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 30 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('paused');
    const entry = (
      await log(pro, contract.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 30 })
    ).json();
    await call(ctx, cast.people.owner, {
      method: 'POST',
      url: url(contract.id, `/weeks/${WEEK}/review`),
      payload: { decision: 'approve' },
    });
    const del = await call(ctx, pro, {
      method: 'DELETE',
      url: url(contract.id, `/entries/${entry.id}`),
    });
    expect(del.statusCode).toBe(409);
  });

  it('a double click with one Idempotency-Key logs the entry once', async () => {
    const { contract, pro } = await setup();
    const headers = { 'idempotency-key': `time-${newId()}` };
    const body = { startedAt: '2026-07-14T09:00:00Z', minutes: 30 };
    const a = await log(pro, contract.id, body, headers);
    const b = await log(pro, contract.id, body, headers);
    expect(b.json().id).toBe(a.json().id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const sheet = (await call(ctx, pro, { method: 'GET', url: url(contract.id) })).json();
    expect(sheet.entries).toHaveLength(1);
  });
});

describe('review', () => {
  it('a dispute needs a reason; the professional hears the outcome; a fixed entry goes back to pending', async () => {
    const { cast, contract, pro } = await setup();
    const entry = (
      await log(pro, contract.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 30 })
    ).json();
    const review = (payload: object) =>
      call(ctx, cast.people.manager, {
        method: 'POST',
        url: url(contract.id, `/weeks/${WEEK}/review`),
        payload,
      });
    const noReason = await review({ decision: 'dispute' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    const disputed = await review({ decision: 'dispute', reason: 'Tuesday was a holiday' });
    expect(disputed.json().entries[0]).toMatchObject({
      status: 'disputed',
      disputeReason: 'Tuesday was a holiday',
    });
    expect((await notificationsOf(pro.id, 'time.week-reviewed')).length).toBe(1);
    const fixed = await call(ctx, pro, {
      method: 'PATCH',
      url: url(contract.id, `/entries/${entry.id}`),
      payload: { startedAt: '2026-07-15T08:00:00Z' },
    });
    expect(fixed.json()).toMatchObject({ status: 'pending', disputeReason: null });
  });
});

describe('timed rules', () => {
  it('the week’s end asks the business to review; 5 days later the rest is approved automatically, once', async () => {
    const { cast, contract, pro } = await setup();
    await log(pro, contract.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 60 });
    await log(pro, contract.id, { startedAt: '2026-07-15T09:00:00Z', minutes: 30 });
    // Sunday night in Lisbon: the week has not ended.
    ctx.clock.set('2026-07-19T22:00:00Z');
    await ctx.runJobs();
    expect(await notificationsOf(cast.people.owner.id, 'time.week-awaiting')).toHaveLength(0);
    ctx.clock.set('2026-07-19T23:00:00Z'); // Monday 00:00 in Lisbon
    await ctx.runJobs();
    expect(await notificationsOf(cast.people.owner.id, 'time.week-awaiting')).toHaveLength(1);
    expect(await notificationsOf(cast.people.viewer.id, 'time.week-awaiting')).toHaveLength(0);
    // A minute before the fifth day after the week: still pending.
    ctx.clock.set('2026-07-24T22:59:00Z');
    await ctx.runJobs();
    let sheet = (
      await call(ctx, pro, { method: 'GET', url: url(contract.id, `?week=${WEEK}`) })
    ).json();
    expect(sheet.entries.every((e: { status: string }) => e.status === 'pending')).toBe(true);
    ctx.clock.set('2026-07-24T23:00:00Z');
    await ctx.runJobs();
    await ctx.runJobs();
    sheet = (
      await call(ctx, pro, { method: 'GET', url: url(contract.id, `?week=${WEEK}`) })
    ).json();
    expect(
      sheet.entries.map((e: { status: string; autoApproved: boolean }) => [
        e.status,
        e.autoApproved,
      ]),
    ).toEqual([
      ['approved', true],
      ['approved', true],
    ]);
    expect(sheet.review).toMatchObject({ status: 'approved', auto: true, reviewedBy: null });
    expect(sheet.open).toBe(false);
    expect(await notificationsOf(pro.id, 'time.week-auto-approved')).toHaveLength(1);
    const [row] = await ctx.db
      .select()
      .from(timeWeekReviews)
      .where(eq(timeWeekReviews.contractId, contract.id));
    expect(row?.auto).toBe(true);
    // The closed week takes no more entries.
    const late = await log(pro, contract.id, { startedAt: '2026-07-16T09:00:00Z', minutes: 30 });
    expect(late.statusCode).toBe(409);
  });

  it('a week approved by hand is not approved again by the rule', async () => {
    const { cast, contract, pro } = await setup();
    await log(pro, contract.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 60 });
    await call(ctx, cast.people.owner, {
      method: 'POST',
      url: url(contract.id, `/weeks/${WEEK}/review`),
      payload: { decision: 'approve' },
    });
    ctx.clock.set('2026-07-25T12:00:00Z');
    await ctx.runJobs();
    const sheet = (
      await call(ctx, pro, { method: 'GET', url: url(contract.id, `?week=${WEEK}`) })
    ).json();
    expect(sheet.entries[0]).toMatchObject({ status: 'approved', autoApproved: false });
    expect(sheet.review).toMatchObject({ auto: false, reviewedBy: cast.people.owner.id });
    expect(await notificationsOf(pro.id, 'time.week-auto-approved')).toHaveLength(0);
  });
});

describe('CSV export', () => {
  it('opens with a CSV parser: business dates and times, hours, issue, status; formulas neutralised', async () => {
    const { contract, pro, cast } = await setup();
    await log(pro, contract.id, {
      startedAt: '2026-07-14T08:00:00Z',
      minutes: 90,
      memo: '=HYPERLINK("http://x")',
    });
    const res = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: url(contract.id, `/export.csv?from=${WEEK}&to=2026-07-19`),
    });
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse<Record<string, string>>(res.body, { columns: true });
    expect(rows).toEqual([
      {
        date: '2026-07-14',
        start: '09:00',
        end: '10:30',
        minutes: '90',
        hours: '1.5',
        memo: `'=HYPERLINK("http://x")`,
        issue: '',
        status: 'pending',
      },
    ]);
  });
});

describe('live updates', () => {
  const streams: EventStream[] = [];
  afterAll(() => {
    for (const s of streams) s.close();
  });

  it('logged time reaches the business’s open stream as a time event', async () => {
    const { cast, contract, pro } = await setup();
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening on a port');
    const stream = await openEventStream(
      `http://127.0.0.1:${address.port}/api/v1/notifications/stream`,
      cast.people.owner.token,
    );
    streams.push(stream);
    await log(pro, contract.id, { startedAt: '2026-07-14T09:00:00Z', minutes: 30 });
    const event = ContractChangeEventSchema.parse(
      JSON.parse((await stream.next('contract', forContract(contract.id))).data),
    );
    expect(event).toEqual({ contractId: contract.id, topic: 'time' });
  });
});
