import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type {
  Notification,
  NotificationPage,
  UnreadCount,
} from '../../../core/contracts/notifications.ts';
import { applyStreamEvent, markReadInCache, notificationKeys } from './queries.ts';

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

const note = (n: number, readAt: string | null = null): Notification => ({
  id: `0190f5c2-7f1e-7a3b-9c4d-${String(n).padStart(12, '0')}`,
  type: 'team.invitation',
  title: `Invitation ${n}`,
  body: null,
  link: null,
  readAt,
  createdAt: '2026-12-04T17:00:00.000Z',
});

/** A cache with the bell at `unread` and both lists holding `items`. */
function cacheWith(unread: number, items: Notification[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<UnreadCount>(notificationKeys.unread, { unread });
  queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.list('all'), {
    pages: [{ items, nextCursor: null, unread }],
    pageParams: [null],
  });
  queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.list('unread'), {
    pages: [{ items: items.filter((n) => !n.readAt), nextCursor: null, unread }],
    pageParams: [null],
  });
  return queryClient;
}

const shown = (queryClient: QueryClient, filter: 'all' | 'unread') =>
  queryClient
    .getQueryData<InfiniteData<NotificationPage>>(notificationKeys.list(filter))
    ?.pages.flatMap((p) => p.items.map((n) => [n.title, n.readAt !== null]));

describe('reading a notification, before the server answers', () => {
  it('counts one fewer on the bell and shows it read in every list', () => {
    const queryClient = cacheWith(2, [note(1), note(2), note(3, '2026-12-01T00:00:00.000Z')]);
    markReadInCache(queryClient, note(1).id);
    expect(queryClient.getQueryData(notificationKeys.unread)).toEqual({ unread: 1 });
    expect(shown(queryClient, 'all')).toEqual([
      ['Invitation 1', true],
      ['Invitation 2', false],
      ['Invitation 3', true],
    ]);
    expect(shown(queryClient, 'unread')).toEqual([
      ['Invitation 1', true],
      ['Invitation 2', false],
    ]);
  });

  it('does not count one already read again (a second click, or a read one)', () => {
    const queryClient = cacheWith(2, [note(1), note(2), note(3, '2026-12-01T00:00:00.000Z')]);
    markReadInCache(queryClient, note(1).id);
    markReadInCache(queryClient, note(1).id);
    markReadInCache(queryClient, note(3).id);
    expect(queryClient.getQueryData(notificationKeys.unread)).toEqual({ unread: 1 });
  });

  it('with all of them, empties the bell and shows every one read', () => {
    const queryClient = cacheWith(2, [note(1), note(2)]);
    markReadInCache(queryClient, null);
    expect(queryClient.getQueryData(notificationKeys.unread)).toEqual({ unread: 0 });
    expect(shown(queryClient, 'all')).toEqual([
      ['Invitation 1', true],
      ['Invitation 2', true],
    ]);
  });
});
