import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type {
  NotificationChannel,
  NotificationType,
} from '../../../core/contracts/notifications.ts';
import { users } from './auth.ts';
import { ts } from './columns.ts';

/**
 * In-app notifications, written by `notify` already in the recipient's words (their time zone,
 * the names as they were then), so reading a list is one indexed query with no joins.
 * `type` is text rather than an enum: adding a type must not need a migration.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().$type<NotificationType>().notNull(),
    title: text().notNull(),
    body: text(),
    /** An app path (never an absolute URL). A team invitation's holds the invitation's secret. */
    link: text(),
    readAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    // Newest first per person, read backwards; ids are UUIDv7, so id order is time order.
    index().on(t.userId, t.id),
    // The unread count, asked on every page load and every live event.
    index('notifications_unread')
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
);

/** A person's channel per type; no row means the type's default (`core/notifications.ts`). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().$type<NotificationType>().notNull(),
    channel: text().$type<NotificationChannel>().notNull(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);
