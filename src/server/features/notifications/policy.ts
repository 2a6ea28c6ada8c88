/**
 * Who may touch a notification: only the person it was written for. Anyone else's id is a 404,
 * as if it did not exist, like another business's rows.
 */
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { findNotification } from './queries.ts';

export async function authorizeNotification(tx: Tx, userId: string, notificationId: string) {
  const row = await findNotification(tx, userId, notificationId);
  if (!row) throw notFound('Notification');
  return row;
}
