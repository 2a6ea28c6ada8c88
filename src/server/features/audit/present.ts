import type { Audit, AuditEntry, JobDraft } from '../../../core/contracts/audit.ts';
import type { auditTimers, jobDrafts } from '../../db/schema/index.ts';
import type { AuditRow, findEntry } from './queries.ts';

export function presentAudit(a: AuditRow): Audit {
  return {
    id: a.id,
    businessId: a.businessId,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    hourlyValue: { amount: a.hourlyValueAmount, currency: a.currency },
    status: a.status,
    createdAt: a.createdAt.toISOString(),
  };
}

type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>;
export const presentEntry = (e: EntryRow): AuditEntry => ({
  ...e,
  createdAt: e.createdAt.toISOString(),
});

type DraftRow = typeof jobDrafts.$inferSelect;
export const presentDraft = (d: DraftRow, jobId: string | null = null): JobDraft => ({
  id: d.id,
  businessId: d.businessId,
  auditId: d.auditId,
  taskId: d.taskId,
  title: d.title,
  category: d.categorySlug,
  hoursPerMonth: d.hoursPerMonth,
  budgetMin:
    d.budgetMinAmount === null ? null : { amount: d.budgetMinAmount, currency: d.currency },
  budgetMax:
    d.budgetMaxAmount === null ? null : { amount: d.budgetMaxAmount, currency: d.currency },
  createdAt: d.createdAt.toISOString(),
  jobId,
});

/** A running timer: what it is for and since when. */
export const presentTimer = (
  t: Pick<typeof auditTimers.$inferSelect, 'taskName' | 'startedAt'>,
) => ({
  taskName: t.taskName,
  startedAt: t.startedAt.toISOString(),
});
