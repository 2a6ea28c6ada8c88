/**
 * Data every feature reads: the signed-in person, the server's settings, a business and the
 * category catalog. One hook and one cache key each, so every page shares the same copy and a
 * change anywhere (`sharedKeys.me` after joining a business) refreshes it everywhere.
 */
import { useQuery } from '@tanstack/react-query';
import type { Me } from '../core/contracts/accounts.ts';
import { api, ApiError } from './api.ts';

export const sharedKeys = {
  me: ['me'] as const,
  meta: ['meta'] as const,
  business: (businessId: string) => ['business', businessId] as const,
  categories: ['categories'] as const,
};

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: sharedKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api('GET /me');
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 401) return null;
        throw error;
      }
    },
    // Nobody signed in stays so until this app signs someone in (which refetches): asking again
    // would only log another 401. A signed-in person is checked again after 30 s.
    staleTime: (query) => (query.state.data === null ? Infinity : 30_000),
  });
}

/** The server's mode and limits; they change only with a restart. */
export function useMeta() {
  return useQuery({
    queryKey: sharedKeys.meta,
    queryFn: () => api('GET /meta'),
    staleTime: Infinity,
  });
}

/** A business the person belongs to (404 for any other, so no retry). */
export function useBusiness(businessId: string) {
  return useQuery({
    queryKey: sharedKeys.business(businessId),
    queryFn: () => api('GET /businesses/:businessId', { params: { businessId } }),
    retry: false,
  });
}

/** The category catalog; admins edit it rarely, so five minutes of staleness is fine. */
export function useCategories() {
  return useQuery({
    queryKey: sharedKeys.categories,
    queryFn: () => api('GET /categories'),
    staleTime: 5 * 60_000,
  });
}
