/** Rows of the network feature → the contract's shapes (only what each reader may see). */
import type {
  Listing,
  OwnListing,
  Recommendation,
  RecommendationRequest,
  RecommendationRequestState,
} from '../../../core/contracts/network.ts';
import type { ListingWithOwner } from './listing-queries.ts';
import type { RecommendationWithNames, RequestWithAnswer } from './recommendation-queries.ts';

export function presentListing({ listing, ownerName }: ListingWithOwner): Listing {
  return {
    id: listing.id,
    name: listing.name,
    description: listing.description,
    services: listing.services,
    categorySlugs: listing.categorySlugs,
    teamSize: listing.teamSize,
    website: listing.website,
    countries: listing.countries,
    timeZones: listing.timeZones,
    owner: { id: listing.userId, name: ownerName },
    createdAt: listing.createdAt.toISOString(),
    updatedAt: listing.updatedAt.toISOString(),
  };
}

export function presentOwnListing(row: ListingWithOwner): OwnListing {
  return {
    ...presentListing(row),
    status: row.listing.status,
    rejectionReason: row.listing.status === 'rejected' ? row.listing.rejectionReason : null,
    reviewedAt: row.listing.reviewedAt?.toISOString() ?? null,
  };
}

export function presentRecommendation(row: RecommendationWithNames): Recommendation {
  return {
    id: row.recommendation.id,
    business: { id: row.recommendation.businessId, name: row.businessName },
    professional: { id: row.recommendation.professionalUserId, name: row.professionalName },
    note: row.recommendation.note,
    verified: row.recommendation.verified,
    requested: row.requested,
    createdAt: row.recommendation.createdAt.toISOString(),
    updatedAt: row.recommendation.updatedAt.toISOString(),
  };
}

/** A request is waiting until answered or past its expiry, whichever comes first. */
export function requestState(
  request: { answeredAt: Date | null; expiresAt: Date },
  now: Date,
): RecommendationRequestState {
  if (request.answeredAt) return 'answered';
  return request.expiresAt <= now ? 'expired' : 'waiting';
}

export function presentRecommendationRequest(
  { request, businessId, businessName }: RequestWithAnswer,
  now: Date,
): RecommendationRequest {
  return {
    id: request.id,
    email: request.email,
    message: request.message,
    state: requestState(request, now),
    answeredBy: businessId && businessName ? { id: businessId, name: businessName } : null,
    createdAt: request.createdAt.toISOString(),
    expiresAt: request.expiresAt.toISOString(),
    answeredAt: request.answeredAt?.toISOString() ?? null,
  };
}
