import { addDays, todayIn } from '../../../core/audit.ts';
import type { Audit, StartAudit } from '../../../core/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { findBusiness } from '../accounts/queries.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { presentAudit } from './present.ts';
import { insertAudit, listAudits, updateAudit } from './queries.ts';

export function createAuditService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list({ userId, businessId }: BusinessScope): Promise<Audit[]> {
      await authorizeBusiness(db, businessId, userId, 'audit.manage');
      return (await listAudits(db, businessId)).map(presentAudit);
    },

    /** Starts an audit in the business's currency; a business runs one audit at a time. */
    async start({ userId, businessId }: BusinessScope, input: StartAudit): Promise<Audit> {
      return db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'audit.manage');
        const business = await findBusiness(tx, businessId);
        if (!business) throw notFound('Business');
        const periodStart = input.periodStart ?? todayIn(business.timeZone, clock.now());
        const row = await insertAudit(tx, {
          id: newId(),
          businessId,
          startedBy: userId,
          periodStart,
          periodEnd: addDays(periodStart, (input.periodDays ?? 30) - 1),
          hourlyValueAmount: input.hourlyValue,
          currency: business.currency,
        });
        if (!row)
          throw conflict(
            'This business already has an active audit. Close it before starting another.',
          );
        return presentAudit(row);
      });
    },

    async get({ userId, businessId, auditId }: AuditScope): Promise<Audit> {
      return presentAudit(await authorizeAudit(db, userId, businessId, auditId));
    },

    async update(
      { userId, businessId, auditId }: AuditScope,
      changes: { status?: 'closed'; hourlyValue?: number },
    ): Promise<Audit> {
      return db.transaction(async (tx) => {
        const audit = await authorizeAudit(tx, userId, businessId, auditId);
        const set = {
          ...(changes.hourlyValue !== undefined ? { hourlyValueAmount: changes.hourlyValue } : {}),
          ...(changes.status ? { status: changes.status, closedAt: clock.now() } : {}),
        };
        // An empty PATCH changes nothing (an UPDATE with nothing to set is an SQL error).
        if (Object.keys(set).length === 0) return presentAudit(audit);
        const row = await updateAudit(tx, auditId, set);
        if (!row) throw notFound('Audit');
        return presentAudit(row);
      });
    },
  };
}
