/** Drizzle queries of notifications. Every read and write is by the recipient's user id. */
import type { ContractTopic } from '../../../core/work.ts';
import { and, count, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type {
  NotificationChannel,
  NotificationType,
} from '../../../core/contracts/notifications.ts';
import type { Tx } from '../../db/client.ts';
import { notificationPreferences, notifications, users } from '../../db/schema/index.ts';

/** The Postgres channel every Handoff instance LISTENs on (see `live.ts`). */
export const LIVE_CHANNEL = 'handoff_notifications';

/** What travels through NOTIFY: whose stream to wake, and why. Ids only, never content. */
export type LiveMessage =
  | { userId: string; notificationId: string }
  | { userId: string; read: true }
  /** Something changed inside a contract this person is a party to (see contracts/live.ts). */
  | { userId: string; contractId: string; topic: ContractTopic };

export type NotificationRow = typeof notifications.$inferSelect;

/** The people with these ids, with their channel for `type` (null: never chosen). */
export function findReaders(tx: Tx, userIds: string[], type: NotificationType) {
  return tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      channel: notificationPreferences.channel,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.type, type)),
    )
    .where(inArray(users.id, userIds));
}

/** The addresses of the people with these ids (account messages consult no preference). */
export function findAddresses(tx: Tx, userIds: string[]) {
  return tx.select({ email: users.email }).from(users).where(inArray(users.id, userIds));
}

export async function insertNotifications(tx: Tx, rows: (typeof notifications.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(notifications).values(rows);
}

/**
 * Queues live messages on the caller's transaction. NOTIFY is transactional: Postgres delivers
 * them when (and only if) the transaction commits, so no stream hears of a rolled-back row.
 */
export async function publish(tx: Tx, messages: LiveMessage[]) {
  if (messages.length === 0) return;
  // One statement for all: a JSON array of payload strings, one parameter.
  const payloads = JSON.stringify(messages.map((m) => JSON.stringify(m)));
  await tx.execute(
    sql`select pg_notify(${LIVE_CHANNEL}, p) from json_array_elements_text(${payloads}::json) as p`,
  );
}

/** Newest first; the last id of a page is the cursor of the next (one more row tells if there is one). */
export function listNotifications(
  tx: Tx,
  userId: string,
  { cursor, limit, unread }: { cursor?: string; limit: number; unread?: boolean },
) {
  const where: SQL[] = [eq(notifications.userId, userId)];
  if (cursor) where.push(lt(notifications.id, cursor));
  if (unread) where.push(isNull(notifications.readAt));
  return tx
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
}

export async function countUnread(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function findNotification(tx: Tx, userId: string, notificationId: string) {
  const [row] = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)));
  return row ?? null;
}

/** Marks unread notifications of the person read: one (`notificationId`) or all. Returns how many changed. */
export async function markRead(tx: Tx, userId: string, now: Date, notificationId?: string) {
  const where: SQL[] = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (notificationId) where.push(eq(notifications.id, notificationId));
  const changed = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(...where))
    .returning({ id: notifications.id });
  return changed.length;
}

export function listPreferences(tx: Tx, userId: string) {
  return tx
    .select({ type: notificationPreferences.type, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

export async function upsertPreferences(
  tx: Tx,
  userId: string,
  items: { type: NotificationType; channel: NotificationChannel }[],
  now: Date,
) {
  await tx
    .insert(notificationPreferences)
    .values(items.map((i) => ({ userId, ...i, updatedAt: now })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.type],
      set: { channel: sql`excluded.channel`, updatedAt: now },
    });
}
