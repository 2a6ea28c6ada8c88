import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { sharedKeys } from './hooks.ts';
import { serverSawNobodySignedIn } from './page-hints.ts';
import { router } from './router.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});
// Nobody signed in, as the server saw it: no "who am I" request (and no logged 401) until
// someone signs in, which clears this entry.
if (serverSawNobodySignedIn()) queryClient.setQueryData(sharedKeys.me, null);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
