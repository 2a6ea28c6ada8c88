import type { Me, UpdateMe } from '../../../core/contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { UserScope } from '../../lib/scope.ts';
import { presentMe } from './present.ts';
import { insertProfessionalProfile, readMe, updateUser } from './queries.ts';

export function createMeService({ db, clock }: { db: Db; clock: Clock }) {
  async function getMe({ userId }: UserScope): Promise<Me> {
    const { user, memberships, profile } = await readMe(db, userId);
    if (!user) throw notFound('User');
    return presentMe(user, memberships, profile);
  }

  async function updateMe(scope: UserScope, changes: UpdateMe): Promise<Me> {
    if (Object.keys(changes).length > 0) {
      await updateUser(db, scope.userId, { ...changes, updatedAt: clock.now() });
    }
    return getMe(scope);
  }

  /** Gives the person a (still empty) professional profile; doing it twice changes nothing. */
  async function becomeProfessional(scope: UserScope): Promise<{ me: Me; created: boolean }> {
    const created = await insertProfessionalProfile(db, scope.userId);
    return { me: await getMe(scope), created };
  }

  return { getMe, updateMe, becomeProfessional };
}
