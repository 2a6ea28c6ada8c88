/**
 * Progress reports over HTTP against the real database: who may read, set, send and comment;
 * the report answers the schedule's due date and is marked late after it; the due and late
 * reminders come from queue jobs moved by the fake clock, each once.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCastContract, contractExpected } from '../../../../test/contract-factories.ts';
import { openEventStream, type EventStream, forContract } from '../../../../test/event-stream.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { ContractChangeEventSchema } from '../../../core/contracts/offers.ts';
import { notifications, timeEntries } from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

let ctx: TestContext;
let cast: Cast;
const streams: EventStream[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

afterAll(() => {
  for (const s of streams) s.close();
});

const report = {
  done: 'The booking form and its e-mails',
  next: 'Payments',
  blockers: '',
  hours: 12,
  percentComplete: 40,
};

/** A contract activated on Tuesday 1 December 2026 (Lisbon, UTC in winter): first due Friday 4th. */
async function tuesdayContract(o: Parameters<typeof buildCastContract>[2] = {}) {
  ctx.clock.set('2026-12-01T10:00:00Z');
  return buildCastContract(ctx, cast, o);
}

function send(contractId: string, body: object = report) {
  return call(ctx, cast.people.professional, {
    method: 'POST',
    url: `/api/v1/contracts/${contractId}/reports`,
    payload: body,
  });
}

async function count(userId: string, type: string, contractId: string) {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type as never)));
  return rows.filter((r) => JSON.stringify(r).includes(contractId)).length;
}

describe('role matrices', () => {
  it('reading the reports', async () => {
    const contract = await tuesdayContract();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/contracts/${contract.id}/reports` }),
      contractExpected('reports.read', 200),
    );
  });

  it('setting the cadence', async () => {
    const contract = await tuesdayContract();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PUT',
        url: `/api/v1/contracts/${contract.id}/reports/settings`,
        payload: { cadence: 'biweekly', weekday: 1 },
      }),
      contractExpected('contract.manage', 200),
    );
  });

  it('sending a report (a fresh contract for each caller)', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({
        method: 'POST',
        url: `/api/v1/contracts/${(await tuesdayContract()).id}/reports`,
        payload: report,
      }),
      contractExpected('reports.submit', 201),
    );
  });

  it('commenting on a report', async () => {
    const contract = await tuesdayContract();
    const sent = await send(contract.id);
    expect(sent.statusCode).toBe(201);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: `/api/v1/contracts/${contract.id}/reports/${sent.json().id}/comments`,
        payload: { body: 'Thanks, clear.' },
      }),
      contractExpected('reports.comment', 201),
    );
  });
});

describe('sending reports', () => {
  it('answers the due date asked for, prefilled with the period’s logged hours', async () => {
    const contract = await tuesdayContract();
    // 90 minutes on Wednesday (in the period), 60 disputed (not counted), 30 before the period.
    const entry = (startedAt: string, minutes: number, status: 'pending' | 'disputed') => ({
      id: newId(),
      contractId: contract.id,
      userId: cast.people.professional.id,
      source: 'manual' as const,
      startedAt: new Date(startedAt),
      endedAt: new Date(new Date(startedAt).getTime() + minutes * 60_000),
      minutes,
      weekStart: '2026-11-30',
      status,
    });
    await ctx.db
      .insert(timeEntries)
      .values([
        entry('2026-12-02T09:00:00Z', 90, 'pending'),
        entry('2026-12-02T13:00:00Z', 60, 'disputed'),
        entry('2026-11-27T09:00:00Z', 30, 'pending'),
      ]);
    ctx.clock.set('2026-12-03T10:00:00Z');
    const page = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/reports`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().settings).toEqual({
      cadence: 'weekly',
      weekday: 5,
      timeZone: 'Europe/Lisbon',
    });
    expect(page.json().current).toEqual({
      dueOn: '2026-12-04',
      overdueDays: 0,
      periodStart: '2026-11-27',
      loggedHours: 1.5,
    });

    const sent = await send(contract.id);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ dueOn: '2026-12-04', late: false, percentComplete: 40 });
    // The next one is asked for now; both sides see the history.
    const after = await call(ctx, cast.people.professional, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/reports`,
    });
    expect(after.json().current.dueOn).toBe('2026-12-11');
    expect(after.json().items.map((r: { dueOn: string }) => r.dueOn)).toEqual(['2026-12-04']);
  });

  it('refuses bad input naming the field, and a report on a paused contract', async () => {
    const contract = await tuesdayContract();
    const bad = await send(contract.id, { ...report, percentComplete: 101, done: ' ' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.percentComplete', 'body.done']));

    const paused = await tuesdayContract({ status: 'paused' });
    expect((await send(paused.id)).statusCode).toBe(409);
  });

  it('a comment on another contract’s report is a 404', async () => {
    const mine = await tuesdayContract();
    const theirs = await tuesdayContract();
    const sent = await send(theirs.id);
    const res = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${mine.id}/reports/${sent.json().id}/comments`,
      payload: { body: 'Wrong place' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('reaches the business’s open page as a live reports event', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening on a port');
    const contract = await tuesdayContract();
    const stream = await openEventStream(
      `http://127.0.0.1:${address.port}/api/v1/notifications/stream`,
      cast.people.viewer.token,
    );
    streams.push(stream);
    expect((await send(contract.id)).statusCode).toBe(201);
    const event = ContractChangeEventSchema.parse(
      JSON.parse((await stream.next('contract', forContract(contract.id))).data),
    );
    expect(event).toEqual({ contractId: contract.id, topic: 'reports' });
  });
});

describe('reminders', () => {
  it('due on the day to the professional, late the next day to the business, each once', async () => {
    const contract = await tuesdayContract();
    const set = await call(ctx, cast.people.owner, {
      method: 'PUT',
      url: `/api/v1/contracts/${contract.id}/reports/settings`,
      payload: { cadence: 'weekly', weekday: 5 },
    });
    expect(set.statusCode).toBe(200);
    const pro = cast.people.professional.id;
    const { owner, manager, viewer } = cast.people;

    // Friday 4th, 08:00: not yet (reminders go at 09:00 in the business's zone).
    ctx.clock.set('2026-12-04T08:00:00Z');
    await ctx.runJobs();
    expect(await count(pro, 'report.due', contract.id)).toBe(0);

    ctx.clock.set('2026-12-04T09:30:00Z');
    await ctx.runJobs();
    await ctx.runJobs();
    expect(await count(pro, 'report.due', contract.id)).toBe(1);
    expect(await count(owner.id, 'report.late', contract.id)).toBe(0);

    ctx.clock.set('2026-12-05T09:30:00Z');
    await ctx.runJobs();
    await ctx.runJobs();
    expect(await count(owner.id, 'report.late', contract.id)).toBe(1);
    expect(await count(manager.id, 'report.late', contract.id)).toBe(1);
    expect(await count(pro, 'report.late', contract.id)).toBe(1);
    expect(await count(viewer.id, 'report.late', contract.id)).toBe(0);

    // Sent a day late: marked so, for the missed due date.
    const sent = await send(contract.id);
    expect(sent.json()).toMatchObject({ dueOn: '2026-12-04', late: true });

    // The next period's reminders were chained; a report on time means no late reminder.
    ctx.clock.set('2026-12-11T09:30:00Z');
    await ctx.runJobs();
    expect(await count(pro, 'report.due', contract.id)).toBe(2);
    expect((await send(contract.id)).json()).toMatchObject({ dueOn: '2026-12-11', late: false });
    ctx.clock.set('2026-12-12T09:30:00Z');
    await ctx.runJobs();
    expect(await count(owner.id, 'report.late', contract.id)).toBe(1);
  });

  it('accepting an offer schedules the first report reminder', async () => {
    const offer = await tuesdayContract({ status: 'offered' });
    const accepted = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${offer.id}/accept`,
    });
    expect(accepted.statusCode).toBe(200);
    ctx.clock.set('2026-12-04T09:30:00Z');
    await ctx.runJobs();
    expect(await count(cast.people.professional.id, 'report.due', offer.id)).toBe(1);
  });

  it('reports turned off remind nobody', async () => {
    const contract = await tuesdayContract();
    await call(ctx, cast.people.owner, {
      method: 'PUT',
      url: `/api/v1/contracts/${contract.id}/reports/settings`,
      payload: { cadence: 'weekly', weekday: 5 },
    });
    await call(ctx, cast.people.owner, {
      method: 'PUT',
      url: `/api/v1/contracts/${contract.id}/reports/settings`,
      payload: { cadence: 'off', weekday: 5 },
    });
    ctx.clock.set('2026-12-05T09:30:00Z');
    await ctx.runJobs();
    expect(await count(cast.people.professional.id, 'report.due', contract.id)).toBe(0);
    expect(await count(cast.people.owner.id, 'report.late', contract.id)).toBe(0);
    expect((await send(contract.id)).statusCode).toBe(409);
  });
});
