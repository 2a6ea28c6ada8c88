import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { NotificationPage, UnreadCount } from '../../../core/contracts/notifications.ts';
import { applyStreamEvent, notificationKeys } from './queries.ts';

const page: NotificationPage = { items: [], nextCursor: null, unread: 0 };

describe('a live event in the cache', () => {
  it('sets the bell’s count and marks every list stale, leaving preferences alone', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<UnreadCount>(notificationKeys.unread, { unread: 0 });
    for (const filter of ['all', 'unread'] as const)
      queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.list(filter), {
        pages: [page],
        pageParams: [null],
      });
    queryClient.setQueryData(notificationKeys.preferences, { items: [] });

    applyStreamEvent(queryClient, { unread: 4 });

    expect(queryClient.getQueryData(notificationKeys.unread)).toEqual({ unread: 4 });
    const state = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(state(notificationKeys.list('all'))).toBe(true);
    expect(state(notificationKeys.list('unread'))).toBe(true);
    expect(state(notificationKeys.preferences)).toBe(false);
  });
});
