import type { FastifyInstance } from 'fastify';
import { ContractParamsSchema } from '../../../core/contracts/offers.ts';
import {
  ReportCommentInputSchema,
  ReportCommentSchema,
  ReportParamsSchema,
  ReportSchema,
  ReportSettingsInputSchema,
  ReportSettingsSchema,
  ReportsPageSchema,
  SubmitReportSchema,
} from '../../../core/contracts/reports.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createReportService } from './reports.ts';

const base = '/api/v1/contracts/:contractId/reports';

/** A contract's progress reports: the cadence, the reports, their comments. */
export function reportRoutes(
  app: FastifyInstance,
  reports: ReturnType<typeof createReportService>,
) {
  const r = typed(app);
  const tags = ['reports'];

  r.get(base, {
    config: { access: 'reports.read' },
    schema: {
      tags,
      summary: 'The cadence, the report asked for now, and every report with its comments',
      params: ContractParamsSchema,
      response: { 200: ReportsPageSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => reports.list(scopeOf(req)),
  });
  r.put(`${base}/settings`, {
    config: { access: 'contract.manage' },
    schema: {
      tags,
      summary: 'Set how often reports are due, and on which weekday of the business',
      params: ContractParamsSchema,
      body: ReportSettingsInputSchema,
      response: { 200: ReportSettingsSchema, ...problems(400, 401, 403, 404) },
    },
    handler: (req) => reports.configure(scopeOf(req), req.body),
  });
  r.post(base, {
    config: { access: 'reports.submit' },
    schema: {
      tags,
      summary: 'Send the report asked for now (marked late after its due day)',
      description:
        'The report answers the contract’s current due date. 409 when the contract is not active or reports are off.',
      params: ContractParamsSchema,
      body: SubmitReportSchema,
      response: { 201: ReportSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await reports.submit(scopeOf(req), req.body)),
  });
  r.post(`${base}/:reportId/comments`, {
    config: { access: 'reports.comment' },
    schema: {
      tags,
      summary: 'Comment on a report',
      params: ReportParamsSchema,
      body: ReportCommentInputSchema,
      response: { 201: ReportCommentSchema, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await reports.comment(scopeOf(req), req.body)),
  });
}
