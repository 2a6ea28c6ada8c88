/**
 * Recommendation requests: a professional asks a client, by e-mail, to recommend them. The
 * e-mail carries a link with a secret (only its SHA-256 is stored); whoever follows it, signed
 * in, answers as one of their businesses. The link works once and for {@link REQUEST_DAYS} days.
 */
import type {
  RecommendationRequest,
  RecommendationRequestPreview,
} from '../../../core/contracts/network.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, HttpProblem, notFound } from '../../lib/errors.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import type { UserScope } from '../../lib/scope.ts';
import { findUser } from '../accounts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import { hasProfessionalProfile } from './listing-queries.ts';
import { presentRecommendationRequest, requestState } from './present.ts';
import {
  findRequestByTokenHash,
  insertRecommendationRequest,
  listRequestsOf,
  markRequestAnswered,
} from './recommendation-queries.ts';
import { loadRecommendation, writeRecommendation } from './recommendations.ts';
import type { Recommendation } from '../../../core/contracts/network.ts';

/** How long a request link works: long enough for a busy client, short enough that old mail goes stale. */
export const REQUEST_DAYS = 30;

const gone = (detail: string) => new HttpProblem(410, 'Gone', detail);

export function createRecommendationRequestService({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  return {
    async create(
      { userId }: UserScope,
      input: { email: string; message: string },
    ): Promise<RecommendationRequest> {
      return db.transaction(async (tx) => {
        if (!(await hasProfessionalProfile(tx, userId)))
          throw forbidden('Start a professional profile first, then ask your clients.');
        const professional = await findUser(tx, userId);
        if (!professional) throw new Error('caller vanished');
        const token = newSecret('rrq');
        const now = clock.now();
        const row = {
          id: newId(),
          professionalUserId: userId,
          email: input.email,
          message: input.message,
          tokenHash: sha256(token),
          expiresAt: new Date(now.getTime() + REQUEST_DAYS * 24 * 60 * 60 * 1000),
          createdAt: now,
          recommendationId: null,
          answeredAt: null,
        };
        await insertRecommendationRequest(tx, row);
        // To the address, not to an account it may belong to: the link must arrive whatever
        // that account's notification preferences say.
        await notify(tx, [{ email: input.email }], 'recommendation.requested', {
          token,
          professionalName: professional.name,
          message: input.message,
          expiresAt: row.expiresAt,
        });
        return presentRecommendationRequest(
          { request: row, businessId: null, businessName: null },
          now,
        );
      });
    },

    async list({ userId }: UserScope): Promise<RecommendationRequest[]> {
      const now = clock.now();
      return (await listRequestsOf(db, userId)).map((r) => presentRecommendationRequest(r, now));
    },

    /** What the link shows before anyone answers; 404 for a link that never existed. */
    async preview(token: string): Promise<RecommendationRequestPreview> {
      const request = await findRequestByTokenHash(db, sha256(token));
      if (!request) throw notFound('Recommendation request');
      const professional = await findUser(db, request.professionalUserId);
      if (!professional) throw notFound('Recommendation request');
      return {
        professional: { id: professional.id, name: professional.name },
        message: request.message,
        state: requestState(request, clock.now()),
        expiresAt: request.expiresAt.toISOString(),
      };
    },

    /**
     * Answers the link as one of the caller's businesses (one whose role may recommend): writes
     * (or rewrites) that business's recommendation and uses the link up.
     */
    async answer(
      { userId, token }: UserScope & { token: string },
      input: { businessId: string; note: string },
    ): Promise<Recommendation> {
      return db.transaction(async (tx) => {
        // Locked: two tabs answering at once use the link once.
        const request = await findRequestByTokenHash(tx, sha256(token), { forUpdate: true });
        if (!request) throw notFound('Recommendation request');
        const state = requestState(request, clock.now());
        if (state === 'answered')
          throw gone('This link was already used to write a recommendation.');
        if (state === 'expired')
          throw gone('This link has expired; ask the professional to send a new request.');
        const { id } = await writeRecommendation(
          tx,
          clock,
          { userId, businessId: input.businessId, professionalUserId: request.professionalUserId },
          input.note,
        );
        await markRequestAnswered(tx, request.id, id, clock.now());
        return loadRecommendation(tx, id);
      });
    },
  };
}
