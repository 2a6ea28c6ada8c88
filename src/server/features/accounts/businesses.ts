import type { Business, CreateBusiness, UpdateBusiness } from '../../../core/contracts/accounts.ts';
import type { BusinessRole } from '../../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import { DEFAULT_WORKING_HOURS, type businesses } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { authorizeBusiness } from './policy.ts';
import { findBusiness, findUser, insertBusiness, insertMember, updateBusiness } from './queries.ts';

type BusinessRow = typeof businesses.$inferSelect;

function present(row: BusinessRow, myRole: BusinessRole): Business {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    workingHours: row.workingHours,
    createdAt: row.createdAt.toISOString(),
    myRole,
  };
}

export function createBusinessService({ db, clock }: { db: Db; clock: Clock }) {
  /** Creates a business; its creator becomes its first owner. Zone and currency default to the creator's. */
  async function create(userId: string, input: CreateBusiness): Promise<Business> {
    return db.transaction(async (tx) => {
      const user = await findUser(tx, userId);
      if (!user) throw notFound('User');
      const row = await insertBusiness(tx, {
        id: newId(),
        name: input.name,
        timeZone: input.timeZone ?? user.timeZone,
        currency: input.currency ?? user.currency,
        workingHours: DEFAULT_WORKING_HOURS,
      });
      await insertMember(tx, { businessId: row.id, userId, role: 'owner' });
      return present(row, 'owner');
    });
  }

  async function get(userId: string, businessId: string): Promise<Business> {
    const role = await authorizeBusiness(db, businessId, userId, 'business.read');
    const row = await findBusiness(db, businessId);
    if (!row) throw notFound('Business');
    return present(row, role);
  }

  async function update(
    userId: string,
    businessId: string,
    changes: UpdateBusiness,
  ): Promise<Business> {
    return db.transaction(async (tx) => {
      const role = await authorizeBusiness(tx, businessId, userId, 'business.update');
      const row = await updateBusiness(tx, businessId, { ...changes, updatedAt: clock.now() });
      if (!row) throw notFound('Business');
      return present(row, role);
    });
  }

  return { create, get, update };
}
