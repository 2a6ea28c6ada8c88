import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { tooLarge } from './files.ts';

/**
 * Registers routes that take the request body as a raw stream (uploads, imports), never
 * buffered whole. They live in a Fastify scope of their own with the stream parser: registered
 * on the app, the parser would let every other route take an unread streamed body instead of
 * answering 415.
 *
 * With `maxBytes`, a declared `Content-Length` over the route's `bodyLimit` (or `maxBytes`) is
 * refused with 413 before any byte is read: Fastify does not apply `bodyLimit` to a parser that
 * takes the raw stream, so the reader must count the bytes of a body that declares none.
 */
export function rawBodyRoutes(
  app: FastifyInstance,
  contentTypes: string[],
  routes: (scope: FastifyInstance) => void,
  options: { maxBytes?: number } = {},
) {
  void app.register(async (scope) => {
    scope.addContentTypeParser(contentTypes, (req, payload, done) => {
      if (options.maxBytes !== undefined) {
        const limit = req.routeOptions.bodyLimit ?? options.maxBytes;
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) return done(tooLarge(limit), undefined);
      }
      done(null, payload);
    });
    routes(scope);
  });
}

/** Whether a raw-body route was given a stream (a request with no body gets none). */
export const isStream = (body: unknown): body is Readable =>
  typeof (body as { pipe?: unknown } | null | undefined)?.pipe === 'function';
