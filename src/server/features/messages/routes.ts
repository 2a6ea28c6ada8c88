import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ContractMessageSchema,
  MarkReadSchema,
  MessageAttachmentParamsSchema,
  MessagePageQuerySchema,
  MessagePageSchema,
  MessageUploadQuerySchema,
  MessageUploadSchema,
  SendMessageSchema,
  MessagesUnreadSchema,
  UnreadListSchema,
  MAX_PENDING_UPLOADS,
  UPLOAD_KEEP_HOURS,
} from '../../../core/contracts/messages.ts';
import { ContractParamsSchema } from '../../../core/contracts/offers.ts';
import { requireCaller } from '../../lib/caller.ts';
import { badRequest } from '../../lib/errors.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import { sendDownload } from '../jobs/attachment-routes.ts';
import type { createMessageAttachmentService } from './attachments.ts';
import type { createMessageService } from './messages.ts';

export interface MessageServices {
  messages: ReturnType<typeof createMessageService>;
  attachments: ReturnType<typeof createMessageAttachmentService>;
  maxUploadBytes: number;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });

/** A contract's messages and their attachments (issue 12, item 5). */
export function messageRoutes(app: FastifyInstance, s: MessageServices) {
  const r = typed(app);
  const tags = ['messages'];
  const base = '/api/v1/contracts/:contractId/messages';

  r.get(base, {
    config: { access: 'messages.read' },
    schema: {
      tags,
      summary: 'The contract’s messages, newest page first (oldest first within a page)',
      params: ContractParamsSchema,
      querystring: MessagePageQuerySchema,
      response: { 200: MessagePageSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.messages.list(scopeOf(req), req.query),
  });

  r.post(base, {
    config: { access: 'messages.write' },
    schema: {
      tags,
      summary: 'Send a message (Markdown) with the files uploaded for it, in one step',
      description:
        '`uploadIds` names files uploaded first (`POST …/messages/uploads`); they become the message’s attachments in its transaction, and one that is not the caller’s waiting upload on this contract is a 400 naming it. The other side is notified once per burst: not again until they have read this message. A contract that has ended (or was declined or withdrawn) answers 409. Send an Idempotency-Key so a double click sends one message.',
      params: ContractParamsSchema,
      body: SendMessageSchema,
      response: { 201: ContractMessageSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.messages.send(scopeOf(req), req.body)),
  });

  r.post(`${base}/read`, {
    config: { access: 'messages.read' },
    schema: {
      tags,
      summary: 'Mark the messages read up to one you have shown; answers what stays unread',
      params: ContractParamsSchema,
      body: MarkReadSchema,
      response: { 200: MessagesUnreadSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.messages.markRead(scopeOf(req), req.body),
  });

  r.get('/api/v1/me/contracts/unread', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'My unread messages per contract (contracts with none are left out)',
      response: { 200: UnreadListSchema, ...problems(401) },
    },
    handler: (req) => s.messages.unread({ userId: requireCaller(req).userId }),
  });

  rawBodyRoutes(
    app,
    ['application/octet-stream'],
    (scope) => {
      typed(scope).post(`${base}/uploads`, {
        config: { access: 'messages.write' },
        bodyLimit: s.maxUploadBytes,
        schema: {
          tags,
          summary:
            'Upload a file for your next message: the raw file as the body, Content-Type application/octet-stream',
          description: `Answers the upload's id; sending the message with it in \`uploadIds\` attaches it in the same step, so nobody sees the message without its files. An upload not sent within ${UPLOAD_KEEP_HOURS} hours is deleted; at most ${MAX_PENDING_UPLOADS} wait at a time (409). A contract that has ended answers 409.`,
          params: ContractParamsSchema,
          querystring: MessageUploadQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: MessageUploadSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
        },
        handler: async (req, reply) => {
          if (!isStream(req.body)) {
            throw badRequest(
              'Send the file as the request body with Content-Type: application/octet-stream.',
              [{ path: 'body', message: 'Expected the file’s bytes' }],
            );
          }
          const upload = await s.attachments.upload(scopeOf(req), req.query, req.body);
          return reply.status(201).send(upload);
        },
      });
    },
    { maxBytes: s.maxUploadBytes },
  );

  r.get(`${base}/:messageId/attachments/:attachmentId`, {
    config: { access: 'messages.read' },
    schema: {
      tags,
      summary: 'Download a message’s attachment',
      params: MessageAttachmentParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => sendDownload(reply, await s.attachments.open(scopeOf(req))),
  });
}
