import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SCORE_EXPLAINED } from '../../../core/audit.ts';
import type { AuditSummary, UpdateTask } from '../../../core/contracts/audit.ts';
import {
  auditUrl,
  buildAudit,
  buildEntry,
  replaceAudit,
  type BuiltAudit,
} from '../../../../test/audit-factories.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const AUDIT_ROLES = (ok: number) => ({
  anonymous: 401,
  owner: ok,
  manager: ok,
  viewer: 403,
  otherBusiness: 404,
  professional: 404,
  admin: 404,
});

/**
 * A week of an owner's work (audit from 6 July 2026, 30 days, €50 an hour, EUR business),
 * looked at on 14 July. Six days have entries — 6, 7, 8, 10, 11 and 12 July — so 9, 13 and
 * 14 July are missing.
 */
const WEEK: { task: string; minutes: number; days: number[]; set: UpdateTask }[] = [
  {
    task: 'Bookkeeping',
    minutes: 60,
    days: [6, 7, 8, 10, 11, 12],
    set: { frequency: 'weekly', dislike: 5, nature: 'repetitive', category: 'bookkeeping' },
  },
  {
    task: 'Social posts',
    minutes: 40,
    days: [6, 8, 10],
    set: {
      frequency: 'weekly',
      dislike: 3,
      nature: 'specialized-knowledge',
      category: 'social-media',
    },
  },
  {
    task: 'Client calls',
    minutes: 100,
    days: [7, 11, 12],
    set: { frequency: 'daily', dislike: 1, nature: 'core' },
  },
  {
    task: 'VAT return',
    minutes: 180,
    days: [10],
    set: { frequency: 'monthly', dislike: 3, nature: 'expertise', category: 'bookkeeping' },
  },
  { task: 'Misc admin', minutes: 90, days: [12], set: {} },
];
const ENTRY_COUNT = 14;

type TaskName = 'Bookkeeping' | 'Social posts' | 'Client calls' | 'VAT return' | 'Misc admin';

async function logWeek(): Promise<{ b: BuiltAudit; ids: Record<TaskName, string> }> {
  ctx.clock.set('2026-07-14T12:00:00Z');
  const b = await buildAudit(ctx, { periodStart: '2026-07-06', periodDays: 30, hourlyValue: 5000 });
  const ids = {} as Record<TaskName, string>;
  for (const { task, minutes, days, set } of WEEK) {
    for (const day of days) {
      const entry = await buildEntry(ctx, b, {
        taskName: task,
        minutes,
        date: `2026-07-${String(day).padStart(2, '0')}`,
      });
      ids[task as TaskName] = entry.taskId;
    }
    if (Object.keys(set).length === 0) continue;
    const res = await call(ctx, b.owner, {
      method: 'PATCH',
      url: auditUrl(b.businessId, b.audit.id, `/tasks/${ids[task as TaskName]}`),
      payload: set,
    });
    expect(res.statusCode).toBe(200);
  }
  return { b, ids };
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });

async function summaryOf(b: BuiltAudit): Promise<AuditSummary> {
  const res = await call(ctx, b.owner, {
    method: 'GET',
    url: auditUrl(b.businessId, b.audit.id, '/summary'),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

function draft(b: BuiltAudit, taskId: string) {
  return call(ctx, b.owner, {
    method: 'POST',
    url: auditUrl(b.businessId, b.audit.id, `/tasks/${taskId}/job-draft`),
  });
}

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

  it('sums the hours logged by category, most first, uncategorised work included', () => {
    expect(summary.hoursByCategory).toEqual([
      { category: 'bookkeeping', name: 'Bookkeeping', hours: 9 }, // 6 h + 3 h
      { category: null, name: 'Not categorised yet', hours: 6.5 }, // 5 h core + 1.5 h
      { category: 'social-media', name: 'Social media', hours: 2 },
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
      AUDIT_ROLES(200),
    );
  });
});

describe('POST …/audits/:auditId/tasks/:taskId/job-draft', () => {
  let week: Awaited<ReturnType<typeof logWeek>>;
  beforeAll(async () => {
    week = await logWeek();
  });

  it('drafts a job prefilled with title, category, monthly hours and 80–120 % of the market cost', async () => {
    const res = await draft(week.b, week.ids.Bookkeeping);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      businessId: week.b.businessId,
      auditId: week.b.audit.id,
      taskId: week.ids.Bookkeeping,
      title: 'Bookkeeping',
      category: 'bookkeeping',
      hoursPerMonth: 30,
      // Market cost €1,104.00: 80 % is €883.20 → €883; 120 % is €1,324.80 → €1,325.
      budgetMin: eur(88300),
      budgetMax: eur(132500),
    });
  });

  it('drafts a job without a budget for a task with no category to price it', async () => {
    const res = await draft(week.b, week.ids['Misc admin']);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Misc admin',
      category: null,
      hoursPerMonth: 7.5,
      budgetMin: null,
      budgetMax: null,
    });
  });

  it('answers 409 for a core task', async () => {
    const res = await draft(week.b, week.ids['Client calls']);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 404 for a task of another audit', async () => {
    const other = await logWeek();
    expect((await draft(week.b, other.ids.Bookkeeping)).statusCode).toBe(404);
  });

  it('role matrix: owners and managers draft jobs; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    const b = { audit, businessId: cast.businessId, owner: cast.people.owner };
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        const { taskId } = await buildEntry(ctx, b, { taskName: `Task of ${role}` });
        return {
          method: 'POST',
          url: auditUrl(b.businessId, audit.id, `/tasks/${taskId}/job-draft`),
        };
      },
      AUDIT_ROLES(201),
    );
  });
});

describe('GET /api/v1/businesses/:businessId/job-drafts', () => {
  it('lists the business’s drafts, newest first', async () => {
    const { b, ids } = await logWeek();
    await draft(b, ids.Bookkeeping);
    ctx.clock.advance(60_000);
    await draft(b, ids['Social posts']);
    await logWeek().then(({ b: other, ids: theirs }) => draft(other, theirs.Bookkeeping));
    const res = await call(ctx, b.owner, {
      method: 'GET',
      url: `/api/v1/businesses/${b.businessId}/job-drafts`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((d: { title: string }) => d.title)).toEqual([
      'Social posts',
      'Bookkeeping',
    ]);
  });

  it('role matrix: owners and managers list drafts; viewers 403; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/businesses/${cast.businessId}/job-drafts` }),
      AUDIT_ROLES(200),
    );
  });
});

describe('CSV exports', () => {
  let week: Awaited<ReturnType<typeof logWeek>>;
  beforeAll(async () => {
    week = await logWeek();
  });

  const download = (path: string) =>
    call(ctx, week.b.owner, {
      method: 'GET',
      url: auditUrl(week.b.businessId, week.b.audit.id, path),
    });

  it('entries.csv has a header and one line per entry, newest first, with the task’s attributes', async () => {
    const res = await download('/entries.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-entries.csv"');
    expect(res.body.split('\n')[0]).toBe(
      'date,task,minutes,source,frequency,dislike,nature,category',
    );
    const rows = parse<Record<string, string>>(res.body, { columns: true });
    expect(rows).toHaveLength(ENTRY_COUNT);
    expect(rows.reduce((sum, r) => sum + Number(r.minutes), 0)).toBe(1050);
    const dates = rows.map((r) => r.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(rows.filter((r) => r.task === 'Bookkeeping')).toHaveLength(6);
    expect(rows.find((r) => r.task === 'Bookkeeping')).toEqual({
      date: '2026-07-12',
      task: 'Bookkeeping',
      minutes: '60',
      source: 'manual',
      frequency: 'weekly',
      dislike: '5',
      nature: 'repetitive',
      category: 'bookkeeping',
    });
    expect(rows.find((r) => r.task === 'Misc admin')).toMatchObject({
      frequency: '',
      dislike: '',
      nature: '',
      category: '',
    });
  });

  it('candidates.csv ranks the candidates like the summary, money in major units', async () => {
    const res = await download('/candidates.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse<Record<string, string>>(res.body, { columns: true });
    const summary = await summaryOf(week.b);
    expect(rows.map((r) => [r.rank, r.task, r.score])).toEqual(
      summary.candidates.map((c, i) => [String(i + 1), c.name, String(c.score)]),
    );
    expect(rows[0]).toEqual({
      rank: '1',
      task: 'Bookkeeping',
      score: '100',
      hours_points: '40',
      dislike_points: '30',
      nature_points: '30',
      monthly_hours: '30',
      category: 'Bookkeeping',
      nature: 'repetitive',
      currency: 'EUR',
      owner_cost: '1500.00',
      market_cost: '1104.00',
      saving: '396.00',
    });
    expect(rows[3]).toMatchObject({ task: 'Misc admin', market_cost: '', saving: '' });
    expect(rows.map((r) => r.task)).not.toContain('Client calls');
  });

  it('exports just the header of an audit with nothing logged', async () => {
    const b = await buildAudit(ctx);
    const res = await call(ctx, b.owner, {
      method: 'GET',
      url: auditUrl(b.businessId, b.audit.id, '/entries.csv'),
    });
    expect(res.statusCode).toBe(200);
    expect(parse(res.body, { columns: true })).toEqual([]);
  });

  it.each(['/entries.csv', '/candidates.csv'])(
    'role matrix %s: owners and managers download; viewers 403; outsiders 404',
    async (path) => {
      const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
      await expectRoleMatrix(
        ctx,
        cast,
        () => ({ method: 'GET', url: auditUrl(cast.businessId, audit.id, path) }),
        AUDIT_ROLES(200),
      );
    },
  );
});
