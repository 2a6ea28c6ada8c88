/**
 * Who may act on the network's rows. Business-side calls go through `authorizeBusiness`
 * (non-member → 404, role without the right → 403); a listing is its owner's and the admins';
 * a recommendation request is its professional's, or whoever holds the link.
 */
import { z } from 'zod';
import { DateTimeSchema, IdSchema } from '../../../core/contracts/common.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { hasProfessionalProfile } from './listing-queries.ts';

/** Who reads a listing: a signed-in person (admin or not), or nobody (anonymous). */
export type ListingReader = { userId: string; isAdmin: boolean } | null;

/** The review queue's cursor: the last row's creation instant and id. */
export const ListingCursorSchema = z.object({ c: DateTimeSchema, i: IdSchema });

/**
 * A business member recommending (or un-recommending) a professional: the role must allow
 * `recommendations.manage`; the professional must have a professional profile (else 404); and
 * nobody recommends themselves, whichever business they speak for.
 */
export async function authorizeRecommendation(
  tx: Tx,
  businessId: string,
  userId: string,
  professionalUserId: string,
): Promise<void> {
  await authorizeBusiness(tx, businessId, userId, 'recommendations.manage');
  if (!(await hasProfessionalProfile(tx, professionalUserId))) throw notFound('Professional');
  if (professionalUserId === userId)
    throw forbidden('You cannot recommend yourself; ask a client to recommend you instead.');
}
