import nodemailer from 'nodemailer';
import type { Db, Tx } from '../db/client.ts';
import { mailMessages } from '../db/schema/index.ts';
import { newId } from './ids.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /**
   * Queues a message as part of the caller's transaction (what `notify` uses).
   * Provisional: it sends at once, like `send`, until the mail outbox takes its place.
   */
  enqueue(tx: Tx, mail: Mail): Promise<void>;
  readonly smtpConfigured: boolean;
}

/**
 * Sends through SMTP when `smtpUrl` is set; otherwise stores the message in the dev mailbox
 * (admin → Mailbox). Either way the message is recorded, with its delivery status, so a
 * failed delivery is visible rather than lost.
 */
export function createMailer({
  db,
  smtpUrl,
  from,
}: {
  db: Db;
  smtpUrl?: string;
  from: string;
}): Mailer {
  // Short timeouts: a request that sends mail (sign-up, invitation) must not hang for minutes
  // on an SMTP server that does not answer, nor hold up a shutdown.
  const transport = smtpUrl
    ? nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 10_000,
      })
    : null;
  /** Sends (with SMTP) and records the message through `tx`: the pool or a transaction. */
  async function deliver(tx: Tx, mail: Mail) {
    let status: 'sent' | 'failed' | 'stored' = 'stored';
    let error: string | null = null;
    if (transport) {
      try {
        await transport.sendMail({ from, ...mail });
        status = 'sent';
      } catch (e) {
        status = 'failed';
        error = e instanceof Error ? e.message : String(e);
      }
    }
    await tx.insert(mailMessages).values({
      id: newId(),
      to: mail.to.toLowerCase(),
      subject: mail.subject,
      // Delivered mail may hold live links (password reset, invitation): keep its text only
      // where it is not delivered, i.e. in the dev mailbox.
      text: transport ? '' : mail.text,
      html: transport ? null : (mail.html ?? null),
      transport: transport ? 'smtp' : 'mailbox',
      status,
      error,
    });
  }
  return {
    smtpConfigured: transport !== null,
    send: (mail) => deliver(db, mail),
    // Provisional until the mail outbox: sends at once, recording through the caller's
    // transaction. Not `send`: a second pool connection taken while the transaction holds its
    // own (and its locks) deadlocks once concurrent requests hold every connection of the pool.
    enqueue: (tx, mail) => deliver(tx, mail),
  };
}
