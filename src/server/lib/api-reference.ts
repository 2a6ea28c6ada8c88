import type { FastifyApiReferenceOptions } from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** Headers of the reference's own answer that are not about its body's transport. */
const HOP_BY_HOP = new Set([
  'content-length',
  'connection',
  'date',
  'keep-alive',
  'transfer-encoding',
]);

/**
 * The API reference (`prefix`, e.g. /api/docs), drawn by Scalar's Fastify plugin, loaded on the
 * first visit instead of at every start: its packages and the script it reads when registered
 * (some 3 MB) took about a tenth of a restart, for a page few people open. The plugin runs in a
 * Fastify instance of its own, built once; each request under `prefix` is handed to it and its
 * answer sent back as ours, so our hooks (security headers, logging) apply as to any route.
 */
export function registerApiReference(
  app: FastifyInstance,
  prefix: `/${string}`,
  configuration: FastifyApiReferenceOptions['configuration'],
): void {
  let reference: Promise<FastifyInstance> | undefined;
  const load = () =>
    (reference ??= (async () => {
      const { default: scalar } = await import('@scalar/fastify-api-reference');
      const inner = Fastify({ logger: false });
      await inner.register(scalar, { routePrefix: prefix, configuration });
      await inner.ready();
      return inner;
    })().catch((error: unknown) => {
      reference = undefined; // tried again on the next visit
      throw error;
    }));

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await (
      await load()
    ).inject({
      method: request.method as 'GET' | 'HEAD',
      url: request.url,
      headers: request.headers,
    });
    if (answer.statusCode === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) reply.header(name, value);
    }
    reply.code(answer.statusCode);
    // Text as a string: the page's title is rewritten on its way out (app.ts).
    return /^(text\/|application\/(json|yaml|javascript))/.test(
      String(answer.headers['content-type']),
    )
      ? answer.payload
      : answer.rawPayload;
  };
  app.get(prefix, { schema: { hide: true } }, handler);
  app.get(`${prefix}/*`, { schema: { hide: true } }, handler);
}
