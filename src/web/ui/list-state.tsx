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
}

/**
 * A list's states in one place: loading, an error with "Try again", empty (saying what to do),
 * and the items with "Load more" while the API has further pages.
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
  if (query.isError)
    return (
      <Alert>
        {errorMessage(query.error)}{' '}
        <button type="button" className="underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </Alert>
    );
  if (count === 0)
    return (
      <EmptyState title={empty.title} action={empty.action}>
        {empty.body}
      </EmptyState>
    );
  return (
    <>
      {children}
      {query.hasNextPage && query.fetchNextPage && (
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
