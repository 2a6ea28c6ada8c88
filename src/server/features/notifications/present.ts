import type {
  Notification,
  NotificationChannel,
  NotificationPreferences,
} from '../../../core/contracts/notifications.ts';
import { NOTIFICATION_TYPES } from '../../../core/contracts/notifications.ts';
import { NOTIFICATION_TYPE_INFO } from '../../../core/notifications.ts';
import type { NotificationRow } from './queries.ts';

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every type, in the contract's order, with the person's channel or else the type's default. */
export function presentPreferences(
  chosen: { type: string; channel: NotificationChannel }[],
): NotificationPreferences {
  const byType = new Map(chosen.map((c) => [c.type, c.channel]));
  return {
    items: NOTIFICATION_TYPES.map((type) => ({
      type,
      label: NOTIFICATION_TYPE_INFO[type].label,
      description: NOTIFICATION_TYPE_INFO[type].description,
      channel: byType.get(type) ?? NOTIFICATION_TYPE_INFO[type].defaultChannel,
    })),
  };
}
