import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AnswerQuestionSchema,
  AskQuestionSchema,
  BidAttachmentParamsSchema,
  BidAttachmentQuerySchema,
  BidAttachmentSchema,
  BidParamsSchema,
  BidSchema,
  BusinessBidAttachmentParamsSchema,
  BusinessQuestionSchema,
  HubSchema,
  JobQuestionsSchema,
  JobViewerSchema,
  MyQuestionSchema,
  QuestionParamsSchema,
  SaveBidSchema,
  SavedJobSchema,
} from '../../../core/contracts/bids.ts';
import { listOf } from '../../../core/contracts/common.ts';
import { BusinessJobParamsSchema, JobParamsSchema } from '../../../core/contracts/jobs.ts';
import { requireCaller } from '../../lib/caller.ts';
import { badRequest } from '../../lib/errors.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import { sendDownload } from '../jobs/attachment-routes.ts';
import { OPTIONAL_AUTH } from '../jobs/board-routes.ts';
import type { createBidAttachmentService } from './bid-attachments.ts';
import type { createBidService } from './bids.ts';
import type { createQuestionService } from './questions.ts';
import type { createSavedJobService } from './saved-jobs.ts';

export interface BidServices {
  bids: ReturnType<typeof createBidService>;
  attachments: ReturnType<typeof createBidAttachmentService>;
  questions: ReturnType<typeof createQuestionService>;
  saved: ReturnType<typeof createSavedJobService>;
  maxUploadBytes: number;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });

/** Bids, clarification questions, saved jobs and declining an invitation (issue 11, items 0–2). */
export function bidRoutes(app: FastifyInstance, s: BidServices) {
  const r = typed(app);
  const tags = ['bids'];

  r.get('/api/v1/jobs/:jobId/viewer', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary:
        'What you may do on a job’s page: your bid, saved, your invitation, or your business',
      params: JobParamsSchema,
      response: { 200: JobViewerSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.bids.viewer(scopeOf(req)),
  });

  r.post('/api/v1/jobs/:jobId/bids', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Send a bid on an open job you may read (professionals)',
      description:
        'One live bid per professional per job: a second is a 409 naming the first (a withdrawn bid does not count). ' +
        'Fixed-price milestones must add up to the total; every screening question of the job needs an answer (`answers`, in the job’s order). ' +
        'A draft, closed or unreadable job is a 404.',
      params: JobParamsSchema,
      body: SaveBidSchema,
      response: { 201: BidSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.bids.create(scopeOf(req), req.body)),
  });

  r.get('/api/v1/bids', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Your bids, latest first, each with what waits on you next',
      response: { 200: HubSchema, ...problems(401) },
    },
    handler: (req) => s.bids.mine({ userId: requireCaller(req).userId }),
  });

  r.get('/api/v1/bids/:bidId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'One of your bids (anyone else’s is a 404)',
      params: BidParamsSchema,
      response: { 200: BidSchema, ...problems(401, 404) },
    },
    handler: (req) => s.bids.get(scopeOf(req)),
  });

  r.put('/api/v1/bids/:bidId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Replace your bid’s terms while it is submitted (409 once shortlisted or decided)',
      params: BidParamsSchema,
      body: SaveBidSchema,
      response: { 200: BidSchema, ...problems(401, 404, 409) },
    },
    handler: (req) => s.bids.update(scopeOf(req), req.body),
  });

  r.post('/api/v1/bids/:bidId/withdraw', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Withdraw your bid (any time before the award)',
      params: BidParamsSchema,
      response: { 200: BidSchema, ...problems(401, 404, 409) },
    },
    handler: (req) => s.bids.withdraw(scopeOf(req)),
  });

  rawBodyRoutes(
    app,
    ['application/octet-stream'],
    (scope) => {
      typed(scope).post('/api/v1/bids/:bidId/attachments', {
        config: { access: 'signedIn' },
        bodyLimit: s.maxUploadBytes,
        schema: {
          tags,
          summary:
            'Attach a file to your bid while it is submitted: the raw file as the body, Content-Type application/octet-stream',
          params: BidParamsSchema,
          querystring: BidAttachmentQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: BidAttachmentSchema, ...problems(401, 404, 409, 413, 415) },
        },
        handler: async (req, reply) => {
          if (!isStream(req.body)) {
            throw badRequest(
              'Send the file as the request body with Content-Type: application/octet-stream.',
              [{ path: 'body', message: 'Expected the file’s bytes' }],
            );
          }
          const attachment = await s.attachments.upload(scopeOf(req), req.query, req.body);
          return reply.status(201).send(attachment);
        },
      });
    },
    { maxBytes: s.maxUploadBytes },
  );

  r.get('/api/v1/bids/:bidId/attachments/:attachmentId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Download a file of your bid',
      params: BidAttachmentParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 404) },
    },
    handler: async (req, reply) => sendDownload(reply, await s.attachments.openOwn(scopeOf(req))),
  });

  r.delete('/api/v1/bids/:bidId/attachments/:attachmentId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Remove a file from your bid while it is submitted',
      params: BidAttachmentParamsSchema,
      response: { 204: NoContent, ...problems(401, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.attachments.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/businesses/:businessId/jobs/:jobId/bids/:bidId/attachments/:attachmentId', {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'Download a file of a bid on the business’s job',
      params: BusinessBidAttachmentParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) =>
      sendDownload(reply, await s.attachments.openForBusiness(scopeOf(req))),
  });

  // Clarification questions.

  r.get('/api/v1/jobs/:jobId/questions', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A job’s answered questions (the asker is never named), and your own',
      security: OPTIONAL_AUTH,
      params: JobParamsSchema,
      response: { 200: JobQuestionsSchema, ...problems(401, 403, 404) },
    },
    handler: (req) =>
      s.questions.list({ userId: req.caller?.userId ?? null, jobId: req.params.jobId }),
  });

  r.post('/api/v1/jobs/:jobId/questions', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Ask the business a question on an open job you may read',
      description:
        'The business answers; the answer is shown on the job to everyone who may read it, without naming you.',
      params: JobParamsSchema,
      body: AskQuestionSchema,
      response: { 201: MyQuestionSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.questions.ask(scopeOf(req), req.body)),
  });

  r.get('/api/v1/businesses/:businessId/jobs/:jobId/questions', {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary:
        'Every question on the job, unanswered first (whether the asker has a bid, never who)',
      params: BusinessJobParamsSchema,
      response: { 200: listOf(BusinessQuestionSchema), ...problems(401, 403, 404) },
    },
    handler: (req) => s.questions.forBusiness(scopeOf(req)),
  });

  r.put('/api/v1/businesses/:businessId/jobs/:jobId/questions/:questionId/answer', {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Answer a question (or correct the answer); the asker is told of the first answer',
      params: QuestionParamsSchema,
      body: AnswerQuestionSchema,
      response: { 200: BusinessQuestionSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.questions.answer(scopeOf(req), req.body),
  });

  // Saved jobs and invitations.

  r.get('/api/v1/me/saved-jobs', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'The jobs you saved for later that you may still read, latest saved first',
      response: { 200: listOf(SavedJobSchema), ...problems(401) },
    },
    handler: (req) => s.saved.list({ userId: requireCaller(req).userId }),
  });

  r.put('/api/v1/me/saved-jobs/:jobId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Save a job you may read for later (saving again changes nothing)',
      params: JobParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.saved.save(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.delete('/api/v1/me/saved-jobs/:jobId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Remove a job from your saved jobs',
      params: JobParamsSchema,
      response: { 204: NoContent, ...problems(401) },
    },
    handler: async (req, reply) => {
      await s.saved.unsave(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/jobs/:jobId/invitation/decline', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Decline your invitation to a job: it leaves your invited jobs',
      params: JobParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.saved.declineInvitation(scopeOf(req));
      return reply.status(204).send(null);
    },
  });
}
