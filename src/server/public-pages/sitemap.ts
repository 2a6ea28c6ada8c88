/**
 * `sitemap.xml`: every public page a search engine should find. The landing page and the board
 * are listed here; features add their own pages by giving their `Feature` a `sitemap` (jobs:
 * each public job page; the Talent work will add public professional profiles the same way).
 */
import { escapeHtml } from '../features/jobs/share-page.ts';

/** One address of the sitemap: a path on this site, and when its content last changed. */
export interface SitemapEntry {
  path: string;
  lastModified?: Date;
}

/** A feature's pages for the sitemap, read when the sitemap is asked for. */
export type SitemapSource = (limit: number) => Promise<SitemapEntry[]>;

/** The sitemap protocol's limit of addresses in one file. */
export const SITEMAP_MAX_URLS = 50_000;

/** The pages listed whatever features are registered. */
export const FIXED_PAGES: readonly SitemapEntry[] = [{ path: '/' }, { path: '/jobs' }];

/**
 * Reads every source, in order, until the protocol's limit; the site's own pages first. A
 * source is told how many entries may still fit, so none reads more rows than will be written.
 */
export async function collectSitemap(sources: readonly SitemapSource[]): Promise<SitemapEntry[]> {
  const entries = [...FIXED_PAGES];
  for (const source of sources) {
    const room = SITEMAP_MAX_URLS - entries.length;
    if (room <= 0) break;
    entries.push(...(await source(room)).slice(0, room));
  }
  return entries;
}

/** The XML of a sitemap, with absolute addresses under `baseUrl`. */
export function sitemapXml(baseUrl: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const loc = `<loc>${escapeHtml(baseUrl + entry.path)}</loc>`;
    const lastmod = entry.lastModified
      ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>`
      : '';
    return `  <url>${loc}${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
