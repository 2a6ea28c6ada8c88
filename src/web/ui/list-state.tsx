import type { ReactNode } from 'react';
import { errorMessage } from '../api.ts';
import { Button } from './button.tsx';
import { Alert, EmptyState, Loading } from './feedback.tsx';

/** What ListState needs of a query (useQuery or useInfiniteQuery). */
interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => unknown;
  /** Set by useInfiniteQuery when only loading a further page failed. */
  isFetchNextPageError?: boolean;
}

function Failed({ query }: { query: ListQuery }) {
  // A failed "Load more" is tried again as a further page, not as a reload of the whole list.
  const retry = () =>
    void (query.isFetchNextPageError && query.fetchNextPage
      ? query.fetchNextPage()
      : query.refetch());
  return (
    <Alert>
      {errorMessage(query.error)}{' '}
      <button type="button" className="underline" onClick={retry}>
        Try again
      </button>
    </Alert>
  );
}

/**
 * A list's states in one place: loading, an error with "Try again", empty (saying what to do),
 * and the items with "Load more" while the API has further pages. An error after items have
 * loaded (a failed "Load more" or refresh) keeps them on screen, with the error below them.
 */
export function ListState({
  query,
  count,
  loading = 'Loading',
  empty,
  children,
}: {
  query: ListQuery;
  /** How many items are loaded. */
  count: number;
  loading?: string;
  /** Shown when there are no items: what the list holds and how to add the first. */
  empty: { title: string; body?: ReactNode; action?: ReactNode };
  children: ReactNode;
}) {
  if (query.isPending) return <Loading what={loading} />;
  if (query.isError && count === 0) return <Failed query={query} />;
  if (count === 0)
    return (
      <EmptyState title={empty.title} action={empty.action}>
        {empty.body}
      </EmptyState>
    );
  return (
    <>
      {children}
      {query.isError && (
        <div className="mt-4">
          <Failed query={query} />
        </div>
      )}
      {query.hasNextPage && query.fetchNextPage && !query.isError && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="secondary"
            busy={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage?.()}
          >
            Load more
          </Button>
        </div>
      )}
    </>
  );
}
