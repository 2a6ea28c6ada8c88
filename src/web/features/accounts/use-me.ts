import { useQuery } from '@tanstack/react-query';
import type { Me, Meta } from '../../../core/contracts/accounts.ts';
import { api, ApiError } from '../../api.ts';

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('GET', '/me');
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: () => api<Meta>('GET', '/meta'),
    staleTime: Infinity,
  });
}

/** Only same-site paths may be a post-sign-in destination (no open redirects). */
export function safeNext(next: string | undefined, fallback = '/app'): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
