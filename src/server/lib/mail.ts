import { and, eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import { MAIL_ATTEMPTS, retryDelayMs } from '../../core/retry.ts';
import type { Db, Tx } from '../db/client.ts';
import { mailMessages, type MailAttachment } from '../db/schema/index.ts';
import type { Clock } from './clock.ts';
import { newId } from './ids.ts';
import { defineTask, type Queue, type TaskDefinition } from './queue.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with the message, e.g. an interview's calendar invitation. */
  attachments?: MailAttachment[];
}

export interface Mailer {
  /**
   * Records the message in the caller's transaction, so it goes out if and only if the change
   * that causes it commits. With SMTP it is `queued` and a job delivers it; without, it is
   * `stored` in the dev mailbox. Never waits for SMTP.
   */
  enqueue(tx: Tx, mail: Mail): Promise<void>;
  /** {@link enqueue} in a transaction of its own, for callers that have none. */
  send(mail: Mail): Promise<void>;
  readonly smtpConfigured: boolean;
  /** The delivery task, for the queue's task list (`background.ts`). */
  readonly tasks: TaskDefinition<unknown>[];
}

const DeliverySchema = z.object({ messageId: z.uuid() });
/** One waiting delivery job per message, even if a crashed attempt's job runs again. */
const keyOf = (messageId: string) => `mail:${messageId}`;

/**
 * Without `smtpUrl` every message is stored in the dev mailbox (admin → Mailbox). With it, a
 * message is queued and the `mail.deliver` job sends it, trying again with back-off
 * (`core/retry.ts`) and recording each attempt, until it is `sent` or, after the last attempt,
 * `failed` with the reason. Delivery is at least once: a worker killed between SMTP's answer
 * and the update sends the message again.
 */
export function createMailer({
  db,
  from,
  smtpUrl,
  queue,
  clock,
  maxAttempts = MAIL_ATTEMPTS,
}: {
  db: Db;
  from: string;
  smtpUrl?: string;
  /** Needed with `smtpUrl`: queued messages are delivered by its jobs. */
  queue?: Queue;
  clock?: Clock;
  maxAttempts?: number;
}): Mailer {
  if (smtpUrl && (!queue || !clock)) throw new Error('Mail over SMTP needs the queue and clock.');
  // nodemailer loads with the first delivery rather than at every start.
  let smtp: Promise<Transporter> | undefined;
  const connect = (url: string) =>
    (smtp ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url,
        // A job, not a request, waits on these; short enough still that a dead server frees
        // the worker quickly and a shutdown is not held up.
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 10_000,
      }),
    ));
  const transport = smtpUrl
    ? {
        sendMail: async (message: Parameters<Transporter['sendMail']>[0]) =>
          (await connect(smtpUrl)).sendMail(message),
      }
    : null;

  const deliver = defineTask({
    name: 'mail.deliver',
    payload: DeliverySchema,
    async run({ messageId }) {
      if (!transport || !queue || !clock) throw new Error('mail.deliver needs SMTP');
      const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
      // Already delivered or given up (a job run twice after a crash): nothing to do.
      if (message?.status !== 'queued') return;
      const attempt = message.attempts + 1;
      const stillQueued = and(eq(mailMessages.id, messageId), eq(mailMessages.status, 'queued'));
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.attachments.length > 0
            ? {
                attachments: message.attachments.map((a) => ({
                  filename: a.filename,
                  content: a.content,
                  contentType: a.contentType,
                })),
              }
            : {}),
        });
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        const delay = retryDelayMs(attempt, maxAttempts);
        await db.transaction(async (tx) => {
          if (delay === null) {
            // Given up: the text is not needed for another attempt, and may hold live links.
            await tx
              .update(mailMessages)
              .set({
                status: 'failed',
                attempts: attempt,
                error,
                nextAttemptAt: null,
                text: '',
                html: null,
                attachments: [],
              })
              .where(stillQueued);
            return;
          }
          const nextAttemptAt = new Date(clock.now().getTime() + delay);
          await tx
            .update(mailMessages)
            .set({ attempts: attempt, error, nextAttemptAt })
            .where(stillQueued);
          await queue.enqueue(
            tx,
            deliver,
            { messageId },
            { runAt: nextAttemptAt, key: keyOf(messageId) },
          );
        });
        return;
      }
      // Delivered mail may hold live links (password reset, invitation): its text goes.
      await db
        .update(mailMessages)
        .set({
          status: 'sent',
          attempts: attempt,
          sentAt: clock.now(),
          error: null,
          nextAttemptAt: null,
          text: '',
          html: null,
          attachments: [],
        })
        .where(stillQueued);
    },
  });

  const mailer: Mailer = {
    smtpConfigured: transport !== null,
    tasks: transport ? [deliver] : [],

    async enqueue(tx, mail) {
      const id = newId();
      await tx.insert(mailMessages).values({
        id,
        to: mail.to.toLowerCase(),
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        attachments: mail.attachments ?? [],
        transport: transport ? 'smtp' : 'mailbox',
        status: transport ? 'queued' : 'stored',
      });
      if (transport && queue)
        await queue.enqueue(tx, deliver, { messageId: id }, { key: keyOf(id) });
    },

    send(mail) {
      return db.transaction((tx) => mailer.enqueue(tx, mail));
    },
  };
  return mailer;
}
