import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every e-mail Handoff sends is recorded here. Without SMTP this table is the dev mailbox
 * an admin reads in the app, so nothing is lost; with SMTP it records delivery status.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid().primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    transport: text({ enum: ['smtp', 'mailbox'] }).notNull(),
    status: text({ enum: ['sent', 'failed', 'stored'] }).notNull(),
    error: text(),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index().on(t.to)],
);
