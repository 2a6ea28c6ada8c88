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
import { FacetCache } from './facet-cache.ts';
import { presentEntry } from './present.ts';
import {
  businessTerms,
  listDirectoryPage,
  readDirectoryVersion,
  readRelevantFirstPage,
  readFacets,
  viewerKnowledge,
  type DirectoryFilter,
  type DirectoryRow,
} from './queries.ts';

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
  for (const r of rows) {
    if (r.facet === 'total') profiles = r.count;
    else if (r.facet === 'listings') listings = r.count;
    else if (r.facet === 'version') continue;
    else if (r.value !== null) facets[target[r.facet]!].push({ value: r.value, count: r.count });
  }
  facets.sampled = profiles > FACET_SAMPLE;
  const more = profiles > FACET_SAMPLE || listings > FACET_SAMPLE;
  return {
    facets,
    total: {
      count: Math.min(profiles, FACET_SAMPLE) + Math.min(listings, FACET_SAMPLE),
      more,
    },
  };
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
  // Counting a sample of a million profiles costs more than the page; the same searches come
  // again and again (the unfiltered directory above all), and profiles change far less often.
  const cache = new FacetCache<ReturnType<typeof facetsOf>>();
  // Pages too: a common word's page costs tens of milliseconds of Postgres (its GIN posting
  // lists are read whole before the first candidate), and visitors ask for the same first pages.
  // 200 of them: at most 20,200 rows (pages of 100) held, a few megabytes at the usual 25.
  const pages = new FacetCache<DirectoryRow[]>(200);
  // A miss in progress, by what it reads and the version its requests saw: when a write makes
  // every entry stale, the clients asking for the same search wait for one read, not one each.
  const reading = new Map<string, Promise<unknown>>();
  function readOnce<T>(key: string, version: string | null, read: () => Promise<T>): Promise<T> {
    const id = `${version}|${key}`;
    const pending = reading.get(id);
    if (pending) return pending as Promise<T>;
    const started = read().finally(() => reading.delete(id));
    reading.set(id, started);
    return started;
  }
  async function countsOf(f: DirectoryFilter, version: string | null) {
    // A pool's membership (talent_contacts) is not under the change counter: never cached.
    if (f.poolOf || !caching) return facetsOf(await readFacets(db, f, FACET_SAMPLE));
    const key = searchKey(f);
    const hit = cache.get(version, key);
    if (hit) return hit;
    return readOnce(`counts ${key}`, version, async () => {
      const rows = await readFacets(db, f, FACET_SAMPLE);
      const counts = facetsOf(rows);
      cache.set(rows.find((r) => r.facet === 'version')?.value ?? null, key, counts);
      return counts;
    });
  }
  async function pageOf(f: DirectoryFilter, version: string | null) {
    if (f.poolOf || !caching) return listDirectoryPage(db, f);
    // Every field of the filter shapes the page (order, cursor and size included).
    const key = JSON.stringify(f);
    const hit = pages.get(version, key);
    if (hit) return hit;
    return readOnce(`page ${key}`, version, async () => {
      const rows = await listDirectoryPage(db, f);
      // Kept under the version read before the page: a write that commits in between makes the
      // rows newer than that version, never older, and a request that reads the newer version
      // does not find them under the older one.
      pages.set(version, key, rows);
      return rows;
    });
  }
  /**
   * A relevance search's first page and counts, from one statement (`relevantFirstPageSql`)
   * unless both are cached; both are kept under the version that statement read.
   */
  async function firstRelevantPage(f: DirectoryFilter, version: string | null) {
    const cacheable = caching && !f.poolOf;
    const pageKey = JSON.stringify(f);
    const countsKey = searchKey(f);
    const page = cacheable ? pages.get(version, pageKey) : undefined;
    const counts = cacheable ? cache.get(version, countsKey) : undefined;
    if (page && counts) return [page, counts] as const;
    const read = async () => {
      const both = await readRelevantFirstPage(db, f, FACET_SAMPLE);
      const fresh = facetsOf(both.facets);
      if (cacheable) {
        const seen = both.facets.find((r) => r.facet === 'version')?.value ?? null;
        pages.set(seen, pageKey, both.rows);
        cache.set(seen, countsKey, fresh);
      }
      return [both.rows, fresh] as const;
    };
    return cacheable ? readOnce(`first ${pageKey}`, version, read) : read();
  }
  return {
    /** A page of the directory for `userId` (null: anonymous), with facet counts. */
    async search({ userId }: { userId: string | null }, q: DirectoryQuery): Promise<DirectoryPage> {
      await authorizeDirectory(db, mode, userId, q.businessId);
      // In a private workspace the directory is the business's own pool, whatever was asked.
      const poolOf = mode === 'workspace' || q.pool ? q.businessId : undefined;
      const [terms, rates, version] = await Promise.all([
        termsOf(db, q),
        ratesPerUsd(db),
        poolOf ? null : readDirectoryVersion(db),
      ]);
      const { filter, window } = directoryFilterOf(q, terms, rates, clock.now(), poolOf);
      const f: DirectoryFilter =
        mode === 'workspace' ? { ...filter, kind: 'professionals' } : filter;
      // Counts belong to the search, not the page: later pages skip them (the first page's hold).
      const [rows, counts] =
        f.sort === 'relevance' && f.q !== undefined && !f.after
          ? await firstRelevantPage(f, version)
          : await Promise.all([pageOf(f, version), f.after ? null : countsOf(f, version)]);
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
      return {
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
    },
  };
}
