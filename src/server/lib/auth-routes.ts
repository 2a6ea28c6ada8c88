import type { FastifyInstance } from 'fastify';
import type { Auth } from './auth.ts';
import { titleFor, typeFor } from './errors.ts';

/** Mounts better-auth at /api/auth/* by handing it a Fetch Request and relaying its Response. */
export function authRoutes(app: FastifyInstance, auth: Auth) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(
        request.url,
        `${request.protocol}://${request.headers.host ?? 'localhost'}`,
      );
      const headers = new Headers();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value === undefined || key === 'x-handoff-client-ip') continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
      }
      headers.set('x-handoff-client-ip', request.ip);
      const body =
        request.method === 'POST' && request.body !== undefined
          ? JSON.stringify(request.body)
          : undefined;
      if (body) headers.set('content-type', 'application/json');
      const response = await auth.handler(
        new Request(url, { method: request.method, headers, body }),
      );
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
      });
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      const answer = response.body ? Buffer.from(await response.arrayBuffer()) : null;
      if (response.status >= 400)
        return reply.type('application/problem+json').send(authProblem(response.status, answer));
      return reply.send(answer);
    },
  });
}

/**
 * better-auth's error (`{ message, code }`, or nothing for an unknown path) as problem+json.
 * `message` and `code` stay as extension members: the web app's auth client reads them.
 */
export function authProblem(status: number, body: Buffer | null) {
  let parsed: { message?: unknown; code?: unknown } = {};
  try {
    parsed = (body ? JSON.parse(body.toString('utf8')) : null) ?? {};
  } catch {
    parsed = { message: body?.toString('utf8') };
  }
  const code = typeof parsed.code === 'string' ? parsed.code : undefined;
  const message =
    typeof parsed.message === 'string' && parsed.message
      ? parsed.message
      : status === 404
        ? 'No such sign-in, sign-up or account address.'
        : titleFor(status);
  return {
    type: typeFor(code ? code.toLowerCase().replaceAll('_', '-') : status),
    title: titleFor(status),
    status,
    detail: message,
    ...(code ? { code } : {}),
    message,
  };
}
