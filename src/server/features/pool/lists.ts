/** Saved lists ("shortlists for later"): a business's named lists of Handoff professionals. */
import type { SavedListDetail } from '../../../core/contracts/pool.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import {
  countListItems,
  deleteListItem,
  deleteSavedList,
  findSavedList,
  insertListItem,
  insertSavedList,
  listSavedListItems,
  listSavedLists,
  updateSavedList,
} from './list-queries.ts';
import { authorizePool, type PoolAction } from './policy.ts';
import { presentListItem, presentSavedList } from './present.ts';
import { findProfessional } from './queries.ts';

export type ListScope = BusinessScope & { listId: string };

export function createListService({ db, clock }: { db: Db; clock: Clock }) {
  /** The list after the caller's check; a list of another business is a 404 like a missing one. */
  async function authorizeList(
    tx: Tx,
    { userId, businessId, listId }: ListScope,
    action: PoolAction,
  ) {
    await authorizePool(tx, businessId, userId, action);
    const list = await findSavedList(tx, businessId, listId, {
      forUpdate: action === 'talent.manage',
    });
    if (!list) throw notFound('List');
    return list;
  }

  async function detail(
    tx: Tx,
    list: Awaited<ReturnType<typeof authorizeList>>,
  ): Promise<SavedListDetail> {
    const items = await listSavedListItems(tx, list.id);
    return {
      ...presentSavedList({ list, count: items.length }),
      items: items.map(presentListItem),
    };
  }

  return {
    async list({ userId, businessId }: BusinessScope, { professional }: { professional?: string }) {
      await authorizePool(db, businessId, userId, 'talent.read');
      const rows = await listSavedLists(db, businessId, professional);
      return rows.map((r) => presentSavedList(r, professional !== undefined));
    },

    async create({ userId, businessId }: BusinessScope, { name }: { name: string }) {
      return db.transaction(async (tx) => {
        await authorizePool(tx, businessId, userId, 'talent.manage');
        const now = clock.now();
        const list = await insertSavedList(tx, {
          id: newId(),
          businessId,
          name,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        });
        return presentSavedList({ list, count: 0 });
      });
    },

    async get(scope: ListScope) {
      return db.transaction(async (tx) =>
        detail(tx, await authorizeList(tx, scope, 'talent.read')),
      );
    },

    async rename(scope: ListScope, { name }: { name: string }) {
      return db.transaction(async (tx) => {
        await authorizeList(tx, scope, 'talent.manage');
        const list = await updateSavedList(tx, scope.listId, { name, updatedAt: clock.now() });
        return presentSavedList({ list, count: await countListItems(tx, list.id) });
      });
    },

    async remove(scope: ListScope) {
      await db.transaction(async (tx) => {
        await authorizeList(tx, scope, 'talent.manage');
        await deleteSavedList(tx, scope.listId);
      });
    },

    /** Adding someone already on the list changes nothing. */
    async addItem(scope: ListScope & { professionalId: string }) {
      return db.transaction(async (tx) => {
        await authorizeList(tx, scope, 'talent.manage');
        if (!(await findProfessional(tx, scope.professionalId))) throw notFound('Professional');
        const now = clock.now();
        await insertListItem(tx, {
          listId: scope.listId,
          professionalUserId: scope.professionalId,
          addedBy: scope.userId,
          createdAt: now,
        });
        return detail(tx, await updateSavedList(tx, scope.listId, { updatedAt: now }));
      });
    },

    async removeItem(scope: ListScope & { professionalId: string }) {
      await db.transaction(async (tx) => {
        await authorizeList(tx, scope, 'talent.manage');
        if (!(await deleteListItem(tx, scope.listId, scope.professionalId)))
          throw notFound('Professional on this list');
        await updateSavedList(tx, scope.listId, { updatedAt: clock.now() });
      });
    },
  };
}
