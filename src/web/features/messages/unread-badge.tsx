import { useUnreadCount } from './message-queries.ts';

/** The count of a contract's unread messages, for its Messages tab and the contract lists. */
export function UnreadBadge({ contractId }: { contractId: string }) {
  const unread = useUnreadCount(contractId);
  if (unread === 0) return null;
  return (
    <span className="ml-1.5 rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">
      {unread}
      <span className="sr-only"> unread</span>
    </span>
  );
}
