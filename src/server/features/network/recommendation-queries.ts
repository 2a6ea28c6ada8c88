/** SQL of recommendations and recommendation requests. */
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  businesses,
  recommendationRequests,
  recommendations,
  users,
} from '../../db/schema/index.ts';
import { trustedBusinessIds } from './connection-queries.ts';

export type RecommendationRow = typeof recommendations.$inferSelect;
export type RecommendationWithNames = {
  recommendation: RecommendationRow;
  businessName: string;
  professionalName: string;
  requested: boolean;
};
export type RequestRow = typeof recommendationRequests.$inferSelect;
export type RequestWithAnswer = {
  request: RequestRow;
  businessId: string | null;
  businessName: string | null;
};

const withNames = {
  recommendation: recommendations,
  businessName: businesses.name,
  professionalName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${recommendations.professionalUserId})`,
  requested: sql<boolean>`exists (select 1 from ${recommendationRequests} where ${recommendationRequests.recommendationId} = ${recommendations.id})`,
};

function live() {
  return isNull(recommendations.withdrawnAt);
}

/** The business's live recommendation of the professional, locked for the rest of the transaction. */
export async function findLiveRecommendation(
  tx: Tx,
  businessId: string,
  professionalUserId: string,
): Promise<RecommendationRow | null> {
  const [row] = await tx
    .select()
    .from(recommendations)
    .where(
      and(
        eq(recommendations.businessId, businessId),
        eq(recommendations.professionalUserId, professionalUserId),
        live(),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function insertRecommendation(tx: Tx, values: typeof recommendations.$inferInsert) {
  await tx.insert(recommendations).values(values);
}

export async function updateRecommendation(
  tx: Tx,
  id: string,
  changes: Partial<Pick<RecommendationRow, 'note' | 'updatedAt' | 'withdrawnAt' | 'authorUserId'>>,
) {
  await tx.update(recommendations).set(changes).where(eq(recommendations.id, id));
}

export async function findRecommendationWithNames(
  tx: Tx,
  id: string,
): Promise<RecommendationWithNames | null> {
  const [row] = await tx
    .select(withNames)
    .from(recommendations)
    .innerJoin(businesses, eq(businesses.id, recommendations.businessId))
    .where(eq(recommendations.id, id));
  return row ?? null;
}

/** The live recommendations of a professional by the businesses `viewerBusinessId` trusts, newest first. */
export function listTrustedRecommendations(
  tx: Tx,
  viewerBusinessId: string,
  professionalUserId: string,
): Promise<RecommendationWithNames[]> {
  return tx
    .select(withNames)
    .from(recommendations)
    .innerJoin(businesses, eq(businesses.id, recommendations.businessId))
    .where(
      and(
        eq(recommendations.professionalUserId, professionalUserId),
        live(),
        ne(recommendations.businessId, viewerBusinessId),
        inArray(recommendations.businessId, trustedBusinessIds(viewerBusinessId)),
      ),
    )
    .orderBy(desc(recommendations.verified), desc(recommendations.updatedAt));
}

/** The business's own live recommendations, newest first. */
export function listBusinessRecommendations(
  tx: Tx,
  businessId: string,
): Promise<RecommendationWithNames[]> {
  return tx
    .select(withNames)
    .from(recommendations)
    .innerJoin(businesses, eq(businesses.id, recommendations.businessId))
    .where(and(eq(recommendations.businessId, businessId), live()))
    .orderBy(desc(recommendations.updatedAt));
}

export async function insertRecommendationRequest(
  tx: Tx,
  values: typeof recommendationRequests.$inferInsert,
) {
  await tx.insert(recommendationRequests).values(values);
}

export async function findRequestByTokenHash(
  tx: Tx,
  tokenHash: string,
  options: { forUpdate?: boolean } = {},
): Promise<RequestRow | null> {
  const query = tx
    .select()
    .from(recommendationRequests)
    .where(eq(recommendationRequests.tokenHash, tokenHash));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function markRequestAnswered(tx: Tx, id: string, recommendationId: string, at: Date) {
  await tx
    .update(recommendationRequests)
    .set({ recommendationId, answeredAt: at })
    .where(eq(recommendationRequests.id, id));
}

/** A professional's requests, newest first, with the business that answered each. */
export function listRequestsOf(tx: Tx, professionalUserId: string): Promise<RequestWithAnswer[]> {
  return tx
    .select({
      request: recommendationRequests,
      businessId: recommendations.businessId,
      businessName: businesses.name,
    })
    .from(recommendationRequests)
    .leftJoin(recommendations, eq(recommendations.id, recommendationRequests.recommendationId))
    .leftJoin(businesses, eq(businesses.id, recommendations.businessId))
    .where(eq(recommendationRequests.professionalUserId, professionalUserId))
    .orderBy(desc(recommendationRequests.createdAt))
    .limit(200);
}
