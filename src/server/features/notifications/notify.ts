/**
 * `notify`: the one call a feature makes when someone should hear of something. It runs in the
 * caller's transaction, so a notification exists exactly when the change that caused it does.
 */
import type { NotificationType } from '../../../core/contracts/notifications.ts';
import {
  deliveriesFor,
  isAccountMessageType,
  NOTIFICATION_TYPE_INFO,
  type AccountMessageType,
  type MessageType,
} from '../../../core/notifications.ts';
import type { Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import type { Mail, Mailer } from '../../lib/mail.ts';
import {
  findAddresses,
  findReaders,
  insertNotifications,
  publish,
  type LiveMessage,
} from './queries.ts';
import { accountTemplates, templates, type NotificationData } from './templates.ts';

/** A person with an account, or an address with none yet (reached by e-mail only). */
export type Recipient = { userId: string } | { email: string };

export type Notify = <T extends MessageType>(
  tx: Tx,
  recipients: Recipient[],
  type: T,
  data: NotificationData[T],
) => Promise<void>;

/**
 * Builds `notify(tx, recipients, type, data)`. For each person it follows their channel for the
 * type (`in_app`: a notification; `email`: a notification and an e-mail; `off`: nothing), writes
 * the notifications, queues the e-mails through `mailer.enqueue` and a live message per
 * notification (NOTIFY, delivered at commit) for the open streams of every instance.
 * Account messages (`account.*`) skip the preferences: each recipient gets the e-mail only.
 */
export function createNotifier({
  mailer,
  baseUrl,
  clock,
}: {
  mailer: Pick<Mailer, 'enqueue'>;
  baseUrl: string;
  clock: Clock;
}): Notify {
  async function sendAccountMessage<T extends AccountMessageType>(
    tx: Tx,
    userIds: string[],
    addresses: string[],
    type: T,
    data: NotificationData[T],
  ) {
    const to = deliveriesFor('account');
    if (!to.email) return;
    const people = userIds.length > 0 ? await findAddresses(tx, userIds) : [];
    const all = new Set([...people.map((p) => p.email.toLowerCase()), ...addresses]);
    const email = accountTemplates[type](data);
    for (const address of all) await mailer.enqueue(tx, { to: address, ...email });
  }

  async function sendNotification<T extends NotificationType>(
    tx: Tx,
    userIds: string[],
    addresses: string[],
    type: T,
    data: NotificationData[T],
  ) {
    const render = templates[type];
    const readers = userIds.length > 0 ? await findReaders(tx, userIds, type) : [];
    const now = clock.now();
    const rows: Parameters<typeof insertNotifications>[1] = [];
    const live: LiveMessage[] = [];
    const mails: Mail[] = [];

    for (const reader of readers) {
      const channel = reader.channel ?? NOTIFICATION_TYPE_INFO[type].defaultChannel;
      const to = deliveriesFor(channel);
      if (!to.inApp && !to.email) continue;
      const text = render(data, { name: reader.name, timeZone: reader.timeZone }, baseUrl);
      if (to.inApp) {
        const id = newId();
        rows.push({
          id,
          userId: reader.id,
          type,
          title: text.title,
          body: text.body,
          link: text.link,
          createdAt: now,
        });
        live.push({ userId: reader.id, notificationId: id });
      }
      if (to.email) mails.push({ to: reader.email, ...text.email });
    }
    for (const address of addresses) {
      const to = deliveriesFor('address-only');
      if (to.email) mails.push({ to: address, ...render(data, null, baseUrl).email });
    }

    await insertNotifications(tx, rows);
    await publish(tx, live);
    for (const mail of mails) await mailer.enqueue(tx, mail);
  }

  return async (tx, recipients, type, data) => {
    const userIds = [...new Set(recipients.flatMap((r) => ('userId' in r ? [r.userId] : [])))];
    const addresses = [
      ...new Set(recipients.flatMap((r) => ('email' in r ? [r.email.toLowerCase()] : []))),
    ];
    // `type` narrows, `data` does not: the Notify signature is what pairs them.
    if (isAccountMessageType(type))
      return sendAccountMessage<AccountMessageType>(
        tx,
        userIds,
        addresses,
        type,
        data as NotificationData[AccountMessageType],
      );
    return sendNotification<NotificationType>(
      tx,
      userIds,
      addresses,
      type,
      data as NotificationData[NotificationType],
    );
  };
}
