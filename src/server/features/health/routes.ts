import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MetaSchema, type Meta } from '../../../core/contracts/accounts.ts';
import type pg from 'pg';
import { typed } from '../../lib/route-kit.ts';
import { HEALTH_ACCESS } from './policy.ts';

const Status = z.object({ status: z.enum(['ok', 'unavailable']) });

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers). */
export function healthRoutes(app: FastifyInstance, { pool, meta }: { pool: pg.Pool; meta: Meta }) {
  const r = typed(app);
  r.get('/healthz', {
    config: { access: HEALTH_ACCESS },
    schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Status } },
    handler: async () => ({ status: 'ok' as const }),
  });
  r.get('/readyz', {
    config: { access: HEALTH_ACCESS },
    schema: {
      tags: ['operations'],
      summary: 'The database answers',
      response: { 200: Status, 503: Status },
    },
    handler: async (_req, reply) => {
      try {
        await pool.query('select 1');
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' });
      }
    },
  });
  r.get('/api/v1/meta', {
    config: { access: HEALTH_ACCESS },
    schema: {
      tags: ['operations'],
      summary: 'Deployment mode, version, whether SMTP is set up, and the upload limit',
      response: { 200: MetaSchema },
    },
    handler: async () => meta,
  });
}
