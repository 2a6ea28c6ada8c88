import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listOf } from '../../../core/contracts/common.ts';
import { BusinessJobParamsSchema } from '../../../core/contracts/jobs.ts';
import {
  CreateTrialSchema,
  DeclineTrialSchema,
  MyTrialFileParamsSchema,
  MyTrialParamsSchema,
  MyTrialSchema,
  MyTrialSummarySchema,
  ScoreTrialSchema,
  SubmitTrialSchema,
  TrialCandidateSchema,
  TrialFileParamsSchema,
  TrialFileQuerySchema,
  TrialFileSchema,
  TrialParamsSchema,
  TrialParticipantParamsSchema,
  TrialParticipantSchema,
  TrialSchema,
} from '../../../core/contracts/trials.ts';
import { requireCaller } from '../../lib/caller.ts';
import { badRequest } from '../../lib/errors.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import { sendDownload } from '../jobs/attachment-routes.ts';
import type { createParticipationService } from './participation.ts';
import type { createTrialService } from './trials.ts';

export interface TrialServices {
  trials: ReturnType<typeof createTrialService>;
  participation: ReturnType<typeof createParticipationService>;
  maxUploadBytes: number;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });

/** Trials: the business's routes under a job, the professional's under /trials/:trialId. */
export function trialRoutes(app: FastifyInstance, s: TrialServices) {
  const r = typed(app);
  const tags = ['trials'];
  const base = '/api/v1/businesses/:businessId/jobs/:jobId/trials';
  const one = `${base}/:trialId`;

  r.get(base, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'The job’s trials, newest first, with every participant’s submission and score',
      params: BusinessJobParamsSchema,
      response: { 200: listOf(TrialSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({ items: await s.trials.list(scopeOf(req)) }),
  });

  r.get(`${base}/candidates`, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'The job’s shortlisted bids: who may be invited to a trial',
      params: BusinessJobParamsSchema,
      response: { 200: listOf(TrialCandidateSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({ items: await s.trials.candidates(scopeOf(req)) }),
  });

  r.post(base, {
    config: { access: 'trials.manage' },
    schema: {
      tags,
      summary: 'Send a trial to 1–5 shortlisted bids at once',
      description:
        'Each professional is notified. Rubric weights are relative (they need not add up to 100). A bid that is not the job’s is a 400 naming it; a bid that is not shortlisted, or a job that is not open, is a 409.',
      params: BusinessJobParamsSchema,
      body: CreateTrialSchema,
      response: { 201: TrialSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.trials.create(scopeOf(req), req.body)),
  });

  r.post(`${one}/cancel`, {
    config: { access: 'trials.manage' },
    schema: {
      tags,
      summary: 'Cancel a trial; its participants are told, submissions are kept',
      params: TrialParamsSchema,
      response: { 200: TrialSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.trials.cancel(scopeOf(req)),
  });

  r.put(`${one}/participants/:professionalId/score`, {
    config: { access: 'trials.manage' },
    schema: {
      tags,
      summary: 'Score a submission: 0–5 points per rubric criterion, weighted into 0–100',
      params: TrialParticipantParamsSchema,
      body: ScoreTrialSchema,
      response: { 200: TrialParticipantSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.trials.score(scopeOf(req), req.body),
  });

  r.get(`${one}/files/:fileId`, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'Download a file of a submission',
      params: TrialFileParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => sendDownload(reply, await s.trials.openFile(scopeOf(req))),
  });

  // The professional's side: their own participation, 404 for anyone else.
  const mine = '/api/v1/trials/:trialId';

  r.get('/api/v1/me/trials', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'The trials you are invited to, newest first',
      response: { 200: listOf(MyTrialSummarySchema), ...problems(401) },
    },
    handler: async (req) => ({
      items: await s.participation.mine({ userId: requireCaller(req).userId }),
    }),
  });

  r.get(mine, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'A trial you are invited to, with your own participation',
      params: MyTrialParamsSchema,
      response: { 200: MyTrialSchema, ...problems(401, 404) },
    },
    handler: async (req) => s.participation.get(scopeOf(req)),
  });

  r.post(`${mine}/accept`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Accept a trial',
      params: MyTrialParamsSchema,
      response: { 200: MyTrialSchema, ...problems(401, 404, 409) },
    },
    handler: async (req) => s.participation.accept(scopeOf(req)),
  });

  r.post(`${mine}/decline`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Decline a trial, with an optional reason for the business',
      params: MyTrialParamsSchema,
      body: DeclineTrialSchema,
      response: { 200: MyTrialSchema, ...problems(401, 404, 409) },
    },
    handler: async (req) => s.participation.decline(scopeOf(req), req.body.reason),
  });

  r.put(`${mine}/submission`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Submit (or resubmit before the deadline) notes, links and the uploaded files',
      description:
        'After the deadline a first submission is still accepted and marked `late`; a submission already sent can no longer be changed (409).',
      params: MyTrialParamsSchema,
      body: SubmitTrialSchema,
      response: { 200: MyTrialSchema, ...problems(401, 404, 409) },
    },
    handler: async (req) => s.participation.submit(scopeOf(req), req.body),
  });

  rawBodyRoutes(
    app,
    ['application/octet-stream'],
    (scope) => {
      typed(scope).post(`${mine}/files`, {
        config: { access: 'signedIn' },
        bodyLimit: s.maxUploadBytes,
        schema: {
          tags,
          summary:
            'Add a file to your trial work: the raw file as the body, Content-Type application/octet-stream',
          params: MyTrialParamsSchema,
          querystring: TrialFileQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: TrialFileSchema, ...problems(401, 404, 409, 413, 415) },
        },
        handler: async (req, reply) => {
          if (!isStream(req.body)) {
            throw badRequest(
              'Send the file as the request body with Content-Type: application/octet-stream.',
              [{ path: 'body', message: 'Expected the file’s bytes' }],
            );
          }
          const file = await s.participation.upload(scopeOf(req), req.query.name, req.body);
          return reply.status(201).send(file);
        },
      });
    },
    { maxBytes: s.maxUploadBytes },
  );

  r.get(`${mine}/files/:fileId`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Download one of your own trial files',
      params: MyTrialFileParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 404) },
    },
    handler: async (req, reply) =>
      sendDownload(reply, await s.participation.openFile(scopeOf(req))),
  });

  r.delete(`${mine}/files/:fileId`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Remove one of your own trial files (before the deadline once submitted)',
      params: MyTrialFileParamsSchema,
      response: { 204: NoContent, ...problems(401, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.participation.removeFile(scopeOf(req));
      return reply.status(204).send(null);
    },
  });
}
