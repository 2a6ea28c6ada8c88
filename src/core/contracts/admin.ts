import { z } from 'zod';
import { CursorQuerySchema, DateTimeSchema, IdSchema } from './common.ts';

export const MailStatusSchema = z.enum(['queued', 'sent', 'failed', 'stored']);
export type MailStatus = z.infer<typeof MailStatusSchema>;

export const MailMessageSchema = z
  .object({
    id: IdSchema,
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    transport: z.enum(['smtp', 'mailbox']),
    /**
     * `stored`: kept in this mailbox (no SMTP); `queued`: waiting for (another) delivery
     * attempt; `sent`: accepted by the SMTP server; `failed`: every attempt failed.
     */
    status: MailStatusSchema,
    /** Why the last attempt failed: for `failed`, why it was given up. */
    error: z.string().nullable(),
    attempts: z.int().min(0),
    /** When a `queued` message that failed before is tried again. */
    nextAttemptAt: DateTimeSchema.nullable(),
    sentAt: DateTimeSchema.nullable(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'MailMessage' });
export type MailMessage = z.infer<typeof MailMessageSchema>;

export const MailboxPageSchema = z.object({
  items: z.array(MailMessageSchema),
  nextCursor: z.string().nullable(),
});

export const MailboxQuerySchema = CursorQuerySchema.extend({ to: z.string().max(254).optional() });

/** Request shapes: what a client sends (`…Input`, before defaults and transforms) and what the server reads. */
export type MailboxQuery = z.infer<typeof MailboxQuerySchema>;
export type MailboxQueryInput = z.input<typeof MailboxQuerySchema>;
