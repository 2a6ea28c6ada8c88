import type { AuditTask, UpdateTask } from '../../../core/contracts/audit.ts';
import { taskKey } from '../../../core/time-log-import.ts';
import type { Db, Tx } from '../../db/client.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { categoryExists } from '../catalog/queries.ts';
import { listTasksWithTotals, tasksById, updateTask, updateTasks } from './queries.ts';

async function checkCategory(tx: Tx, slug: string | null | undefined) {
  if (!slug) return;
  if (!(await categoryExists(tx, slug)))
    throw badRequest(`There is no category “${slug}”.`, [
      { path: 'body.category', message: 'Unknown category' },
    ]);
}

async function tasksOf(tx: Tx, auditId: string, ids?: string[]): Promise<AuditTask[]> {
  const rows = await listTasksWithTotals(tx, auditId);
  return ids ? rows.filter((r) => ids.includes(r.id)) : rows;
}

export function createTaskService({ db }: { db: Db }) {
  return {
    async list({ userId, businessId, auditId }: AuditScope): Promise<AuditTask[]> {
      await authorizeAudit(db, userId, businessId, auditId);
      return tasksOf(db, auditId);
    },

    /** Sets how the owner sees a task: its name, frequency, dislike, nature and category. */
    async update(
      { userId, businessId, auditId, taskId }: AuditScope & { taskId: string },
      changes: UpdateTask,
    ): Promise<AuditTask> {
      return db.transaction(async (tx) => {
        await authorizeAudit(tx, userId, businessId, auditId);
        await checkCategory(tx, changes.category);
        const { category, name, ...rest } = changes;
        const set = {
          ...rest,
          ...(category !== undefined ? { categorySlug: category } : {}),
          ...(name ? { name: name.trim(), nameKey: taskKey(name) } : {}),
        };
        // An empty PATCH changes nothing (an UPDATE with nothing to set is an SQL error); the
        // task is still looked up below, so an unknown one answers 404 either way.
        if (Object.keys(set).length > 0) {
          const updated = await updateTask(tx, auditId, taskId, set).catch((error: unknown) => {
            if ((error as { cause?: { code?: string } }).cause?.code === '23505') {
              throw conflict(`Another task is already called “${name}”.`);
            }
            throw error;
          });
          if (updated.length === 0) throw notFound('Task');
        }
        const [task] = await tasksOf(tx, auditId, [taskId]);
        if (!task) throw notFound('Task');
        return task;
      });
    },

    /** Sets the nature and/or category of many tasks at once; all or nothing. */
    async bulkUpdate(
      { userId, businessId, auditId }: AuditScope,
      input: { taskIds: string[]; nature?: AuditTask['nature']; category?: string | null },
    ): Promise<AuditTask[]> {
      return db.transaction(async (tx) => {
        await authorizeAudit(tx, userId, businessId, auditId);
        await checkCategory(tx, input.category);
        const ids = [...new Set(input.taskIds)];
        const found = await tasksById(tx, auditId, ids);
        if (found.length !== ids.length) {
          throw badRequest('Some of these tasks are not in this audit.', [
            { path: 'body.taskIds', message: 'Unknown task' },
          ]);
        }
        await updateTasks(tx, auditId, ids, {
          ...(input.nature !== undefined ? { nature: input.nature } : {}),
          ...(input.category !== undefined ? { categorySlug: input.category } : {}),
        });
        return tasksOf(tx, auditId, ids);
      });
    },
  };
}
