import type { Me, UpdateMe } from '../../../core/contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { UserScope } from '../../lib/scope.ts';
import { refreshProfileOf } from '../profiles/profiles.ts';
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
      await db.transaction(async (tx) => {
        await updateUser(tx, scope.userId, { ...changes, updatedAt: clock.now() });
        // The profile's search document holds the name, its working window the time zone.
        if (changes.name !== undefined || changes.timeZone !== undefined) {
          await refreshProfileOf(tx, scope.userId, clock.now());
        }
      });
    }
    return getMe(scope);
  }

  /** Gives the person a (still empty) professional profile; doing it twice changes nothing. */
  async function becomeProfessional(scope: UserScope): Promise<{ me: Me; created: boolean }> {
    const created = await db.transaction(async (tx) => {
      const inserted = await insertProfessionalProfile(tx, scope.userId);
      // Gives the new profile its address and derived columns at once.
      if (inserted) await refreshProfileOf(tx, scope.userId, clock.now());
      return inserted;
    });
    return { me: await getMe(scope), created };
  }

  return { getMe, updateMe, becomeProfessional };
}
