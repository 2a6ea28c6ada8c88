import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  AttachmentParamsSchema,
  AttachmentQuerySchema,
  AttachmentSchema,
  BusinessAttachmentParamsSchema,
  BusinessJobParamsSchema,
} from '../../../core/contracts/jobs.ts';
import { badRequest } from '../../lib/errors.ts';
import { contentDisposition } from '../../lib/files.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { Download, createAttachmentService } from './attachments.ts';
import { OPTIONAL_AUTH } from './board-routes.ts';

export interface AttachmentServices {
  attachments: ReturnType<typeof createAttachmentService>;
  /** The largest upload accepted (MAX_UPLOAD_MB). */
  maxUploadBytes: number;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });

/**
 * Streams a stored file as a download. The type is the one detected at upload, never the
 * uploader's; `attachment` and `nosniff` keep browsers from rendering it inside our origin, and
 * the sandboxing CSP covers a browser that would anyway.
 */
export function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .type(file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

export function attachmentRoutes(app: FastifyInstance, s: AttachmentServices) {
  const r = typed(app);
  const tags = ['jobs'];
  const base = '/api/v1/businesses/:businessId/jobs/:jobId/attachments';

  // Uploads are streamed to disk as they arrive; the declared length is checked up front and
  // the store counts the bytes too, for uploads that declare none.
  rawBodyRoutes(
    app,
    ['application/octet-stream'],
    (scope) => {
      typed(scope).post(base, {
        config: { access: 'jobs.manage' },
        bodyLimit: s.maxUploadBytes,
        schema: {
          tags,
          summary:
            'Attach a file to the brief (public with it) or the specification (confidential): the raw file as the body, Content-Type application/octet-stream',
          params: BusinessJobParamsSchema,
          querystring: AttachmentQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: AttachmentSchema, ...problems(401, 403, 404, 409, 413, 415) },
        },
        handler: async (req, reply) => {
          const scope = scopeOf(req);
          if (!isStream(req.body)) {
            throw badRequest(
              'Send the file as the request body with Content-Type: application/octet-stream.',
              [{ path: 'body', message: 'Expected the file’s bytes' }],
            );
          }
          const attachment = await s.attachments.upload(scope, req.query, req.body);
          return reply.status(201).send(attachment);
        },
      });
    },
    { maxBytes: s.maxUploadBytes },
  );

  r.get(`${base}/:attachmentId`, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'Download an attachment of either layer (members of the business)',
      params: BusinessAttachmentParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      return sendDownload(reply, await s.attachments.open(scopeOf(req)));
    },
  });

  r.delete(`${base}/:attachmentId`, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Remove an attachment',
      params: BusinessAttachmentParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.attachments.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/jobs/:jobId/attachments/:attachmentId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Download a brief attachment, for whoever may read the job’s brief',
      security: OPTIONAL_AUTH,
      params: AttachmentParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 404) },
    },
    handler: async (req, reply) => {
      const file = await s.attachments.openPublic({
        ...req.params,
        userId: req.caller?.userId ?? null,
      });
      return sendDownload(reply, file);
    },
  });
}
