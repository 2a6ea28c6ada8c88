import { Link } from '@tanstack/react-router';
import { Bell } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { badgeText, bellLabel, countAnnouncement } from './notification-format.ts';
import { useUnreadCount } from './queries.ts';

/** The app shell's bell: the unread count on a badge, a link to the notifications page. */
export function NotificationBell() {
  const count = useUnreadCount().data;
  const unread = count ?? 0;
  const label = bellLabel(unread);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (count === undefined) return;
    setAnnouncement(countAnnouncement(previous.current, count));
    previous.current = count;
  }, [count]);
  return (
    <>
      {/* Outside the link, whose name is its label; present from the start so it is announced. */}
      <span role="status" className="sr-only">
        {announcement}
      </span>
      <Link
        to="/notifications"
        aria-label={label}
        title={label}
        className="relative inline-flex h-10 w-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-slate-900"
        activeProps={{ className: 'bg-brand-50 text-brand-800', 'aria-current': 'page' }}
      >
        <Bell size={20} aria-hidden />
        {unread > 0 && (
          <span
            aria-hidden
            className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-[11px] leading-5 font-semibold text-white ring-2 ring-white"
          >
            {badgeText(unread)}
          </span>
        )}
      </Link>
    </>
  );
}
