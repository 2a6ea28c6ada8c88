import type { FastifyInstance } from 'fastify';
import {
  BoardPageSchema,
  BoardQuerySchema,
  JobParamsSchema,
  PublicJobSchema,
} from '../../../core/contracts/jobs.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import type { createBoardService } from './board.ts';

/** OpenAPI: anonymous allowed ({}), and a signed-in caller may see more (invitations, membership). */
export const OPTIONAL_AUTH: { [scheme: string]: string[] }[] = [{}, { bearer: [] }, { cookie: [] }];

export interface BoardServices {
  board: ReturnType<typeof createBoardService>;
}

/** The job board and a job's public page: anonymous callers allowed. */
export function boardRoutes(app: FastifyInstance, s: BoardServices) {
  const r = typed(app);
  const tags = ['jobs'];

  r.get('/api/v1/jobs', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'The job board: open public jobs, full-text search over title, skills and summary, with filters',
      description:
        'Budgets compare within one kind (a fixed price’s total, an hourly job’s rate): `budgetMin`, ' +
        '`budgetMax` and `sort=budget` need `budgetType`. In a private workspace ' +
        '(`HANDOFF_MODE=workspace`) nothing is public and every page is empty.',
      security: OPTIONAL_AUTH,
      querystring: BoardQuerySchema,
      response: { 200: BoardPageSchema, ...problems(401) },
    },
    handler: (req) => s.board.search(req.query),
  });

  r.get('/api/v1/jobs/:jobId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A job’s public brief (never its specification) for whoever may read it',
      security: OPTIONAL_AUTH,
      params: JobParamsSchema,
      response: { 200: PublicJobSchema, ...problems(401, 404) },
    },
    handler: (req) =>
      s.board.publicJob({ userId: req.caller?.userId ?? null, jobId: req.params.jobId }),
  });
}
