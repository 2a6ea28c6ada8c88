/**
 * The workspace demo on a fresh database, read back as its users would read it over HTTP: the
 * owner's dashboard with both contracts' healths and reasons, the weeks of time (one approved by
 * the rule, one by the owner, this week's hours), the meetings, the board, messages and files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness, buildUser, type TestUser } from '../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../test/harness.ts';
import type { DashboardContract } from '../core/contracts/reports.ts';
import { demoWork, type DemoWorkResult } from './demo-work.ts';

let ctx: TestContext;
let owner: TestUser;
let hourlyPro: TestUser;
let fixedPro: TestUser;
let businessId: string;
let made: DemoWorkResult;

// A Wednesday, 14:00 in Lisbon (UTC in winter): Monday's and Tuesday's entries are done,
// Wednesday's (14:00–15:00) is not yet.
const NOW = '2026-12-09T14:00:00Z';

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(NOW);
  const built = await buildBusiness(ctx);
  owner = built.owner;
  businessId = built.business.id;
  hourlyPro = await buildUser(ctx, { professional: true, name: 'Mateo Ruiz' });
  fixedPro = await buildUser(ctx, { professional: true, name: 'Olena Kovalenko' });
  made = await demoWork(
    ctx.db,
    ctx.config,
    ctx.background.queue,
    {
      bakery: {
        name: 'Test Bakery',
        ownerId: owner.id,
        businessId,
        timeZone: 'Europe/Lisbon',
        currency: 'EUR',
      },
      hourly: { id: hourlyPro.id, email: hourlyPro.email },
      fixed: { id: fixedPro.id, email: fixedPro.email },
    },
    ctx.clock.now(),
  );
});

async function get(who: TestUser, url: string) {
  const res = await call(ctx, who, { method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res.json();
}

describe('demoWork', () => {
  it('the owner’s dashboard: the hourly contract at risk for its overdue report, the fixed one on track', async () => {
    const { items } = (await get(
      owner,
      `/api/v1/businesses/${businessId}/contracts/dashboard`,
    )) as {
      items: DashboardContract[];
    };
    const hourly = items.find((c) => c.id === made.hourlyContractId);
    const fixed = items.find((c) => c.id === made.fixedContractId);
    expect(items).toHaveLength(2);
    expect(hourly).toMatchObject({
      health: 'at_risk',
      // Reports on Mondays (two days before a Wednesday): Nov 23 and 30 came, Dec 7 did not.
      reasons: [
        {
          code: 'report_overdue',
          level: 'at_risk',
          dueOn: '2026-12-07',
          overdueDays: 2,
          firstReport: false,
          text: 'The report due on 7 Dec 2026 has not come (2 days overdue).',
        },
      ],
      currency: 'EUR',
      // Monday 1.5 h and Tuesday 2 h so far.
      hoursThisWeek: 3.5,
      weeklyCapHours: 10,
      // 8 h + 9 h + 3.5 h at €40.
      spent: 82_000,
      budget: 400_000,
      percentComplete: 25,
      lastReportAt: '2026-11-30T17:00:00.000Z',
      nextReportDue: '2026-12-07',
    });
    expect(hourly!.weeks.slice(-3).map((w) => [w.weekStart, w.hours])).toEqual([
      ['2026-11-23', 8],
      ['2026-11-30', 9],
      ['2026-12-07', 3.5],
    ]);
    expect(fixed).toMatchObject({
      health: 'on_track',
      reasons: [],
      termsType: 'fixed',
      budget: 60_000,
      // Friday the 4th's report: 15%, short of the first milestone's 60% share.
      percentComplete: 15,
      spent: 0,
    });
    // The professional's mirror shows the same verdict.
    const mine = (await get(hourlyPro, '/api/v1/me/contracts/dashboard')) as {
      items: DashboardContract[];
    };
    expect(mine.items.map((c) => [c.id, c.health])).toEqual([[made.hourlyContractId, 'at_risk']]);
  });

  it('three weeks of time: auto-approved by the rule, approved by the owner, this week pending', async () => {
    const base = `/api/v1/contracts/${made.hourlyContractId}/time`;
    const before = await get(owner, `${base}?week=2026-11-23`);
    expect(before.totalMinutes).toBe(480);
    expect(before.review).toMatchObject({ status: 'approved', auto: true });
    expect(before.entries.every((e: { autoApproved: boolean }) => e.autoApproved)).toBe(true);
    const last = await get(owner, `${base}?week=2026-11-30`);
    expect(last.totalMinutes).toBe(540);
    expect(last.review).toMatchObject({ status: 'approved', auto: false });
    const now = await get(hourlyPro, base);
    expect(now).toMatchObject({ weekStart: '2026-12-07', totalMinutes: 210, capHours: 10 });
    expect(now.entries.map((e: { status: string }) => e.status)).toEqual(['pending', 'pending']);
    // Rules due by now ran during the replay; later ones are left for the server's worker (last
    // week's auto-approval, on Saturday the 12th, will find nothing pending).
    const { rows } = await ctx.pool.query<{ key: string }>(
      `select key from graphile_worker.jobs where key like $1 order by key`,
      [`contract:${made.hourlyContractId}:time:%`],
    );
    expect(rows.map((r) => r.key.split(':').slice(3).join(':'))).toEqual([
      '2026-11-30:auto-approve',
      '2026-12-07:auto-approve',
      '2026-12-07:week-ended',
    ]);
    expect(now.entries.map((e: { issue: { number: number } | null }) => e.issue?.number)).toEqual(
      expect.arrayContaining([2, 5]),
    );
  });

  it('a meeting booked for Friday 15:00 in Lisbon, and the kickoff’s action item made an issue', async () => {
    const { items } = await get(owner, `/api/v1/contracts/${made.hourlyContractId}/meetings`);
    const byTitle = Object.fromEntries(items.map((m: { title: string }) => [m.title, m])) as Record<
      string,
      { startsAt: string; agenda: string; actionItems: { text: string; issue: unknown }[] }
    >;
    expect(byTitle['Weekly check-in: gift cards and allergens']).toMatchObject({
      startsAt: '2026-12-11T15:00:00.000Z',
    });
    expect(byTitle.Kickoff!.actionItems).toEqual([
      {
        text: 'Send the December price list',
        done: false,
        issue: expect.objectContaining({ number: 4 }),
      },
      { text: 'Set up a second staging user for Tomás', done: false, issue: null },
    ]);
  });

  it('issues in every column of the board, messages both ways, a file with two versions', async () => {
    const contract = `/api/v1/contracts/${made.hourlyContractId}`;
    const { items } = await get(owner, `${contract}/issues`);
    const columns: Record<string, number> = {};
    for (const i of items as { status: string }[]) columns[i.status] = (columns[i.status] ?? 0) + 1;
    expect(columns).toEqual({ open: 1, in_progress: 1, in_review: 1, done: 2 });

    const messages = await get(hourlyPro, `${contract}/messages`);
    expect(messages.items).toHaveLength(4);
    // The owner's last message came after the professional's own.
    expect(messages.unread).toBe(1);

    const files = await get(hourlyPro, `${contract}/files`);
    expect(files.items).toHaveLength(1);
    expect(files.items[0]).toMatchObject({ name: 'price-list-december.csv' });
    expect(files.items[0].versions).toHaveLength(2);
  });
});

describe('demoWork at any hour of the week', () => {
  // Early on a Monday (no entries yet this week), late on a Sunday, on a report day, and a week
  // whose history crosses the change to summer time.
  it.each([
    ['2026-12-07T00:30:00Z', 0],
    ['2026-12-13T23:30:00Z', 4.5],
    ['2026-12-11T10:00:00Z', 4.5],
    ['2027-04-06T08:00:00Z', 1.5],
  ])('at %s the hourly contract is at risk for a report two days overdue', async (now, hours) => {
    ctx.clock.set(now);
    const built = await buildBusiness(ctx);
    const pro = await buildUser(ctx, { professional: true });
    const other = await buildUser(ctx, { professional: true });
    const result = await demoWork(
      ctx.db,
      ctx.config,
      ctx.background.queue,
      {
        bakery: {
          name: 'Test Bakery',
          ownerId: built.owner.id,
          businessId: built.business.id,
          timeZone: 'Europe/Lisbon',
          currency: 'EUR',
        },
        hourly: { id: pro.id, email: pro.email },
        fixed: { id: other.id, email: other.email },
      },
      ctx.clock.now(),
    );
    const { items } = (await get(
      built.owner,
      `/api/v1/businesses/${built.business.id}/contracts/dashboard`,
    )) as { items: DashboardContract[] };
    const hourly = items.find((c) => c.id === result.hourlyContractId)!;
    expect(hourly.health).toBe('at_risk');
    expect(hourly.reasons.map((r) => r.text)).toEqual([
      expect.stringMatching(/has not come \(2 days overdue\)\.$/),
    ]);
    expect(hourly.hoursThisWeek).toBe(hours);
    expect(items.find((c) => c.id === result.fixedContractId)!.health).toBe('on_track');
  });
});
