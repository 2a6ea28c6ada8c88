/**
 * `npm run bench -- board-search --connections 10 [--duration S] [--warmup S]`: the job board
 * over HTTP on 100,000 jobs (BENCH_JOBS), seeded into the bench database on first use.
 *
 * `--connections` clients (run it with 10: a busy board, not a flood — on a small machine 50
 * clients measure the queue in front of two cores more than the query) send a mix of realistic
 * board queries in turn, anonymously as visitors do; every request's latency is recorded, and
 * p50/p95/p99 are reported per kind of query and overall against the target p95 < 50 ms.
 * Then each kind's SQL — the exact query the server runs — is EXPLAIN ANALYZEd, and the plan is
 * kept in the results.
 */
import http from 'node:http';
import { BoardQuerySchema } from '../../src/core/contracts/jobs.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { listBoardJobs } from '../../src/server/features/jobs/board-queries.ts';
import { boardFilterOf } from '../../src/server/features/jobs/board.ts';
import { benchConfig } from '../lib/seed-bench.ts';
import { RARE_WORD, seedBoardJobs } from '../lib/seed-jobs.ts';
import type { Scenario } from './scenario.ts';

const TARGET_P95_MS = 50;

/**
 * The mix: what people do on a board, sent in turn so that each kind gets the same share.
 * `page` > 1 follows the cursors that far before the run (infinite scrolling). Budgets compare
 * within one kind (the API requires `budgetType` with a bound or the budget order); the hourly
 * order is the one that would read past every fixed total if the index did not lead with the kind.
 */
const KINDS: Record<string, { query: string; page?: number }> = {
  browse: { query: '' },
  commonWord: { query: 'q=website' },
  rareWord: { query: `q=${RARE_WORD}` },
  twoWords: { query: 'q=shopify%20store' },
  skill: { query: 'skills=figma' },
  categoryBudget: { query: 'category=design&budgetType=fixed&budgetMin=50000&budgetMax=200000' },
  hourlyMin: { query: 'budgetType=hourly&budgetMin=6000' },
  posted7d: { query: 'postedWithin=7d' },
  budgetSort: { query: 'sort=budget&budgetType=fixed' },
  hourlySort: { query: 'sort=budget&budgetType=hourly' },
  commonWordPage2: { query: 'q=website', page: 2 },
  budgetSortPage40: { query: 'sort=budget&budgetType=fixed', page: 40 },
  hourlySortPage40: { query: 'sort=budget&budgetType=hourly', page: 40 },
};

interface Timed {
  kind: string;
  ms: number;
  /** The server's `handoff-cache` header, where it sends one. */
  cache?: string;
}

export const agentFor = (concurrency: number) =>
  new http.Agent({ keepAlive: true, maxSockets: concurrency });

export function get(
  agent: http.Agent,
  url: string,
): Promise<{ status: number; body: string; cache?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          cache: res.headers['handoff-cache'] as string | undefined,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank]! * 100) / 100;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: Math.round(mean * 100) / 100,
    max: percentile(sorted, 100),
  };
}

/** `concurrency` clients sending the kinds in turn for `seconds`; every latency recorded. */
export async function drive(
  baseUrl: string,
  urls: [kind: string, path: string][],
  {
    concurrency,
    seconds,
    fresh,
  }: {
    concurrency: number;
    seconds: number;
    /** Sends request n as this one instead when it gives one (a search never sent before). */
    fresh?: (n: number) => [kind: string, path: string] | undefined;
  },
): Promise<{ timed: Timed[]; errors: string[]; elapsedSec: number }> {
  const agent = agentFor(concurrency);
  const timed: Timed[] = [];
  const errors: string[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < until) {
      const n = next++;
      const [kind, path] = fresh?.(n) ?? urls[n % urls.length]!;
      const t0 = performance.now();
      const res = await get(agent, `${baseUrl}${path}`);
      const ms = performance.now() - t0;
      if (res.status !== 200) errors.push(`${kind}: ${res.status} ${res.body.slice(0, 200)}`);
      else timed.push({ kind, ms, cache: res.cache });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  agent.destroy();
  return { timed, errors, elapsedSec: (performance.now() - started) / 1000 };
}

/** The plan's node types with the index or table each reads, from EXPLAIN's JSON. */
export function planSummary(node: Record<string, unknown>, out: Set<string> = new Set()) {
  const type = node['Node Type'] as string;
  const on = (node['Index Name'] ?? node['Relation Name']) as string | undefined;
  out.add(on ? `${type} on ${on}` : type);
  for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) {
    planSummary(child, out);
  }
  return out;
}

export const boardSearch: Scenario = {
  name: 'board-search',
  description:
    'GET /api/v1/jobs on 100,000 jobs: a mix of searches, filters, sorts and a second page, fixed concurrency, per-request latency',
  // autocannon reports latency per run, not per request kind: its own clients record each one.
  tool: 'node:http',
  async run({ baseUrl, load }) {
    const jobs = Number(process.env.BENCH_JOBS ?? 100_000);
    const concurrency = load.connections;
    const database = await openDatabase(benchConfig(), { attach: true });
    try {
      const seeded = await seedBoardJobs(database.db, {
        count: jobs,
        log: (m) => console.log(m),
      });

      // The second page's cursor, and a check that every kind finds something.
      const urls: [string, string][] = [];
      const found: Record<string, number> = {};
      for (const [kind, { query, page = 1 }] of Object.entries(KINDS)) {
        const first = `/api/v1/jobs?${query}`;
        let path = first;
        for (let p = 1; p < page; p++) {
          const res = await get(agentFor(1), `${baseUrl}${path}`);
          const cursor = (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor;
          if (!cursor) throw new Error(`${kind}: no page ${p + 1}; seed more jobs.`);
          path = `${first}&cursor=${encodeURIComponent(cursor)}`;
        }
        const res = await get(agentFor(1), `${baseUrl}${path}`);
        if (res.status !== 200) throw new Error(`${kind}: ${path} → ${res.status} ${res.body}`);
        found[kind] = (JSON.parse(res.body) as { items: unknown[] }).items.length;
        urls.push([kind, path]);
      }

      if (load.warmupSec > 0) await drive(baseUrl, urls, { concurrency, seconds: load.warmupSec });
      const run = await drive(baseUrl, urls, { concurrency, seconds: load.durationSec });
      if (run.errors.length > 0) {
        throw new Error(`${run.errors.length} failed requests, e.g. ${run.errors[0]}`);
      }

      const perKind = Object.fromEntries(
        Object.keys(KINDS).map((kind) => [
          kind,
          {
            path: urls.find(([k]) => k === kind)![1],
            itemsOnPage: found[kind],
            ...summarize(run.timed.filter((t) => t.kind === kind).map((t) => t.ms)),
          },
        ]),
      );
      const overall = summarize(run.timed.map((t) => t.ms));

      // The plans, measured on the server's own SQL for each kind.
      const plans: Record<string, { executionMs: number; uses: string[]; plan: string[] }> = {};
      for (const [kind, path] of urls) {
        const query = BoardQuerySchema.parse(
          Object.fromEntries(new URL(path, baseUrl).searchParams),
        );
        const filter = await boardFilterOf(database.db, new Date(), query);
        const { sql, params } = listBoardJobs(database.db, filter).toSQL();
        const json = await database.pool.query<{
          'QUERY PLAN': [{ Plan: Record<string, unknown>; 'Execution Time': number }];
        }>(`explain (analyze, buffers, format json) ${sql}`, params);
        const text = await database.pool.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers, costs off, summary off) ${sql}`,
          params,
        );
        const [top] = json.rows[0]!['QUERY PLAN'];
        plans[kind] = {
          executionMs: Math.round(top['Execution Time'] * 100) / 100,
          uses: [...planSummary(top.Plan)],
          plan: text.rows.map((r) => r['QUERY PLAN']),
        };
      }

      const missed = Object.entries(perKind)
        .filter(([, r]) => r.p95 >= TARGET_P95_MS)
        .map(([k]) => k);
      const line = (label: string, r: ReturnType<typeof summarize>, extra = '') =>
        `  ${label.padEnd(16)} p50 ${String(r.p50).padStart(6)} ms  p95 ${String(r.p95).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  (${r.requests} req)${extra}`;
      return {
        results: {
          jobs,
          seededNow: seeded.created,
          seedMs: seeded.ms,
          concurrency,
          client: 'node:http, keep-alive, anonymous',
          targetP95Ms: TARGET_P95_MS,
          throughputPerSec: Math.round(run.timed.length / run.elapsedSec),
          overall,
          perKind,
          missedTarget: missed,
          plans,
        },
        summary: [
          `  ${jobs.toLocaleString('en-US')} jobs${seeded.created ? ` (seeded now in ${seeded.ms} ms)` : ''}, ${concurrency} clients, ${Math.round(run.timed.length / run.elapsedSec)} req/s`,
          ...Object.entries(perKind).map(([kind, r]) =>
            line(kind, r, `  SQL ${plans[kind]?.executionMs} ms`),
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
