import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkResponsesAgainstOpenApi } from './openapi-check.ts';

/** The check the harness runs on every response, proven on an app of its own. */
describe('checkResponsesAgainstOpenApi', () => {
  async function appWith(reply: { status: number; body: unknown }) {
    const app = Fastify();
    await app.register(swagger, {
      openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } },
    });
    app.get('/things/:id', {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { id: { type: 'string' } },
            required: ['id'],
          },
        },
      },
      // Sent as a string so that the serializer does not reshape it to the schema.
      handler: async (_req, res) =>
        res
          .status(reply.status as 200)
          .type('application/json')
          .serializer(JSON.stringify)
          .send(reply.body),
    });
    const found: string[] = [];
    checkResponsesAgainstOpenApi(app, (m) => found.push(m));
    return { app, found };
  }

  it('passes a documented status with a body that matches', async () => {
    const { app, found } = await appWith({ status: 200, body: { id: 'a' } });
    await app.inject({ method: 'GET', url: '/things/a' });
    expect(found).toEqual([]);
  });

  it('reports a status the operation does not document', async () => {
    const { app, found } = await appWith({ status: 418, body: { id: 'a' } });
    await app.inject({ method: 'GET', url: '/things/a' });
    expect(found).toEqual([
      'GET /things/:id answered 418, which its OpenAPI operation does not document',
    ]);
  });

  it('reports a body that does not match the documented schema', async () => {
    const { app, found } = await appWith({ status: 200, body: { name: 'no id' } });
    await app.inject({ method: 'GET', url: '/things/a' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/does not match the documented schema/);
  });
});
