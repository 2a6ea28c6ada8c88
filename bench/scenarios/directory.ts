/**
 * `npm run bench -- directory --connections 10 [--duration S] [--warmup S]`: the directory over
 * HTTP on 1,000,000 professionals (BENCH_PROFILES) and 2,000 listings, seeded into the bench
 * database on first use (minutes, once).
 *
 * 10 clients send a rotating workload, anonymously as visitors do: each kind of query below has
 * several variants (other words, other zones), sent in turn, so no answer is simply the last one
 * again. Every request's latency is recorded; p50/p95/p99 are reported per kind and overall
 * against the target p95 < 50 ms. Then every variant's statements — the page and the facet
 * counts (one statement for a relevance search's first page), the exact SQL the server runs —
 * are EXPLAIN ANALYZEd and the plans kept in the results; the summary gives each kind's slowest.
 * Facet counts and pages are cached per search by the server, each with the profiles it read;
 * after a profile or listing changes, a result is confirmed against the change log when the
 * change cannot touch it and read again when it can (`result-cache.ts`). During the run each
 * variant's SQL runs once and the latencies are mostly cache hits; the results count how each
 * request was served (the `handoff-cache` header). `DIRECTORY_CACHE=false npm run bench --
 * directory …` turns the server's cache off: every request then runs its SQL, which is what the
 * directory costs when every search is new. `BENCH_DIRECTORY_WRITES=N` edits N profiles a second
 * during the run (each a new version): the cache as it fares while professionals edit profiles.
 */
import {
  DirectoryQuerySchema,
  FACET_SAMPLE,
  type DirectoryPage,
} from '../../src/core/contracts/directory.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { ratesPerUsd } from '../../src/server/features/catalog/catalog.ts';
import { directoryFilterOf, termsOf } from '../../src/server/features/directory/directory.ts';
import {
  directoryFacetsSql,
  directoryPageSql,
  relevantPageSql,
  toQuery,
} from '../../src/server/features/directory/queries.ts';
import { DIRECTORY_RARE_WORD, seedDirectory } from '../lib/seed-directory.ts';
import { benchConfig } from '../lib/seed-bench.ts';
import { agentFor, drive, get, planSummary, summarize } from './board-search.ts';
import type { Scenario } from './scenario.ts';

const TARGET_P95_MS = 50;

const NY = 'timeZone=America/New_York&hoursStart=09:00&hoursEnd=17:00';
const LISBON = 'timeZone=Europe/Lisbon&hoursStart=09:00&hoursEnd=18:00';
const TOKYO = 'timeZone=Asia/Tokyo&hoursStart=10:00&hoursEnd=19:00';

/**
 * The workload: what visitors do in a directory. Each kind's variants are sent in turn;
 * `page` > 1 follows the cursors that far first.
 */
export const KINDS: Record<string, { queries: string[]; page?: number }> = {
  browse: { queries: ['', 'sort=rating'] },
  twoWords: {
    queries: ['q=react developer', 'q=logo designer', 'q=tax accountant', 'q=spanish translator'],
  },
  threeWordsOverlap: {
    queries: [
      `q=senior web developer&overlap=4&${LISBON}`,
      `q=freelance bookkeeper restaurants&overlap=3&${NY}`,
      `q=experienced photographer hotels&overlap=2&${TOKYO}`,
    ],
  },
  wordsFacets: {
    queries: [
      'q=translator portuguese&languages=pt&availability=available&minRating=4',
      'q=designer startups&category=design&country=DE&minYears=5',
      'q=virtual assistant&languages=en,es&minJobs=10',
    ],
  },
  skillsRate: {
    queries: [
      'skills=figma,canva&rateMax=6000&currency=EUR',
      'skills=xero&rateMin=3000&rateMax=9000&currency=GBP&sort=rate-asc',
      'skills=react,typescript&rateMin=5000&sort=rate-desc',
    ],
  },
  overlapOnly: { queries: [`overlap=6&${NY}`, `overlap=5&${TOKYO}`, `overlap=7&${LISBON}`] },
  categoryCountry: {
    queries: ['category=bookkeeping&country=PT&sort=rating', 'category=marketing&country=US'],
  },
  experienceLanguage: { queries: ['sort=experience&languages=es', 'sort=experience&languages=ja'] },
  rareWord: { queries: [`q=${DIRECTORY_RARE_WORD}`, `q=${DIRECTORY_RARE_WORD} developer`] },
  listings: { queries: ['kind=businesses&q=studio', 'kind=businesses&category=design'] },
  wordsPage2: { queries: ['q=developer shops', 'q=designer clinics'], page: 2 },
  ratingPage20: { queries: ['sort=rating', `sort=rating&overlap=4&${LISBON}`], page: 20 },
};

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** Words of the seeded headlines, skills and bios, and the zones of the workload. */
const NEW_WORDS = [
  'senior', 'freelance', 'certified', 'lead', 'independent', 'developer', 'designer',
  'bookkeeper', 'accountant', 'copywriter', 'translator', 'photographer', 'marketer',
  'assistant', 'analyst', 'editor', 'illustrator', 'consultant', 'shops', 'restaurants',
  'startups', 'clinics', 'agencies', 'nonprofits', 'bakeries', 'hotels', 'architects',
  'spreadsheets', 'accessibility', 'wordpress', 'shopify', 'figma', 'payroll', 'newsletter',
]; // prettier-ignore
const NEW_COUNTRIES = ['US', 'GB', 'PT', 'ES', 'DE', 'FR', 'IT', 'NL', 'PL', 'IN', 'PH', 'BR'];
const NEW_ZONES = [NY, LISBON, TOKYO];

/**
 * Search n of the long tail: two or three words with a country, a time-zone overlap or a
 * minimum rating, some years of experience, and a page of 20 to 30: one of some hundred million
 * searches, picked by a multiplicative hash of n (the `served` counts say whether any came twice).
 */
function newSearch(n: number): string {
  const at = (list: readonly string[], salt: number) =>
    list[Math.floor(((n + 1) * (2654435761 + salt * 40503)) / 7) % list.length]!;
  const words = [at(NEW_WORDS, 1), at(NEW_WORDS, 2), ...(n % 2 ? [at(NEW_WORDS, 3)] : [])];
  const filter = [
    `country=${at(NEW_COUNTRIES, 4)}`,
    `overlap=${1 + (n % 6)}&${at(NEW_ZONES, 5)}`,
    `minRating=${3 + (n % 3) * 0.5}`,
  ][n % 3];
  const years = Math.floor(n / 3) % 8;
  const limit = 20 + (Math.floor(n / 24) % 11);
  return `/api/v1/directory?q=${encode(words.join(' '))}&${filter}&minYears=${years}&limit=${limit}`;
}

const encode = (query: string) => query.replace(/ /g, '%20');

export const directory: Scenario = {
  name: 'directory',
  description:
    'GET /api/v1/directory on 1,000,000 professionals: a rotating workload of multi-word searches with facets, rate ranges and time-zone overlap, sorts and later pages, 10 clients, per-request latency; EXPLAIN ANALYZE of each kind',
  tool: 'node:http',
  async run({ baseUrl, load }) {
    const count = Number(process.env.BENCH_PROFILES ?? 1_000_000);
    const concurrency = load.connections;
    // The server's own setting, which it inherits: off, every request runs its SQL (cold run).
    const caching = !['false', '0'].includes(process.env.DIRECTORY_CACHE ?? '');
    const database = await openDatabase(benchConfig(), { attach: true });
    try {
      const seeded = await seedDirectory(database.db, { count, log: (m) => console.log(m) });

      // Each variant's path (following cursors for later pages), and what it found.
      const urls: [string, string][] = [];
      const found: Record<string, { items: number; total: string }[]> = {};
      for (const [kind, { queries, page = 1 }] of Object.entries(KINDS)) {
        for (const query of queries) {
          const first = `/api/v1/directory?${encode(query)}`;
          let path = first;
          for (let p = 1; p < page; p++) {
            const res = await get(agentFor(1), `${baseUrl}${path}`);
            const cursor = (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor;
            if (!cursor) throw new Error(`${kind}: no page ${p + 1} for ${query}`);
            path = `${first}&cursor=${encodeURIComponent(cursor)}`;
          }
          const res = await get(agentFor(1), `${baseUrl}${path}`);
          if (res.status !== 200) throw new Error(`${kind}: ${path} → ${res.status} ${res.body}`);
          const body = JSON.parse(res.body) as DirectoryPage;
          (found[kind] ??= []).push({
            items: body.items.length,
            total: body.total ? `${body.total.count}${body.total.more ? '+' : ''}` : 'later page',
          });
          urls.push([kind, path]);
        }
      }

      if (load.warmupSec > 0) await drive(baseUrl, urls, { concurrency, seconds: load.warmupSec });
      // Profiles edited while the clients search (BENCH_DIRECTORY_WRITES a second): each edit
      // bumps the directory's change counter, so every cached page and count must be confirmed
      // against the change log or read again, as on a live marketplace where professionals edit
      // their profiles all day.
      const writesPerSec = Number(process.env.BENCH_DIRECTORY_WRITES ?? 0);
      const editable = writesPerSec
        ? (
            await database.pool.query<{ user_id: string }>(
              'select user_id from professional_profiles tablesample system (0.1) limit 500',
            )
          ).rows.map((r) => r.user_id)
        : [];
      let writes = 0;
      const writer = writesPerSec
        ? setInterval(() => {
            const id = editable[writes % editable.length];
            writes++;
            void database.pool.query(
              'update professional_profiles set updated_at = now() where user_id = $1',
              [id],
            );
          }, 1000 / writesPerSec)
        : undefined;
      // A share of searches never sent before (BENCH_DIRECTORY_NEW percent of requests): the
      // long tail a cache cannot have seen, each read cold while the rotating ones hit.
      const newShare = Number(process.env.BENCH_DIRECTORY_NEW ?? 0) / 100;
      const fresh = newShare
        ? (n: number) =>
            (n * 7919) % 10_000 < newShare * 10_000
              ? (['newSearch', newSearch(n)] as [string, string])
              : undefined
        : undefined;
      const run = await drive(baseUrl, urls, {
        concurrency,
        seconds: load.durationSec,
        fresh,
      }).finally(() => clearInterval(writer));
      if (run.errors.length > 0) {
        throw new Error(`${run.errors.length} failed requests, e.g. ${run.errors[0]}`);
      }

      const perKind = Object.fromEntries(
        [...Object.keys(KINDS), ...(newShare ? ['newSearch'] : [])].map((kind) => [
          kind,
          {
            paths: urls.filter(([k]) => k === kind).map(([, p]) => p),
            found: found[kind],
            served: countBy(run.timed.filter((t) => t.kind === kind).map((t) => t.cache ?? 'none')),
            ...summarize(run.timed.filter((t) => t.kind === kind).map((t) => t.ms)),
          },
        ]),
      );
      const overall = summarize(run.timed.map((t) => t.ms));

      // The plans of each kind's first variant: its page and its facet counts.
      const rates = await ratesPerUsd(database.db);
      type Plan = { executionMs: number; uses: string[]; plan: string[] };
      // Every variant's page and facet counts (a kind's variants differ: one common word costs
      // far more than another), and per kind the slowest of them for the summary.
      const plans: Record<string, { path: string; page: Plan; facets: Plan | string }[]> = {};
      const worst: Record<string, { page: number; facets: number }> = {};
      const explain = async (statement: ReturnType<typeof toQuery>): Promise<Plan> => {
        const json = await database.pool.query<{
          'QUERY PLAN': [{ Plan: Record<string, unknown>; 'Execution Time': number }];
        }>(`explain (analyze, buffers, format json) ${statement.sql}`, statement.params);
        const text = await database.pool.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers, costs off, summary off) ${statement.sql}`,
          statement.params,
        );
        const [top] = json.rows[0]!['QUERY PLAN'];
        return {
          executionMs: Math.round(top['Execution Time'] * 100) / 100,
          uses: [...planSummary(top.Plan)],
          plan: text.rows.map((r) => r['QUERY PLAN']),
        };
      };
      for (const [kind, path] of urls) {
        const q = DirectoryQuerySchema.parse(
          Object.fromEntries(new URL(path, baseUrl).searchParams),
        );
        const terms = await termsOf(database.db, q);
        const { filter } = directoryFilterOf(q, terms, rates, new Date(), undefined);
        // What the server runs: a relevance search's page reads its candidates once, and on
        // the first page its counts from them; other first pages run two statements; later
        // pages skip the counts.
        const relevance = filter.sort === 'relevance' && filter.q !== undefined;
        const planned = relevance
          ? {
              path,
              page: await explain(
                toQuery(relevantPageSql(filter, filter.after ? null : FACET_SAMPLE)),
              ),
              facets: filter.after
                ? ('not read on later pages' as const)
                : ('read by the page’s statement' as const),
            }
          : {
              path,
              page: await explain(toQuery(directoryPageSql(filter))),
              facets: filter.after
                ? ('not read on later pages' as const)
                : await explain(toQuery(directoryFacetsSql(filter, FACET_SAMPLE))),
            };
        (plans[kind] ??= []).push(planned);
        const w = (worst[kind] ??= { page: 0, facets: 0 });
        w.page = Math.max(w.page, planned.page.executionMs);
        if (typeof planned.facets !== 'string') {
          w.facets = Math.max(w.facets, planned.facets.executionMs);
        }
      }

      const missed = Object.entries(perKind)
        .filter(([, r]) => r.p95 >= TARGET_P95_MS)
        .map(([k]) => k);
      const line = (label: string, r: ReturnType<typeof summarize>, extra = '') =>
        `  ${label.padEnd(20)} p50 ${String(r.p50).padStart(6)} ms  p95 ${String(r.p95).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  (${r.requests} req)${extra}`;
      return {
        results: {
          profiles: count,
          seededNow: seeded.created,
          seedMs: seeded.ms,
          concurrency,
          client: 'node:http, keep-alive, anonymous',
          targetP95Ms: TARGET_P95_MS,
          throughputPerSec: Math.round(run.timed.length / run.elapsedSec),
          overall,
          perKind,
          missedTarget: missed,
          facetCache: caching
            ? 'facet counts and pages are cached per search with the profiles each read, and confirmed against the change log after a write that cannot touch them: after the first request of each variant the latencies are mostly hits, and the SQL times below are what a miss costs'
            : 'off (DIRECTORY_CACHE=false): every request ran its SQL',
          cacheStatus: countBy(run.timed.map((t) => t.cache ?? 'none')),
          profileEditsDuringRun: { perSecond: writesPerSec, made: writes },
          newSearches: {
            percent: newShare * 100,
            made: run.timed.filter((t) => t.kind === 'newSearch').length,
          },
          slowestSqlMs: worst,
          plans,
        },
        summary: [
          `  ${count.toLocaleString('en-US')} professionals${seeded.created ? ` (seeded now in ${seeded.ms} ms)` : ''}, ${concurrency} clients, ${Math.round(run.timed.length / run.elapsedSec)} req/s, cache ${caching ? 'on' : 'off'}, ${writes} profile edits during the run, served: ${JSON.stringify(countBy(run.timed.map((t) => t.cache ?? 'none')))}`,
          ...Object.entries(perKind).map(([kind, r]) =>
            line(
              kind,
              r,
              worst[kind]
                ? `  slowest variant's SQL: page ${worst[kind].page} ms, facets ${worst[kind].facets} ms`
                : '  each a search never sent before, read cold',
            ),
          ),
          line('overall', overall),
          missed.length === 0
            ? `  every kind within p95 < ${TARGET_P95_MS} ms`
            : `  over the p95 target: ${missed.join(', ')}`,
        ],
      };
    } finally {
      await database.shutdown();
    }
  },
};
