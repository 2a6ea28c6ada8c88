/**
 * Notifications: queries, mutations and the keys they live under. Everything sits under
 * ['notifications'] — the unread count the bell shows and each filtered list — so one
 * invalidation after a live event or a sign-in refreshes all of it; preferences have their own key.
 */
import type { ContractChangeEvent } from '../../../core/contracts/offers.ts';
import {
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import type {
  NotificationEvent,
  NotificationPage,
  UnreadCount,
  UpdateNotificationPreferences,
} from '../../../core/contracts/notifications.ts';
import { api } from '../../api.ts';

export type NotificationFilter = 'all' | 'unread';

const PAGE_SIZE = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  lists: ['notifications', 'list'] as const,
  list: (filter: NotificationFilter) => ['notifications', 'list', filter] as const,
  preferences: ['notification-preferences'] as const,
};

const setUnread = (queryClient: QueryClient, unread: number) =>
  queryClient.setQueryData<UnreadCount>(notificationKeys.unread, { unread });

/** The bell's number. Refetched on focus too, in case the live stream could not connect. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api('GET /notifications/unread-count'),
    select: (data) => data.unread,
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}

/** Newest first, a page at a time; each page also carries the unread count, kept for the bell. */
export function useNotifications(filter: NotificationFilter) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: async ({ pageParam }) => {
      const page = await api('GET /notifications', {
        query: {
          limit: PAGE_SIZE,
          unread: filter === 'unread' ? 'true' : undefined,
          cursor: pageParam ?? undefined,
        },
      });
      setUnread(queryClient, page.unread);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Marks one notification read in every cached list, so the page changes before the answer. */
function markCachedRead(queryClient: QueryClient, id: string | null, readAt: string) {
  queryClient.setQueriesData<InfiniteData<NotificationPage>>(
    { queryKey: notificationKeys.lists },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((n) =>
            (id === null || n.id === id) && !n.readAt ? { ...n, readAt } : n,
          ),
        })),
      },
  );
}

function isCachedUnread(queryClient: QueryClient, id: string): boolean {
  return queryClient
    .getQueriesData<InfiniteData<NotificationPage>>({ queryKey: notificationKeys.lists })
    .some(([, data]) =>
      data?.pages.some((page) => page.items.some((n) => n.id === id && !n.readAt)),
    );
}

/**
 * What reading one notification (or, with null, all of them) changes on screen, applied before
 * the server answers: the bell counts one fewer — only if it was unread here, so a second click
 * or a stale list does not count it twice — and every cached list shows it read.
 */
export function markReadInCache(queryClient: QueryClient, id: string | null) {
  const unread = queryClient.getQueryData<UnreadCount>(notificationKeys.unread)?.unread;
  if (id === null) setUnread(queryClient, 0);
  else if (unread !== undefined && isCachedUnread(queryClient, id))
    setUnread(queryClient, Math.max(0, unread - 1));
  markCachedRead(queryClient, id, new Date().toISOString());
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (id: string) =>
      api('POST /notifications/:notificationId/read', { params: { notificationId: id } }),
    onMutate: (id) => markReadInCache(queryClient, id),
    // The server's count and lists are the truth (it may already have been read elsewhere).
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => api('POST /notifications/read-all'),
    onSuccess: () => markReadInCache(queryClient, null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** A live event: the count comes with it; the lists are refetched if a page shows them. */
/**
 * Something changed inside a contract: refetch that part of its pages (every workspace query key
 * starts `['contract', contractId, topic]`), the whole contract when its terms or state changed,
 * and the contract lists and dashboards (their hours, reports and health move with it).
 */
export function applyContractChange(queryClient: QueryClient, event: ContractChangeEvent) {
  const whole = event.topic === 'contract' || event.topic === 'amendments';
  void queryClient.invalidateQueries({
    queryKey: whole ? ['contract', event.contractId] : ['contract', event.contractId, event.topic],
  });
  void queryClient.invalidateQueries({ queryKey: ['contracts'] });
}

export function applyStreamEvent(queryClient: QueryClient, event: NotificationEvent) {
  setUnread(queryClient, event.unread);
  void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api('GET /notification-preferences'),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: UpdateNotificationPreferences) =>
      api('PUT /notification-preferences', { body }),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
  });
}
