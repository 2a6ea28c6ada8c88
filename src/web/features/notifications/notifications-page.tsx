import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { CheckCheck, Settings } from 'lucide-react';
import type { Notification } from '../../../core/contracts/notifications.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { useMe } from '../../hooks.ts';
import { appLink } from './notification-format.ts';
import {
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useUnreadCount,
  type NotificationFilter,
} from './queries.ts';

const FILTERS: { value: NotificationFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
];

function FilterSwitch({ filter }: { filter: NotificationFilter }) {
  const navigate = useNavigate();
  return (
    <div
      role="group"
      aria-label="Show"
      className="inline-flex rounded-md bg-white p-0.5 ring-1 ring-slate-300"
    >
      {FILTERS.map((f) => (
        <button
          key={f.value}
          type="button"
          aria-pressed={filter === f.value}
          onClick={() =>
            void navigate({
              to: '/notifications',
              search: f.value === 'unread' ? { show: 'unread' } : {},
              replace: true,
            })
          }
          className={`rounded px-3 py-1.5 text-sm font-medium ${
            filter === f.value ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100'
          }`}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}

function NotificationItem({
  notification: n,
  timeZone,
  onRead,
}: {
  notification: Notification;
  timeZone: string | undefined;
  onRead: (id: string) => void;
}) {
  const unread = !n.readAt;
  const link = appLink(n.link);
  const title = (
    <span className={unread ? 'font-semibold text-slate-900' : 'text-slate-800'}>{n.title}</span>
  );
  return (
    <li className={`flex gap-3 px-4 py-3 sm:px-5 ${unread ? 'bg-brand-50/60' : ''}`}>
      <span
        aria-hidden
        className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${unread ? 'bg-brand-700' : 'bg-transparent'}`}
      />
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          {unread && <span className="sr-only">Unread: </span>}
          {link ? (
            <Link
              to={link}
              className="hover:underline focus-visible:underline"
              onClick={() => {
                // Opening it is reading it; the request outlives the in-app navigation.
                if (unread) onRead(n.id);
              }}
            >
              {title}
            </Link>
          ) : (
            title
          )}
        </p>
        {n.body && <p className="mt-0.5 text-sm text-slate-600">{n.body}</p>}
        <p className="mt-1 text-xs text-slate-600">
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, timeZone)}</time>
        </p>
      </div>
      {unread && (
        <button
          type="button"
          onClick={() => onRead(n.id)}
          className="shrink-0 self-start rounded-md px-2 py-1 text-xs font-medium text-brand-800 hover:bg-brand-100"
          aria-label={`Mark read: ${n.title}`}
        >
          Mark read
        </button>
      )}
    </li>
  );
}

/** `/notifications`: newest first, unread marked, each linking to its thing; filter, mark read. */
export function NotificationsPage() {
  const { show } = useSearch({ from: '/shell/notifications' });
  const filter: NotificationFilter = show === 'unread' ? 'unread' : 'all';
  const me = useMe();
  const list = useNotifications(filter);
  const unread = useUnreadCount().data ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const timeZone = me.data?.user.timeZone;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          unread > 0 ? `${unread} unread` : 'Invitations and news about your work, newest first.'
        }
        actions={
          <>
            <Button
              variant="secondary"
              busy={markAll.isPending}
              disabled={unread === 0}
              onClick={() => markAll.mutate()}
            >
              <CheckCheck size={16} aria-hidden /> Mark all read
            </Button>
            <Link
              to="/settings/notifications"
              className="inline-flex items-center gap-2 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              <Settings size={16} aria-hidden /> Preferences
            </Link>
          </>
        }
      />
      <div className="mb-4">
        <FilterSwitch filter={filter} />
      </div>
      <div className="space-y-4">
        {markAll.isError && <Alert>{errorMessage(markAll.error)}</Alert>}
        {markRead.isError && <Alert>{errorMessage(markRead.error)}</Alert>}
        {list.isPending ? (
          <Loading what="Loading notifications" />
        ) : !list.data ? (
          // Failed before any page arrived; a later failure keeps the pages already shown.
          <Alert>
            Your notifications could not be loaded ({errorMessage(list.error)}).{' '}
            <button type="button" className="underline" onClick={() => void list.refetch()}>
              Try again
            </button>
          </Alert>
        ) : items.length === 0 ? (
          filter === 'unread' ? (
            <EmptyState title="You’re all caught up">
              Nothing unread.{' '}
              <Link to="/notifications" className="text-brand-700 underline">
                Show all notifications
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title="No notifications yet">
              When a business invites you to its team or to one of its jobs, it appears here. Choose
              in your{' '}
              <Link to="/settings/notifications" className="text-brand-700 underline">
                notification preferences
              </Link>{' '}
              whether you also get an e-mail.
            </EmptyState>
          )
        ) : (
          <>
            <ul
              aria-label={filter === 'unread' ? 'Unread notifications' : 'Notifications'}
              className="divide-y divide-slate-100 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
            >
              {items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  timeZone={timeZone}
                  onRead={(id) => markRead.mutate(id)}
                />
              ))}
            </ul>
            {list.isFetchNextPageError && (
              <Alert>Could not load more ({errorMessage(list.error)}).</Alert>
            )}
            {list.hasNextPage && (
              <div className="flex justify-center">
                <Button
                  variant="secondary"
                  busy={list.isFetchingNextPage}
                  onClick={() => void list.fetchNextPage()}
                >
                  Load more
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </>
  );
}
