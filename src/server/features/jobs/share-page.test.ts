import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness } from '../../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob, type BuildJobOptions } from '../../../../test/job-factories.ts';
import { buildApp } from '../../app.ts';
import { escapeHtml } from './share-page.ts';

/** A small stand-in for the built web app's index.html (the tests do not need `npm run build`). */
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="Handoff helps a small business hand work to outside professionals."
    />
    <title>Handoff — hand off work, keep control</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/assets/main.js"></script>
  </body>
</html>
`;
const GENERIC_TITLE = '<title>Handoff — hand off work, keep control</title>';

let ctx: TestContext;
let app: FastifyInstance;
let webRoot: string;
let businessId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'handoff-web-'));
  writeFileSync(path.join(webRoot, 'index.html'), INDEX);
  app = await buildApp({
    db: ctx.db,
    pool: ctx.pool,
    config: ctx.config,
    clock: ctx.clock,
    logger: false,
    webRoot,
  });
  businessId = (await buildBusiness(ctx, { name: 'Crumb & Co' })).business.id;
});
afterAll(async () => {
  await app.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const page = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: res.headers['content-type'], html: res.body };
};
const headOf = (html: string) => html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
const newJob = (options: Partial<BuildJobOptions> = {}) =>
  buildJob(ctx, { businessId, ...options });

/** The value of a meta tag, unescaped as a browser would read it. */
function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const m = new RegExp(`<meta ${attr}="${key}" content="([^"]*)" />`).exec(html);
  return m?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('GET /jobs/:jobId (the web app’s page, with the job in its head)', () => {
  it('puts an open public job’s title, description, Open Graph and Twitter tags and canonical URL in the head', async () => {
    const job = await newJob({
      brief: {
        title: 'Logo for a bakery',
        summary: 'We need a **warm**, round logo.\n\nSee [our shop](https://example.com).',
      },
    });
    const { status, type, html } = await page(`/jobs/${job.id}`);
    expect(status).toBe(200);
    expect(type).toBe('text/html; charset=utf-8');
    const head = headOf(html);
    expect(head).toContain('<title>Logo for a bakery · Handoff</title>');
    expect(head).not.toContain(GENERIC_TITLE);
    expect(head.match(/<title>/g)).toHaveLength(1);
    expect(head.match(/name="description"/g)).toHaveLength(1);
    const description = 'We need a warm, round logo. See our shop.';
    expect(meta(head, 'name', 'description')).toBe(description);
    expect(meta(head, 'property', 'og:title')).toBe('Logo for a bakery');
    expect(meta(head, 'property', 'og:description')).toBe(description);
    expect(meta(head, 'property', 'og:type')).toBe('website');
    expect(meta(head, 'property', 'og:site_name')).toBe('Handoff');
    expect(meta(head, 'property', 'og:url')).toBe(`http://localhost:3000/jobs/${job.id}`);
    expect(meta(head, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(meta(head, 'property', 'og:image')).toBe('http://localhost:3000/og-image.png');
    expect(head).toContain(`<link rel="canonical" href="http://localhost:3000/jobs/${job.id}" />`);
    // The rest of the page is the app as built.
    expect(html).toContain('<script type="module" src="/assets/main.js"></script>');
  });

  it('keeps a closed public job’s page (it was published publicly)', async () => {
    const job = await newJob({ status: 'closed', brief: { title: 'Closed but public' } });
    expect(headOf((await page(`/jobs/${job.id}`)).html)).toContain(
      '<title>Closed but public · Handoff</title>',
    );
  });

  it('escapes a hostile title and summary everywhere: no tag, no broken attribute', async () => {
    const title = `</title><script>alert(1)</script> "quoted" 'single' & $& $1`;
    const summary = `"><img src=x onerror=alert(1)> <script>alert(2)</script> it's "ok"`;
    const job = await newJob({ brief: { title, summary } });
    const { html } = await page(`/jobs/${job.id}`);
    const head = headOf(html);
    expect(head).not.toMatch(/<script/i);
    expect(head).not.toMatch(/<img/i);
    // The app's own, and the server-rendered page's data (JSON, `<` escaped: never a tag).
    expect(
      html.match(/<script(?! type="application\/json" id="handoff-page-data">)/g),
    ).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(head).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; $&amp; $1 · Handoff</title>',
    );
    // Every tag of the head is one of ours, with only quoted attributes.
    const tags = head.match(/<[^>]+>/g) ?? [];
    for (const tag of tags) {
      expect(tag, tag).toMatch(
        /^<(\/?title|head|meta( [a-z:-]+="[^"<>]*")+ ?\/?|link( [a-z]+="[^"<>]*")+ \/)>$/,
      );
    }
    // Read back as a browser would, the values are the text as written.
    expect(meta(head, 'property', 'og:title')).toBe(title);
    expect(meta(head, 'name', 'description')).toBe(summary);
  });

  it('cuts a long description at a word, to about 200 characters', async () => {
    const summary = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const job = await newJob({ brief: { summary } });
    const description = meta((await page(`/jobs/${job.id}`)).html, 'name', 'description') ?? '';
    expect(description.length).toBeLessThanOrEqual(200);
    expect(description.length).toBeGreaterThan(150);
    expect(description).toMatch(/ word\d+…$/);
  });

  it('describes a job without a summary by its title and business', async () => {
    const job = await newJob({ brief: { title: 'Tax return', summary: '' } });
    const description = meta((await page(`/jobs/${job.id}`)).html, 'name', 'description');
    expect(description).toBe('Tax return: a job posted by Crumb & Co on Handoff.');
  });

  it.each<[string, Partial<BuildJobOptions>]>([
    ['a draft', { status: 'draft' }],
    ['an invite-only job', { visibility: 'invite-only' }],
    ['an archived job', { status: 'archived' }],
  ])(
    'answers 404 for %s, with the generic page and without a word of the job',
    async (_, options) => {
      const job = await newJob({
        ...options,
        brief: { title: 'Confidential acquisition of Rival Bakery', summary: 'Top secret plan' },
      });
      const { status, html } = await page(`/jobs/${job.id}`);
      expect(status).toBe(404);
      expect(headOf(html)).toContain(GENERIC_TITLE);
      expect(html).toContain('<meta name="handoff-page" content="not-found" />');
      expect(html).not.toContain('Rival');
      expect(html).not.toContain('secret');
    },
  );

  it('answers 404 for a job that does not exist and for addresses that are no page of the app', async () => {
    const job = await newJob({ brief: { title: 'A real public job' } });
    for (const url of [
      '/jobs/01890a5d-ac96-774b-bcce-b302099a8057',
      '/jobs/not-a-uuid',
      `/jobs/${job.id}/edit`,
      `/app/jobs/${job.id}`,
      '/no-such-page',
    ]) {
      const { status, html } = await page(url);
      expect(status, url).toBe(404);
      expect(headOf(html), url).toContain(GENERIC_TITLE);
      expect(html, url).toContain('<meta name="handoff-page" content="not-found" />');
    }
    expect(headOf((await page(`/jobs/${job.id}/?utm=x`)).html)).toContain('A real public job');
  });

  it('keeps the JSON 404 of /api paths and the real 404 of missing assets', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const asset = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
  });

  it('reads index.html once and keeps it', async () => {
    await page('/');
    writeFileSync(path.join(webRoot, 'index.html'), '<html>changed</html>');
    try {
      const again = await page('/app/settings');
      expect(again.status).toBe(200);
      expect(again.html).toContain(GENERIC_TITLE);
      expect(again.html).not.toContain('changed');
    } finally {
      writeFileSync(path.join(webRoot, 'index.html'), INDEX);
    }
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
