import { DateSchema, type AuditEntry, type CreateEntry } from '../../../core/contracts/audit.ts';
import { IdSchema } from '../../../core/contracts/common.ts';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { presentEntry } from './present.ts';
import {
  deleteEntry,
  dropUnusedTasks,
  findEntry,
  insertEntryRow,
  listEntries,
  taskIdFor,
  updateEntry,
  type AuditRow,
} from './queries.ts';

/** Entries are logged only into an open audit, on a day inside its period. */
export function checkLoggable(audit: AuditRow, date?: string) {
  if (audit.status !== 'active')
    throw conflict('This audit is closed; start a new one to log more work.');
  if (date && (date < audit.periodStart || date > audit.periodEnd)) {
    throw badRequest(
      `The date must be within the audit period, ${audit.periodStart} to ${audit.periodEnd}.`,
      [
        {
          path: 'body.date',
          message: `Outside the audit period (${audit.periodStart} to ${audit.periodEnd})`,
        },
      ],
    );
  }
}

export async function insertEntry(
  tx: Tx,
  audit: AuditRow,
  userId: string,
  input: CreateEntry & { source: 'manual' | 'timer' },
  now: Date,
): Promise<AuditEntry> {
  const taskId = await taskIdFor(tx, audit, input.taskName);
  const id = newId();
  await insertEntryRow(tx, {
    id,
    auditId: audit.id,
    businessId: audit.businessId,
    taskId,
    date: input.date,
    minutes: input.minutes,
    source: input.source,
    createdBy: userId,
    createdAt: now,
  });
  const entry = await findEntry(tx, audit.id, id);
  if (!entry) throw new Error('inserted entry not found');
  return presentEntry(entry);
}

/**
 * The entry list's cursor: date and id of the last entry of the page. Both are cast in SQL
 * (`date`, `uuid`): anything but a real date and a real uuid is a 400 here, not a 500 there.
 */
const EntryCursorSchema = z.object({ d: DateSchema, i: IdSchema });

export function createEntryService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(
      { userId, businessId, auditId }: AuditScope,
      q: { cursor?: string; limit: number; taskId?: string },
    ) {
      await authorizeAudit(db, userId, businessId, auditId);
      const cursor = decodeCursor(EntryCursorSchema, q.cursor);
      const after = cursor && { date: cursor.d, id: cursor.i };
      const rows = await listEntries(db, auditId, { limit: q.limit, after, taskId: q.taskId });
      const { items, nextCursor } = page(rows, q.limit, (last) => ({ d: last.date, i: last.id }));
      return { items: items.map(presentEntry), nextCursor };
    },

    async create(
      { userId, businessId, auditId }: AuditScope,
      input: CreateEntry,
    ): Promise<AuditEntry> {
      return db.transaction(async (tx) => {
        const audit = await authorizeAudit(tx, userId, businessId, auditId, 'share');
        checkLoggable(audit, input.date);
        return insertEntry(tx, audit, userId, { ...input, source: 'manual' }, clock.now());
      });
    },

    async update(
      { userId, businessId, auditId, entryId }: AuditScope & { entryId: string },
      changes: Partial<CreateEntry>,
    ): Promise<AuditEntry> {
      return db.transaction(async (tx) => {
        const audit = await authorizeAudit(tx, userId, businessId, auditId, 'share');
        checkLoggable(audit, changes.date);
        if (!(await findEntry(tx, auditId, entryId))) throw notFound('Entry');
        const taskId = changes.taskName ? await taskIdFor(tx, audit, changes.taskName) : undefined;
        const set = {
          ...(changes.date ? { date: changes.date } : {}),
          ...(changes.minutes ? { minutes: changes.minutes } : {}),
          ...(taskId ? { taskId } : {}),
        };
        // An empty PATCH changes nothing (an UPDATE with nothing to set is an SQL error).
        if (Object.keys(set).length > 0) {
          await updateEntry(tx, auditId, entryId, set);
        }
        if (taskId) await dropUnusedTasks(tx, auditId);
        const entry = await findEntry(tx, auditId, entryId);
        if (!entry) throw notFound('Entry');
        return presentEntry(entry);
      });
    },

    async remove({
      userId,
      businessId,
      auditId,
      entryId,
    }: AuditScope & { entryId: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const audit = await authorizeAudit(tx, userId, businessId, auditId, 'share');
        checkLoggable(audit);
        if (!(await deleteEntry(tx, auditId, entryId))) throw notFound('Entry');
        await dropUnusedTasks(tx, auditId);
      });
    },
  };
}
