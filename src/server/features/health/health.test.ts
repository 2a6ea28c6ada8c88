import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import {
  buildCast,
  expectRoleMatrix,
  ROLES,
  type Cast,
  type RoleName,
} from '../../../../test/role-matrix.ts';
import { buildApp, redactUrl, VERSION } from '../../app.ts';
import { connect } from '../../db/client.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

/** These routes answer alike whoever asks. */
/** The OpenAPI document and its reference page sit outside /api/v1 and the permissions table: written out. */
const everyone = (status: number) =>
  Object.fromEntries(ROLES.map((role) => [role, status])) as Record<RoleName, number>;

/**
 * The routes the app really has, as `METHOD /path` (HEAD left out), read from Fastify's own
 * route tree: each line of `printRoutes` is one node whose path continues its parent's.
 */
function routesOf(app: FastifyInstance): string[] {
  const trail: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!node) continue;
    const [, indent = '', segment = '', methods = ''] = node;
    trail.length = indent.length / 4;
    trail.push(segment);
    for (const method of methods.split(', ').filter((m) => m && m !== 'HEAD')) {
      routes.push(`${method} ${trail.join('')}`);
    }
  }
  return routes;
}

describe('GET /healthz', () => {
  it('answers ok while the process runs', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('role matrix: open to everyone', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/healthz' }), 200);
  });
});

describe('GET /readyz', () => {
  it('answers ok when the database answers', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    // An app of its own on a pool of its own, so closing that pool leaves the shared one alone.
    const database = connect(ctx.databaseUrl, 1);
    const app = await buildApp({
      ...database,
      config: ctx.config,
      clock: ctx.clock,
      logger: false,
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await database.close();
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable' });
    } finally {
      await app.close();
    }
  });

  it('role matrix: open to everyone', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/readyz' }), 200);
  });
});

describe('GET /api/v1/meta', () => {
  it('tells the deployment mode, version, whether e-mail leaves by SMTP, and the upload limit', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/api/v1/meta' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      mode: 'marketplace',
      version: VERSION,
      smtpConfigured: false,
      maxUploadBytes: ctx.config.maxUploadBytes,
    });
  });

  it('gives the upload limit this server was started with (MAX_UPLOAD_MB)', async () => {
    const small = await createTestContext({ config: { maxUploadBytes: 3 * 1024 * 1024 } });
    const res = await call(small, null, { method: 'GET', url: '/api/v1/meta' });
    expect(res.json()).toMatchObject({ maxUploadBytes: 3 * 1024 * 1024 });
  });

  it('role matrix: open to everyone', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/meta' }), 200);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every /api/v1 route the app has', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(
      ([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const actual = routesOf(ctx.app)
      .filter((route) => route.split(' ')[1]?.startsWith('/api/v1/'))
      .map((route) => route.replace(/:(\w+)/g, '{$1}'));
    // Guards the route-tree reading above: it must find the routes we know are there.
    expect(actual).toEqual(
      expect.arrayContaining([
        'GET /api/v1/meta',
        'PATCH /api/v1/businesses/{businessId}/members/{userId}',
        'POST /api/v1/invitations/{token}/accept',
      ]),
    );
    expect(documented.filter((r) => r.includes(' /api/v1/')).sort()).toEqual(actual.sort());
  });

  it('gives every operation a unique operationId and the problems any request can meet', async () => {
    const doc = (await call(ctx, null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.servers).toEqual([{ url: BASE_URL }]);
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { operationId?: string; responses: object }>>,
    ).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(60);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      for (const status of ['400', '413', '414', '415', '429', '431'])
        expect(Object.keys(op.responses), `${method} ${path}`).toContain(status);
    }
    expect(doc.paths['/api/v1/me'].get.operationId).toBe('getMe');
  });

  it('marks the anonymous operations with security: [] and the rest with the global requirement', async () => {
    const doc = (await call(ctx, null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const [path, method] of [
      ['/healthz', 'get'],
      ['/readyz', 'get'],
      ['/api/v1/meta', 'get'],
      ['/api/v1/skills', 'get'],
      ['/api/v1/jobs', 'get'],
      ['/api/v1/jobs/{jobId}', 'get'],
      ['/api/v1/invitations/{token}', 'get'],
    ] as const) {
      expect(doc.paths[path][method].security, `${method} ${path}`).toEqual([]);
      // Proof that it is anonymous indeed: no 401 without credentials.
      const url = path.replace('{jobId}', randomUUID()).replace('{token}', 'nope');
      const res = await call(ctx, null, { method: 'GET', url });
      expect(res.statusCode, url).not.toBe(401);
    }
    expect(doc.paths['/api/v1/me'].get.security).toBeUndefined();
  });

  it('describes the raw bodies of the two uploads, so a generated client can send a file', async () => {
    const doc = (await call(ctx, null, { method: 'GET', url: '/api/openapi.json' })).json();
    const upload = Object.entries(doc.paths as Record<string, { post?: { requestBody?: object } }>);
    const attach = upload.find(([p]) => p.endsWith('/jobs/{jobId}/attachments'))?.[1].post;
    const importLog = upload.find(([p]) => p.endsWith('/audits/{auditId}/imports'))?.[1].post;
    expect(attach?.requestBody).toMatchObject({
      required: true,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    });
    expect(importLog?.requestBody).toMatchObject({
      content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
    });
  });

  it('role matrix: open to everyone', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/openapi.json' }),
      everyone(200),
    );
  });
});

describe('GET /api/docs', () => {
  it('serves the API reference as an HTML page', async () => {
    const redirect = await call(ctx, null, { method: 'GET', url: '/api/docs' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/api/docs/');
    const res = await call(ctx, null, { method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('/api/openapi.json');
  });

  it('role matrix: open to everyone', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/docs/' }), everyone(200));
  });
});

describe('every response', () => {
  it('carries the security headers', async () => {
    for (const url of ['/healthz', '/api/v1/me', '/api/docs/']) {
      const res = await call(ctx, null, { method: 'GET', url });
      expect(res.headers, url).toMatchObject({
        'content-security-policy': expect.stringContaining("frame-ancestors 'self'"),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
      });
    }
  });

  it('over plain HTTP neither upgrades sub-resources nor sends HSTS, which would break the page', async () => {
    const res = await call(ctx, null, { method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows inline scripts on the API reference page only', async () => {
    const docs = await call(ctx, null, { method: 'GET', url: '/api/docs/' });
    const api = await call(ctx, null, { method: 'GET', url: '/healthz' });
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(api.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it('sends HSTS and upgrades sub-resources when served over HTTPS', async () => {
    const secure = await createTestContext({ config: { baseUrl: 'https://handoff.example' } });
    const res = await call(secure, null, { method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('answers an unknown /api route with a 404 problem+json naming it', async () => {
    const res = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: '/api/v1/nothing-here?x=1',
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, detail: 'No route GET /api/v1/nothing-here.' });
  });
});

describe('request logs', () => {
  it('never carry the secrets that travel in URLs', () => {
    expect(redactUrl('/api/v1/invitations/inv_abc123/accept')).toBe(
      '/api/v1/invitations/[redacted]/accept',
    );
    expect(redactUrl('/api/auth/reset-password/tok123?callbackURL=%2Freset')).toBe(
      '/api/auth/reset-password/[redacted]?callbackURL=%2Freset',
    );
    expect(redactUrl('/api/auth/verify-email?token=eyJhb.c.d&callbackURL=/app')).toBe(
      '/api/auth/verify-email?token=[redacted]&callbackURL=/app',
    );
    expect(redactUrl('/api/v1/me')).toBe('/api/v1/me');
  });

  it('never carry the name of an uploaded attachment, however the query spells it', () => {
    const upload = '/api/v1/businesses/b1/jobs/j1/attachments';
    for (const query of [
      'layer=spec&name=Acquisition%20of%20Crumb.pdf',
      'name=Acquisition.pdf&layer=spec',
      'layer=spec&filename=x&name=plan.pdf',
      'name=a.pdf&name=Acquisition.pdf',
      'layer=spec&n%61me=Acquisition.pdf',
    ]) {
      expect(redactUrl(`${upload}?${query}`)).toBe(`${upload}?[redacted]`);
    }
    expect(redactUrl(upload)).toBe(upload);
    // Only uploads: a `name` elsewhere is no file name.
    expect(redactUrl('/api/v1/skills?name=Figma')).toBe('/api/v1/skills?name=Figma');
  });
});
