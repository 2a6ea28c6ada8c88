import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CreateTimeEntrySchema,
  ReviewWeekSchema,
  RunningTimerSchema,
  StartContractTimerSchema,
  StoppedTimerSchema,
  TimeEntryParamsSchema,
  TimeEntrySchema,
  TimeExportQuerySchema,
  TimeParamsSchema,
  TimesheetQuerySchema,
  TimesheetSchema,
  TimeWeekParamsSchema,
  UpdateTimeEntrySchema,
} from '../../../core/contracts/time.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createReviewService } from './review.ts';
import type { createTrackingService } from './tracking.ts';

export interface TimeServices {
  tracking: ReturnType<typeof createTrackingService>;
  review: ReturnType<typeof createReviewService>;
}

const base = '/api/v1/contracts/:contractId/time';
const CsvSchema = z.string().meta({ description: 'CSV with a header row' });
const capRule =
  'The weekly cap counts every entry of the business’s week (Monday first, in its time zone); an entry that would pass it is a 409 naming the week’s hours, the cap and the entry.';

/** Streams a CSV download; a stream is piped as it is, not serialized against the schema. */
function sendCsv(reply: FastifyReply, filename: string, csv: Readable) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

/** Time on hourly contracts: the timer, entries, the weekly timesheet, its review, CSV. */
export function timeRoutes(app: FastifyInstance, s: TimeServices) {
  const r = typed(app);
  const tags = ['time'];

  r.get(base, {
    config: { access: 'time.read' },
    schema: {
      tags,
      summary: 'A week’s timesheet: the business’s week, entries, totals per day, cap, review',
      params: TimeParamsSchema,
      querystring: TimesheetQuerySchema,
      response: { 200: TimesheetSchema, ...problems(400, 401, 403, 404) },
    },
    handler: (req) => s.review.timesheet(scopeOf(req), req.query),
  });
  r.post(`${base}/timer`, {
    config: { access: 'time.track' },
    schema: {
      tags,
      summary: 'Start my timer on this contract',
      description:
        'One timer runs per person across all contracts: a second start is a 409 naming the running one. The contract must be hourly and active, and the week under its cap. Send an Idempotency-Key so a double click starts one timer.',
      params: TimeParamsSchema,
      body: StartContractTimerSchema,
      response: { 201: RunningTimerSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.tracking.start(scopeOf(req), req.body)),
  });
  r.post(`${base}/timer/stop`, {
    config: { access: 'time.track' },
    schema: {
      tags,
      summary: 'Stop my timer on this contract; the entry keeps what fits under the weekly cap',
      description:
        'Time past the weekly cap is cut (`trimmedMinutes`); an entry cut to nothing is dropped (`entry: null`).',
      params: TimeParamsSchema,
      response: { 200: StoppedTimerSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.tracking.stop(scopeOf(req)),
  });
  r.post(`${base}/entries`, {
    config: { access: 'time.track' },
    schema: {
      tags,
      summary: 'Log time worked: a start, minutes, a memo and optionally an issue (`#N`)',
      description: `${capRule} A week whose review window has closed (5 days after it ended) takes no more entries. Send an Idempotency-Key so a double click logs once.`,
      params: TimeParamsSchema,
      body: CreateTimeEntrySchema,
      response: { 201: TimeEntrySchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.tracking.create(scopeOf(req), req.body)),
  });
  r.patch(`${base}/entries/:entryId`, {
    config: { access: 'time.track' },
    schema: {
      tags,
      summary: 'Edit one of my entries not yet approved (a disputed one goes back to pending)',
      description: capRule,
      params: TimeEntryParamsSchema,
      body: UpdateTimeEntrySchema,
      response: { 200: TimeEntrySchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => s.tracking.update(scopeOf(req), req.body),
  });
  r.delete(`${base}/entries/:entryId`, {
    config: { access: 'time.track' },
    schema: {
      tags,
      summary: 'Delete one of my entries not yet approved',
      params: TimeEntryParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.tracking.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });
  r.post(`${base}/weeks/:weekStart/review`, {
    config: { access: 'time.review' },
    schema: {
      tags,
      summary: 'Approve or dispute a week’s entries awaiting review (a dispute says why)',
      description:
        'The week is named by its Monday in the business’s calendar. Approved entries are final; disputed ones go back to the professional to fix. 409 when nothing awaits review.',
      params: TimeWeekParamsSchema,
      body: ReviewWeekSchema,
      response: { 200: TimesheetSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => s.review.review(scopeOf(req), req.body),
  });
  r.get(`${base}/export.csv`, {
    config: { access: 'time.read' },
    schema: {
      tags,
      summary: 'Export the entries of a period (dates in the business’s calendar) as CSV',
      params: TimeParamsSchema,
      querystring: TimeExportQuerySchema,
      produces: ['text/csv'],
      response: { 200: CsvSchema, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const csv = await s.review.exportCsv(scopeOf(req), req.query);
      return sendCsv(reply, `time-${req.query.from}-${req.query.to}.csv`, csv);
    },
  });
}
