/** The id of every page's `<main>`, which the skip link jumps to. */
export const MAIN_ID = 'main-content';

/**
 * "Skip to content": the first thing a keyboard reaches on every page, hidden until focused, so
 * nobody has to tab through the header and the navigation on each page.
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-800 shadow ring-2 ring-brand-700 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to content
    </a>
  );
}
