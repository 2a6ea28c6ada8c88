import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ContractMessageSchema,
  MarkReadSchema,
  MessageAttachmentParamsSchema,
  MessageAttachmentQuerySchema,
  MessageAttachmentSchema,
  MessagePageQuerySchema,
  MessagePageSchema,
  MessageParamsSchema,
  SendMessageSchema,
  MessagesUnreadSchema,
  UnreadListSchema,
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
      summary: 'Send a message (Markdown); attach files to it afterwards',
      description:
        'The other side is notified once per burst: not again until they have read this message. A contract that has ended (or was declined or withdrawn) answers 409.',
      params: ContractParamsSchema,
      body: SendMessageSchema,
      response: { 201: ContractMessageSchema, ...problems(401, 403, 404, 409) },
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
      typed(scope).post(`${base}/:messageId/attachments`, {
        config: { access: 'messages.write' },
        bodyLimit: s.maxUploadBytes,
        schema: {
          tags,
          summary:
            'Attach a file to your message shortly after sending it: the raw file as the body, Content-Type application/octet-stream',
          params: MessageParamsSchema,
          querystring: MessageAttachmentQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: MessageAttachmentSchema, ...problems(401, 403, 404, 409, 413, 415) },
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
