import type { MailMessage } from '../../../core/contracts/admin.ts';
import type { listMail } from './queries.ts';

type MailRow = Awaited<ReturnType<typeof listMail>>[number];

export const presentMail = (m: MailRow): MailMessage => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  text: m.text,
  transport: m.transport,
  status: m.status,
  error: m.error,
  attempts: m.attempts,
  nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
  sentAt: m.sentAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});
