import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { BusinessParamsSchema, listOf } from '../../../core/contracts/accounts.ts';
import {
  AuditEntrySchema,
  AuditParamsSchema,
  AuditSchema,
  AuditSummarySchema,
  AuditTaskSchema,
  BulkUpdateTasksSchema,
  CreateEntrySchema,
  EntriesPageSchema,
  EntriesQuerySchema,
  EntryParamsSchema,
  ImportQuerySchema,
  ImportResultSchema,
  JobDraftSchema,
  StartAuditSchema,
  StartTimerSchema,
  TaskParamsSchema,
  TimerSchema,
  UpdateAuditSchema,
  UpdateEntrySchema,
  UpdateTaskSchema,
} from '../../../core/contracts/audit.ts';
import { IMPORT_PRESETS, type ColumnMapping } from '../../../core/time-log-import.ts';
import { scopeOf } from '../../lib/scope.ts';
import { badRequest } from '../../lib/errors.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import type { createAuditService } from './audits.ts';
import type { createEntryService } from './entries.ts';
import type { createExportService } from './exports.ts';
import type { createImportService } from './import.ts';
import type { createSummaryService } from './summary.ts';
import type { createTaskService } from './tasks.ts';
import type { createTimerService } from './timer.ts';

export interface AuditServices {
  audits: ReturnType<typeof createAuditService>;
  entries: ReturnType<typeof createEntryService>;
  tasks: ReturnType<typeof createTaskService>;
  timer: ReturnType<typeof createTimerService>;
  summary: ReturnType<typeof createSummaryService>;
  importTimeLog: ReturnType<typeof createImportService>;
  exports: ReturnType<typeof createExportService>;
}

const base = '/api/v1/businesses/:businessId/audits';
const CsvSchema = z.string().meta({ description: 'CSV with a header row' });

/** Streams a CSV download; a stream is piped as it is, not serialized against the schema. */
function sendCsv(reply: FastifyReply, filename: string, csv: Readable) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}
const one = `${base}/:auditId`;

/** A preset's mapping with any explicitly given columns on top; names each missing field. */
function mappingFrom(q: Record<string, string | undefined>): ColumnMapping {
  const preset = q.preset
    ? IMPORT_PRESETS[q.preset as keyof typeof IMPORT_PRESETS].mapping
    : undefined;
  const pick = (k: keyof ColumnMapping) =>
    q[k] ?? (preset as Partial<Record<string, string>> | undefined)?.[k];
  const mapping = {
    date: pick('date') ?? '',
    task: pick('task') ?? '',
    duration: pick('duration'),
    durationUnit: (pick('durationUnit') ?? 'minutes') as ColumnMapping['durationUnit'],
    start: pick('start'),
    end: pick('end'),
    project: pick('project'),
    dateOrder: (pick('dateOrder') ?? 'ymd') as ColumnMapping['dateOrder'],
  };
  const errors: { path: string; message: string }[] = [];
  if (!mapping.date)
    errors.push({ path: 'querystring.date', message: 'Name the date column (or choose a preset)' });
  if (!mapping.task)
    errors.push({ path: 'querystring.task', message: 'Name the task column (or choose a preset)' });
  if (!mapping.duration && !(mapping.start && mapping.end)) {
    errors.push({
      path: 'querystring.duration',
      message: 'Name a duration column, or start and end columns',
    });
  }
  if (errors.length > 0) throw badRequest('The column mapping is incomplete.', errors);
  return mapping;
}

export function auditRoutes(app: FastifyInstance, s: AuditServices) {
  const r = typed(app);
  const tags = ['audit'];

  r.get(base, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'The business’s audits, newest first',
      params: BusinessParamsSchema,
      response: { 200: listOf(AuditSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({ items: await s.audits.list(scopeOf(req)) }),
  });
  r.post(base, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Start an audit of your own work (one active at a time)',
      params: BusinessParamsSchema,
      body: StartAuditSchema,
      response: { 201: AuditSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.audits.start(scopeOf(req), req.body)),
  });
  r.get(one, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'An audit',
      params: AuditParamsSchema,
      response: { 200: AuditSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.audits.get(scopeOf(req)),
  });
  r.patch(one, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Close an audit, change your hourly value, or move an open audit’s period',
      description:
        'A new period runs 7 to 90 days (400 naming the end otherwise) and must hold every day already logged (409 naming the end to move); a closed audit keeps its period (409).',
      params: AuditParamsSchema,
      body: UpdateAuditSchema,
      response: { 200: AuditSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => s.audits.update(scopeOf(req), req.body),
  });
  r.get(`${one}/summary`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Progress, ranked candidates, costs and hours by category',
      params: AuditParamsSchema,
      response: { 200: AuditSummarySchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.summary.summary(scopeOf(req)),
  });

  r.get(`${one}/entries`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Logged entries, newest first',
      params: AuditParamsSchema,
      querystring: EntriesQuerySchema,
      response: { 200: EntriesPageSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.entries.list(scopeOf(req), req.query),
  });
  r.post(`${one}/entries`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Quick add: log minutes on a task',
      params: AuditParamsSchema,
      body: CreateEntrySchema,
      response: { 201: AuditEntrySchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.entries.create(scopeOf(req), req.body)),
  });
  r.patch(`${one}/entries/:entryId`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Change an entry',
      params: EntryParamsSchema,
      body: UpdateEntrySchema,
      response: { 200: AuditEntrySchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.entries.update(scopeOf(req), req.body),
  });
  r.delete(`${one}/entries/:entryId`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Delete an entry',
      params: EntryParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.entries.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.get(`${one}/tasks`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'The distinct tasks with their totals and attributes',
      params: AuditParamsSchema,
      response: { 200: listOf(AuditTaskSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({
      items: await s.tasks.list(scopeOf(req)),
    }),
  });
  r.patch(`${one}/tasks/:taskId`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Set a task’s name, frequency, dislike, nature or category',
      params: TaskParamsSchema,
      body: UpdateTaskSchema,
      response: { 200: AuditTaskSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.tasks.update(scopeOf(req), req.body),
  });
  r.post(`${one}/tasks/bulk-update`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Set the nature and/or category of many tasks at once',
      params: AuditParamsSchema,
      body: BulkUpdateTasksSchema,
      response: { 200: listOf(AuditTaskSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({
      items: await s.tasks.bulkUpdate(scopeOf(req), req.body),
    }),
  });
  r.post(`${one}/tasks/:taskId/job-draft`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Hand this off: a job draft from a candidate',
      params: TaskParamsSchema,
      response: { 201: JobDraftSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await s.summary.draftJob(scopeOf(req))),
  });

  r.get(`${one}/timer`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Your running timer, or null',
      params: AuditParamsSchema,
      response: { 200: TimerSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.timer.get(scopeOf(req)),
  });
  r.post(`${one}/timer`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Start a timer on a task',
      params: AuditParamsSchema,
      body: StartTimerSchema,
      response: { 201: TimerSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.timer.start(scopeOf(req), req.body.taskName)),
  });
  r.post(`${one}/timer/stop`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Stop your timer and log its time',
      params: AuditParamsSchema,
      response: { 201: AuditEntrySchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await s.timer.stop(scopeOf(req))),
  });
  r.delete(`${one}/timer`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Discard your timer without logging',
      params: AuditParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.timer.discard(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  // Time logs are streamed straight into the importer, never buffered whole. Windows browsers
  // label .csv files application/vnd.ms-excel.
  rawBodyRoutes(app, ['text/csv', 'application/vnd.ms-excel'], (scope) => {
    typed(scope).post(`${one}/imports`, {
      config: { access: 'audit.manage' },
      schema: {
        tags,
        summary:
          'Import a time log (CSV body, Content-Type text/csv): a preset or an explicit column mapping',
        params: AuditParamsSchema,
        querystring: ImportQuerySchema,
        consumes: ['text/csv'],
        response: { 200: ImportResultSchema, ...problems(401, 403, 404, 409, 413, 415) },
      },
      handler: async (req) => {
        const scope = scopeOf(req);
        const body = req.body;
        if (!isStream(body)) {
          throw badRequest('Send the CSV file as the request body with Content-Type: text/csv.');
        }
        return s.importTimeLog(scope, mappingFrom(req.query), body, req.query.delimiter);
      },
    });
  });

  r.get(`${one}/entries.csv`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Export every entry as CSV',
      params: AuditParamsSchema,
      produces: ['text/csv'],
      response: { 200: CsvSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      const csv = await s.exports.entries(scopeOf(req));
      return sendCsv(reply, 'audit-entries.csv', csv);
    },
  });
  r.get(`${one}/candidates.csv`, {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Export the ranked candidates as CSV',
      params: AuditParamsSchema,
      produces: ['text/csv'],
      response: { 200: CsvSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      const csv = await s.exports.candidates(scopeOf(req));
      return sendCsv(reply, 'audit-candidates.csv', csv);
    },
  });

  r.get('/api/v1/businesses/:businessId/job-drafts', {
    config: { access: 'audit.manage' },
    schema: {
      tags,
      summary: 'Job drafts made from audit candidates',
      params: BusinessParamsSchema,
      response: { 200: listOf(JobDraftSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({ items: await s.summary.drafts(scopeOf(req)) }),
  });
}
