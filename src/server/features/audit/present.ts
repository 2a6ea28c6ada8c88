import type { Audit, AuditEntry } from '../../../core/contracts/audit.ts';
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
