import type { Business, CreateBusiness, UpdateBusiness } from '../../../core/contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import { DEFAULT_WORKING_HOURS } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from './policy.ts';
import { presentBusiness } from './present.ts';
import { findBusiness, findUser, insertBusiness, insertMember, updateBusiness } from './queries.ts';

export function createBusinessService({ db, clock }: { db: Db; clock: Clock }) {
  /** Creates a business; its creator becomes its first owner. Zone and currency default to the creator's. */
  async function create({ userId }: UserScope, input: CreateBusiness): Promise<Business> {
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
      return presentBusiness(row, 'owner');
    });
  }

  async function get({ userId, businessId }: BusinessScope): Promise<Business> {
    const role = await authorizeBusiness(db, businessId, userId, 'business.read');
    const row = await findBusiness(db, businessId);
    if (!row) throw notFound('Business');
    return presentBusiness(row, role);
  }

  async function update(
    { userId, businessId }: BusinessScope,
    changes: UpdateBusiness,
  ): Promise<Business> {
    return db.transaction(async (tx) => {
      const role = await authorizeBusiness(tx, businessId, userId, 'business.update');
      const row = await updateBusiness(tx, businessId, { ...changes, updatedAt: clock.now() });
      if (!row) throw notFound('Business');
      return presentBusiness(row, role);
    });
  }

  return { create, get, update };
}
