import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MailboxPageSchema, MailboxQuerySchema } from '../../../core/contracts/admin.ts';
import { IdSchema } from '../../../core/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { requireAdmin } from '../../lib/caller.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { MAILBOX_READ } from './policy.ts';
import { presentMail } from './present.ts';
import { listMail } from './queries.ts';

/** The mailbox's cursor: the id of the last message of the page (ids are UUIDv7, time-ordered). */
const MailCursorSchema = z.object({ i: IdSchema });

export function adminRoutes(app: FastifyInstance, { db }: { db: Db }) {
  typed(app).get('/api/v1/admin/mailbox', {
    config: { access: MAILBOX_READ },
    schema: {
      tags: ['admin'],
      summary: 'Every e-mail Handoff queued, sent, failed to send or stored, newest first (admin)',
      querystring: MailboxQuerySchema,
      response: { 200: MailboxPageSchema, ...problems(401, 403) },
    },
    handler: async (req) => {
      requireAdmin(req);
      const { limit, to } = req.query;
      const after = decodeCursor(MailCursorSchema, req.query.cursor);
      const rows = await listMail(db, { cursor: after?.i, limit, to });
      const { items, nextCursor } = page(rows, limit, (m) => ({ i: m.id }));
      return {
        items: items.map(presentMail),
        nextCursor,
      };
    },
  });
}
