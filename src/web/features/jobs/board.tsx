/**
 * /jobs — the public job board: open public jobs, searched and filtered through the address,
 * for anyone, signed in or not; in a private workspace, a note that there is none.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { FilterPanel } from '../../ui/filter-panel.tsx';
import { Alert, EmptyState } from '../../ui/feedback.tsx';
import { useCategories, useMeta } from '../../hooks.ts';
import { useRenderClock } from '../../page-data.ts';
import { BoardCard, BoardCardSkeleton } from './board-card.tsx';
import {
  BoardFilters,
  BudgetKindSwitch,
  countFilters,
  SearchBox,
  SortSelect,
  type ChangeSearch,
} from './board-filters.tsx';
import { PublicLayout, useDocumentTitle, useViewer } from './board-layout.tsx';
import { hasFilters, nextBoardSearch, useBoard } from './board-queries.ts';

export function JobBoard() {
  const search = useSearch({ from: '/jobs' });
  const navigate = useNavigate({ from: '/jobs' });
  const viewer = useViewer();
  const categories = useCategories();
  const meta = useMeta();
  useDocumentTitle('Job board · Handoff');

  const board = useBoard(search, viewer.currency);
  const onChange: ChangeSearch = (patch, options) =>
    void navigate({
      search: (prev) => nextBoardSearch(prev, typeof patch === 'function' ? patch(prev) : patch),
      replace: options?.replace,
      resetScroll: false,
    });
  const categoryName = (slug: string | null) =>
    slug ? (categories.data?.items.find((c) => c.slug === slug)?.name ?? undefined) : undefined;
  const filterCount = countFilters(search);
  // One clock reading per render, so "2 hr. ago" agrees across cards (the server's, while the
  // browser hydrates the board the server rendered).
  const now = useRenderClock();
  const jobs = board.data?.pages.flatMap((p) => p.items) ?? [];

  // A private workspace has no public jobs (the API answers every search with an empty page).
  if (meta.data?.mode === 'workspace') {
    return (
      <PublicLayout>
        <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          Job board
        </h1>
        <EmptyState title="This Handoff is a private workspace">
          Its jobs go only to the professionals a business invites, so there is no public job board.
          Invited? Sign in to find your invitations on your overview.
        </EmptyState>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          Job board
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Open work from small businesses. Each job shows its brief; the full specification goes to
          the professionals a business shortlists.
        </p>
      </div>
      <div className="lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8">
        <FilterPanel id="board-filters" count={filterCount} sticky>
          <BoardFilters
            search={search}
            onChange={onChange}
            categories={categories.data?.items}
            viewerCurrency={viewer.currency}
          />
        </FilterPanel>
        <section aria-labelledby="results-heading" className="min-w-0">
          <h2 id="results-heading" className="sr-only">
            Jobs
          </h2>
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
            <SearchBox q={search.q} onChange={onChange} />
            <SortSelect search={search} onChange={onChange} />
          </div>
          {search.sort === 'budget' && <BudgetKindSwitch type={search.type} onChange={onChange} />}
          {board.isPending ? (
            <div className="space-y-3">
              <p role="status" className="sr-only">
                Loading jobs…
              </p>
              <BoardCardSkeleton />
              <BoardCardSkeleton />
              <BoardCardSkeleton />
            </div>
          ) : board.isError && jobs.length === 0 ? (
            <Alert>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>The jobs could not be loaded ({errorMessage(board.error)}).</span>
                <Button variant="secondary" onClick={() => void board.refetch()}>
                  Try again
                </Button>
              </div>
            </Alert>
          ) : jobs.length === 0 ? (
            // The budget order shows one kind of budget: an empty list may be only that kind's.
            hasFilters(search) || search.type ? (
              <EmptyState
                title="No jobs match this search"
                action={
                  <Button variant="secondary" onClick={() => void navigate({ search: {} })}>
                    Clear search and filters
                  </Button>
                }
              >
                Try fewer skills, a wider budget range, the other kind of budget, a longer time
                window, or other words.
              </EmptyState>
            ) : (
              <EmptyState title="No open jobs yet">
                Businesses’ jobs appear here as they publish them. Check back soon.
              </EmptyState>
            )
          ) : (
            <div
              aria-busy={board.isFetching && !board.isFetchingNextPage}
              className={
                board.isPlaceholderData ? 'opacity-60 transition-opacity' : 'transition-opacity'
              }
            >
              <ul className="space-y-3" aria-label="Jobs">
                {jobs.map((job) => (
                  <li key={job.id}>
                    <BoardCard
                      job={job}
                      categoryName={categoryName(job.category)}
                      timeZone={viewer.timeZone}
                      now={now}
                    />
                  </li>
                ))}
              </ul>
              {board.isFetchNextPageError && (
                <div className="mt-4">
                  <Alert>
                    More jobs could not be loaded ({errorMessage(board.error)}). Press “Load more”
                    to try again.
                  </Alert>
                </div>
              )}
              {board.hasNextPage && (
                <div className="mt-6 flex justify-center">
                  <Button
                    variant="secondary"
                    busy={board.isFetchingNextPage}
                    onClick={() => void board.fetchNextPage()}
                  >
                    Load more jobs
                  </Button>
                </div>
              )}
            </div>
          )}
        </section>
      </div>
    </PublicLayout>
  );
}
