/**
 * The web app's page addresses, known to the server too: a request for any other address is
 * answered 404 (with the app's not-found page) instead of a 200 that only the browser's script
 * would reveal as "nothing here". `src/web/router.tsx` declares the same paths; a unit test
 * (`pages.test.ts`) keeps the two lists equal, so a new page is one line here and its route there.
 */

/** A path segment that is a parameter: `$jobId` takes a UUID, `$token` any non-empty segment. */
type Segment = string;

/** Every page path, in the router's `$param` notation. */
export const PAGE_PATHS = [
  '/',
  '/sign-up',
  '/sign-in',
  '/forgot-password',
  '/reset-password',
  '/invitations/$token',
  '/jobs',
  '/jobs/$jobId',
  '/app',
  '/app/settings',
  '/app/businesses/$businessId/settings',
  '/app/businesses/$businessId/team',
  '/app/businesses/$businessId/audit',
  '/app/businesses/$businessId/audits/$auditId',
  '/app/businesses/$businessId/jobs',
  '/app/businesses/$businessId/jobs/new',
  '/app/businesses/$businessId/jobs/$jobId',
  '/app/businesses/$businessId/jobs/$jobId/versions',
  '/admin/mailbox',
  '/admin/catalog',
  '/admin/templates',
  '/notifications',
  '/settings/notifications',
  // Talent
  '/pros',
  '/pros/$slug',
  '/app/profile',
  '/app/listing',
  '/app/recommendations',
  '/app/businesses/$businessId/colleagues',
  '/app/businesses/$businessId/recommendations/$userId',
  '/app/businesses/$businessId/pool',
  '/app/businesses/$businessId/lists',
  '/app/businesses/$businessId/lists/$listId',
  '/admin/listings',
  '/recommend/$token',
  '/join/$token',
  // Hiring — trials
  '/app/businesses/$businessId/jobs/$jobId/trials',
  '/app/trials',
  '/app/trials/$trialId',
  // Hiring — shortlist
  '/app/businesses/$businessId/jobs/$jobId/bids',
  '/app/businesses/$businessId/jobs/$jobId/compare',
  '/app/businesses/$businessId/decline-templates',
  // Hiring — interviews and award
  '/app/businesses/$businessId/jobs/$jobId/bids/$bidId/interview',
  '/app/businesses/$businessId/jobs/$jobId/interviews',
  '/app/interviews/$interviewId',
  '/app/businesses/$businessId/jobs/$jobId/bids/$bidId/award',
  '/app/contracts/$contractId',
  '/app/contracts/$contractId/time',
  '/app/contracts/$contractId/meetings',
  '/app/contracts/$contractId/issues',
  '/app/contracts/$contractId/issues/$number',
  '/app/contracts/$contractId/messages',
  '/app/contracts/$contractId/files',
  '/app/contracts/$contractId/reports',
  '/app/contracts',
  '/app/businesses/$businessId/contracts',
  // Hiring — NDAs
  '/app/businesses/$businessId/ndas',
  '/app/businesses/$businessId/jobs/$jobId/ndas',
  '/app/jobs/$jobId/nda',
  '/app/jobs/$jobId/spec',
  // Hiring — bids (issue 11)
  '/app/jobs/$jobId/bid',
  '/app/bids',
  '/app/saved-jobs',
  '/app/businesses/$businessId/jobs/$jobId/questions',
] as const;

export type PagePath = (typeof PAGE_PATHS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parameters that name a record by its id; anything but a UUID there cannot be a page. */
function segmentMatches(pattern: Segment, value: string): boolean {
  if (!pattern.startsWith('$')) return pattern === value;
  if (value === '') return false;
  return pattern.endsWith('Id') ? UUID.test(value) : true;
}

export interface PageMatch {
  path: PagePath;
  params: Record<string, string>;
}

/**
 * The page an address shows, with its parameters, or null when the app has no such page.
 * A trailing slash is allowed (`/jobs/`); percent-encoded segments are compared decoded.
 */
export function matchPage(pathname: string): PageMatch | null {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let parts: string[];
  try {
    parts = trimmed.split('/').map((p) => decodeURIComponent(p));
  } catch {
    return null; // a malformed escape such as `%E0%A4%A` is no address of ours
  }
  for (const path of PAGE_PATHS) {
    const pattern = path.split('/');
    if (pattern.length !== parts.length) continue;
    // A fixed segment beats a parameter: `/jobs/new` is the editor, not a job called "new".
    if (!pattern.every((segment, i) => segmentMatches(segment, parts[i] ?? ''))) continue;
    const params: Record<string, string> = {};
    pattern.forEach((segment, i) => {
      if (segment.startsWith('$')) params[segment.slice(1)] = parts[i] ?? '';
    });
    return { path, params };
  }
  return null;
}

/** Whether a string is a UUID, as page parameters ending in `Id` must be. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
