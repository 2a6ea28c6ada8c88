/**
 * The landing page, the job board and a public job's page arrive as HTML with their content
 * (render-page.tsx), before any script runs; only what the anonymous API shows, whoever asks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness } from '../../../test/factories.ts';
import { cookieFrom, createTestContext, ORIGIN, type TestContext } from '../../../test/harness.ts';
import { buildJob, inviteToJob } from '../../../test/job-factories.ts';
import { PAGE_DATA_ID, type PageData } from '../../web/page-data.ts';
import { buildApp } from '../app.ts';

/** The built index.html's shape: the stylesheet linked, an empty #root, the bundle after it. */
const CSS = '.text-slate-900{color:var(--color-slate-900)}';
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta name="description" content="Generic description." />
    <title>Handoff — hand off work, keep control</title>
    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">
  </head>
  <body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body>
</html>
`;

let ctx: TestContext;
let app: FastifyInstance;
let webRoot: string;
let businessId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'handoff-web-'));
  writeFileSync(path.join(webRoot, 'index.html'), INDEX);
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'assets', 'index-abc123.css'), CSS);
  app = await buildApp({ ...ctx, logger: false, webRoot });
  businessId = (await buildBusiness(ctx, { name: 'Crumb & Co' })).business.id;
});
afterAll(async () => {
  await app.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

/** A word no page holds unless a job carrying it is shown. */
const marker = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

/** What is inside `#root` as served: the page before any script has run. */
function rootOf(html: string): string {
  const start = html.indexOf('<div id="root">');
  const end = html.indexOf('<script', start);
  expect(start, 'the page has #root').toBeGreaterThan(-1);
  return html.slice(start, end);
}

function pageDataOf(html: string): PageData | null {
  const found = new RegExp(
    `<script type="application/json" id="${PAGE_DATA_ID}">(.*?)</script>`,
  ).exec(html)?.[1];
  return found ? (JSON.parse(found) as PageData) : null;
}

describe('server-rendered public pages', () => {
  it('sends the landing page with its headline and calls to action', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    const root = rootOf(res.body);
    expect(root).toContain('More work than hours? Hand it off — and keep control.');
    expect(root).toContain('href="/jobs"');
    expect(root).toContain('Create an account');
    expect(pageDataOf(res.body)?.queries).toEqual([{ key: ['me'], data: null }]);
  });

  it('sends the board’s first page of open public jobs, and never a private or draft one', async () => {
    const open = marker('Open');
    const secret = marker('Secret');
    const draft = marker('Draft');
    await buildJob(ctx, { businessId, brief: { title: `Logo for ${open}` } });
    await buildJob(ctx, {
      businessId,
      visibility: 'invite-only',
      brief: { title: `Logo for ${secret}` },
    });
    await buildJob(ctx, { businessId, status: 'draft', brief: { title: `Logo for ${draft}` } });

    const res = await get('/jobs');
    expect(res.statusCode).toBe(200);
    const root = rootOf(res.body);
    expect(root).toContain('<h1');
    expect(root).toContain(`Logo for ${open}`);
    expect(root).toContain('Crumb &amp; Co');
    expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain(draft);

    // The data the app hydrates from is the anonymous API's first page, under the app's key.
    const api = await get('/api/v1/jobs?limit=20');
    const board = pageDataOf(res.body)?.queries.find((q) => q.key[0] === 'board');
    expect(board).toEqual({
      key: ['board', 'limit=20'],
      data: { pages: [api.json()], pageParams: [null] },
    });
  });

  it('renders a board search from the address as the app would', async () => {
    const wanted = marker('Bakery');
    await buildJob(ctx, { businessId, brief: { title: `Sign for ${wanted}` } });
    await buildJob(ctx, { businessId, brief: { title: `Unrelated ${marker('Other')}` } });
    const root = rootOf((await get(`/jobs?q=${wanted}`)).body);
    expect(root).toContain(`Sign for ${wanted}`);
    expect(root).not.toContain('Unrelated');
  });

  it('sends a public job’s page with its brief, exactly as the anonymous API shows it', async () => {
    const title = `Bookkeeping for ${marker('Ledger')}`;
    const job = await buildJob(ctx, {
      businessId,
      brief: { title, summary: 'Monthly books.\n\nQuarterly VAT returns.', skills: ['Xero'] },
    });
    const res = await get(`/jobs/${job.id}`);
    expect(res.statusCode).toBe(200);
    const root = rootOf(res.body);
    expect(root).toContain(`>${title}</h1>`);
    expect(root).toContain('Quarterly VAT returns.');
    expect(root).toContain('Xero');
    // The way into bidding is in the first HTML, so nothing shifts when the app's actions load.
    expect(root).toContain('Sign up to bid');
    const api = await get(`/api/v1/jobs/${job.id}`);
    expect(pageDataOf(res.body)?.queries).toContainEqual({
      key: ['public-job', job.id],
      data: api.json(),
    });
  });

  it('keeps text from a job as text: no markup, no way out of the data script', async () => {
    const hostile = `</script><script>alert(1)</script><b>${marker('Bold')}</b>`;
    const job = await buildJob(ctx, { businessId, brief: { title: hostile } });
    const res = await get(`/jobs/${job.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('<b>Bold');
    // The data still carries the title as it is.
    const data = pageDataOf(res.body)?.queries.find((q) => q.key[0] === 'public-job');
    expect((data?.data as { brief: { title: string } }).brief.title).toBe(hostile);
  });

  it('answers a private or draft job 404 with no content, and renders none for its members', async () => {
    const member = await signUp();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/businesses',
      headers: { origin: ORIGIN, cookie: member.cookie },
      payload: { name: 'Quiet Shop', timeZone: 'Europe/Lisbon', currency: 'EUR' },
    });
    const ownBusiness = created.json<{ id: string }>().id;
    const secret = marker('Secret');
    const draft = marker('Draft');
    const invited = await buildJob(ctx, {
      businessId: ownBusiness,
      visibility: 'invite-only',
      brief: { title: `Rebrand ${secret}`, summary: `Summary ${secret}` },
    });
    const drafted = await buildJob(ctx, {
      businessId: ownBusiness,
      status: 'draft',
      brief: { title: `Draft ${draft}` },
    });
    for (const job of [invited, drafted]) {
      const res = await get(`/jobs/${job.id}`);
      expect(res.statusCode).toBe(404);
      expect(rootOf(res.body)).toBe('<div id="root"></div>');
      expect(pageDataOf(res.body)).toBeNull();
    }
    // Its business may read it, in the app (from the API with their session), not in the HTML.
    const own = await get(`/jobs/${invited.id}`, { cookie: member.cookie });
    expect(own.statusCode).toBe(200);
    expect(rootOf(own.body)).toBe('<div id="root"></div>');
    expect(own.body).not.toContain(secret);
    const collaborator = await signUp();
    await inviteToJob(ctx, invited.id, collaborator.id);
    const asInvited = await get(`/jobs/${invited.id}`, { cookie: collaborator.cookie });
    expect(asInvited.statusCode).toBe(200);
    expect(asInvited.body).not.toContain(secret);
  });

  it('renders the same page whoever is signed in: nothing of a session reaches the HTML', async () => {
    const job = await buildJob(ctx, { businessId, brief: { title: marker('Shared') } });
    const person = await signUp();
    for (const url of ['/', '/jobs', `/jobs/${job.id}`]) {
      const anonymous = (await get(url)).body;
      const signedIn = (await get(url, { cookie: person.cookie })).body;
      expect(rootOf(signedIn), url).toBe(rootOf(anonymous));
      expect(pageDataOf(signedIn), url).toEqual(pageDataOf(anonymous));
      expect(signedIn, url).not.toContain(person.email);
      expect(signedIn, url).not.toContain('Open Handoff');
      expect(signedIn, url).not.toContain('Open your dashboard');
    }
  });

  it('renders nothing for the pages of the app, which need a session', async () => {
    for (const url of ['/sign-in', '/app', '/pros']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(rootOf(res.body), url).toBe('<div id="root"></div>');
    }
  });

  it('puts the stylesheet inline in a rendered page, so its first paint waits for no other file', async () => {
    for (const url of ['/', '/jobs']) {
      const body = (await get(url)).body;
      expect(body, url).toContain(`<style>${CSS}</style>`);
      expect(body, url).not.toContain('rel="stylesheet"');
    }
    // A page the browser renders alone keeps the link, and the cached file.
    const signIn = (await get('/sign-in')).body;
    expect(signIn).toContain('<link rel="stylesheet" crossorigin href="/assets/index-abc123.css">');
    expect(signIn).not.toContain('<style>');
  });
});

describe('a private workspace', () => {
  it('renders no board (it has none) and no job page', async () => {
    const workspace = await createTestContext({ config: { mode: 'workspace' } });
    const wsApp = await buildApp({ ...workspace, logger: false, webRoot });
    try {
      const title = marker('Inside');
      const job = await buildJob(workspace, {
        businessId: (await buildBusiness(workspace)).business.id,
        brief: { title },
      });
      const board = await wsApp.inject({ method: 'GET', url: '/jobs' });
      expect(rootOf(board.body)).toBe('<div id="root"></div>');
      const page = await wsApp.inject({ method: 'GET', url: `/jobs/${job.id}` });
      expect(page.body).not.toContain(title);
    } finally {
      await wsApp.close();
    }
  });
});

/** A new account, signed in: its e-mail address and session cookie. */
async function signUp(): Promise<{ id: string; email: string; cookie: string }> {
  const email = `person-${randomBytes(4).toString('hex')}@test.example`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: ORIGIN },
    payload: { name: 'Nora Quinn', email, password: 'correct-horse-battery' },
  });
  expect(res.statusCode).toBe(200);
  return { id: res.json<{ user: { id: string } }>().user.id, email, cookie: cookieFrom(res) };
}
