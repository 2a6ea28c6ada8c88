import type { FastifyInstance } from 'fastify';
import { BusinessParamsSchema } from '../../../core/contracts/common.ts';
import { DashboardSchema } from '../../../core/contracts/reports.ts';
import { requireCaller } from '../../lib/caller.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createDashboardService } from './dashboard.ts';

/** The owner's dashboard of running contracts, and the professional's mirror of it. */
export function dashboardRoutes(
  app: FastifyInstance,
  dashboard: ReturnType<typeof createDashboardService>,
) {
  const r = typed(app);
  const tags = ['contracts'];

  r.get('/api/v1/businesses/:businessId/contracts/dashboard', {
    config: { access: 'contracts.read' },
    schema: {
      tags,
      summary: 'The business’s running contracts at a glance: health, hours, budget, reports',
      params: BusinessParamsSchema,
      response: { 200: DashboardSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => dashboard.forBusiness(scopeOf(req)),
  });
  r.get('/api/v1/me/contracts/dashboard', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'My running contracts at a glance, as their businesses see them',
      response: { 200: DashboardSchema, ...problems(401) },
    },
    handler: (req) => dashboard.mine({ userId: requireCaller(req).userId }),
  });
}
