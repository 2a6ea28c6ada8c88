/**
 * /pros — the directory: professionals and approved business listings, searched and filtered
 * through the address, for anyone on a marketplace. A member may search for one of their
 * businesses (its currency, working hours, private pool, trusted colleagues); in a private
 * workspace that is the only way, and the directory is the business's own pool.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Search } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api.ts';
import { sharedKeys, useCategories, useMeta } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { controlClass, SelectField } from '../../ui/fields.tsx';
import { FilterPanel } from '../../ui/filter-panel.tsx';
import { Alert, EmptyState } from '../../ui/feedback.tsx';
import { PublicLayout, useDocumentTitle, useViewer } from '../jobs/board-layout.tsx';
import { DirectoryCard, DirectoryCardSkeleton } from './directory-card.tsx';
import { DirectoryFilters, type ChangeSearch } from './directory-filters.tsx';
import { countFilters, nextDirectorySearch, useDirectory } from './directory-queries.ts';

function SearchBox({ q, onChange }: { q?: string; onChange: ChangeSearch }) {
  const id = useId();
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: text.trim() || undefined });
  };
  return (
    <form role="search" onSubmit={submit} className="flex flex-1 gap-2">
      <label htmlFor={id} className="sr-only">
        Search professionals
      </label>
      <input
        id={id}
        type="search"
        className={controlClass}
        placeholder="Skills, role or name, e.g. bookkeeper xero"
        maxLength={200}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button type="submit">
        <Search size={16} aria-hidden />
        Search
      </Button>
    </form>
  );
}

const SORTS = [
  { value: '', label: 'Best match' },
  { value: 'rating', label: 'Rating' },
  { value: 'rate-asc', label: 'Rate: low to high' },
  { value: 'rate-desc', label: 'Rate: high to low' },
  { value: 'experience', label: 'Experience' },
];

export function Directory() {
  const search = useSearch({ from: '/pros' });
  const navigate = useNavigate({ from: '/pros' });
  const viewer = useViewer();
  const meta = useMeta();
  const categories = useCategories();
  useDocumentTitle('Find professionals · Handoff');

  const memberships = viewer.me.data?.memberships ?? [];
  const workspace = meta.data?.mode === 'workspace';
  // In a workspace the directory is a business's pool: the first one unless another is chosen.
  const businessId =
    search.business && memberships.some((m) => m.businessId === search.business)
      ? search.business
      : workspace
        ? memberships[0]?.businessId
        : undefined;
  // The chosen business's currency, for typing rates in it (its hours are the API's to apply).
  const business = useQuery({
    queryKey: sharedKeys.business(businessId ?? ''),
    queryFn: () => api('GET /businesses/:businessId', { params: { businessId: businessId! } }),
    enabled: Boolean(businessId),
    retry: false,
  });
  const currency = businessId ? (business.data?.currency ?? 'USD') : viewer.currency;
  const ready = !meta.isPending && (!businessId || !business.isPending) && !viewer.me.isPending;
  const directory = useDirectory(
    { ...search, business: businessId },
    { currency, timeZone: viewer.timeZone },
    ready && (!workspace || Boolean(businessId)),
  );

  const onChange: ChangeSearch = (patch, options) =>
    void navigate({
      search: (prev) => nextDirectorySearch(prev, patch),
      replace: options?.replace,
      resetScroll: false,
    });
  // Counts come with the first page (later pages leave them to it).
  const first = directory.data?.pages[0];
  const total = first?.total;
  const entries = directory.data?.pages.flatMap((p) => p.items) ?? [];
  const filterCount = countFilters(search);

  if (workspace && !viewer.me.isPending && !businessId) {
    return (
      <PublicLayout>
        <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">
          Find professionals
        </h1>
        <EmptyState title="This Handoff is a private workspace">
          Its directory shows a business’s own pool of professionals. Sign in as a member of a
          business to search it.
        </EmptyState>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <div className="mb-6 space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          Find professionals
        </h1>
        <p className="text-sm text-slate-600">
          {businessId
            ? `Rates in ${currency}; shared hours against ${business.data?.name ?? 'your business'}’s working day.`
            : `Rates in ${currency}; shared hours against 09:00–17:00 in ${viewer.timeZone}.`}
        </p>
      </div>
      {memberships.length > 0 && (
        <div className="mb-4 max-w-sm">
          <SelectField
            label="Search for"
            value={businessId ?? ''}
            onChange={(e) => onChange({ business: e.target.value || undefined, pool: undefined })}
            options={[
              ...(workspace ? [] : [{ value: '', label: 'Myself (my time zone and currency)' }]),
              ...memberships.map((m) => ({ value: m.businessId, label: m.businessName })),
            ]}
          />
        </div>
      )}
      <div className="lg:grid lg:grid-cols-[17rem_minmax(0,1fr)] lg:gap-8">
        <FilterPanel id="directory-filters" count={filterCount}>
          <DirectoryFilters
            search={search}
            onChange={onChange}
            facets={first?.facets ?? undefined}
            currency={currency}
            categories={categories.data?.items}
            hasBusiness={Boolean(businessId) && !workspace}
          />
          {first?.facets?.sampled && (
            <p className="mt-3 text-xs text-slate-600">Counts are from the first 1,000 matches.</p>
          )}
        </FilterPanel>
        <section aria-labelledby="results-heading" className="min-w-0">
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
            <SearchBox q={search.q} onChange={onChange} />
            <div className="sm:w-48">
              <SelectField
                label="Sort by"
                value={search.sort ?? ''}
                onChange={(e) =>
                  onChange({ sort: (e.target.value || undefined) as typeof search.sort })
                }
                options={SORTS}
              />
            </div>
          </div>
          <h2
            id="results-heading"
            className="mb-3 text-sm font-medium text-slate-700"
            aria-live="polite"
          >
            {total
              ? total.count === 0
                ? 'No matches'
                : `${total.count.toLocaleString()}${total.more ? '+' : ''} ${total.count === 1 && !total.more ? 'match' : 'matches'}`
              : 'Results'}
          </h2>
          {directory.isPending ? (
            <div className="space-y-3">
              <p role="status" className="sr-only">
                Loading professionals…
              </p>
              <DirectoryCardSkeleton />
              <DirectoryCardSkeleton />
              <DirectoryCardSkeleton />
            </div>
          ) : directory.isError && entries.length === 0 ? (
            <Alert>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>The directory could not be loaded ({errorMessage(directory.error)}).</span>
                <Button variant="secondary" onClick={() => void directory.refetch()}>
                  Try again
                </Button>
              </div>
            </Alert>
          ) : entries.length === 0 ? (
            search.q || filterCount > 0 ? (
              <EmptyState
                title="No one matches this search"
                action={
                  <Button
                    variant="secondary"
                    onClick={() => void navigate({ search: { business: search.business } })}
                  >
                    Clear search and filters
                  </Button>
                }
              >
                Try fewer skills, a wider rate range, fewer shared hours, or other words.
              </EmptyState>
            ) : workspace ? (
              <EmptyState title="Your pool is empty">
                Add professionals you know to your business’s pool; they appear here once they join.
              </EmptyState>
            ) : (
              <EmptyState title="No professionals yet">
                Professionals appear here once they publish a profile. Check back soon.
              </EmptyState>
            )
          ) : (
            <div
              aria-busy={directory.isFetching && !directory.isFetchingNextPage}
              className={directory.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}
            >
              <ul className="space-y-3" aria-label="Professionals and businesses">
                {entries.map((entry) => (
                  <li key={`${entry.kind}-${entry.id}`}>
                    <DirectoryCard entry={entry} />
                  </li>
                ))}
              </ul>
              {directory.isFetchNextPageError && (
                <div className="mt-4">
                  <Alert>
                    More results could not be loaded ({errorMessage(directory.error)}). Press “Show
                    more” to try again.
                  </Alert>
                </div>
              )}
              {directory.hasNextPage && (
                <div className="mt-6 flex justify-center">
                  <Button
                    variant="secondary"
                    busy={directory.isFetchingNextPage}
                    onClick={() => void directory.fetchNextPage()}
                  >
                    Show more
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
