import type { FastifyInstance } from 'fastify';
import type { Auth } from './auth.ts';

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
        if (key !== 'set-cookie') reply.header(key, value);
      });
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
    },
  });
}
