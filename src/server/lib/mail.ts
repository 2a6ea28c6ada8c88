import nodemailer from 'nodemailer';
import type { Db } from '../db/client.ts';
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
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    smtpConfigured: transport !== null,
    async send(mail) {
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
      await db.insert(mailMessages).values({
        id: newId(),
        to: mail.to.toLowerCase(),
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        transport: transport ? 'smtp' : 'mailbox',
        status,
        error,
      });
    },
  };
}
