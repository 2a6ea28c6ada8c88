/**
 * The public pages the server renders (landing, job board, a public job; see
 * src/server/public-pages/render-page.tsx) arrive with the data they were rendered from, as JSON
 * in the page. main.tsx seeds the query cache with it and hydrates the server's HTML, so the page
 * shows its content before any script runs and the app fetches none of it again.
 *
 * Hydration needs the browser's first render to match the server's exactly. Two things differ
 * between them and wait until hydration is over: the viewer's time zone (the server renders in
 * UTC) and the clock behind "3 hr. ago" (the server's reading is in the data).
 */
import type { QueryKey } from '@tanstack/react-query';
import { createContext, useContext } from 'react';

/** The id of the `<script type="application/json">` that holds a rendered page's data. */
export const PAGE_DATA_ID = 'handoff-page-data';

export interface PageData {
  /** When the server rendered the page, in ms since the epoch. */
  renderedAt: number;
  /** The queries the page read, as the anonymous API answers them, under the app's own keys. */
  queries: { key: QueryKey; data: unknown }[];
}

/** The data of the page the server rendered, or null when it rendered none (the app's shell). */
export function readPageData(): PageData | null {
  const text = document.getElementById(PAGE_DATA_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as PageData;
  } catch {
    return null;
  }
}

/** The server's clock reading for the page being rendered or hydrated (null: none). */
export const RenderedAtContext = createContext<number | null>(null);

/**
 * Whether the page's first render is over: false on the server and while the browser hydrates the
 * server's HTML, true once hydrated (main.tsx provides it; true from the start for a page the
 * browser renders alone).
 */
export const HydratedContext = createContext(false);

/**
 * False on the server and while the browser hydrates the server's HTML, true after (React
 * renders the readers again with true once hydration is done); true from the start for a page
 * the browser renders alone.
 */
export function useHydrated(): boolean {
  return useContext(HydratedContext);
}

/** "Now" for relative times: the server's reading until the page is hydrated, then the browser's. */
export function useRenderClock(): number {
  const hydrated = useHydrated();
  const renderedAt = useContext(RenderedAtContext);
  return !hydrated && renderedAt !== null ? renderedAt : Date.now();
}

/** The time zone of a viewer who has not set one: UTC until hydrated (as the server rendered). */
export function useFallbackTimeZone(browserZone: () => string): string {
  return useHydrated() ? browserZone() : 'UTC';
}
