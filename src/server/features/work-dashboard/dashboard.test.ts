/**
 * The owner's dashboard and the professional's mirror over HTTP: who may read them, and each
 * running contract's health, hours, budget and last report as the rules say.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCastContract } from '../../../../test/contract-factories.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { DashboardContract } from '../../../core/contracts/reports.ts';
import { timeEntries } from '../../db/schema/index.ts';
import { newId } from '../../lib/ids.ts';

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

async function dashboard(): Promise<DashboardContract[]> {
  const res = await call(ctx, cast.people.viewer, {
    method: 'GET',
    url: `/api/v1/businesses/${cast.businessId}/contracts/dashboard`,
  });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}
const card = async (id: string) => (await dashboard()).find((c) => c.id === id);

describe('role matrices', () => {
  it('the business’s dashboard', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/businesses/${cast.businessId}/contracts/dashboard` }),
      200,
    );
  });

  it('my dashboard', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/me/contracts/dashboard' }),
      200,
    );
  });
});

describe('health', () => {
  it('an overdue report puts a contract at risk, then late; the report puts it back on track', async () => {
    ctx.clock.set('2026-12-01T10:00:00Z'); // Tuesday; the first report is due Friday the 4th
    const contract = await buildCastContract(ctx, cast, { title: 'Overdue report' });
    expect(await card(contract.id)).toMatchObject({ health: 'on_track', reasons: [] });

    ctx.clock.set('2026-12-06T10:00:00Z');
    expect(await card(contract.id)).toMatchObject({
      health: 'at_risk',
      reasons: [
        {
          code: 'report_overdue',
          level: 'at_risk',
          dueOn: '2026-12-04',
          overdueDays: 2,
          firstReport: true,
          text: 'No report yet: the first was due on 4 Dec 2026 (2 days overdue).',
        },
      ],
      nextReportDue: '2026-12-04',
    });

    ctx.clock.set('2026-12-12T10:00:00Z');
    // Health counts from the first report missed, though the one asked for now is the 11th's.
    expect(await card(contract.id)).toMatchObject({
      health: 'late',
      reasons: [
        {
          code: 'report_overdue',
          level: 'late',
          dueOn: '2026-12-04',
          overdueDays: 8,
          firstReport: true,
          text: 'No report yet: the first was due on 4 Dec 2026 (8 days overdue).',
        },
      ],
      nextReportDue: '2026-12-11',
    });

    const sent = await call(ctx, cast.people.professional, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/reports`,
      payload: {
        done: 'Most of it',
        next: 'The rest',
        blockers: '',
        hours: 10,
        percentComplete: 50,
      },
    });
    expect(sent.statusCode).toBe(201);
    expect(await card(contract.id)).toMatchObject({
      health: 'on_track',
      percentComplete: 50,
      lastReportAt: '2026-12-12T10:00:00.000Z',
      nextReportDue: '2026-12-18',
    });
  });

  it('a passed end date makes it late; hours near the cap put it at risk; money from hours × rate', async () => {
    ctx.clock.set('2026-12-01T10:00:00Z');
    const contract = await buildCastContract(ctx, cast, {
      title: 'Near the cap',
      hourlyRate: 5_000,
      weeklyCapHours: 10,
      totalBudget: 100_000,
    });
    await ctx.db.insert(timeEntries).values({
      id: newId(),
      contractId: contract.id,
      userId: cast.people.professional.id,
      source: 'manual',
      startedAt: new Date('2026-12-02T09:00:00Z'),
      endedAt: new Date('2026-12-02T18:00:00Z'),
      minutes: 9 * 60,
      weekStart: '2026-11-30',
      status: 'pending',
    });
    ctx.clock.set('2026-12-03T10:00:00Z');
    const c = await card(contract.id);
    expect(c).toMatchObject({
      health: 'at_risk',
      hoursThisWeek: 9,
      weeklyCapHours: 10,
      spent: 45_000,
      budget: 100_000,
    });
    expect(c?.reasons.map((r) => r.text)).toEqual([
      '45% of the budget is spent (US$450.00 of US$1,000.00) for 0% of the work.',
      '9 of the 10 hours this week are used.',
    ]);
    // The facts behind the words, for a page to write in its reader's way.
    expect(c?.reasons[0]).toMatchObject({
      code: 'budget_ahead',
      spentPercent: 45,
      percentComplete: 0,
      spent: { amount: 45_000, currency: 'USD' },
      budget: { amount: 100_000, currency: 'USD' },
    });
    expect(c?.weeks).toHaveLength(8);
    expect(c?.weeks.at(-1)).toEqual({ weekStart: '2026-11-30', hours: 9, spentToDate: 45_000 });
    expect(c?.weeks.at(-2)).toEqual({ weekStart: '2026-11-23', hours: 0, spentToDate: 0 });

    const ended = await buildCastContract(ctx, cast, {
      title: 'Past its end',
      endDate: '2026-12-02',
    });
    expect((await card(ended.id))?.health).toBe('late');
  });

  it('lists only running contracts, and the professional sees the same cards of their own', async () => {
    ctx.clock.set('2026-12-01T10:00:00Z');
    const done = await buildCastContract(ctx, cast, { status: 'completed', title: 'Done' });
    const offer = await buildCastContract(ctx, cast, { status: 'offered', title: 'Offer' });
    const running = await buildCastContract(ctx, cast, { title: 'Mirror' });
    const elsewhere = await buildBusiness(ctx, { name: 'Elsewhere' });
    const other = await buildCastContract(ctx, cast, {
      businessId: elsewhere.business.id,
      title: 'For another business',
    });
    const ids = (await dashboard()).map((c) => c.id);
    expect(ids).toContain(running.id);
    expect(ids).not.toContain(done.id);
    expect(ids).not.toContain(offer.id);
    expect(ids).not.toContain(other.id);

    const mine = await call(ctx, cast.people.professional, {
      method: 'GET',
      url: '/api/v1/me/contracts/dashboard',
    });
    const items: DashboardContract[] = mine.json().items;
    expect(items.map((c) => c.id)).toEqual(expect.arrayContaining([running.id, other.id]));
    expect(items.find((c) => c.id === running.id)).toEqual(await card(running.id));
  });
});
