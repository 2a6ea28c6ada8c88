import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ContractParamsSchema } from '../../../core/contracts/offers.ts';
import {
  CreateWorkIssueCommentSchema,
  CreateWorkIssueSchema,
  MoveWorkIssueSchema,
  UpdateWorkIssueSchema,
  WorkIssueAttachmentParamsSchema,
  WorkIssueAttachmentQuerySchema,
  WorkIssueAttachmentSchema,
  WorkIssueBoardSchema,
  WorkIssueCommentSchema,
  WorkIssueDetailSchema,
  WorkIssueListQuerySchema,
  WorkIssueParamsSchema,
  WorkIssueSchema,
} from '../../../core/contracts/work-issues.ts';
import { badRequest } from '../../lib/errors.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import { sendDownload } from '../jobs/attachment-routes.ts';
import type { createDiscussionService } from './discussion.ts';
import type { createWorkIssueService } from './issues.ts';

export interface WorkIssueServices {
  issues: ReturnType<typeof createWorkIssueService>;
  discussion: ReturnType<typeof createDiscussionService>;
  maxUploadBytes: number;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });
const base = '/api/v1/contracts/:contractId/issues';
const one = `${base}/:number`;
const WRITE_NOTE =
  'Only while the contract runs (active or paused): an offer or an ended contract answers 409.';

/** The contract's issues, for its parties as the permissions table allows (others: 404). */
export function workIssueRoutes(app: FastifyInstance, s: WorkIssueServices) {
  const r = typed(app);
  const tags = ['work-issues'];

  r.get(base, {
    config: { access: 'issues.read' },
    schema: {
      tags,
      summary:
        'A page of the contract’s issues (board order by default), its people and its labels',
      description:
        'Filters combine: status, priority, label, assignee (an id or `none`) and `q` (words of the title or description, or `#N`). Pages of `limit` (at most 100): pass `nextCursor` back as `cursor` with the same filters and sort; a cursor of another sort is a 400. People and labels come on every page.',
      params: ContractParamsSchema,
      querystring: WorkIssueListQuerySchema,
      response: { 200: WorkIssueBoardSchema, ...problems(400, 401, 403, 404) },
    },
    handler: (req) => s.issues.list(scopeOf(req), req.query),
  });
  r.post(base, {
    config: { access: 'issues.write' },
    schema: {
      tags,
      summary: 'Open an issue, numbered `#N` in the contract, at the bottom of the open column',
      description: `The assignee must be a person on the contract, who is told. ${WRITE_NOTE}`,
      params: ContractParamsSchema,
      body: CreateWorkIssueSchema,
      response: { 201: WorkIssueDetailSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.issues.create(scopeOf(req), req.body)),
  });
  r.get(one, {
    config: { access: 'issues.read' },
    schema: {
      tags,
      summary: 'One issue with its description, comments and files',
      params: WorkIssueParamsSchema,
      response: { 200: WorkIssueDetailSchema, ...problems(400, 401, 403, 404) },
    },
    handler: (req) => s.issues.get(scopeOf(req)),
  });
  r.patch(one, {
    config: { access: 'issues.write' },
    schema: {
      tags,
      summary: 'Edit an issue; a new status puts it at the bottom of that column',
      description: `Done and won’t do close the issue (closedAt); another status reopens it. ${WRITE_NOTE}`,
      params: WorkIssueParamsSchema,
      body: UpdateWorkIssueSchema,
      response: { 200: WorkIssueDetailSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => s.issues.update(scopeOf(req), req.body),
  });
  r.post(`${one}/move`, {
    config: { access: 'issues.write' },
    schema: {
      tags,
      summary: 'Move a card on the board: its column and its place there (0 = top)',
      description: `The place counts the column’s other cards as they stand when the move is made, so two people moving at once end in one consistent order. ${WRITE_NOTE}`,
      params: WorkIssueParamsSchema,
      body: MoveWorkIssueSchema,
      response: { 200: WorkIssueSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => s.issues.move(scopeOf(req), req.body),
  });
  r.post(`${one}/comments`, {
    config: { access: 'issues.write' },
    schema: {
      tags,
      summary: 'Comment on an issue (Markdown; `#N` links to that issue)',
      description: `Whoever opened the issue, is assigned it or commented on it before is told. ${WRITE_NOTE}`,
      params: WorkIssueParamsSchema,
      body: CreateWorkIssueCommentSchema,
      response: { 201: WorkIssueCommentSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.discussion.comment(scopeOf(req), req.body.body)),
  });
  r.get(`${one}/attachments/:attachmentId`, {
    config: { access: 'issues.read' },
    schema: {
      tags,
      summary: 'Download a file attached to an issue',
      params: WorkIssueAttachmentParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) =>
      sendDownload(reply, await s.discussion.openAttachment(scopeOf(req))),
  });

  rawBodyRoutes(
    app,
    ['application/octet-stream'],
    (scope) => {
      typed(scope).post(`${one}/attachments`, {
        config: { access: 'issues.write' },
        bodyLimit: s.maxUploadBytes,
        schema: {
          tags,
          summary:
            'Attach a file to an issue: the raw file as the body, Content-Type application/octet-stream',
          description: WRITE_NOTE,
          params: WorkIssueParamsSchema,
          querystring: WorkIssueAttachmentQuerySchema,
          consumes: ['application/octet-stream'],
          response: {
            201: WorkIssueAttachmentSchema,
            ...problems(400, 401, 403, 404, 409, 413, 415),
          },
        },
        handler: async (req, reply) => {
          if (!isStream(req.body)) {
            throw badRequest(
              'Send the file as the request body with Content-Type: application/octet-stream.',
              [{ path: 'body', message: 'Expected the file’s bytes' }],
            );
          }
          const file = await s.discussion.upload(scopeOf(req), req.query.name, req.body);
          return reply.status(201).send(file);
        },
      });
    },
    { maxBytes: s.maxUploadBytes },
  );
}
