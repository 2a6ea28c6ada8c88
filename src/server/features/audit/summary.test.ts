import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SCORE_EXPLAINED } from '../../../core/audit.ts';
import type { AuditSummary } from '../../../core/contracts/audit.ts';
import {
  auditUrl,
  buildAudit,
  buildEntry,
  replaceAudit,
  type BuiltAudit,
} from '../../../../test/audit-factories.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { eur, logWeek as logWeekIn, summaryOf as summaryIn } from '../../../../test/audit-week.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const logWeek = () => logWeekIn(ctx);
const summaryOf = (b: BuiltAudit) => summaryIn(ctx, b);

describe('GET …/audits/:auditId/summary', () => {
  let week: Awaited<ReturnType<typeof logWeek>>;
  let summary: AuditSummary;
  beforeAll(async () => {
    week = await logWeek();
    summary = await summaryOf(week.b);
  });

  it('reports progress: days covered of the period, hours logged, missing past days newest first (not today)', () => {
    expect(summary.progress).toEqual({
      periodDays: 30,
      daysCovered: 6,
      hoursLogged: 17.5, // 360 + 120 + 300 + 180 + 90 = 1,050 minutes
      missingDays: ['2026-07-13', '2026-07-09'],
    });
  });

  it('ranks the candidates by score, with the parts and costs the documented formula gives', () => {
    // Monthly hours = hours logged × 30 / 6 days covered (a monthly task: × 30 / 30).
    // Score = hours (40 × min(h, 20) / 20) + dislike (30 × (d − 1) / 4) + nature
    // (repetitive 30, specialized knowledge 20, expertise 15, unset 0).
    // Market rate: bookkeeping $40.00 × 0.92 = €36.80; social media $30.00 × 0.92 = €27.60.
    expect(summary.candidates).toEqual([
      {
        taskId: week.ids.Bookkeeping,
        name: 'Bookkeeping',
        category: 'bookkeeping',
        categoryName: 'Bookkeeping',
        nature: 'repetitive',
        frequency: 'weekly',
        dislike: 5,
        monthlyHours: 30, // 6 h × 30 / 6
        score: 100, // 40 (capped at 20 h) + 30 + 30
        parts: { hours: 40, dislike: 30, nature: 30 },
        ownerCost: eur(150000), // 30 h × €50
        marketRate: eur(3680),
        marketCost: eur(110400), // 30 h × €36.80
        saving: eur(39600),
      },
      {
        taskId: week.ids['Social posts'],
        name: 'Social posts',
        category: 'social-media',
        categoryName: 'Social media',
        nature: 'specialized-knowledge',
        frequency: 'weekly',
        dislike: 3,
        monthlyHours: 10, // 2 h × 30 / 6
        score: 55, // 20 + 15 + 20
        parts: { hours: 20, dislike: 15, nature: 20 },
        ownerCost: eur(50000),
        marketRate: eur(2760),
        marketCost: eur(27600),
        saving: eur(22400),
      },
      {
        taskId: week.ids['VAT return'],
        name: 'VAT return',
        category: 'bookkeeping',
        categoryName: 'Bookkeeping',
        nature: 'expertise',
        frequency: 'monthly',
        dislike: 3,
        monthlyHours: 3, // once a month: not scaled up by a week's coverage
        score: 36, // 6 + 15 + 15
        parts: { hours: 6, dislike: 15, nature: 15 },
        ownerCost: eur(15000),
        marketRate: eur(3680),
        marketCost: eur(11040),
        saving: eur(3960),
      },
      {
        taskId: week.ids['Misc admin'],
        name: 'Misc admin',
        category: null,
        categoryName: null,
        nature: null,
        frequency: null,
        dislike: null,
        monthlyHours: 7.5, // 1.5 h × 30 / 6
        score: 15, // hours alone
        parts: { hours: 15, dislike: 0, nature: 0 },
        ownerCost: eur(37500),
        marketRate: null,
        marketCost: null,
        saving: null,
      },
    ]);
  });

  it('leaves core tasks out of the candidates and lists them apart', () => {
    expect(summary.candidates.map((c) => c.name)).not.toContain('Client calls');
    expect(summary.coreTasks).toEqual([
      { taskId: week.ids['Client calls'], name: 'Client calls', monthlyHours: 25 }, // 5 h × 30 / 6
    ]);
  });

  it('sums the hours logged by category, most first, with core work apart from uncategorised work', () => {
    expect(summary.hoursByCategory).toEqual([
      { kind: 'category', category: 'bookkeeping', name: 'Bookkeeping', hours: 9 }, // 6 h + 3 h
      { kind: 'core', category: null, name: 'Your core work', hours: 5 },
      { kind: 'category', category: 'social-media', name: 'Social media', hours: 2 },
      { kind: 'uncategorised', category: null, name: 'Not categorised yet', hours: 1.5 },
    ]);
  });

  it('explains the score with the same text the pure rules carry', () => {
    expect(summary.scoreExplained).toEqual(AUDIT_SCORE_EXPLAINED);
    expect(summary.audit).toEqual(week.b.audit);
  });

  it('follows a change of the hourly value', async () => {
    const { b, ids } = await logWeek();
    await call(ctx, b.owner, {
      method: 'PATCH',
      url: auditUrl(b.businessId, b.audit.id),
      payload: { hourlyValue: 3000 },
    });
    const top = (await summaryOf(b)).candidates.find((c) => c.taskId === ids.Bookkeeping);
    // 30 h × €30 = €900, now less than the market's €1,104: a negative saving.
    expect(top).toMatchObject({ ownerCost: eur(90000), saving: eur(90000 - 110400) });
  });

  it('nudges with at most 14 missing days, newest first, when nothing is logged', async () => {
    ctx.clock.set('2026-07-14T12:00:00Z');
    const b = await buildAudit(ctx, { periodStart: '2026-06-20', periodDays: 30 });
    const empty = await summaryOf(b);
    expect(empty.progress).toEqual({
      periodDays: 30,
      daysCovered: 0,
      hoursLogged: 0,
      // 13 July back to 30 June: the 14 most recent past days (14 July is today).
      missingDays: Array.from({ length: 14 }, (_, i) =>
        new Date(Date.UTC(2026, 6, 13 - i)).toISOString().slice(0, 10),
      ),
    });
    expect(empty.candidates).toEqual([]);
    expect(empty.hoursByCategory).toEqual([]);
  });

  it('gives no market estimate when the business currency has no exchange rate', async () => {
    const { business, owner } = await buildBusiness(ctx);
    await call(ctx, owner, {
      method: 'PATCH',
      url: `/api/v1/businesses/${business.id}`,
      payload: { currency: 'ISK' }, // not among the seeded rates
    });
    const b = await buildAudit(ctx, { owner, businessId: business.id, hourlyValue: 9000 });
    const { taskId } = await buildEntry(ctx, b, { taskName: 'Payroll', minutes: 60 });
    await call(ctx, owner, {
      method: 'PATCH',
      url: auditUrl(b.businessId, b.audit.id, `/tasks/${taskId}`),
      payload: { category: 'bookkeeping' },
    });
    const [candidate] = (await summaryOf(b)).candidates;
    // 1 h on 1 day covered → 30 h a month × 9,000 ISK (a currency without minor units).
    expect(candidate).toMatchObject({
      ownerCost: { amount: 270000, currency: 'ISK' },
      marketRate: null,
      marketCost: null,
      saving: null,
    });
  });

  it('role matrix: owners and managers see the summary; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: auditUrl(cast.businessId, audit.id, '/summary') }),
      200,
    );
  });
});
