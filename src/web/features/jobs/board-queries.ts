/**
 * The job board's address (its filters live in the URL, so a search can be shared and the back
 * button works), the queries behind the board, the public job page, a professional's invited
 * jobs and a business's job list, and the keys they live under.
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { BoardQuery } from '../../../core/contracts/jobs.ts';
import {
  BUDGET_TYPES,
  POSTED_WITHIN,
  type BudgetType,
  type JobStatus,
} from '../../../core/jobs.ts';
import { fromMajor, isCurrency } from '../../../core/money.ts';
import { api, ApiError, apiPath } from '../../api.ts';

export type PostedWithin = keyof typeof POSTED_WITHIN;
export const POSTED_OPTIONS = Object.keys(POSTED_WITHIN) as PostedWithin[];

/**
 * The board's filters as the address holds them. Budget bounds are major units of `currency`
 * (what the viewer typed, `min=500`), converted to minor units only for the API.
 */
export interface BoardSearch {
  q?: string;
  category?: string;
  /** Comma-separated skill names; a job must have all of them. */
  skills?: string;
  type?: BudgetType;
  min?: number;
  max?: number;
  currency?: string;
  posted?: PostedWithin;
  /** Newest first unless `budget`. */
  sort?: 'budget';
}

// The router parses `?q=2026` as a number, so text values accept numbers too.
const text = (v: unknown) =>
  typeof v === 'number' ? String(v) : typeof v === 'string' && v.trim() ? v.trim() : undefined;
const amount = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};
const oneOf = <T extends string>(options: readonly T[], v: unknown) => options.find((o) => o === v);

/**
 * Whether a search compares budgets: a bound, or the budget order. A fixed job's budget is a
 * total and an hourly job's a rate, so the API compares them within one kind only and needs
 * `type` for these; the board picks fixed prices when none is chosen.
 */
export const comparesBudgets = (s: BoardSearch) =>
  s.sort === 'budget' || s.min !== undefined || s.max !== undefined;

/**
 * The kind of budget a search shows: the one chosen, else fixed prices while budgets are
 * compared, else both (undefined). The implicit fixed kind is never written to the address, so
 * leaving the budget order or removing the bounds brings every job back.
 */
export const budgetKind = (s: BoardSearch): BudgetType | undefined =>
  s.type ?? (comparesBudgets(s) ? 'fixed' : undefined);

/** What the board says wherever it picks or shows the kind that budgets are compared within. */
export const BUDGET_KIND_NOTE = 'Budgets sort within one kind: fixed prices or hourly rates.';

/**
 * `validateSearch` of /jobs: anything unknown or malformed in the address is dropped. `type` is
 * kept only as the address has it (a kind the viewer chose); a search that compares budgets
 * without one is read as fixed prices by budgetKind, not stored as such.
 */
export function validateBoardSearch(s: Record<string, unknown>): BoardSearch {
  const currency = text(s.currency)?.toUpperCase();
  const search: BoardSearch = {
    q: text(s.q)?.slice(0, 200),
    category: text(s.category),
    skills: text(s.skills),
    type: oneOf(BUDGET_TYPES, s.type),
    min: amount(s.min),
    max: amount(s.max),
    currency: currency && isCurrency(currency) ? currency : undefined,
    posted: oneOf(POSTED_OPTIONS, s.posted),
    sort: s.sort === 'budget' ? 'budget' : undefined,
  };
  return search;
}

/**
 * The address after a change: `patch` over `prev`, without unset values, so the address shows
 * only the filters in use.
 */
export function nextBoardSearch(prev: BoardSearch, patch: Partial<BoardSearch>): BoardSearch {
  return Object.fromEntries(
    Object.entries({ ...prev, ...patch }).filter(([, v]) => v !== undefined && v !== ''),
  );
}

/** The change of the sort select: the order only, never a kind (see budgetKind). */
export const sortPatch = (value: string): Partial<BoardSearch> => ({
  sort: value === 'budget' ? 'budget' : undefined,
});

/**
 * The change of "Clear filters": every filter but the search text. Under the budget order the
 * kind belongs to the order (hasFilters), so a chosen one stays.
 */
export const clearFiltersPatch = (s: BoardSearch): Partial<BoardSearch> => ({
  category: undefined,
  skills: undefined,
  ...(s.sort === 'budget' ? {} : { type: undefined }),
  min: undefined,
  max: undefined,
  currency: undefined,
  posted: undefined,
});

/** The skills of a `skills` value, in order, without blanks or repeats (case-insensitive). */
export function splitSkills(skills: string | undefined): string[] {
  const seen = new Set<string>();
  return (skills ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

/**
 * Whether anything narrows the list. Under the budget order the kind belongs to the order (it is
 * chosen beside it, and clearing the filters cannot remove it), so it does not count there.
 */
export const hasFilters = (s: BoardSearch) =>
  Boolean(
    s.q ||
    s.category ||
    s.skills ||
    (s.type && s.sort !== 'budget') ||
    s.min !== undefined ||
    s.max !== undefined ||
    s.posted,
  );

export const BOARD_PAGE = 20;

/** The API's query for a board search; `currency` is the viewer's unless the address says. */
export function boardQuery(s: BoardSearch, viewerCurrency: string): BoardQuery {
  const q: BoardQuery = { limit: BOARD_PAGE };
  if (s.q) q.q = s.q;
  if (s.category) q.category = s.category;
  const skills = splitSkills(s.skills);
  if (skills.length) q.skills = skills.join(',');
  const type = budgetKind(s);
  if (type) q.budgetType = type;
  if (s.min !== undefined || s.max !== undefined) {
    const currency = s.currency ?? viewerCurrency;
    q.currency = currency;
    if (s.min !== undefined) q.budgetMin = fromMajor(s.min, currency).amount;
    // An upper end below the lower one is flagged beside the field and left out, not sent (a 400).
    if (s.max !== undefined && !(s.min !== undefined && s.min > s.max))
      q.budgetMax = fromMajor(s.max, currency).amount;
  }
  if (s.posted) q.postedWithin = s.posted;
  if (s.sort) q.sort = s.sort;
  return q;
}

/** The same query as the URL sends it; also the board's cache key. */
export const boardQueryString = (s: BoardSearch, viewerCurrency: string): string =>
  apiPath('', {}, boardQuery(s, viewerCurrency)).split('?')[1] ?? '';

export const boardKeys = {
  board: (query: string) => ['board', query] as const,
  job: (jobId: string) => ['public-job', jobId] as const,
  invited: ['me', 'job-invitations'] as const,
  /** Under jobKeys.list(businessId), which the job editor refreshes after every change. */
  businessJobs: (businessId: string, status: JobStatus | undefined) =>
    ['jobs', businessId, 'list', status ?? 'all'] as const,
};

export function useBoard(search: BoardSearch, viewerCurrency: string) {
  const query = boardQuery(search, viewerCurrency);
  return useInfiniteQuery({
    queryKey: boardKeys.board(boardQueryString(search, viewerCurrency)),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET /jobs', { query: { ...query, cursor: pageParam ?? undefined } }),
    getNextPageParam: (last) => last.nextCursor,
    // While a new search loads, the last results stay (dimmed) instead of a blank page.
    placeholderData: keepPreviousData,
  });
}

/** Whether an error is the API's "not found" (also its answer for a job you may not see). */
export const isNotFound = (error: unknown) =>
  error instanceof ApiError && error.problem.status === 404;

export function usePublicJob(jobId: string) {
  return useQuery({
    queryKey: boardKeys.job(jobId),
    queryFn: () => api('GET /jobs/:jobId', { params: { jobId } }),
    retry: (count, error) => !isNotFound(error) && count < 1,
  });
}

export function useInvitedJobs(enabled = true) {
  return useQuery({
    queryKey: boardKeys.invited,
    queryFn: () => api('GET /me/job-invitations'),
    enabled,
  });
}

export function useBusinessJobs(businessId: string, status: JobStatus | undefined) {
  return useInfiniteQuery({
    queryKey: boardKeys.businessJobs(businessId, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET /businesses/:businessId/jobs', {
        params: { businessId },
        query: { limit: 25, status, cursor: pageParam ?? undefined },
      }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
