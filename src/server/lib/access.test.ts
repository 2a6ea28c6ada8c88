import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../core/permissions.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { errorHandler } from './errors.ts';
import { declareAccess, declaredRoutes, undeclaredApiRoutes } from './access.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

describe('route access declarations', () => {
  it('every /api/v1 route of the app declares what it needs', () => {
    const api = declaredRoutes(ctx.app).filter((r) => r.url.startsWith('/api/v1'));
    expect(api.length).toBeGreaterThan(60);
    expect(undeclaredApiRoutes(ctx.app)).toEqual([]);
  });

  it('every declared action is a row of the permissions table', () => {
    for (const { method, url, access } of declaredRoutes(ctx.app)) {
      if (
        access === undefined ||
        access === 'public' ||
        access === 'signedIn' ||
        access === 'session'
      )
        continue;
      expect(Object.keys(PERMISSIONS), `${method} ${url}`).toContain(access);
    }
  });

  it('catches a route added without a declaration', async () => {
    const app = Fastify();
    declareAccess(app);
    app.get('/api/v1/forgotten', async () => ({}));
    app.get('/api/admin/forgotten', async () => ({}));
    app.get('/api/v1/declared', { config: { access: 'signedIn' } }, async () => ({}));
    await app.ready();
    expect(undeclaredApiRoutes(app)).toEqual(['GET /api/v1/forgotten', 'GET /api/admin/forgotten']);
    await app.close();
  });

  it('enforces the caller part of a declaration before the handler', async () => {
    const app = Fastify();
    app.decorateRequest('caller', null);
    declareAccess(app);
    app.get('/api/v1/admin/thing', { config: { access: 'mailbox.read' } }, async () => 'ran');
    app.addHook('onRequest', async (request) => {
      const as = request.headers['x-as'];
      request.caller = as ? { userId: 'u', isAdmin: as === 'admin', via: 'token' } : null;
    });
    app.setErrorHandler(errorHandler);
    const status = async (as?: string) =>
      (await app.inject({ url: '/api/v1/admin/thing', headers: as ? { 'x-as': as } : {} }))
        .statusCode;
    expect([await status(), await status('someone'), await status('admin')]).toEqual([
      401, 403, 200,
    ]);
    await app.close();
  });
});
