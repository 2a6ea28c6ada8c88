import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness } from '../../../test/factories.ts';
import { cookieFrom, createTestContext, ORIGIN, type TestContext } from '../../../test/harness.ts';
import { buildJob, inviteToJob } from '../../../test/job-factories.ts';
import { buildApp } from '../app.ts';
import { collectSitemap, SITEMAP_MAX_URLS } from './sitemap.ts';

/** A stand-in for the built web app: index.html, a hashed asset with its compressed copies. */
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta name="description" content="Generic description." />
    <title>Handoff — hand off work, keep control</title>
  </head>
  <body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body>
</html>
`;
const ASSET = `console.log(${JSON.stringify('x'.repeat(4000))});`;

let ctx: TestContext;
let app: FastifyInstance;
let webRoot: string;
let businessId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'handoff-web-'));
  writeFileSync(path.join(webRoot, 'index.html'), INDEX);
  writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(path.join(webRoot, 'assets'));
  const asset = path.join(webRoot, 'assets', 'index-abc123.js');
  writeFileSync(asset, ASSET);
  writeFileSync(`${asset}.br`, brotliCompressSync(ASSET));
  writeFileSync(`${asset}.gz`, gzipSync(ASSET));
  app = await buildApp({ ...ctx, logger: false, webRoot });
  businessId = (await buildBusiness(ctx, { name: 'Crumb & Co' })).business.id;
});
afterAll(async () => {
  await app.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('built files', () => {
  it.each([
    ['br, gzip, deflate', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ] as const)(
    'serves the precompressed copy for Accept-Encoding "%s"',
    async (accept, encoding, decode) => {
      const res = await get('/assets/index-abc123.js', { 'accept-encoding': accept });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(res.rawPayload).toString()).toBe(ASSET);
    },
  );

  it('serves the file itself to a client that takes no compression, and says it varies', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body).toBe(ASSET);
  });

  it('caches hashed assets for a year as immutable, other files only after revalidating', async () => {
    for (const accept of [undefined, 'br']) {
      const res = await get('/assets/index-abc123.js', accept ? { 'accept-encoding': accept } : {});
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing file, never the app', async () => {
    const res = await get('/assets/index-missing.js');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('pages', () => {
  it('answers every page of the app 200 with its HTML, not cached without revalidating', async () => {
    for (const url of [
      '/',
      '/jobs',
      '/jobs/?q=logo',
      '/sign-in',
      '/app',
      '/app/businesses/01890a5d-ac96-774b-bcce-b302099a8057/jobs/new',
      '/invitations/some-token',
      '/settings/notifications',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control'], url).toBe('private, no-cache');
      // Empty, or the page rendered on the server (server-rendering.test.ts).
      expect(res.body, url).toContain('<div id="root">');
      expect(res.body, url).not.toContain('<meta name="handoff-page"');
    }
  });

  it('answers 404 with the app told to show its not-found page for unknown addresses', async () => {
    for (const url of [
      '/nothing-here',
      '/jobs/not-a-uuid',
      '/jobs/01890a5d-ac96-774b-bcce-b302099a8057',
      '/app/businesses/not-an-id/team',
      '/app/settings/extra',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.body, url).toContain('<meta name="handoff-page" content="not-found" />');
    }
  });

  it('compresses the page for a client that takes it', async () => {
    const res = await get('/jobs', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('<div id="root">');
  });

  it('puts Open Graph tags and a default image in the head of the landing page and the board', async () => {
    const board = (await get('/jobs?category=design')).body;
    expect(board).toContain('<title>Job board · Handoff</title>');
    expect(board).toContain('<meta property="og:title" content="Job board" />');
    expect(board).toContain('<meta property="og:url" content="http://localhost:3000/jobs" />');
    expect(board).toContain('<link rel="canonical" href="http://localhost:3000/jobs" />');
    expect(board).toContain(
      '<meta property="og:image" content="http://localhost:3000/og-image.png" />',
    );
    expect(board.match(/<title>/g)).toHaveLength(1);
    expect(board.match(/name="description"/g)).toHaveLength(1);
    const landing = (await get('/')).body;
    expect(landing).toContain('<meta property="og:url" content="http://localhost:3000/" />');
    expect(landing).toContain('og:image');
  });

  it('tells the app whether someone is signed in, so it need not ask the API and log a 401', async () => {
    expect((await get('/jobs')).body).toContain(
      '<meta name="handoff-session" content="signed-out" />',
    );
    const { cookie } = await signUp();
    expect((await get('/jobs', { cookie })).body).toContain(
      '<meta name="handoff-session" content="signed-in" />',
    );
    // A cookie that names no session is nobody.
    expect((await get('/jobs', { cookie: 'handoff.session_token=forged.value' })).body).toContain(
      '<meta name="handoff-session" content="signed-out" />',
    );
  });

  it('answers an invite-only job page 404 to strangers and 200 to its business and invited people', async () => {
    const member = await signUp();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/businesses',
      headers: { origin: ORIGIN, cookie: member.cookie },
      payload: { name: 'Quiet Shop', timeZone: 'Europe/Lisbon', currency: 'EUR' },
    });
    expect(created.statusCode).toBe(201);
    const job = await buildJob(ctx, {
      businessId: created.json<{ id: string }>().id,
      visibility: 'invite-only',
      brief: { title: 'Secret rebrand' },
    });
    const invited = await signUp();
    await inviteToJob(ctx, job.id, invited.id);
    const stranger = await signUp();
    expect((await get(`/jobs/${job.id}`)).statusCode).toBe(404);
    // The page reads the person from their session cookie, as a browser sends it.
    for (const [who, status] of [
      [stranger, 404],
      [member, 200],
      [invited, 200],
    ] as const) {
      const res = await get(`/jobs/${job.id}`, { cookie: who.cookie });
      expect(res.statusCode).toBe(status);
      // Readable to them, but not public: the head stays generic.
      expect(res.body).not.toContain('Secret rebrand');
    }
  });
});

/** A new account, signed in: its id and session cookie. */
async function signUp(): Promise<{ id: string; cookie: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: ORIGIN },
    payload: {
      name: 'Nora Quinn',
      email: `person-${randomBytes(4).toString('hex')}@test.example`,
      password: 'correct-horse-battery',
    },
  });
  expect(res.statusCode).toBe(200);
  return { id: res.json<{ user: { id: string } }>().user.id, cookie: cookieFrom(res) };
}

describe('robots.txt and sitemap.xml', () => {
  it('lets search engines read the public pages, not the app, and points them at the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(/^User-agent: \*$/m);
    expect(res.body).toMatch(/^Disallow: \/app$/m);
    expect(res.body).toMatch(/^Disallow: \/api\/$/m);
    expect(res.body).not.toMatch(/^Disallow: \/$/m);
    expect(res.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });

  it('lists the landing page, the board and every public job page, never a private one', async () => {
    const open = await buildJob(ctx, { businessId, brief: { title: 'Open' } });
    const closed = await buildJob(ctx, { businessId, status: 'closed' });
    const hidden = [
      await buildJob(ctx, { businessId, status: 'draft' }),
      await buildJob(ctx, { businessId, visibility: 'invite-only' }),
      await buildJob(ctx, { businessId, status: 'archived' }),
    ];
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(res.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(res.body).toContain('<url><loc>http://localhost:3000/</loc></url>');
    expect(res.body).toContain('<url><loc>http://localhost:3000/jobs</loc></url>');
    for (const job of [open, closed])
      expect(res.body).toMatch(
        new RegExp(`<loc>http://localhost:3000/jobs/${job.id}</loc><lastmod>\\d{4}-`),
      );
    for (const job of hidden) expect(res.body).not.toContain(job.id);
  });

  it('keeps within the protocol’s 50,000 addresses, whatever the sources give', async () => {
    const asked: number[] = [];
    const many = async (limit: number) => {
      asked.push(limit);
      return Array.from({ length: SITEMAP_MAX_URLS }, (_, i) => ({ path: `/p/${i}` }));
    };
    const entries = await collectSitemap([many, many]);
    expect(entries).toHaveLength(SITEMAP_MAX_URLS);
    expect(asked).toEqual([SITEMAP_MAX_URLS - 2]); // the second source is not even read
  });

  it('keeps a workspace out of search engines', async () => {
    const workspace = await createTestContext({ config: { mode: 'workspace' } });
    const wsApp = await buildApp({ ...workspace, logger: false, webRoot });
    try {
      await buildJob(workspace, { businessId: (await buildBusiness(workspace)).business.id });
      expect((await wsApp.inject({ method: 'GET', url: '/robots.txt' })).body).toBe(
        'User-agent: *\nDisallow: /\n',
      );
      const sitemap = (await wsApp.inject({ method: 'GET', url: '/sitemap.xml' })).body;
      expect(sitemap).not.toContain('<url>');
    } finally {
      await wsApp.close();
    }
  });
});

describe('the default og:image', () => {
  it('is a real 1200×630 PNG in the web app’s public files', () => {
    const png = readFileSync(path.resolve(import.meta.dirname, '../../web/public/og-image.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.subarray(12, 16).toString()).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });
});

describe('the API reference page', () => {
  it('is titled as Handoff’s, with our favicon and without the vendor’s Deploy/Share toolbar', async () => {
    const res = await get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Handoff API reference</title>');
    expect(res.body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
    expect(res.body).toContain('"showDeveloperTools": "never"');
    expect(res.body).not.toContain('<title>Scalar');
  });
});
