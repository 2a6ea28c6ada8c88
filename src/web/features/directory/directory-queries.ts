/**
 * The directory's address (every filter lives in the URL, so a search can be shared and the back
 * button works), the query behind the page, and its cache key.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  DIRECTORY_AVAILABILITIES,
  DIRECTORY_KINDS,
  DIRECTORY_SORTS,
  type DirectorySort,
} from '../../../core/directory.ts';
import type { DirectoryQueryInput } from '../../../core/contracts/directory.ts';
import { fromMajor, isCurrency } from '../../../core/money.ts';
import { api, apiPath } from '../../api.ts';

/** The directory's filters as the address holds them; rates in major units of the viewer's currency. */
export interface DirectorySearch {
  q?: string;
  /** The business the viewer searches for (its currency, hours, pool, colleagues). */
  business?: string;
  kind?: 'professionals' | 'businesses';
  category?: string;
  skills?: string;
  languages?: string;
  country?: string;
  availability?: (typeof DIRECTORY_AVAILABILITIES)[number];
  min?: number;
  max?: number;
  rating?: number;
  jobs?: number;
  years?: number;
  overlap?: number;
  pool?: boolean;
  sort?: Exclude<DirectorySort, 'relevance'>;
}

const text = (v: unknown) =>
  typeof v === 'number' ? String(v) : typeof v === 'string' && v.trim() ? v.trim() : undefined;
const num = (v: unknown, max: number) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= max ? n : undefined;
};
const oneOf = <T extends string>(options: readonly T[], v: unknown) => options.find((o) => o === v);
const slugs = (v: unknown) => {
  const t = text(v)?.toLowerCase();
  return t && /^[a-z0-9,-]+$/.test(t) ? t : undefined;
};

/** `validateSearch` of /pros: anything unknown or malformed in the address is dropped. */
export function validateDirectorySearch(s: Record<string, unknown>): DirectorySearch {
  const kind = oneOf(DIRECTORY_KINDS, s.kind);
  const sort = oneOf(DIRECTORY_SORTS, s.sort);
  const country = text(s.country)?.toUpperCase();
  const business = text(s.business);
  return {
    q: text(s.q)?.slice(0, 200),
    business: business && /^[0-9a-f-]{36}$/i.test(business) ? business : undefined,
    kind: kind === 'all' ? undefined : kind,
    category: slugs(s.category),
    skills: slugs(s.skills),
    languages: slugs(s.languages),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    availability: oneOf(DIRECTORY_AVAILABILITIES, s.availability),
    min: num(s.min, 1_000_000),
    max: num(s.max, 1_000_000),
    rating: num(s.rating, 5),
    jobs: num(s.jobs, 100_000),
    years: num(s.years, 80),
    overlap: num(s.overlap, 24),
    pool: s.pool === true || s.pool === 'true' ? true : undefined,
    sort: sort === 'relevance' ? undefined : sort,
  };
}

/** The address after a change: `patch` over `prev`, without unset values. */
export function nextDirectorySearch(
  prev: DirectorySearch,
  patch: Partial<DirectorySearch>,
): DirectorySearch {
  return Object.fromEntries(
    Object.entries({ ...prev, ...patch }).filter(([, v]) => v !== undefined && v !== ''),
  );
}

/** How many filters (beyond the words and the business) narrow the list. */
export const countFilters = (s: DirectorySearch) =>
  [
    s.kind,
    s.category,
    s.skills,
    s.languages,
    s.country,
    s.availability,
    s.min ?? s.max,
    s.rating,
    s.jobs,
    s.years,
    s.overlap,
    s.pool,
  ].filter((v) => v !== undefined).length;

export const DIRECTORY_PAGE = 20;

/**
 * The viewer's terms: the chosen business's currency, else the signed-in person's or US dollars;
 * the time zone is sent only without a business (the API uses the business's own hours then).
 */
export interface ViewerTerms {
  currency: string;
  timeZone: string;
}

/** The API's query for a directory search. */
export function directoryQuery(s: DirectorySearch, viewer: ViewerTerms): DirectoryQueryInput {
  const q: DirectoryQueryInput = { limit: DIRECTORY_PAGE };
  if (s.q) q.q = s.q;
  if (s.business) q.businessId = s.business;
  else {
    q.currency = isCurrency(viewer.currency) ? viewer.currency : 'USD';
    q.timeZone = viewer.timeZone;
  }
  if (s.kind) q.kind = s.kind;
  if (s.category) q.category = s.category;
  if (s.skills) q.skills = s.skills;
  if (s.languages) q.languages = s.languages;
  if (s.country) q.country = s.country;
  if (s.availability) q.availability = s.availability;
  // Rates are typed in major units of the viewer's currency (the business's when one is chosen).
  const currency = isCurrency(viewer.currency) ? viewer.currency : 'USD';
  if (s.min !== undefined) q.rateMin = fromMajor(s.min, currency).amount;
  if (s.max !== undefined && !(s.min !== undefined && s.min > s.max))
    q.rateMax = fromMajor(s.max, currency).amount;
  if (s.rating !== undefined && s.rating >= 1) q.minRating = s.rating;
  if (s.jobs !== undefined) q.minJobs = s.jobs;
  if (s.years !== undefined) q.minYears = s.years;
  if (s.overlap !== undefined && s.overlap >= 1) q.overlap = s.overlap;
  if (s.pool && s.business) q.pool = 'true';
  q.sort = s.sort ?? 'relevance';
  return q;
}

export const directoryKeys = {
  page: (query: string) => ['directory', query] as const,
};

export function useDirectory(search: DirectorySearch, viewer: ViewerTerms, enabled = true) {
  const query = directoryQuery(search, viewer);
  return useInfiniteQuery({
    queryKey: directoryKeys.page(apiPath('', {}, query)),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET /directory', { query: { ...query, cursor: pageParam ?? undefined } }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}
