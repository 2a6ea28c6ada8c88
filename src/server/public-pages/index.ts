/**
 * The web app as the server delivers it: its built files, precompressed at build time (brotli,
 * gzip; see vite.config.ts) and picked by the request's Accept-Encoding; hashed `/assets/*`
 * cached for a year as immutable, everything else revalidated. Every page address the app has
 * (`core/pages.ts`) answers its index.html, with the page's head (title, description, Open
 * Graph) for the public pages; any other address, and a job page this visitor may not read,
 * answers 404 with the same app, told to show its not-found page. Also `robots.txt` and
 * `sitemap.xml`, whose pages the features contribute (`Feature.sitemap`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { matchPage } from '../../core/pages.ts';
import type { Config } from '../env.ts';
import {
  headFor,
  OG_IMAGE_PATH,
  type HeadTags,
  type JobPages,
} from '../features/jobs/share-page.ts';
import { SESSION_COOKIE, type Auth } from '../lib/auth.ts';
import { notFoundHandler } from '../lib/errors.ts';
import { directoryPageHead } from '../features/directory/page-head.ts';
import type { RenderedPage } from './render-page.tsx';
import { collectSitemap, sitemapXml, type SitemapSource } from './sitemap.ts';

const YEAR_SECONDS = 365 * 24 * 60 * 60;
/** Below this a compressed body saves less than the headers it costs. */
const COMPRESS_FROM_BYTES = 1024;

/** Public pages with a head of their own (job pages get theirs from the jobs feature). */
const PAGE_HEADS: Partial<Record<string, { title: string; description: string }>> = {
  '/': {
    title: 'Hand off work, keep control',
    description:
      'Handoff helps a small business hand work to outside professionals: find what to hand off, write clear requirements, hire, track, check and pay — in one place.',
  },
  '/jobs': {
    title: 'Job board',
    description:
      'Open jobs posted by small businesses on Handoff. Read the brief, check the budget and the deadline, and bid on the work that fits you.',
  },
};

export interface PublicPagesDeps {
  config: Pick<Config, 'baseUrl' | 'mode'>;
  /** The built web app (dist/web); tests give a directory of their own. */
  webRoot: string;
  auth: Pick<Auth, 'api'>;
  jobPages: JobPages;
  /** A public profile's head tags, or null when an anonymous visitor may not read it. */
  profileHead: (
    slug: string,
  ) => Promise<(Omit<HeadTags, 'image'> & { image: string | null }) | null>;
  /** Every feature's sitemap pages, in the order features are registered. */
  sitemapSources: readonly SitemapSource[];
  /**
   * The server-rendered HTML of a public page (render-page.tsx), or null where the app renders
   * alone. Absent: no page is rendered on the server.
   */
  renderPage?: (url: string) => Promise<RenderedPage | null>;
}

export async function registerPublicPages(app: FastifyInstance, deps: PublicPagesDeps) {
  const { config, webRoot } = deps;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    // dist/web holds `x.js.br` and `x.js.gz` beside `x.js` (made by the build).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      const hashed = path.relative(webRoot, filePath).split(path.sep)[0] === 'assets';
      // @fastify/static 9 picks the .br/.gz copy by Accept-Encoding but does not say so; a cache
      // in between must not hand a brotli body to a client that asked for none.
      res.setHeader('vary', 'Accept-Encoding');
      res.setHeader(
        'cache-control',
        // Vite names every asset by its content's hash: a changed file is a new address.
        hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
      );
    },
  });

  let template: Promise<string> | undefined;
  /** index.html, read once; a failed read is tried again on the next request. */
  const indexHtml = () =>
    (template ??= readFile(path.join(webRoot, 'index.html'), 'utf8').catch((error: unknown) => {
      template = undefined;
      throw error;
    }));

  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) =>
    sendText(
      request,
      reply,
      robotsTxt(config),
      'text/plain; charset=utf-8',
      'public, max-age=3600',
    ),
  );
  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    // A workspace is private: it has no public pages to list.
    const entries = config.mode === 'workspace' ? [] : await collectSitemap(deps.sitemapSources);
    return sendText(
      request,
      reply,
      sitemapXml(config.baseUrl, entries),
      'application/xml; charset=utf-8',
      'public, max-age=3600',
    );
  });

  async function signedInUserId(request: FastifyRequest): Promise<string | null> {
    if (!request.headers.cookie?.includes(SESSION_COOKIE)) return null;
    const session = await deps.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    return session?.user.id ?? null;
  }

  const stylesheets = new Map<string, Promise<string | null>>();
  /**
   * A server-rendered page with the app's stylesheet inline instead of linked: its content can
   * then be painted as soon as the HTML arrives, without a second round trip for the CSS (which a
   * phone on a slow network also shares with the scripts). It is one small file (Tailwind keeps
   * only the classes the app uses): about 8 KiB compressed, so pages the server does not render
   * keep the cached link.
   */
  async function withInlineStyles(page: string): Promise<string> {
    const link = /<link rel="stylesheet"[^>]*? href="(\/assets\/[^"/]+\.css)"[^>]*>/.exec(page);
    if (!link) return page;
    const href = link[1]!;
    let css = stylesheets.get(href);
    if (!css) {
      css = readFile(path.join(webRoot, href), 'utf8').then(
        // Text that would end the element early keeps the link.
        (text) => (/<\/style/i.test(text) ? null : text),
        () => null,
      );
      stylesheets.set(href, css);
    }
    const text = await css;
    return text === null ? page : page.replace(link[0], () => `<style>${text}</style>`);
  }

  /** The page rendered on the server; a failure there costs the visitor only the speed-up. */
  async function renderedPage(request: FastifyRequest): Promise<RenderedPage | null> {
    if (!deps.renderPage) return null;
    try {
      return await deps.renderPage(request.url);
    } catch (error) {
      request.log.error({ err: error }, 'Server rendering failed; the app renders the page');
      return null;
    }
  }

  // Every other request: a page of the app, or a 404 (/api paths and files keep their JSON one).
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith('/api/');
    if (!isPage || /\.[a-z0-9]+$/i.test(pathname)) return notFoundHandler(request, reply);

    const userId = await signedInUserId(request);
    const match = matchPage(pathname);
    let status = match ? 200 : 404;
    let head: string | null = null;
    if (match?.path === '/jobs/$jobId') {
      const job = await deps.jobPages.page(match.params.jobId!.toLowerCase(), userId);
      status = job.status;
      if (job.status === 200) head = job.head;
    } else if (match?.path === '/pros/$slug') {
      const profile = await deps.profileHead(match.params.slug!);
      if (profile)
        head = headFor({ ...profile, image: profile.image ?? config.baseUrl + OG_IMAGE_PATH });
      // A hidden profile is still its owner's (and an admin's) to look at: for a signed-in
      // visitor the app asks the API, which answers 404 to anyone else.
      else if (!userId) status = 404;
    } else if (match) {
      const own = match.path === '/pros' ? directoryPageHead(config.mode) : PAGE_HEADS[match.path];
      if (own)
        head = headFor({
          ...own,
          url: config.baseUrl + (match.path === '/' ? '/' : match.path),
          image: config.baseUrl + OG_IMAGE_PATH,
        });
    }
    const hints = [
      // The app learns "nobody is signed in" from here, instead of from a failing /me request.
      `<meta name="handoff-session" content="${userId ? 'signed-in' : 'signed-out'}" />`,
      ...(status === 404 ? ['<meta name="handoff-page" content="not-found" />'] : []),
    ];
    const rendered = status === 200 ? await renderedPage(request) : null;
    const page = withHead(await indexHtml(), head, hints.join('\n    '));
    const html = rendered ? withRendered(await withInlineStyles(page), rendered) : page;
    reply.code(status).header('vary', 'Cookie');
    // The page says who is signed in: no shared cache may keep it.
    return sendText(request, reply, html, 'text/html; charset=utf-8', 'private, no-cache');
  });
}

/**
 * Puts a page's tags into index.html, in place of its generic title and description, and the
 * hints for the app before `</head>`. Replacements are functions, never strings: a `$&` in a
 * job's title must stay text.
 */
function withHead(template: string, head: string | null, hints: string): string {
  const page = head
    ? template
        .replace(/<title>[\s\S]*?<\/title>\s*/i, () => '')
        .replace(/<meta\s+name="description"[\s\S]*?\/?>\s*/i, () => '')
    : template;
  const tags = head ? `${head}\n    ${hints}` : hints;
  return page.replace(/<\/head>/i, () => `  ${tags}\n  </head>`);
}

/**
 * Puts a server-rendered page into `#root`, its data after it, and the resource hints React put
 * before the markup (the logo's preload) into the head, where a preload belongs and where
 * hydration does not look.
 */
function withRendered(page: string, rendered: RenderedPage): string {
  const hinted = /^(?:<link\b[^>]*>)+/.exec(rendered.html)?.[0] ?? '';
  const markup = rendered.html.slice(hinted.length);
  // One tag a line, written as the head's other tags are (`" />`).
  const hints = hinted.replace(/"\/>/g, '" />').replace(/></g, '>\n    <');
  return page
    .replace(/<\/head>/i, () => (hints ? `  ${hints}\n  </head>` : '</head>'))
    .replace(
      /<div id="root"><\/div>/,
      () => `<div id="root">${markup}</div>\n    ${rendered.dataScript}`,
    );
}

function robotsTxt(config: Pick<Config, 'baseUrl' | 'mode'>): string {
  if (config.mode === 'workspace') return 'User-agent: *\nDisallow: /\n';
  return [
    'User-agent: *',
    // The signed-in app and the API have nothing for a search engine.
    'Disallow: /app',
    'Disallow: /admin',
    'Disallow: /settings',
    'Disallow: /notifications',
    'Disallow: /invitations/',
    'Disallow: /join/',
    'Disallow: /recommend/',
    'Disallow: /api/',
    '',
    `Sitemap: ${config.baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}

/** A text body, compressed with brotli or gzip when the client takes it and it is worth it. */
function sendText(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  type: string,
  cacheControl: string,
) {
  reply.type(type).header('cache-control', cacheControl).header('vary', varyWith(reply));
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const bytes = Buffer.from(body);
  if (bytes.length < COMPRESS_FROM_BYTES) return reply.send(bytes);
  if (/\bbr\b/.test(accepted))
    return reply.header('content-encoding', 'br').send(
      brotliCompressSync(bytes, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
    );
  if (/\bgzip\b/.test(accepted))
    return reply.header('content-encoding', 'gzip').send(gzipSync(bytes));
  return reply.send(bytes);
}

function varyWith(reply: FastifyReply): string {
  const current = reply.getHeader('vary');
  const values = new Set(
    String(current ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  );
  values.add('Accept-Encoding');
  return [...values].join(', ');
}
