import { z } from 'zod';
import { CursorQuerySchema, DateTimeSchema, IdSchema } from './common.ts';

export const MailMessageSchema = z
  .object({
    id: IdSchema,
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    transport: z.enum(['smtp', 'mailbox']),
    status: z.enum(['sent', 'failed', 'stored']),
    error: z.string().nullable(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'MailMessage' });
export type MailMessage = z.infer<typeof MailMessageSchema>;

export const MailboxPageSchema = z.object({
  items: z.array(MailMessageSchema),
  nextCursor: z.string().nullable(),
});

export const MailboxQuerySchema = CursorQuerySchema.extend({ to: z.string().max(254).optional() });
