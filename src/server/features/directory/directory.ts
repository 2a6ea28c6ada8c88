/**
 * The directory: visible professionals and approved business listings, searched and filtered in
 * the viewer's terms (currency, working hours) and with what the viewer's business knows of them.
 */
import { z } from 'zod';
import {
  DIRECTORY_SORTS,
  FACET_SAMPLE,
  type DirectoryPage,
  type DirectoryQuery,
  type DirectorySort,
} from '../../../core/contracts/directory.ts';
import { rateRangeToUsd } from '../../../core/directory.ts';
import type { RatesPerUsd } from '../../../core/money.ts';
import { utcWindow, type UtcWindow } from '../../../core/working-window.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest } from '../../lib/errors.ts';
import { badCursor, decodeCursor, page } from '../../lib/pagination.ts';
import { ratesPerUsd } from '../catalog/catalog.ts';
import { authorizeDirectory, type Mode } from './policy.ts';
import { checkable, ResultCache, type CacheStatus, type Dependencies } from './result-cache.ts';
import { presentEntry } from './present.ts';
import {
  businessTerms,
  listDirectoryPage,
  readDirectoryVersion,
  readFacets,
  readRelevantPage,
  readUnchanged,
  type ReadProfiles,
  viewerKnowledge,
  type DirectoryRow,
} from './queries.ts';
import { includesListings, type DirectoryFilter } from './filter-queries.ts';

/** A page's last row as the cursor carries it: the order, its key and id. */
const CursorSchema = z.object({ s: z.enum(DIRECTORY_SORTS), k: z.number(), i: z.uuid() });

const DEFAULT_HOURS = { start: '09:00', end: '17:00' };

/** The terms results are shown in: the business's own, or those an anonymous query gives. */
export interface ViewerTerms {
  currency: string;
  timeZone: string;
  hours: { start: string; end: string };
}

export async function termsOf(tx: Tx, q: DirectoryQuery): Promise<ViewerTerms> {
  if (q.businessId) {
    const b = await businessTerms(tx, q.businessId);
    if (b) {
      return {
        currency: b.currency,
        timeZone: b.time_zone,
        hours: { start: b.working_hours.start, end: b.working_hours.end },
      };
    }
  }
  return {
    currency: q.currency ?? 'USD',
    timeZone: q.timeZone ?? 'UTC',
    hours: { start: q.hoursStart ?? DEFAULT_HOURS.start, end: q.hoursEnd ?? DEFAULT_HOURS.end },
  };
}

/** Comma-separated slugs or codes, lower-cased, without blanks or repeats. */
const listOf = (text: string | undefined) =>
  text ? [...new Set(text.toLowerCase().split(',').filter(Boolean))] : [];

/** Relevance needs words to be relevant to: without them results come by rating. */
export const effectiveSort = (q: DirectoryQuery): DirectorySort =>
  q.sort === 'relevance' && !q.q ? 'rating' : q.sort;

/**
 * The query's filter in the directory's own terms: the rate range in US cents, the overlap
 * against the viewer's UTC working day on `now`. A currency without an exchange rate, or a cursor
 * of another order, is a 400. Exported for the benchmark, which EXPLAINs the server's exact SQL.
 */
export function directoryFilterOf(
  q: DirectoryQuery,
  terms: ViewerTerms,
  rates: RatesPerUsd,
  now: Date,
  poolOf: string | undefined,
): { filter: DirectoryFilter; window: UtcWindow } {
  const window = utcWindow(terms.timeZone, terms.hours, now);
  let usd: { minUsd?: number; maxUsd?: number } = {};
  if (q.rateMin !== undefined || q.rateMax !== undefined) {
    const range = rateRangeToUsd({ min: q.rateMin, max: q.rateMax }, terms.currency, rates);
    if (!range) {
      throw badRequest(`There is no exchange rate for ${terms.currency} yet.`, [
        { path: 'querystring.currency', message: 'No exchange rate for this currency' },
      ]);
    }
    usd = range;
  }
  const sort = effectiveSort(q);
  const wire = decodeCursor(CursorSchema, q.cursor);
  if (wire && wire.s !== sort) throw badCursor('This cursor belongs to another sort order');
  return {
    window,
    filter: {
      q: q.q || undefined,
      kind: q.kind,
      category: q.category,
      skillSlugs: listOf(q.skills),
      languageCodes: listOf(q.languages),
      country: q.country,
      availability: q.availability,
      ...usd,
      minRating: q.minRating,
      minJobs: q.minJobs,
      minYears: q.minYears,
      overlap: q.overlap ? { viewer: window, minutes: q.overlap * 60 } : undefined,
      poolOf,
      sort,
      after: wire ? { key: wire.k, id: wire.i } : undefined,
      limit: q.limit,
    },
  };
}

type Facets = NonNullable<DirectoryPage['facets']>;

function facetsOf(rows: Awaited<ReturnType<typeof readFacets>>) {
  const facets: Facets = {
    sampled: false,
    categories: [],
    skills: [],
    countries: [],
    languages: [],
    availability: [],
  };
  const target: Record<string, keyof Omit<Facets, 'sampled'>> = {
    category: 'categories',
    skill: 'skills',
    country: 'countries',
    language: 'languages',
    availability: 'availability',
  };
  let profiles = 0;
  let listings = 0;
  let version = 0n;
  let ids = '';
  for (const r of rows) {
    if (r.facet === 'total') profiles = r.count;
    else if (r.facet === 'listings') listings = r.count;
    else if (r.facet === 'version') version = BigInt(r.value ?? 0);
    else if (r.facet === 'ids') ids = r.value ?? '';
    else if (r.value !== null) facets[target[r.facet]!].push({ value: r.value, count: r.count });
  }
  facets.sampled = profiles > FACET_SAMPLE;
  const more = profiles > FACET_SAMPLE || listings > FACET_SAMPLE;
  const total = {
    count: Math.min(profiles, FACET_SAMPLE) + Math.min(listings, FACET_SAMPLE),
    more,
  };
  return {
    value: { facets, total },
    // The version the counts were read at, and the profiles counted: a sample of more matches
    // than it read stays a valid sample when another profile comes to match.
    version,
    deps: { ids, newMatches: facets.sampled ? ('none' as const) : ('all' as const) },
  };
}

type Counts = ReturnType<typeof facetsOf>['value'];
/** What the cache keeps: a page's rows, a search's counts, or both (a relevance first page). */
interface Result {
  rows?: DirectoryRow[];
  counts?: Counts;
}
interface Read {
  value: Result;
  version: bigint;
  deps: Dependencies;
}

/** What a search's counts depend on: its filter without the order, the cursor and the page size. */
function searchKey(f: DirectoryFilter): string {
  return JSON.stringify({ ...f, sort: undefined, after: undefined, limit: undefined });
}

export function createDirectoryService({
  db,
  clock,
  mode,
  cache: caching = true,
}: {
  db: Db;
  clock: Clock;
  mode: Mode;
  /** Off (DIRECTORY_CACHE=false): every search runs its SQL. */
  cache?: boolean;
}) {
  // Counting a sample of a million profiles costs more than the page, and a common word's page
  // costs tens of milliseconds of Postgres (its GIN posting lists are read whole before the first
  // candidate); visitors ask for the same first pages again and again, and a profile edit touches
  // few of them. Each result is kept with what it read (`result-cache.ts`): pages of at most 101
  // rows and counts, 700 results, a few tens of megabytes at most.
  const results = new ResultCache<Result>();
  // A read in progress, by what it reads and the version its requests saw: when a write makes
  // entries stale, the clients asking for the same search wait for one read, not one each.
  const reading = new Map<string, Promise<unknown>>();
  function readOnce<T>(key: string, version: bigint, read: () => Promise<T>): Promise<T> {
    const id = `${version}|${key}`;
    const pending = reading.get(id);
    if (pending) return pending as Promise<T>;
    const started = read().finally(() => reading.delete(id));
    reading.set(id, started);
    return started;
  }
  /**
   * The result under `key` for `f` at `version`: as cached when read at that version, or when
   * the change log shows nothing since that touches it; else `read` (its value, the version it
   * saw, what it depends on). A pool's membership (talent_contacts) is not under the change
   * counter: never cached.
   */
  async function through(
    key: string,
    f: DirectoryFilter,
    version: bigint | null,
    read: () => Promise<Read>,
  ): Promise<{ value: Result; status: CacheStatus }> {
    if (!caching || f.poolOf || version === null) {
      return { value: (await read()).value, status: 'off' };
    }
    const entry = results.get(key);
    if (entry && entry.version >= version) return { value: entry.value, status: 'hit' };
    if (entry && checkable(entry, version)) {
      const check = await readOnce(`check ${entry.version} ${key}`, version, () =>
        readUnchanged(db, f, entry.version, entry.deps),
      );
      if (check.unchanged) {
        results.confirm(entry, check.version);
        return { value: entry.value, status: 'revalidated' };
      }
    }
    const fresh = await readOnce(key, version, async () => {
      const r = await read();
      results.set(key, r.version, r.value, r.deps);
      return r;
    });
    return { value: fresh.value, status: 'miss' };
  }
  const newMatches = (read: ReadProfiles): Dependencies['newMatches'] =>
    read.all ? 'all' : 'none';
  const countsOf = (f: DirectoryFilter, version: bigint | null) =>
    through(`counts ${searchKey(f)}`, f, version, async () => {
      const rows = await readFacets(db, f, FACET_SAMPLE);
      const counts = facetsOf(rows);
      return {
        value: { counts: counts.value },
        version: counts.version,
        deps: { ...counts.deps, listings: includesListings(f) },
      };
    });
  // Every field of the filter shapes a page (order, cursor and size included). The page is kept
  // under the version read before it: a write that commits in between makes the rows newer than
  // that version, never older, and the log check from it sees that write again.
  const pageOf = (f: DirectoryFilter, version: bigint | null) =>
    through(`page ${JSON.stringify(f)}`, f, version, async () => {
      const { rows, read } = await listDirectoryPage(db, f);
      const last = rows.at(-1);
      const keyed = f.sort !== 'relevance' || f.q === undefined;
      return {
        value: { rows },
        version: version ?? 0n,
        deps: {
          ids: read.ids,
          newMatches:
            keyed && !read.all && last ? { key: last.sort_key, id: last.id } : newMatches(read),
          listings: includesListings(f),
        },
      };
    });
  /** A relevance search's first page and counts, from one statement (`relevantPageSql`). */
  const firstRelevantPage = (f: DirectoryFilter, version: bigint | null) =>
    through(`first ${JSON.stringify(f)}`, f, version, async () => {
      const both = await readRelevantPage(db, f, FACET_SAMPLE);
      const counts = facetsOf(both.facets);
      return {
        value: { rows: both.rows, counts: counts.value },
        version: counts.version,
        deps: {
          ids: both.read.ids,
          newMatches: newMatches(both.read),
          listings: includesListings(f),
        },
      };
    });
  /** The page's rows and, on a first page, its counts; and how the cache served them. */
  async function resultOf(f: DirectoryFilter, version: bigint | null) {
    if (f.sort === 'relevance' && f.q !== undefined && !f.after) {
      const first = await firstRelevantPage(f, version);
      return { rows: first.value.rows!, counts: first.value.counts!, status: first.status };
    }
    const [page, counts] = await Promise.all([
      pageOf(f, version),
      f.after ? null : countsOf(f, version),
    ]);
    const statuses = [page.status, counts?.status ?? page.status];
    const status: CacheStatus = statuses.includes('off')
      ? 'off'
      : statuses.includes('miss')
        ? 'miss'
        : statuses.includes('revalidated')
          ? 'revalidated'
          : 'hit';
    return { rows: page.value.rows!, counts: counts?.value.counts ?? null, status };
  }
  return {
    /**
     * A page of the directory for `userId` (null: anonymous), with facet counts, and how the
     * result cache served it.
     */
    async search(
      { userId }: { userId: string | null },
      q: DirectoryQuery,
    ): Promise<{ page: DirectoryPage; cache: CacheStatus }> {
      await authorizeDirectory(db, mode, userId, q.businessId);
      // In a private workspace the directory is the business's own pool, whatever was asked.
      const poolOf = mode === 'workspace' || q.pool ? q.businessId : undefined;
      const [terms, rates, seen] = await Promise.all([
        termsOf(db, q),
        ratesPerUsd(db),
        poolOf || !caching ? null : readDirectoryVersion(db),
      ]);
      const version = seen === null ? null : BigInt(seen);
      const { filter, window } = directoryFilterOf(q, terms, rates, clock.now(), poolOf);
      const f: DirectoryFilter =
        mode === 'workspace' ? { ...filter, kind: 'professionals' } : filter;
      // Counts belong to the search, not the page: later pages skip them (the first page's hold).
      const { rows, counts, status } = await resultOf(f, version);
      const { items, nextCursor } = page(rows, q.limit, (last: DirectoryRow) => ({
        s: f.sort,
        k: last.sort_key,
        i: last.id,
      }));
      const proIds = items.filter((r) => r.kind === 'professional').map((r) => r.id);
      const known = q.businessId
        ? await viewerKnowledge(db, q.businessId, proIds)
        : { trusted: [], pool: [], lists: [] };
      const lists = new Map<string, { id: string; name: string }[]>();
      for (const l of known.lists) {
        lists.set(l.userId, [...(lists.get(l.userId) ?? []), { id: l.id, name: l.name }]);
      }
      const view = {
        currency: terms.currency,
        rates,
        window,
        trusted: new Map(known.trusted.map((t) => [t.userId, t.count])),
        pool: new Set(known.pool.map((x) => x.userId).filter((x): x is string => x !== null)),
        lists,
      };
      const result: DirectoryPage = {
        items: items.map((r) => presentEntry(r, view)),
        nextCursor,
        ...(counts ?? { facets: null, total: null }),
        viewer: {
          currency: terms.currency,
          timeZone: terms.timeZone,
          hoursStart: terms.hours.start,
          hoursEnd: terms.hours.end,
          sort: f.sort,
        },
      };
      return { page: result, cache: status };
    },
  };
}
