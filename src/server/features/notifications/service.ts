/** Reading one's own notifications and choosing where each type arrives. */
import { z } from 'zod';
import type {
  NotificationPage,
  NotificationPreferences,
  UnreadCount,
  UpdateNotificationPreferences,
} from '../../../core/contracts/notifications.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import { authorizeNotification } from './policy.ts';
import { presentNotification, presentPreferences } from './present.ts';
import {
  countUnread,
  listNotifications,
  listPreferences,
  markRead,
  publish,
  upsertPreferences,
} from './queries.ts';

const NotificationCursorSchema = z.object({ i: z.uuid() });

/** Notifications are always the caller's own: the scope is just who is asking. */
export interface Scope {
  userId: string;
}

export function createNotificationService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(
      { userId }: Scope,
      query: { cursor?: string; limit: number; unread?: boolean },
    ): Promise<NotificationPage> {
      // Newest first by UUIDv7 id: the last id of a page is where the next one starts.
      const after = decodeCursor(NotificationCursorSchema, query.cursor);
      const rows = await listNotifications(db, userId, { ...query, cursor: after?.i });
      const { items, nextCursor } = page(rows, query.limit, (n) => ({ i: n.id }));
      return {
        items: items.map(presentNotification),
        nextCursor,
        unread: await countUnread(db, userId),
      };
    },

    async unreadCount({ userId }: Scope): Promise<UnreadCount> {
      return { unread: await countUnread(db, userId) };
    },

    /**
     * Marks one notification read. Reading one already read changes nothing and tells no
     * stream; otherwise the person's other tabs and devices hear the new count.
     */
    async markRead({ userId }: Scope, { notificationId }: { notificationId: string }) {
      await db.transaction(async (tx) => {
        await authorizeNotification(tx, userId, notificationId);
        if (await markRead(tx, userId, clock.now(), notificationId))
          await publish(tx, [{ userId, read: true }]);
      });
    },

    async markAllRead({ userId }: Scope) {
      await db.transaction(async (tx) => {
        if (await markRead(tx, userId, clock.now())) await publish(tx, [{ userId, read: true }]);
      });
    },

    async preferences({ userId }: Scope): Promise<NotificationPreferences> {
      return presentPreferences(await listPreferences(db, userId));
    },

    /** Sets the channel of the listed types; types not listed keep theirs. */
    async updatePreferences(
      { userId }: Scope,
      input: UpdateNotificationPreferences,
    ): Promise<NotificationPreferences> {
      return db.transaction(async (tx) => {
        await upsertPreferences(tx, userId, input.items, clock.now());
        return presentPreferences(await listPreferences(tx, userId));
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
