/**
 * What the server knows of a job's page `/jobs/<id>` before the browser runs a line of script:
 * whether it exists for this visitor (else the page answers 404), and for a job anyone may read
 * (`isPublicBrief`) the tags of its `<head>` — title, description, Open Graph and Twitter card
 * tags, the canonical address — so that a link shared in a chat or found by a search engine
 * shows the job. A job only its business or invited people may read exists for them, with the
 * generic head: a private job's title never leaves the server in HTML.
 */
import { markdownToText } from '../../../core/markdown.ts';
import { truncate } from '../../../core/text.ts';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import { HttpProblem } from '../../lib/errors.ts';
import { businessName } from './board-queries.ts';
import { authorizeBrief, isPublicBrief } from './policy.ts';

export const SITE_NAME = 'Handoff';
/** Search engines show about 155–200 characters of a description. */
const DESCRIPTION_CHARS = 200;

/** Text made safe for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export interface HeadTags {
  title: string;
  description: string;
  /** The page's absolute, canonical address. */
  url: string;
  /** The absolute address of the picture shown with a shared link (1200×630). */
  image: string;
}

/** A page's `<title>`, description, canonical link, Open Graph and Twitter card tags. */
export function headFor(tags: HeadTags): string {
  const title = escapeHtml(tags.title);
  const description = escapeHtml(tags.description);
  const url = escapeHtml(tags.url);
  const image = escapeHtml(tags.image);
  return [
    `<title>${title} · ${SITE_NAME}</title>`,
    `<meta name="description" content="${description}" />`,
    `<link rel="canonical" href="${url}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${url}" />`,
    `<meta property="og:image" content="${image}" />`,
    // Our default picture's size; a professional's photo has its own.
    ...(tags.image.endsWith(OG_IMAGE_PATH)
      ? [
          `<meta property="og:image:width" content="1200" />`,
          `<meta property="og:image:height" content="630" />`,
          `<meta property="og:image:alt" content="${SITE_NAME}: hand off work, keep control" />`,
          `<meta name="twitter:card" content="summary_large_image" />`,
        ]
      : [`<meta name="twitter:card" content="summary" />`]),
    `<meta name="twitter:title" content="${title}" />`,
    `<meta name="twitter:description" content="${description}" />`,
  ].join('\n    ');
}

/** The default picture of a shared link, made for Handoff (src/web/public/og-image.png). */
export const OG_IMAGE_PATH = '/og-image.png';

/** What the server answers for a job page: 404, or 200 with the job's head (null: the generic one). */
export type JobPage = { status: 404 } | { status: 200; head: string | null };

export function createJobPages({
  db,
  config,
}: {
  db: Db;
  config: Pick<Config, 'baseUrl' | 'mode'>;
}) {
  return {
    /** The page of a job for a visitor (`userId` null when nobody is signed in). */
    async page(jobId: string, userId: string | null): Promise<JobPage> {
      let job;
      try {
        job = await authorizeBrief(db, jobId, userId, config.mode);
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        if (error.status === 404) return { status: 404 };
        // Invited but the address is not verified yet: the page exists and says what to do.
        return { status: 200, head: null };
      }
      if (!isPublicBrief(job, config.mode)) return { status: 200, head: null };
      const name = await businessName(db, job.businessId);
      const summary = markdownToText(job.summary);
      const description = truncate(
        summary || `${job.title}: a job posted by ${name} on ${SITE_NAME}.`,
        DESCRIPTION_CHARS,
      );
      return {
        status: 200,
        head: headFor({
          title: job.title,
          description,
          url: `${config.baseUrl}/jobs/${job.id}`,
          image: config.baseUrl + OG_IMAGE_PATH,
        }),
      };
    },
  };
}

export type JobPages = ReturnType<typeof createJobPages>;
