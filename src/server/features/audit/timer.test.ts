import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditUrl,
  buildAudit,
  countEntries,
  replaceAudit,
  type BuiltAudit,
} from '../../../../test/audit-factories.ts';
import { buildMember, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { createTimerService } from './timer.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const MINUTE = 60_000;
const timerUrl = (b: BuiltAudit, rest = '') => auditUrl(b.businessId, b.audit.id, `/timer${rest}`);

const startTimer = (b: BuiltAudit, who: TestUser, taskName: string) =>
  call(ctx, who, { method: 'POST', url: timerUrl(b), payload: { taskName } });
const readTimer = (b: BuiltAudit, who: TestUser) =>
  call(ctx, who, { method: 'GET', url: timerUrl(b) });
const stopTimer = (b: BuiltAudit, who: TestUser) =>
  call(ctx, who, { method: 'POST', url: timerUrl(b, '/stop') });

/** An audit of July 2026 with the clock at 10:00 in Lisbon on 8 July. */
async function julyAudit() {
  ctx.clock.set('2026-07-08T09:00:00Z');
  return buildAudit(ctx, { periodStart: '2026-07-06', periodDays: 30 });
}

describe('the timer', () => {
  it('starts on a task and is there on the next read (it lives on the server)', async () => {
    const b = await julyAudit();
    const started = await startTimer(b, b.owner, '  Bookkeeping ');
    expect(started.statusCode).toBe(201);
    expect(started.json()).toEqual({
      taskName: 'Bookkeeping',
      startedAt: '2026-07-08T09:00:00.000Z',
    });
    ctx.clock.advance(3 * MINUTE);
    const read = await readTimer(b, b.owner);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(started.json());
  });

  it('reads as null when none is running', async () => {
    const b = await julyAudit();
    const read = await readTimer(b, b.owner);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toBeNull();
  });

  it('answers 409 to a second start, keeping the first timer', async () => {
    const b = await julyAudit();
    await startTimer(b, b.owner, 'Emails');
    const second = await startTimer(b, b.owner, 'Payroll');
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect((await readTimer(b, b.owner)).json().taskName).toBe('Emails');
  });

  it('stops and logs the elapsed minutes as a timer entry on the day it started', async () => {
    const b = await julyAudit();
    await startTimer(b, b.owner, 'Emails');
    ctx.clock.advance(25 * MINUTE);
    const stopped = await stopTimer(b, b.owner);
    expect(stopped.statusCode).toBe(201);
    expect(stopped.json()).toMatchObject({
      taskName: 'Emails',
      date: '2026-07-08',
      minutes: 25,
      source: 'timer',
    });
    expect((await readTimer(b, b.owner)).json()).toBeNull();
    const entries = await call(ctx, b.owner, {
      method: 'GET',
      url: auditUrl(b.businessId, b.audit.id, '/entries'),
    });
    expect(entries.json().items).toEqual([stopped.json()]);
  });

  it('dates the entry by the business’s time zone, not UTC', async () => {
    const b = await julyAudit();
    // 23:50 UTC on 9 July is 00:50 on 10 July in Lisbon.
    ctx.clock.set('2026-07-09T23:50:00Z');
    await startTimer(b, b.owner, 'Late invoices');
    ctx.clock.advance(40 * MINUTE);
    expect((await stopTimer(b, b.owner)).json()).toMatchObject({ date: '2026-07-10', minutes: 40 });
  });

  it('logs at most 1440 minutes when left running for more than a day', async () => {
    const b = await julyAudit();
    await startTimer(b, b.owner, 'Forgot to stop');
    ctx.clock.advance(30 * 60 * MINUTE);
    const stopped = await stopTimer(b, b.owner);
    expect(stopped.statusCode).toBe(201);
    expect(stopped.json()).toMatchObject({ date: '2026-07-08', minutes: 1440 });
  });

  it('logs at least 1 minute when stopped within seconds', async () => {
    const b = await julyAudit();
    await startTimer(b, b.owner, 'Quick call');
    ctx.clock.advance(10_000);
    expect((await stopTimer(b, b.owner)).json().minutes).toBe(1);
  });

  it('answers 404 to a stop with no timer running, and logs nothing', async () => {
    const b = await julyAudit();
    const res = await stopTimer(b, b.owner);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await countEntries(ctx, b.audit.id)).toBe(0);
  });

  it('is discarded without logging anything; a second discard is 404', async () => {
    const b = await julyAudit();
    await startTimer(b, b.owner, 'Emails');
    ctx.clock.advance(15 * MINUTE);
    const discarded = await call(ctx, b.owner, { method: 'DELETE', url: timerUrl(b) });
    expect(discarded.statusCode).toBe(204);
    expect((await readTimer(b, b.owner)).json()).toBeNull();
    expect(await countEntries(ctx, b.audit.id)).toBe(0);
    expect((await call(ctx, b.owner, { method: 'DELETE', url: timerUrl(b) })).statusCode).toBe(404);
  });

  it('answers 409 to a stop once the audit is closed, keeping the timer for discarding', async () => {
    const b = await julyAudit();
    await startTimer(b, b.owner, 'Emails');
    await call(ctx, b.owner, {
      method: 'PATCH',
      url: auditUrl(b.businessId, b.audit.id),
      payload: { status: 'closed' },
    });
    ctx.clock.advance(20 * MINUTE);
    expect((await stopTimer(b, b.owner)).statusCode).toBe(409);
    expect(await countEntries(ctx, b.audit.id)).toBe(0);
    expect((await readTimer(b, b.owner)).json()).toMatchObject({ taskName: 'Emails' });
    expect((await call(ctx, b.owner, { method: 'DELETE', url: timerUrl(b) })).statusCode).toBe(204);
  });

  it('is per person: the manager’s timer is not the owner’s', async () => {
    const b = await julyAudit();
    const manager = await buildMember(ctx, b.businessId, 'manager');
    await startTimer(b, b.owner, 'Payroll');
    expect((await readTimer(b, manager)).json()).toBeNull();
    expect((await stopTimer(b, manager)).statusCode).toBe(404);

    ctx.clock.advance(5 * MINUTE);
    expect((await startTimer(b, manager, 'Ordering stock')).statusCode).toBe(201);
    ctx.clock.advance(10 * MINUTE);
    const owners = await stopTimer(b, b.owner);
    expect(owners.json()).toMatchObject({ taskName: 'Payroll', minutes: 15 });
    expect((await readTimer(b, manager)).json()).toMatchObject({ taskName: 'Ordering stock' });
  });

  it('answers 400 naming body.taskName for a blank task', async () => {
    const b = await julyAudit();
    const res = await startTimer(b, b.owner, '   ');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.taskName']);
  });
});

describe('timer role matrices', () => {
  const timers = () => createTimerService({ db: ctx.db, clock: ctx.clock });

  async function castAudit() {
    ctx.clock.set('2026-07-08T09:00:00Z');
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    return { audit, businessId: cast.businessId, owner: cast.people.owner };
  }

  it('GET …/timer: owners and managers; viewers 403; outsiders 404', async () => {
    const b = await castAudit();
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: timerUrl(b) }), 200);
  });

  it('POST …/timer: owners and managers each start their own; viewers 403; outsiders 404', async () => {
    const b = await castAudit();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'POST', url: timerUrl(b), payload: { taskName: 'Emails' } }),
      201,
    );
  });

  it('POST …/timer/stop: owners and managers; viewers 403; outsiders 404', async () => {
    const b = await castAudit();
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        // Only the owner and the manager can have a timer here to stop.
        if (role === 'owner' || role === 'manager')
          await timers().start(
            { userId: cast.people[role].id, businessId: b.businessId, auditId: b.audit.id },
            'Emails',
          );
        return { method: 'POST', url: timerUrl(b, '/stop') };
      },
      201,
    );
  });

  it('DELETE …/timer: owners and managers; viewers 403; outsiders 404', async () => {
    const b = await castAudit();
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        if (role === 'owner' || role === 'manager')
          await timers().start(
            { userId: cast.people[role].id, businessId: b.businessId, auditId: b.audit.id },
            'Emails',
          );
        return { method: 'DELETE', url: timerUrl(b) };
      },
      204,
    );
  });
});
