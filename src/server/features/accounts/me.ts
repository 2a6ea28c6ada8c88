import type { Me, UpdateMe } from '../../../core/contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { insertProfessionalProfile, readMe, updateUser } from './queries.ts';

export function createMeService({ db, clock }: { db: Db; clock: Clock }) {
  async function getMe(userId: string): Promise<Me> {
    const { user, memberships, profile } = await readMe(db, userId);
    if (!user) throw notFound('User');
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        emailVerified: user.emailVerified,
        timeZone: user.timeZone,
        currency: user.currency,
        isAdmin: user.isAdmin,
      },
      memberships,
      professionalProfile: profile
        ? {
            headline: profile.headline,
            bio: profile.bio,
            createdAt: profile.createdAt.toISOString(),
          }
        : null,
    };
  }

  async function updateMe(userId: string, changes: UpdateMe): Promise<Me> {
    if (Object.keys(changes).length > 0) {
      await updateUser(db, userId, { ...changes, updatedAt: clock.now() });
    }
    return getMe(userId);
  }

  /** Gives the person a (still empty) professional profile; doing it twice changes nothing. */
  async function becomeProfessional(userId: string): Promise<{ me: Me; created: boolean }> {
    const created = await insertProfessionalProfile(db, userId);
    return { me: await getMe(userId), created };
  }

  return { getMe, updateMe, becomeProfessional };
}
