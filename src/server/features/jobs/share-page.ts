/**
 * The web app's page for `/jobs/<id>` with the job in its `<head>`: title, description, Open
 * Graph and Twitter card tags, and the canonical address — so that a link shared in a chat or
 * found by a search engine shows the job. Only for a job anyone may read (`isPublicBrief`);
 * any other job gets the app's generic page, so a private job's title never leaves the server.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { markdownToText } from '../../../core/markdown.ts';
import { truncate } from '../../../core/text.ts';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import { HttpProblem } from '../../lib/errors.ts';
import { businessName } from './board-queries.ts';
import { authorizeBrief } from './policy.ts';

const SITE_NAME = 'Handoff';
/** Search engines show about 155–200 characters of a description. */
const DESCRIPTION_CHARS = 200;
const JOB_PAGE = /^\/jobs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** Text made safe for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

interface HeadTags {
  title: string;
  description: string;
  url: string;
}

function headFor(tags: HeadTags): string {
  const title = escapeHtml(tags.title);
  const description = escapeHtml(tags.description);
  const url = escapeHtml(tags.url);
  return [
    `<title>${title} · ${SITE_NAME}</title>`,
    `<meta name="description" content="${description}" />`,
    `<link rel="canonical" href="${url}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${url}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${title}" />`,
    `<meta name="twitter:description" content="${description}" />`,
  ].join('\n    ');
}

/**
 * Puts the tags into the app's index.html in place of its generic title and description.
 * Replacements are functions, never strings: a `$&` in a job's title must stay text.
 */
function withHead(template: string, head: string): string {
  const stripped = template
    .replace(/<title>[\s\S]*?<\/title>\s*/i, () => '')
    .replace(/<meta\s+name="description"[\s\S]*?\/?>\s*/i, () => '');
  return stripped.replace(/<\/head>/i, () => `  ${head}\n  </head>`);
}

export function createSharePage({
  db,
  config,
  webRoot,
}: {
  db: Db;
  config: Pick<Config, 'baseUrl' | 'mode'>;
  /** The built web app (dist/web); tests give a directory of their own. */
  webRoot: string;
}) {
  let template: Promise<string> | undefined;
  /** index.html, read once; a failed read is tried again on the next request. */
  const indexHtml = () =>
    (template ??= readFile(path.join(webRoot, 'index.html'), 'utf8').catch((error: unknown) => {
      template = undefined;
      throw error;
    }));

  async function jobHead(jobId: string): Promise<string | null> {
    try {
      // As an anonymous visitor: exactly the jobs anyone may read.
      const job = await authorizeBrief(db, jobId, null, config.mode);
      const name = await businessName(db, job.businessId);
      const summary = markdownToText(job.summary);
      const description = truncate(
        summary || `${job.title}: a job posted by ${name} on ${SITE_NAME}.`,
        DESCRIPTION_CHARS,
      );
      return headFor({
        title: job.title,
        description,
        url: `${config.baseUrl}/jobs/${job.id}`,
      });
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 404) return null;
      throw error;
    }
  }

  return {
    /** The HTML for a page request: the app's index.html, with a readable job's head for /jobs/<id>. */
    async html(pathname: string): Promise<string> {
      const page = await indexHtml();
      const jobId = JOB_PAGE.exec(pathname)?.[1];
      const head = jobId ? await jobHead(jobId.toLowerCase()) : null;
      return head ? withHead(page, head) : page;
    },
  };
}
