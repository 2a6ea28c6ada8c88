import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { startTransition, StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { sharedKeys } from './hooks.ts';
import { HydratedContext, readPageData, RenderedAtContext } from './page-data.ts';
import { serverSawNobodySignedIn } from './page-hints.ts';
import { createAppRouter } from './router.tsx';

/** How long the data of a server-rendered page counts as fresh (then refetched as usual). */
const SERVER_DATA_FRESH_MS = 60_000;

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});
const router = createAppRouter();
// Nobody signed in, as the server saw it: no "who am I" request (and no logged 401) until
// someone signs in, which clears this entry.
const signedOut = serverSawNobodySignedIn();
if (signedOut) queryClient.setQueryData(sharedKeys.me, null);

// A public page the server rendered (src/server/public-pages/render-page.tsx): its data, as the
// anonymous API gave it, so the app asks for none of it again.
const pageData = readPageData();
for (const { key, data } of pageData?.queries ?? []) {
  // The server renders as nobody; a signed-in visitor's "who am I" is asked as usual.
  if (key[0] === sharedKeys.me[0] && !signedOut) continue;
  queryClient.setQueryData(key, data, { updatedAt: pageData!.renderedAt });
  // Fresh for a while, as if just fetched: a query without a staleTime of its own (the board's,
  // a job's) would otherwise be fetched again as the page mounts.
  queryClient.setQueryDefaults(key, { staleTime: SERVER_DATA_FRESH_MS });
}

/**
 * Tells the page's readers of `useHydrated` that hydration is over, in one transition: React
 * then renders them again (the board with its cards, in the viewer's time zone) in slices rather
 * than in one long task, as it does when an external store's snapshot changes after hydration.
 */
function Hydration({ hydrating, children }: { hydrating: boolean; children: ReactNode }) {
  const [hydrated, setHydrated] = useState(!hydrating);
  useEffect(() => {
    // Effects run once the server's HTML is hydrated.
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return <HydratedContext.Provider value={hydrated}>{children}</HydratedContext.Provider>;
}

const hydrating = Boolean(pageData && signedOut);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const app = (
  <StrictMode>
    <Hydration hydrating={hydrating}>
      <RenderedAtContext.Provider value={pageData?.renderedAt ?? null}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </RenderedAtContext.Provider>
    </Hydration>
  </StrictMode>
);

if (hydrating) {
  // Hydrate: the first render must be the server's, so the routes are matched first (the
  // rendered pages' routes load nothing), and the router renders its matches as it does on the
  // server, without the outer suspense boundary it adds for a page rendered in the browser alone.
  router.ssr = { manifest: undefined };
  void router.load().then(() =>
    // As a transition, React hydrates in slices of a few milliseconds and lets the browser
    // answer the visitor in between, instead of one long task on a slow phone (the page is on
    // screen already: hydrating only makes it interactive).
    startTransition(() => {
      hydrateRoot(container, app, {
        // The server formats dates and amounts in its own locale; a browser in another one
        // renders them its way, and React then replaces the server's HTML: expected, not an error.
        onRecoverableError: (error) => console.warn('Server HTML replaced:', error),
      });
    }),
  );
} else {
  // Rendered alone; for a signed-in visitor this replaces the anonymous HTML the server sent,
  // with the page's data already in the cache.
  createRoot(container).render(app);
}
