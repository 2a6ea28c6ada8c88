import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ModerateProfileParamsSchema,
  ModerateProfileSchema,
  ModerationResultSchema,
  MyProfileSchema,
  PortfolioFileParamsSchema,
  ProfileFileParamsSchema,
  ProfileFileQuerySchema,
  ProfileFileSchema,
  ProSlugParamsSchema,
  PublicProfileSchema,
  SaveProfileSchema,
  UploadNameQuerySchema,
} from '../../../core/contracts/profiles.ts';
import { requireCaller } from '../../lib/caller.ts';
import { badRequest } from '../../lib/errors.ts';
import { contentDisposition } from '../../lib/files.ts';
import { isStream, rawBodyRoutes } from '../../lib/raw-body.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { OPTIONAL_AUTH } from '../jobs/board-routes.ts';
import type { createProfileFileService, ProfileDownload } from './profile-files.ts';
import type { createProfileService } from './profiles.ts';
import type { createPublicProfileService } from './public-profile.ts';

export interface ProfileServices {
  profiles: ReturnType<typeof createProfileService>;
  files: ReturnType<typeof createProfileFileService>;
  publicProfiles: ReturnType<typeof createPublicProfileService>;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });

/**
 * Streams a profile file. Its type is the one we produced (re-encoded images) or detected;
 * `nosniff` and the sandboxing CSP keep a browser from running anything in our origin. Images
 * are `inline` (shown in the page, opened in a tab), other files downloads. Only a public
 * profile's files may sit in shared caches.
 */
function sendFile(reply: FastifyReply, file: ProfileDownload) {
  const disposition = contentDisposition(file.name);
  reply
    .type(file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType)
    .header(
      'content-disposition',
      file.inline ? disposition.replace(/^attachment/, 'inline') : disposition,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-site')
    .header('cache-control', file.isPublic ? 'public, max-age=300' : 'private, no-store');
  if (file.size !== null) reply.header('content-length', file.size);
  return reply.send(file.body);
}

const caller = (req: { caller: { userId: string; isAdmin: boolean } | null }) => req.caller;

export function profileRoutes(app: FastifyInstance, s: ProfileServices) {
  const r = typed(app);
  const tags = ['profiles'];

  r.get('/api/v1/me/profile', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Your professional profile, with its completeness and what is missing',
      response: { 200: MyProfileSchema, ...problems(401, 404) },
    },
    handler: (req) => s.profiles.getMine(requireCaller(req)),
  });

  r.put('/api/v1/me/profile', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary:
        'Save your whole professional profile; send the `updatedAt` you loaded as `expectedUpdatedAt` (409 when it changed since)',
      body: SaveProfileSchema,
      response: { 200: MyProfileSchema, ...problems(401, 404, 409) },
    },
    handler: (req) => s.profiles.save(requireCaller(req), req.body),
  });

  rawBodyRoutes(
    app,
    ['application/octet-stream'],
    (scope) => {
      typed(scope).post('/api/v1/me/profile/photo', {
        config: { access: 'signedIn' },
        bodyLimit: s.files.limits.photo,
        schema: {
          tags,
          summary:
            'Set your photo: the raw image as the body (Content-Type application/octet-stream); re-encoded, metadata removed',
          querystring: UploadNameQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: ProfileFileSchema, ...problems(401, 404, 413, 415) },
        },
        handler: async (req, reply) => {
          if (!isStream(req.body)) throw noBody();
          const file = await s.files.upload(
            requireCaller(req),
            { kind: 'photo' },
            req.query.name,
            req.body,
          );
          return reply.status(201).send(file);
        },
      });
      typed(scope).post('/api/v1/me/profile/portfolio/:itemId/files', {
        config: { access: 'signedIn' },
        bodyLimit: s.files.limits.portfolio,
        schema: {
          tags,
          summary:
            'Add an image or file to one of your portfolio items: the raw file as the body; images are re-encoded with a thumbnail',
          params: PortfolioFileParamsSchema,
          querystring: UploadNameQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 201: ProfileFileSchema, ...problems(401, 404, 409, 413, 415) },
        },
        handler: async (req, reply) => {
          if (!isStream(req.body)) throw noBody();
          const file = await s.files.upload(
            requireCaller(req),
            { kind: 'portfolio', itemId: req.params.itemId },
            req.query.name,
            req.body,
          );
          return reply.status(201).send(file);
        },
      });
    },
    { maxBytes: Math.max(s.files.limits.photo, s.files.limits.portfolio) },
  );

  r.delete('/api/v1/me/profile/files/:fileId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Remove your photo or a portfolio file',
      params: ProfileFileParamsSchema,
      response: { 204: NoContent, ...problems(401, 404) },
    },
    handler: async (req, reply) => {
      await s.files.remove(requireCaller(req), req.params.fileId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/profile-files/:fileId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'A profile photo or portfolio file (`variant=thumbnail` for an image’s small version), for whoever may read the profile',
      security: OPTIONAL_AUTH,
      params: ProfileFileParamsSchema,
      querystring: ProfileFileQuerySchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 404) },
    },
    handler: async (req, reply) =>
      sendFile(reply, await s.files.open(req.params.fileId, req.query.variant, caller(req))),
  });

  r.get('/api/v1/pros/:slug', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A professional’s public profile (404 when hidden, moderated or unknown)',
      security: OPTIONAL_AUTH,
      params: ProSlugParamsSchema,
      response: { 200: PublicProfileSchema, ...problems(401, 404) },
    },
    handler: (req) => s.publicProfiles.get(req.params.slug, caller(req)),
  });

  r.put('/api/v1/admin/profiles/:userId/moderation', {
    config: { access: 'profiles.moderate' },
    schema: {
      tags: ['admin'],
      summary:
        'Hide a professional’s profile for moderation (with the reason they read), or show it again',
      params: ModerateProfileParamsSchema,
      body: ModerateProfileSchema,
      response: { 200: ModerationResultSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.profiles.moderate(req.params.userId, req.body),
  });
}

function noBody() {
  return badRequest(
    'Send the file as the request body with Content-Type: application/octet-stream.',
    [{ path: 'body', message: 'Expected the file’s bytes' }],
  );
}
