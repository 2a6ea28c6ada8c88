/**
 * What the server wrote into the page's `<head>` for the app (src/server/public-pages): whether
 * anyone was signed in when the page was served, and whether its address is a page at all. Read
 * once, for the address the page was loaded at; navigation inside the app asks the API as usual.
 */

function metaContent(name: string): string | null {
  if (typeof document === 'undefined') return null;
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

const loadedAt = typeof location === 'undefined' ? null : location.pathname;
const notFoundAtLoad = metaContent('handoff-page') === 'not-found';
const signedOutAtLoad = metaContent('handoff-session') === 'signed-out';

/** Whether the server answered 404 for this address when the page was loaded. */
export function serverSaysNotFound(pathname: string): boolean {
  return notFoundAtLoad && pathname === loadedAt;
}

/**
 * Whether the server saw nobody signed in when it served this page. main.tsx seeds the "who am
 * I" query with it, so an anonymous visitor's pages need no request (an anonymous request would
 * be a 401 that the browser logs as an error on every public page). Signing in removes or
 * invalidates that query, as it always did, and the next read asks the API.
 */
export function serverSawNobodySignedIn(): boolean {
  return signedOutAtLoad;
}
