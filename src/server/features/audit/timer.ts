import { todayIn } from '../../../core/audit.ts';
import { MAX_ENTRY_MINUTES } from '../../../core/time-log-import.ts';
import type { AuditEntry } from '../../../core/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { findBusiness } from '../accounts/queries.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { checkLoggable, insertEntry } from './entries.ts';
import { presentTimer } from './present.ts';
import { deleteTimer, findTimer, insertTimer } from './queries.ts';

/** A person's running timer for an audit. Stopping it logs an entry on the day it started. */
export function createTimerService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async get({ userId, businessId, auditId }: AuditScope) {
      await authorizeAudit(db, userId, businessId, auditId);
      const timer = await findTimer(db, auditId, userId);
      return timer ? presentTimer(timer) : null;
    },

    async start({ userId, businessId, auditId }: AuditScope, taskName: string) {
      return db.transaction(async (tx) => {
        const audit = await authorizeAudit(tx, userId, businessId, auditId);
        checkLoggable(audit);
        const row = await insertTimer(tx, {
          auditId,
          userId,
          taskName: taskName.trim(),
          startedAt: clock.now(),
        });
        if (!row) throw conflict('A timer is already running; stop it first.');
        return presentTimer(row);
      });
    },

    async stop({ userId, businessId, auditId }: AuditScope): Promise<AuditEntry> {
      return db.transaction(async (tx) => {
        const audit = await authorizeAudit(tx, userId, businessId, auditId, 'share');
        const timer = await deleteTimer(tx, auditId, userId);
        if (!timer) throw notFound('Running timer');
        const business = await findBusiness(tx, businessId);
        const date = todayIn(business?.timeZone ?? 'UTC', timer.startedAt);
        checkLoggable(audit, date);
        const elapsed = Math.round((clock.now().getTime() - timer.startedAt.getTime()) / 60_000);
        // A timer left running overnight still logs at most one day.
        const minutes = Math.min(Math.max(elapsed, 1), MAX_ENTRY_MINUTES);
        return insertEntry(
          tx,
          audit,
          userId,
          { taskName: timer.taskName, date, minutes, source: 'timer' },
          clock.now(),
        );
      });
    },

    async discard({ userId, businessId, auditId }: AuditScope) {
      await authorizeAudit(db, userId, businessId, auditId);
      if (!(await deleteTimer(db, auditId, userId))) throw notFound('Running timer');
    },
  };
}
