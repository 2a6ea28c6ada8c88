/** A known week of an owner's work, shared by the audit summary, job-draft and export tests. */
import { expect } from 'vitest';
import type { AuditSummary, UpdateTask } from '../src/core/contracts/audit.ts';
import { auditUrl, buildAudit, buildEntry, type BuiltAudit } from './audit-factories.ts';

import { call, type TestContext } from './harness.ts';

/**
 * A week of an owner's work (audit from 6 July 2026, 30 days, €50 an hour, EUR business),
 * looked at on 14 July. Six days have entries — 6, 7, 8, 10, 11 and 12 July — so 9, 13 and
 * 14 July are missing.
 */
export const WEEK: { task: string; minutes: number; days: number[]; set: UpdateTask }[] = [
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
export const ENTRY_COUNT = 14;

export type TaskName =
  'Bookkeeping' | 'Social posts' | 'Client calls' | 'VAT return' | 'Misc admin';

export async function logWeek(
  ctx: TestContext,
): Promise<{ b: BuiltAudit; ids: Record<TaskName, string> }> {
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

export const eur = (amount: number) => ({ amount, currency: 'EUR' });

export async function summaryOf(ctx: TestContext, b: BuiltAudit): Promise<AuditSummary> {
  const res = await call(ctx, b.owner, {
    method: 'GET',
    url: auditUrl(b.businessId, b.audit.id, '/summary'),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

export function draft(ctx: TestContext, b: BuiltAudit, taskId: string) {
  return call(ctx, b.owner, {
    method: 'POST',
    url: auditUrl(b.businessId, b.audit.id, `/tasks/${taskId}/job-draft`),
  });
}
