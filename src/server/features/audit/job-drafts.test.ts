import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditUrl,
  buildAudit,
  buildEntry,
  replaceAudit,
  type BuiltAudit,
} from '../../../../test/audit-factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import {
  draft as draftIn,
  ENTRY_COUNT,
  eur,
  logWeek as logWeekIn,
  summaryOf as summaryIn,
} from '../../../../test/audit-week.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const logWeek = () => logWeekIn(ctx);
const summaryOf = (b: BuiltAudit) => summaryIn(ctx, b);
const draft = (b: BuiltAudit, taskId: string) => draftIn(ctx, b, taskId);

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
      jobId: null,
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
      201,
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
      200,
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

  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', async () => {
    const b = await buildAudit(ctx);
    const names = ['=HYPERLINK("https://evil.example","click")', '+cmd|calc', '@SUM(A1)', '-1+1'];
    for (const taskName of names) await buildEntry(ctx, b, { taskName });
    for (const path of ['/entries.csv', '/candidates.csv']) {
      const res = await call(ctx, b.owner, {
        method: 'GET',
        url: auditUrl(b.businessId, b.audit.id, path),
      });
      expect(res.statusCode).toBe(200);
      const tasks = parse<Record<string, string>>(res.body, { columns: true }).map((r) => r.task);
      expect(tasks.length, path).toBeGreaterThan(0);
      for (const task of tasks) expect(task, path).toMatch(/^'[=+@-]/);
    }
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
        200,
      );
    },
  );
});
