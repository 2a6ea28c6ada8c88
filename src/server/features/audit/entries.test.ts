import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/contracts/audit.ts';
import {
  auditUrl,
  buildAudit,
  buildEntry,
  errorPaths,
  replaceAudit,
  type BuiltAudit,
} from '../../../../test/audit-factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const entriesUrl = (b: BuiltAudit, rest = '') =>
  auditUrl(b.businessId, b.audit.id, `/entries${rest}`);

function quickAdd(b: BuiltAudit, payload: Record<string, unknown>) {
  return call(ctx, b.owner, { method: 'POST', url: entriesUrl(b), payload });
}

async function tasksOf(b: BuiltAudit) {
  const res = await call(ctx, b.owner, {
    method: 'GET',
    url: auditUrl(b.businessId, b.audit.id, '/tasks'),
  });
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    id: string;
    name: string;
    totalMinutes: number;
    entryCount: number;
  }[];
}

describe('POST …/audits/:auditId/entries (quick add)', () => {
  it('logs minutes on a task for a day, as a manual entry', async () => {
    const b = await buildAudit(ctx, { periodStart: '2026-07-06' });
    const res = await quickAdd(b, { taskName: '  Invoices ', date: '2026-07-08', minutes: 45 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      taskName: 'Invoices',
      date: '2026-07-08',
      minutes: 45,
      source: 'manual',
    });
    expect(await tasksOf(b)).toEqual([
      expect.objectContaining({ id: res.json().taskId, name: 'Invoices', totalMinutes: 45 }),
    ]);
  });

  it('treats the same task name in another case or spacing as the same task', async () => {
    const b = await buildAudit(ctx);
    const first = await quickAdd(b, { taskName: 'Send invoices', date: '2026-07-06', minutes: 30 });
    const second = await quickAdd(b, {
      taskName: '  SEND   Invoices ',
      date: '2026-07-07',
      minutes: 15,
    });
    expect(second.json().taskId).toBe(first.json().taskId);
    expect(second.json().taskName).toBe('Send invoices');
    expect(await tasksOf(b)).toEqual([
      expect.objectContaining({ name: 'Send invoices', totalMinutes: 45, entryCount: 2 }),
    ]);
  });

  it('accepts the first and last day of the period and 1 to 1440 minutes', async () => {
    const b = await buildAudit(ctx, { periodStart: '2026-07-06', periodDays: 7 });
    expect((await quickAdd(b, { taskName: 'A', date: '2026-07-06', minutes: 1 })).statusCode).toBe(
      201,
    );
    expect(
      (await quickAdd(b, { taskName: 'A', date: '2026-07-12', minutes: 1440 })).statusCode,
    ).toBe(201);
  });

  it.each([
    ['the day before the period', '2026-07-05'],
    ['the day after the period', '2026-07-13'],
  ])('answers 400 naming body.date for %s', async (_, date) => {
    const b = await buildAudit(ctx, { periodStart: '2026-07-06', periodDays: 7 });
    const res = await quickAdd(b, { taskName: 'Invoices', date, minutes: 30 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(errorPaths(res)).toEqual(['body.date']);
    expect(await tasksOf(b)).toEqual([]);
  });

  it.each([0, 1441, 12.5])('answers 400 naming body.minutes for %s minutes', async (minutes) => {
    const b = await buildAudit(ctx);
    const res = await quickAdd(b, { taskName: 'Invoices', date: '2026-07-06', minutes });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.minutes']);
  });

  it('names every bad field at once', async () => {
    const b = await buildAudit(ctx);
    const res = await quickAdd(b, { taskName: '   ', date: '06/07/2026', minutes: '30' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining(['body.taskName', 'body.date', 'body.minutes']),
    );
  });

  it('role matrix: owners and managers log entries; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: auditUrl(cast.businessId, audit.id, '/entries'),
        payload: { taskName: 'Invoices', date: audit.periodStart, minutes: 20 },
      }),
      201,
    );
  });
});

describe('PATCH …/audits/:auditId/entries/:entryId', () => {
  it('changes the date and minutes', async () => {
    const b = await buildAudit(ctx);
    const entry = await buildEntry(ctx, b, { date: '2026-07-06', minutes: 30 });
    const res = await call(ctx, b.owner, {
      method: 'PATCH',
      url: entriesUrl(b, `/${entry.id}`),
      payload: { date: '2026-07-09', minutes: 50 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...entry, date: '2026-07-09', minutes: 50 });
  });

  it('answers an empty change with the entry as it is', async () => {
    const b = await buildAudit(ctx);
    const entry = await buildEntry(ctx, b);
    const res = await call(ctx, b.owner, {
      method: 'PATCH',
      url: entriesUrl(b, `/${entry.id}`),
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(entry);
  });

  it('renaming moves the entry to the task of that name; a task left empty disappears', async () => {
    const b = await buildAudit(ctx);
    const payroll = await buildEntry(ctx, b, { taskName: 'Payroll', minutes: 20 });
    const stray = await buildEntry(ctx, b, { taskName: 'Payrol', minutes: 40 });
    const res = await call(ctx, b.owner, {
      method: 'PATCH',
      url: entriesUrl(b, `/${stray.id}`),
      payload: { taskName: 'payroll' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ taskId: payroll.taskId, taskName: 'Payroll', minutes: 40 });
    expect(await tasksOf(b)).toEqual([
      expect.objectContaining({ id: payroll.taskId, totalMinutes: 60, entryCount: 2 }),
    ]);
  });

  it('renaming to a new name makes that task', async () => {
    const b = await buildAudit(ctx);
    const entry = await buildEntry(ctx, b, { taskName: 'Emails' });
    await buildEntry(ctx, b, { taskName: 'Emails' });
    const res = await call(ctx, b.owner, {
      method: 'PATCH',
      url: entriesUrl(b, `/${entry.id}`),
      payload: { taskName: 'Newsletter' },
    });
    expect(res.json().taskId).not.toBe(entry.taskId);
    expect((await tasksOf(b)).map((t) => [t.name, t.entryCount])).toEqual([
      ['Emails', 1],
      ['Newsletter', 1],
    ]);
  });

  it('answers 400 naming body.date for a date outside the period, and keeps the entry', async () => {
    const b = await buildAudit(ctx, { periodStart: '2026-07-06', periodDays: 7 });
    const entry = await buildEntry(ctx, b, { date: '2026-07-06' });
    const outside = await call(ctx, b.owner, {
      method: 'PATCH',
      url: entriesUrl(b, `/${entry.id}`),
      payload: { date: '2026-08-01' },
    });
    expect(outside.statusCode).toBe(400);
    expect(errorPaths(outside)).toEqual(['body.date']);
    const list = await call(ctx, b.owner, { method: 'GET', url: entriesUrl(b) });
    expect(list.json().items).toEqual([entry]);
  });

  it('answers 404 for an entry of another audit', async () => {
    const mine = await buildAudit(ctx);
    const theirs = await buildAudit(ctx);
    const entry = await buildEntry(ctx, theirs);
    const res = await call(ctx, mine.owner, {
      method: 'PATCH',
      url: entriesUrl(mine, `/${entry.id}`),
      payload: { minutes: 10 },
    });
    expect(res.statusCode).toBe(404);
  });

  it('answers 409 once the audit is closed', async () => {
    const b = await buildAudit(ctx);
    const entry = await buildEntry(ctx, b);
    await call(ctx, b.owner, {
      method: 'PATCH',
      url: auditUrl(b.businessId, b.audit.id),
      payload: { status: 'closed' },
    });
    const res = await call(ctx, b.owner, {
      method: 'PATCH',
      url: entriesUrl(b, `/${entry.id}`),
      payload: { minutes: 10 },
    });
    expect(res.statusCode).toBe(409);
  });

  it('role matrix: owners and managers edit entries; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    const b = { audit, businessId: cast.businessId, owner: cast.people.owner };
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const entry = await buildEntry(ctx, b);
        return {
          method: 'PATCH',
          url: entriesUrl(b, `/${entry.id}`),
          payload: { minutes: 15 },
        };
      },
      200,
    );
  });
});

describe('DELETE …/audits/:auditId/entries/:entryId', () => {
  it('deletes the entry; its task goes when it was the last; a second delete is 404', async () => {
    const b = await buildAudit(ctx);
    const kept = await buildEntry(ctx, b, { taskName: 'Payroll' });
    const gone = await buildEntry(ctx, b, { taskName: 'Filing' });
    const url = entriesUrl(b, `/${gone.id}`);
    const res = await call(ctx, b.owner, { method: 'DELETE', url });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const list = await call(ctx, b.owner, { method: 'GET', url: entriesUrl(b) });
    expect(list.json().items).toEqual([kept]);
    expect((await tasksOf(b)).map((t) => t.name)).toEqual(['Payroll']);
    expect((await call(ctx, b.owner, { method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('keeps the task while other entries use it', async () => {
    const b = await buildAudit(ctx);
    const one = await buildEntry(ctx, b, { taskName: 'Payroll', minutes: 10 });
    await buildEntry(ctx, b, { taskName: 'Payroll', minutes: 25 });
    await call(ctx, b.owner, { method: 'DELETE', url: entriesUrl(b, `/${one.id}`) });
    expect(await tasksOf(b)).toEqual([
      expect.objectContaining({ name: 'Payroll', totalMinutes: 25, entryCount: 1 }),
    ]);
  });

  it('role matrix: owners and managers delete entries; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    const b = { audit, businessId: cast.businessId, owner: cast.people.owner };
    await expectRoleMatrix(
      ctx,
      cast,
      async () => ({ method: 'DELETE', url: entriesUrl(b, `/${(await buildEntry(ctx, b)).id}`) }),
      204,
    );
  });
});

describe('GET …/audits/:auditId/entries', () => {
  // Days and names in the order they are logged; two fall on 9 July.
  const LOG = [
    ['2026-07-09', 'Payroll'],
    ['2026-07-06', 'Emails'],
    ['2026-07-11', 'Payroll'],
    ['2026-07-09', 'Emails'],
    ['2026-07-07', 'Filing'],
    ['2026-07-10', 'Emails'],
    ['2026-07-08', 'Payroll'],
  ] as const;

  async function logWeek() {
    const b = await buildAudit(ctx);
    const entries: AuditEntry[] = [];
    for (const [date, taskName] of LOG) entries.push(await buildEntry(ctx, b, { date, taskName }));
    return { b, entries };
  }

  async function readAll(b: BuiltAudit, query: string) {
    const seen: AuditEntry[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(ctx, b.owner, {
        method: 'GET',
        url: entriesUrl(b, `?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      });
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: AuditEntry[]; nextCursor: string | null }>();
      seen.push(...page.items);
      pageSizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor && pageSizes.length < 20);
    return { seen, pageSizes };
  }

  it('pages through every entry by cursor, newest day first, later-logged first within a day', async () => {
    const { b, entries } = await logWeek();
    const { seen, pageSizes } = await readAll(b, 'limit=3');
    expect(pageSizes).toEqual([3, 3, 1]);
    // By date descending; the two entries of 9 July newest-logged first.
    const expected = [2, 5, 3, 0, 6, 4, 1].map((i) => entries[i]);
    expect(seen).toEqual(expected);
  });

  it('filters by task', async () => {
    const { b, entries } = await logWeek();
    const payroll = entries[0]?.taskId;
    const { seen } = await readAll(b, `limit=2&taskId=${payroll}`);
    expect(seen.map((e) => e.date)).toEqual(['2026-07-11', '2026-07-09', '2026-07-08']);
    expect(seen.every((e) => e.taskId === payroll)).toBe(true);
  });

  it('answers 400 naming the cursor for one it never gave out', async () => {
    const b = await buildAudit(ctx);
    const ID = '0190d9a0-0000-7000-8000-000000000000';
    for (const cursor of [
      'nonsense',
      '2026-07-09|not-an-id',
      "'; drop table audits; --",
      // These passed the old pattern: the first three made Postgres fail (500).
      `2026-13-45|${ID}`,
      `2026-07-09|${'-'.repeat(36)}`,
      `0000-01-01|${ID}`,
      `2026-07-09|${ID}|extra`,
    ]) {
      const res = await call(ctx, b.owner, {
        method: 'GET',
        url: entriesUrl(b, `?cursor=${encodeURIComponent(cursor)}`),
      });
      expect(res.statusCode, cursor).toBe(400);
      expect(errorPaths(res)).toEqual(['querystring.cursor']);
    }
  });

  it('answers 400 naming the limit when it is out of range', async () => {
    const b = await buildAudit(ctx);
    const res = await call(ctx, b.owner, { method: 'GET', url: entriesUrl(b, '?limit=500') });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.limit']);
  });

  it('role matrix: owners and managers read entries; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: auditUrl(cast.businessId, audit.id, '/entries') }),
      200,
    );
  });
});
