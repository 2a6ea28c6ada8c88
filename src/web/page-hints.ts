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
let signedOutAtLoad = metaContent('handoff-session') === 'signed-out';

/** Whether the server answered 404 for this address when the page was loaded. */
export function serverSaysNotFound(pathname: string): boolean {
  return notFoundAtLoad && pathname === loadedAt;
}

/**
 * True once, if the server saw nobody signed in: the first "who am I" needs no request (an
 * anonymous request would be a 401 that the browser logs as an error on every public page).
 */
export function takeSignedOutHint(): boolean {
  const hint = signedOutAtLoad;
  signedOutAtLoad = false;
  return hint;
}
