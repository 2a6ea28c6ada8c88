import type { FastifyInstance } from 'fastify';
import { MailboxPageSchema, MailboxQuerySchema } from '../../../core/contracts/admin.ts';
import { IdSchema } from '../../../core/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { requireAdmin } from '../../lib/caller.ts';
import { badRequest } from '../../lib/errors.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { listMail } from './queries.ts';

export function adminRoutes(app: FastifyInstance, { db }: { db: Db }) {
  typed(app).get('/api/v1/admin/mailbox', {
    schema: {
      tags: ['admin'],
      summary: 'Every e-mail Handoff queued, sent, failed to send or stored, newest first (admin)',
      querystring: MailboxQuerySchema,
      response: { 200: MailboxPageSchema, ...problems(401, 403) },
    },
    handler: async (req) => {
      requireAdmin(req);
      const { cursor, limit, to } = req.query;
      if (cursor && !IdSchema.safeParse(cursor).success) {
        throw badRequest('The cursor is not one this list gave out.', [
          { path: 'querystring.cursor', message: 'Invalid cursor' },
        ]);
      }
      const rows = await listMail(db, { cursor, limit, to });
      const page = rows.slice(0, limit);
      return {
        items: page.map((m) => ({
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
        })),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  });
}
