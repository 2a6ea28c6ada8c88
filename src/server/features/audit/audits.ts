import { addDays, periodProblems, todayIn } from '../../../core/audit.ts';
import type { Audit, StartAudit, UpdateAudit } from '../../../core/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { badRequest, conflict, HttpProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { findBusiness } from '../accounts/queries.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { presentAudit } from './present.ts';
import { insertAudit, listAudits, loggedRange, updateAudit } from './queries.ts';

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
      changes: UpdateAudit,
    ): Promise<Audit> {
      return db.transaction(async (tx) => {
        const moving = changes.periodStart !== undefined || changes.periodEnd !== undefined;
        // Locked so that no entry lands outside the new period while it is checked.
        const audit = await authorizeAudit(
          tx,
          userId,
          businessId,
          auditId,
          moving ? 'update' : undefined,
        );
        const period = {
          start: changes.periodStart ?? audit.periodStart,
          end: changes.periodEnd ?? audit.periodEnd,
        };
        if (moving) {
          if (audit.status !== 'active' || changes.status === 'closed')
            throw conflict('A closed audit keeps its period; start a new audit for other days.');
          const problems = periodProblems(period, await loggedRange(tx, auditId));
          const errors = problems.map((p) => ({ path: `body.${p.field}`, message: p.message }));
          if (problems.some((p) => p.kind === 'invalid'))
            throw badRequest(errors.map((e) => e.message).join('. '), errors);
          if (problems.length > 0)
            throw new HttpProblem(409, 'Conflict', errors.map((e) => e.message).join('. '), errors);
        }
        const set = {
          ...(moving ? { periodStart: period.start, periodEnd: period.end } : {}),
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
