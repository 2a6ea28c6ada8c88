import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditTask } from '../../../core/contracts/audit.ts';
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

const tasksUrl = (b: BuiltAudit, rest = '') => auditUrl(b.businessId, b.audit.id, `/tasks${rest}`);

async function tasksOf(b: BuiltAudit): Promise<AuditTask[]> {
  const res = await call(ctx, b.owner, { method: 'GET', url: tasksUrl(b) });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

function patchTask(b: BuiltAudit, taskId: string, payload: Record<string, unknown>) {
  return call(ctx, b.owner, { method: 'PATCH', url: tasksUrl(b, `/${taskId}`), payload });
}

/** An audit whose tasks are Emails, Filing and Payroll, each with one entry. */
async function auditWithTasks() {
  const b = await buildAudit(ctx);
  const ids: Record<string, string> = {};
  for (const name of ['Payroll', 'Emails', 'Filing'])
    ids[name] = (await buildEntry(ctx, b, { taskName: name, minutes: 30 })).taskId;
  return { b, ids: ids as Record<'Payroll' | 'Emails' | 'Filing', string> };
}

const untouched = { frequency: null, dislike: null, nature: null, category: null };

describe('GET …/audits/:auditId/tasks', () => {
  it('lists each distinct task with its totals, by name', async () => {
    const b = await buildAudit(ctx);
    await buildEntry(ctx, b, { taskName: 'Payroll', minutes: 30 });
    await buildEntry(ctx, b, { taskName: 'emails', minutes: 10 });
    await buildEntry(ctx, b, { taskName: 'Payroll', minutes: 45 });
    const tasks = await tasksOf(b);
    expect(
      tasks.map(({ name, totalMinutes, entryCount }) => [name, totalMinutes, entryCount]),
    ).toEqual([
      ['emails', 10, 1],
      ['Payroll', 75, 2],
    ]);
  });

  it('role matrix: owners and managers read tasks; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: auditUrl(cast.businessId, audit.id, '/tasks') }),
      200,
    );
  });
});

describe('PATCH …/audits/:auditId/tasks/:taskId', () => {
  it('sets frequency, dislike, nature and category, and clears them with null', async () => {
    const { b, ids } = await auditWithTasks();
    const set = await patchTask(b, ids.Payroll, {
      frequency: 'weekly',
      dislike: 4,
      nature: 'repetitive',
      category: 'bookkeeping',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      id: ids.Payroll,
      name: 'Payroll',
      frequency: 'weekly',
      dislike: 4,
      nature: 'repetitive',
      category: 'bookkeeping',
      totalMinutes: 30,
      entryCount: 1,
    });
    expect((await tasksOf(b)).find((t) => t.id === ids.Payroll)).toEqual(set.json());

    const cleared = await patchTask(b, ids.Payroll, { dislike: null, category: null });
    expect(cleared.json()).toMatchObject({
      frequency: 'weekly',
      dislike: null,
      nature: 'repetitive',
      category: null,
    });
  });

  it('answers an empty change with the task as it is (404 for a task not in the audit)', async () => {
    const { b, ids } = await auditWithTasks();
    await patchTask(b, ids.Payroll, { dislike: 2 });
    const res = await patchTask(b, ids.Payroll, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.Payroll, name: 'Payroll', dislike: 2 });
    expect((await patchTask(b, randomUUID(), {})).statusCode).toBe(404);
  });

  it('answers 400 naming body.category for a category that does not exist, and changes nothing', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await patchTask(b, ids.Emails, { category: 'astrology', dislike: 5 });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.category']);
    expect((await tasksOf(b)).find((t) => t.id === ids.Emails)).toMatchObject(untouched);
  });

  it('names every field out of range', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await patchTask(b, ids.Emails, {
      frequency: 'hourly',
      dislike: 6,
      nature: 'boring',
      category: 'Not A Slug',
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining(['body.frequency', 'body.dislike', 'body.nature', 'body.category']),
    );
  });

  it('renames a task; its entries follow', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await patchTask(b, ids.Filing, { name: '  Filing receipts ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Filing receipts');
    const entries = await call(ctx, b.owner, {
      method: 'GET',
      url: auditUrl(b.businessId, b.audit.id, `/entries?taskId=${ids.Filing}`),
    });
    expect(entries.json().items.map((e: { taskName: string }) => e.taskName)).toEqual([
      'Filing receipts',
    ]);
  });

  it('may change only the capitalisation of its own name', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await patchTask(b, ids.Emails, { name: 'E-mails' });
    expect(res.statusCode).toBe(200);
    expect((await patchTask(b, ids.Emails, { name: 'e-MAILS' })).json().name).toBe('e-MAILS');
  });

  it('answers 409 when renamed to another task’s name, whatever its case', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await patchTask(b, ids.Filing, { name: ' PAYROLL' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await tasksOf(b)).map((t) => t.name)).toEqual(['Emails', 'Filing', 'Payroll']);
  });

  it('answers 404 for a task of another audit', async () => {
    const mine = await buildAudit(ctx);
    const theirs = await auditWithTasks();
    const res = await patchTask(mine, theirs.ids.Payroll, { dislike: 2 });
    expect(res.statusCode).toBe(404);
    expect((await tasksOf(theirs.b)).find((t) => t.id === theirs.ids.Payroll)).toMatchObject(
      untouched,
    );
  });

  it('role matrix: owners and managers change tasks; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    const b = { audit, businessId: cast.businessId, owner: cast.people.owner };
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        const { taskId } = await buildEntry(ctx, b, { taskName: `Task of ${role}` });
        return { method: 'PATCH', url: tasksUrl(b, `/${taskId}`), payload: { dislike: 3 } };
      },
      200,
    );
  });
});

describe('POST …/audits/:auditId/tasks/bulk-update', () => {
  function bulk(b: BuiltAudit, payload: Record<string, unknown>) {
    return call(ctx, b.owner, { method: 'POST', url: tasksUrl(b, '/bulk-update'), payload });
  }

  it('sets the nature and category of many tasks at once, and only theirs', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await bulk(b, {
      taskIds: [ids.Payroll, ids.Filing],
      nature: 'repetitive',
      category: 'admin-support',
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((t: AuditTask) => t.id)
        .sort(),
    ).toEqual([ids.Payroll, ids.Filing].sort());
    const byName = Object.fromEntries((await tasksOf(b)).map((t) => [t.name, t]));
    for (const name of ['Payroll', 'Filing'])
      expect(byName[name]).toMatchObject({ nature: 'repetitive', category: 'admin-support' });
    expect(byName.Emails).toMatchObject(untouched);
  });

  it('sets only what is given: a category alone leaves each nature as it was', async () => {
    const { b, ids } = await auditWithTasks();
    await patchTask(b, ids.Payroll, { nature: 'expertise' });
    await bulk(b, { taskIds: [ids.Payroll, ids.Emails], category: 'writing' });
    const byName = Object.fromEntries((await tasksOf(b)).map((t) => [t.name, t]));
    expect(byName.Payroll).toMatchObject({ nature: 'expertise', category: 'writing' });
    expect(byName.Emails).toMatchObject({ nature: null, category: 'writing' });
  });

  it('is all or nothing: one unknown task answers 400 naming body.taskIds and changes none', async () => {
    const { b, ids } = await auditWithTasks();
    const other = await auditWithTasks();
    for (const stranger of [randomUUID(), other.ids.Payroll]) {
      const res = await bulk(b, {
        taskIds: [ids.Payroll, stranger, ids.Emails],
        nature: 'repetitive',
      });
      expect(res.statusCode).toBe(400);
      expect(errorPaths(res)).toEqual(['body.taskIds']);
    }
    for (const task of [...(await tasksOf(b)), ...(await tasksOf(other.b))])
      expect(task).toMatchObject(untouched);
  });

  it('answers 400 naming body.category for an unknown category, and changes none', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await bulk(b, { taskIds: [ids.Payroll], nature: 'core', category: 'astrology' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.category']);
    expect((await tasksOf(b)).every((t) => t.nature === null)).toBe(true);
  });

  it('answers 400 when asked to set neither nature nor category', async () => {
    const { b, ids } = await auditWithTasks();
    const res = await bulk(b, { taskIds: [ids.Payroll] });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.nature']);
  });

  it('role matrix: owners and managers bulk-edit tasks; viewers 403; outsiders 404', async () => {
    const audit = await replaceAudit(ctx, cast.businessId, cast.people.owner);
    const b = { audit, businessId: cast.businessId, owner: cast.people.owner };
    const { taskId } = await buildEntry(ctx, b);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: tasksUrl(b, '/bulk-update'),
        payload: { taskIds: [taskId], nature: 'repetitive' },
      }),
      200,
    );
  });
});
