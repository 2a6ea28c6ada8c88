/**
 * Server rendering of the public pages that pay for it: the landing page, the job board and a
 * public job's page. The same router and components as the browser's, rendered to HTML with the
 * data the anonymous API gives for that address, so the page's content (its LCP element) is in
 * the first response instead of waiting for the script bundle and then for its API calls. The
 * data goes along as JSON (web/page-data.ts) for the browser to hydrate from without refetching.
 *
 * Always as an anonymous visitor: the HTML is the same whoever asks, so nothing of a signed-in
 * session can end up in it. A page the anonymous API does not show (a private or draft job) is
 * not rendered here at all.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import type { Category } from '../../core/contracts/catalog.ts';
import type { BoardPage, BoardQuery, PublicJob } from '../../core/contracts/jobs.ts';
import { boardKeys, boardQuery, boardQueryString } from '../../web/features/jobs/board-queries.ts';
import { sharedKeys } from '../../web/hooks.ts';
import { PAGE_DATA_ID, RenderedAtContext, type PageData } from '../../web/page-data.ts';
import { createAppRouter } from '../../web/router.tsx';

/** What the rendered pages read, each exactly as the anonymous API answers it. */
export interface PublicPageData {
  /** Null: this board search is not one the server renders (a private workspace, say). */
  board(query: BoardQuery): Promise<BoardPage | null>;
  /** Null: an anonymous visitor may not read this job. */
  job(jobId: string): Promise<PublicJob | null>;
  categories(): Promise<{ items: Category[] }>;
}

export interface RenderedPage {
  /** The markup of the page, for inside `#root`. */
  html: string;
  /**
   * The data as a JSON `<script>` for after `#root`, `<` escaped so that no text in the data can
   * close the element.
   */
  dataScript: string;
}

/** The currency an anonymous visitor's budget filters are read in (board-layout's useViewer). */
const ANONYMOUS_CURRENCY = 'USD';

/**
 * The HTML of the page at `url` (path and query) with the data it was rendered from, or null
 * when the address is not one of the rendered pages or its content is not public.
 */
export async function renderPublicPage(
  url: string,
  source: PublicPageData,
  now: number,
): Promise<RenderedPage | null> {
  const router = createAppRouter({
    history: createMemoryHistory({ initialEntries: [url] }),
    isServer: true,
  });
  await router.load();
  const leaf = router.state.matches.at(-1);
  // An address no route takes, or one a route refused (a job address without a job id).
  if (!leaf || router.state.matches.some((m) => m.status !== 'success' || m._notFound)) return null;

  // Nobody is signed in, as far as this HTML knows (see the module's comment).
  const queries: PageData['queries'] = [{ key: sharedKeys.me, data: null }];
  switch (leaf.routeId) {
    case '/': {
      break;
    }
    case '/jobs': {
      const search = leaf.search;
      const [page, categories] = await Promise.all([
        source.board(boardQuery(search, ANONYMOUS_CURRENCY)),
        source.categories(),
      ]);
      if (!page) return null;
      queries.push(
        {
          key: boardKeys.board(boardQueryString(search, ANONYMOUS_CURRENCY)),
          // The board is an infinite query: its first page, fetched without a cursor.
          data: { pages: [page], pageParams: [null] },
        },
        { key: sharedKeys.categories, data: categories },
      );
      break;
    }
    case '/jobs/$jobId': {
      const { jobId } = leaf.params as { jobId: string };
      const [job, categories] = await Promise.all([
        source.job(jobId.toLowerCase()),
        source.categories(),
      ]);
      if (!job) return null;
      queries.push(
        { key: boardKeys.job(jobId), data: job },
        { key: sharedKeys.categories, data: categories },
      );
      break;
    }
    default:
      return null;
  }

  const queryClient = new QueryClient({
    // Nothing is fetched on the server: what was not seeded renders as still loading.
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  for (const { key, data } of queries) queryClient.setQueryData(key, data, { updatedAt: now });
  const html = renderToString(
    <StrictMode>
      <RenderedAtContext.Provider value={now}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </RenderedAtContext.Provider>
    </StrictMode>,
  );
  queryClient.clear();
  const json = JSON.stringify({ renderedAt: now, queries } satisfies PageData);
  return {
    html,
    dataScript: `<script type="application/json" id="${PAGE_DATA_ID}">${json.replace(/</g, '\\u003c')}</script>`,
  };
}
