/**
 * The web app's entry (index.html): the stylesheet, then the app (main.tsx) — at once for a page
 * the browser renders alone, and only after the first paint for a page the server rendered.
 *
 * A server-rendered page (src/server/public-pages) shows its content from the HTML alone; the app
 * only hydrates it. Loaded at once, the app's ~140 KiB of modules download while the HTML is still
 * being laid out and compete with that first paint: on a slow phone link the paint then waits for
 * them (Lighthouse's simulation counts every script that finished before the paint as needed for
 * it, which made the landing page's and the board's LCP about 2.4 s where the HTML alone gives
 * 0.7 s). Asked for after the first contentful paint, they cost the content nothing.
 *
 * This module imports nothing else, so that it stays a few hundred bytes.
 */
import './styles.css';

function loadApp() {
  void import('./main.tsx');
}

/** Whether the server sent the page's content in `#root` (else the app must render it). */
function serverRendered(): boolean {
  return Boolean(document.getElementById('root')?.firstElementChild);
}

/**
 * Calls `then` once the browser has painted the page's content. A hidden page paints nothing
 * until shown, so it loads at once (as it does when it is hidden later while waiting); a browser
 * without paint timing loads after the next frame.
 */
function afterFirstContentfulPaint(then: () => void) {
  if (document.visibilityState === 'hidden') return then();
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    // Before the next frame, then after it (a timer set in a frame callback runs after its paint).
    requestAnimationFrame(() => setTimeout(then, 0));
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    document.removeEventListener('visibilitychange', onHidden);
    then();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') once();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) once();
  });
  document.addEventListener('visibilitychange', onHidden);
  // Buffered: the paint may be over already when this runs.
  observer.observe({ type: 'paint', buffered: true });
}

if (serverRendered()) afterFirstContentfulPaint(loadApp);
else loadApp();
