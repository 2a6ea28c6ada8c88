import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ContractFileListSchema,
  ContractFileParamsSchema,
  ContractFileSchema,
  FileVersionParamsSchema,
  UploadFileQuerySchema,
} from '../../../core/contracts/contract-files.ts';
import { ContractParamsSchema } from '../../../core/contracts/offers.ts';
import { badRequest } from '../../lib/errors.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import { sendDownload } from '../jobs/attachment-routes.ts';
import type { createContractFileService } from './contract-files.ts';

export interface ContractFileServices {
  files: ReturnType<typeof createContractFileService>;
  maxUploadBytes: number;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });

/** A contract's versioned files (issue 12, item 5). */
export function contractFileRoutes(app: FastifyInstance, s: ContractFileServices) {
  const r = typed(app);
  const tags = ['files'];
  const base = '/api/v1/contracts/:contractId/files';

  r.get(base, {
    config: { access: 'files.read' },
    schema: {
      tags,
      summary: 'The contract’s files, recently changed first, each with all its versions',
      params: ContractParamsSchema,
      response: { 200: ContractFileListSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.files.list(scopeOf(req)),
  });

  rawBodyRoutes(
    app,
    ['application/octet-stream'],
    (scope) => {
      typed(scope).post(base, {
        config: { access: 'files.write' },
        bodyLimit: s.maxUploadBytes,
        schema: {
          tags,
          summary:
            'Upload a file: the raw file as the body, Content-Type application/octet-stream. A name the contract has (any case) adds a version',
          description:
            'The type is detected from the content; a name whose extension does not fit it gets one that does. A contract that has ended answers 409.',
          params: ContractParamsSchema,
          querystring: UploadFileQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: ContractFileSchema, ...problems(401, 403, 404, 409, 413, 415) },
        },
        handler: async (req, reply) => {
          if (!isStream(req.body)) {
            throw badRequest(
              'Send the file as the request body with Content-Type: application/octet-stream.',
              [{ path: 'body', message: 'Expected the file’s bytes' }],
            );
          }
          const file = await s.files.upload(scopeOf(req), req.query, req.body);
          return reply.status(201).send(file);
        },
      });
    },
    { maxBytes: s.maxUploadBytes },
  );

  r.get(`${base}/:fileId/versions/:version`, {
    config: { access: 'files.read' },
    schema: {
      tags,
      summary: 'Download one version of a file',
      params: FileVersionParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => sendDownload(reply, await s.files.open(scopeOf(req))),
  });

  r.delete(`${base}/:fileId`, {
    config: { access: 'files.write' },
    schema: {
      tags,
      summary: 'Delete a file you uploaded while it has only one version',
      description:
        'Once a file has a second version it is kept with all its versions (409): both sides rely on its history.',
      params: ContractFileParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.files.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });
}
