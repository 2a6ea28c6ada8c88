/**
 * Recommendations: a business vouches for a professional with a note (one live per business and
 * professional — writing again edits it). A business sees its own and those of the businesses
 * it trusts; nobody else reads the notes.
 */
import type { Recommendation, VisibleRecommendations } from '../../../core/contracts/network.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { hasProfessionalProfile } from './listing-queries.ts';
import { authorizeRecommendation } from './policy.ts';
import { presentRecommendation } from './present.ts';
import {
  findLiveRecommendation,
  findRecommendationWithNames,
  insertRecommendation,
  listBusinessRecommendations,
  listTrustedRecommendations,
  updateRecommendation,
} from './recommendation-queries.ts';

/** A business member's call about one professional (`professionalUserId` is the path's `:userId`). */
export type ProfessionalScope = BusinessScope & { readonly professionalUserId: string };

/**
 * Writes the business's live recommendation of the professional: a new one, or a new note on
 * the one it has. Shared by the business's own form and the answer to a request link.
 */
export async function writeRecommendation(
  tx: Tx,
  clock: Clock,
  { userId, businessId, professionalUserId }: ProfessionalScope,
  note: string,
): Promise<{ id: string; created: boolean }> {
  await authorizeRecommendation(tx, businessId, userId, professionalUserId);
  const now = clock.now();
  const existing = await findLiveRecommendation(tx, businessId, professionalUserId);
  if (existing) {
    await updateRecommendation(tx, existing.id, { note, updatedAt: now, authorUserId: userId });
    return { id: existing.id, created: false };
  }
  const id = newId();
  await insertRecommendation(tx, {
    id,
    businessId,
    professionalUserId,
    authorUserId: userId,
    note,
    createdAt: now,
    updatedAt: now,
  });
  return { id, created: true };
}

export async function loadRecommendation(tx: Tx, id: string): Promise<Recommendation> {
  const row = await findRecommendationWithNames(tx, id);
  if (!row) throw new Error('recommendation vanished inside its own transaction');
  return presentRecommendation(row);
}

export function createRecommendationService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** What this business may see of the professional's recommendations. */
    async visible({
      userId,
      businessId,
      professionalUserId,
    }: ProfessionalScope): Promise<VisibleRecommendations> {
      await authorizeBusiness(db, businessId, userId, 'talent.read');
      if (!(await hasProfessionalProfile(db, professionalUserId))) throw notFound('Professional');
      const own = (await listBusinessRecommendations(db, businessId)).find(
        (r) => r.recommendation.professionalUserId === professionalUserId,
      );
      const trusted = await listTrustedRecommendations(db, businessId, professionalUserId);
      return {
        own: own ? presentRecommendation(own) : null,
        trusted: trusted.map(presentRecommendation),
        trustedCount: trusted.length,
      };
    },

    /** The business's own live recommendations. */
    async list({ userId, businessId }: BusinessScope): Promise<Recommendation[]> {
      await authorizeBusiness(db, businessId, userId, 'talent.read');
      return (await listBusinessRecommendations(db, businessId)).map(presentRecommendation);
    },

    async save(
      scope: ProfessionalScope,
      note: string,
    ): Promise<{ recommendation: Recommendation; created: boolean }> {
      return db.transaction(async (tx) => {
        const { id, created } = await writeRecommendation(tx, clock, scope, note);
        return { recommendation: await loadRecommendation(tx, id), created };
      });
    },

    async withdraw({ userId, businessId, professionalUserId }: ProfessionalScope): Promise<void> {
      await db.transaction(async (tx) => {
        await authorizeRecommendation(tx, businessId, userId, professionalUserId);
        const existing = await findLiveRecommendation(tx, businessId, professionalUserId);
        if (!existing) throw notFound('Recommendation');
        await updateRecommendation(tx, existing.id, { withdrawnAt: clock.now() });
      });
    },
  };
}
