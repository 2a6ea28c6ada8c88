/**
 * Pure rules of the notifications UI: what the bell says, which links may be followed, how the
 * live stream's messages are read and how long to wait before reconnecting. No DOM, no React,
 * so they are unit-tested on their own.
 */
import {
  ContractChangeEventSchema,
  type ContractChangeEvent,
} from '../../../core/contracts/offers.ts';
import {
  NotificationEventSchema,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPreference,
  type UpdateNotificationPreferences,
} from '../../../core/contracts/notifications.ts';

/** The bell's accessible name: "Notifications, 3 unread", or just "Notifications" with none. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
}

/**
 * What a screen reader hears when the count changes while the page is open (the badge is only
 * seen): news when it grows, nothing when it falls (the person read something) or on first load.
 */
export function countAnnouncement(previous: number | undefined, unread: number): string {
  if (previous === undefined || unread <= previous) return '';
  const arrived = unread - previous;
  return `${arrived === 1 ? 'A new notification' : `${arrived} new notifications`}, ${unread} unread`;
}

/** The number on the bell's badge; past 99 it stops growing so the badge keeps its size. */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/**
 * The in-app path a notification points to, or null when it has none we will follow. The
 * server writes these, but a link is still only followed inside Handoff: a path that starts
 * with one slash (`//host` and `/\host` are other sites to a browser).
 */
export function appLink(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\'))
    return null;
  return link;
}

/** The server-sent event names the stream uses; both carry a NotificationEvent. */
export const STREAM_EVENTS = ['notification', 'read'] as const;

/** A `contract` event of the live stream, or null if it is not what the contract says (ignored). */
export function parseContractChange(data: string): ContractChangeEvent | null {
  try {
    const parsed = ContractChangeEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One message of the live stream, or null if it is not what the contract says (ignored). */
export function parseStreamEvent(data: string): NotificationEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = NotificationEventSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * How long to wait before opening the stream again after the browser gave up on it. EventSource
 * retries by itself after a dropped connection, but not after an error answer (a restart's 502,
 * an expired session's 401); then we retry, doubling from 2 s up to 5 minutes, so a server
 * that is down is not called by every open tab every few seconds.
 */
export function reconnectDelay(attempt: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempt), 300_000);
}

/** The three choices per type, in the words the preferences page uses. */
export const CHANNEL_CHOICES: readonly { value: NotificationChannel; label: string }[] = [
  { value: 'in_app', label: 'In app' },
  { value: 'email', label: 'In app and e-mail' },
  { value: 'off', label: 'Off' },
];

/** Which notifications the page lists: every one, or only those not yet read. */
export type NotificationsSearch = { show?: 'unread' };

export function validateNotificationsSearch(s: Record<string, unknown>): NotificationsSearch {
  return s.show === 'unread' ? { show: 'unread' } : {};
}

/**
 * The body of the preferences PUT: the types whose choice differs from what is saved, or null
 * when nothing changed (the contract asks for at least one).
 */
export function preferenceChanges(
  saved: readonly NotificationPreference[],
  chosen: Readonly<Partial<Record<NotificationPreference['type'], NotificationChannel>>>,
): UpdateNotificationPreferences | null {
  const items = saved.flatMap((p) => {
    const channel = chosen[p.type];
    return channel && channel !== p.channel ? [{ type: p.type, channel }] : [];
  });
  return items.length > 0 ? { items } : null;
}
