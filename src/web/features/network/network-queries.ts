/**
 * Talent — network: the keys, queries and mutations of listings, colleagues, recommendations
 * and recommendation requests.
 */
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerRecommendationRequestInput,
  CreateRecommendationRequestInput,
  ListingStatus,
  SaveListingInput,
} from '../../../core/contracts/network.ts';
import { api } from '../../api.ts';

export const networkKeys = {
  myListing: ['my-listing'] as const,
  listingQueue: (status: ListingStatus) => ['listing-queue', status] as const,
  connections: (businessId: string) => ['connections', businessId] as const,
  businessRecommendations: (businessId: string) => ['recommendations', businessId] as const,
  visible: (businessId: string, userId: string) =>
    ['recommendations', businessId, 'of', userId] as const,
  myRequests: ['recommendation-requests'] as const,
  request: (token: string) => ['recommendation-request', token] as const,
};

// ------------------------------------------------------------ listings

export function useMyListing() {
  return useQuery({ queryKey: networkKeys.myListing, queryFn: () => api('GET /me/listing') });
}

export function useSaveListing() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: SaveListingInput) => api('PUT /me/listing', { body }),
    onSuccess: (listing) => queryClient.setQueryData(networkKeys.myListing, { listing }),
  });
}

export function useWithdrawListing() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => api('DELETE /me/listing'),
    onSuccess: () => queryClient.setQueryData(networkKeys.myListing, { listing: null }),
  });
}

export function useListingQueue(status: ListingStatus) {
  return useInfiniteQuery({
    queryKey: networkKeys.listingQueue(status),
    queryFn: ({ pageParam }) =>
      api('GET /admin/listings', { query: { status, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useReviewListing() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (
      decision:
        | { listingId: string; updatedAt: string; approve: true }
        | { listingId: string; updatedAt: string; approve: false; reason: string },
    ) =>
      decision.approve
        ? api('POST /admin/listings/:listingId/approve', {
            params: { listingId: decision.listingId },
            body: { updatedAt: decision.updatedAt },
          })
        : api('POST /admin/listings/:listingId/reject', {
            params: { listingId: decision.listingId },
            body: { reason: decision.reason, updatedAt: decision.updatedAt },
          }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['listing-queue'] }),
  });
}

// ------------------------------------------------------------ colleagues

export function useConnections(businessId: string) {
  return useQuery({
    queryKey: networkKeys.connections(businessId),
    queryFn: () => api('GET /businesses/:businessId/connections', { params: { businessId } }),
  });
}

export function useRequestConnection(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (email: string) =>
      api('POST /businesses/:businessId/connections', {
        params: { businessId },
        body: { email },
      }),
    // Asking a business that had asked us connects at once.
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: networkKeys.connections(businessId) }),
  });
}

export function useAnswerConnection(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({
      connectionId,
      action,
    }: {
      connectionId: string;
      action: 'accept' | 'decline' | 'remove';
    }) =>
      action === 'remove'
        ? api('DELETE /businesses/:businessId/connections/:connectionId', {
            params: { businessId, connectionId },
          })
        : api(`POST /businesses/:businessId/connections/:connectionId/${action}`, {
            params: { businessId, connectionId },
          }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.connections(businessId) });
      // Colleagues changed: so did whose recommendations this business sees.
      await queryClient.invalidateQueries({ queryKey: ['recommendations', businessId] });
    },
  });
}

// ------------------------------------------------------------ recommendations

export function useBusinessRecommendations(businessId: string) {
  return useQuery({
    queryKey: networkKeys.businessRecommendations(businessId),
    queryFn: () => api('GET /businesses/:businessId/recommendations', { params: { businessId } }),
  });
}

export function useVisibleRecommendations(businessId: string, userId: string) {
  return useQuery({
    queryKey: networkKeys.visible(businessId, userId),
    queryFn: () =>
      api('GET /businesses/:businessId/professionals/:userId/recommendations', {
        params: { businessId, userId },
      }),
  });
}

export function useSaveRecommendation(businessId: string, userId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (note: string) =>
      api('PUT /businesses/:businessId/professionals/:userId/recommendation', {
        params: { businessId, userId },
        body: { note },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recommendations', businessId] }),
  });
}

export function useWithdrawRecommendation(businessId: string, userId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () =>
      api('DELETE /businesses/:businessId/professionals/:userId/recommendation', {
        params: { businessId, userId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recommendations', businessId] }),
  });
}

// ------------------------------------------------------------ recommendation requests

export function useMyRecommendationRequests() {
  return useQuery({
    queryKey: networkKeys.myRequests,
    queryFn: () => api('GET /me/recommendation-requests'),
  });
}

export function useRequestRecommendation() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: CreateRecommendationRequestInput) =>
      api('POST /me/recommendation-requests', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.myRequests }),
  });
}

export function useRecommendationRequest(token: string) {
  return useQuery({
    queryKey: networkKeys.request(token),
    queryFn: () => api('GET /recommendation-requests/:token', { params: { token } }),
    retry: false,
  });
}

export function useAnswerRecommendationRequest(token: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: AnswerRecommendationRequestInput) =>
      api('POST /recommendation-requests/:token/answer', { params: { token }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.request(token) }),
  });
}
