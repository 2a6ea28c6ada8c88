import { integer, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file sent with a message (text content only so far: calendar invitations). */
export type MailAttachment = { filename: string; contentType: string; content: string };

/**
 * Every e-mail Handoff sends is recorded here, in the transaction of the change that causes it
 * (the outbox). Without SMTP this table is the dev mailbox an admin reads in the app, so nothing
 * is lost; with SMTP a job delivers each `queued` message and records how it went.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid().primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    /** Kept until delivered, then blanked: delivered mail may hold live links. */
    text: text().notNull(),
    html: text(),
    /** Interviews: the .ics invitation. Blanked with the text once delivered. */
    attachments: jsonb().$type<MailAttachment[]>().notNull().default([]),
    transport: text({ enum: ['smtp', 'mailbox'] }).notNull(),
    status: text({ enum: ['queued', 'sent', 'failed', 'stored'] }).notNull(),
    /** Why the last delivery attempt failed (for `failed`, why it was given up). */
    error: text(),
    /** Delivery attempts made so far. */
    attempts: integer().notNull().default(0),
    /** When the next attempt is due, while a `queued` message waits after a failure. */
    nextAttemptAt: timestamp({ withTimezone: true, mode: 'date' }),
    sentAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index().on(t.to)],
);
