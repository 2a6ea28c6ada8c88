import { eq } from 'drizzle-orm';
import type { Me, UpdateMe } from '../../../core/contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import { professionalProfiles, users } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { readMe } from './queries.ts';

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
      await db
        .update(users)
        .set({ ...changes, updatedAt: clock.now() })
        .where(eq(users.id, userId));
    }
    return getMe(userId);
  }

  /** Gives the person a (still empty) professional profile; doing it twice changes nothing. */
  async function becomeProfessional(userId: string): Promise<{ me: Me; created: boolean }> {
    const inserted = await db
      .insert(professionalProfiles)
      .values({ userId })
      .onConflictDoNothing()
      .returning({ userId: professionalProfiles.userId });
    return { me: await getMe(userId), created: inserted.length > 0 };
  }

  return { getMe, updateMe, becomeProfessional };
}
