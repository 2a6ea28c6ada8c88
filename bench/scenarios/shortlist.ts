/**
 * `npm run bench -- shortlist [--connections 1] [--duration S] [--warmup S]`: the business's bid
 * list of one job with 500 bids (BENCH_BIDS) — every bid's signals read, scored with the saved
 * weights and sorted — seeded into the bench database on first use.
 *
 * The target is server time: p95 < 30 ms. It is measured twice: (1) over HTTP on loopback by
 * `--connections` clients in turn (1 by default, so the numbers are the server's work, not a
 * queue in front of two cores), which is the server time plus a loopback round trip; and (2) in
 * this process, the service call the route makes (`shortlist.list`: the transaction, the queries,
 * the score and the shaping) against the same database, which leaves out HTTP and JSON. The
 * list's statement is EXPLAIN ANALYZEd and its plan kept, and the highlights' two statements timed.
 */
import { openDatabase } from '../../src/server/db/open.ts';
import { sql as sqlTag } from 'drizzle-orm';
import { highlightsSql, listBidsWithSignals } from '../../src/server/features/shortlist/queries.ts';
import { createShortlistService } from '../../src/server/features/shortlist/shortlist.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { benchConfig } from '../lib/seed-bench.ts';
import { seedShortlist } from '../lib/seed-shortlist.ts';
import { planSummary, summarize } from './board-search.ts';
import type { Scenario } from './scenario.ts';

const TARGET_P95_MS = 30;

export const shortlist: Scenario = {
  name: 'shortlist',
  description:
    'GET …/jobs/:jobId/shortlist on a job with 500 bids: signals read, scored and sorted; p95 server time',
  tool: 'node:http',
  async run({ baseUrl, token, load }) {
    const count = Number(process.env.BENCH_BIDS ?? 500);
    const concurrency = load.connections;
    const database = await openDatabase(benchConfig(), { attach: true });
    try {
      const seeded = await seedShortlist(database.db, { count, log: (m) => console.log(m) });
      const path = `/api/v1/businesses/${seeded.businessId}/jobs/${seeded.jobId}/shortlist`;
      const headers = { authorization: `Bearer ${token}` };

      let bytes = 0;
      const once = async () => {
        const t0 = performance.now();
        const res = await fetch(`${baseUrl}${path}`, { headers });
        const body = await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (res.status !== 200)
          throw new Error(`${path} → ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
        bytes = body.byteLength;
        return ms;
      };
      const drive = async (seconds: number) => {
        const samples: number[] = [];
        const until = performance.now() + seconds * 1000;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (performance.now() < until) samples.push(await once());
          }),
        );
        return samples;
      };
      const first = await (await fetch(`${baseUrl}${path}`, { headers })).json();
      const listed = (first as { bids: unknown[] }).bids.length;
      if (listed !== count) throw new Error(`The list has ${listed} bids, not ${count}.`);

      if (load.warmupSec > 0) await drive(load.warmupSec);
      const started = performance.now();
      const http = await drive(load.durationSec);
      const elapsed = (performance.now() - started) / 1000;

      // The route's service call in this process, as many times as HTTP managed (at least 50).
      const service = createShortlistService({ db: database.db, clock: systemClock });
      const scope = { userId: seeded.userId, businessId: seeded.businessId, jobId: seeded.jobId };
      for (let i = 0; i < 10; i++) await service.list(scope);
      const inProcess: number[] = [];
      for (let i = 0; i < Math.max(50, Math.min(http.length, 300)); i++) {
        const t0 = performance.now();
        await service.list(scope);
        inProcess.push(performance.now() - t0);
      }

      const { sql, params } = listBidsWithSignals(database.db, seeded.jobId).toSQL();
      const json = await database.pool.query<{
        'QUERY PLAN': [{ Plan: Record<string, unknown>; 'Execution Time': number }];
      }>(`explain (analyze, buffers, format json) ${sql}`, params);
      const text = await database.pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, costs off, summary off) ${sql}`,
        params,
      );
      const [top] = json.rows[0]!['QUERY PLAN'];
      // The résumé highlights' two statements, read after the list's.
      const highlightsMs: number[] = [];
      for (const statement of Object.values(highlightsSql(seeded.jobId))) {
        const plan = await database.db.execute<{
          'QUERY PLAN': [{ 'Execution Time': number }];
        }>(sqlTag`explain (analyze, format json) ${statement}`);
        highlightsMs.push(Math.round(plan.rows[0]!['QUERY PLAN'][0]['Execution Time'] * 100) / 100);
      }

      const overHttp = summarize(http);
      const service_ = summarize(inProcess);
      const met = service_.p95 < TARGET_P95_MS;
      return {
        results: {
          bids: count,
          seededNow: seeded.created,
          seedMs: seeded.ms,
          concurrency,
          client: 'fetch (undici), keep-alive, API token of a manager',
          responseBytes: bytes,
          targetP95Ms: TARGET_P95_MS,
          throughputPerSec: Math.round(http.length / elapsed),
          http: overHttp,
          serviceInProcess: service_,
          metTarget: met,
          sql: {
            executionMs: Math.round(top['Execution Time'] * 100) / 100,
            highlightsExecutionMs: highlightsMs,
            uses: [...planSummary(top.Plan)],
            plan: text.rows.map((r) => r['QUERY PLAN']),
          },
        },
        summary: [
          `  ${count} bids${seeded.created ? ` (seeded now in ${seeded.ms} ms)` : ''}, ${concurrency} client(s), ${Math.round(http.length / elapsed)} req/s, ${Math.round(bytes / 1024)} KiB a response`,
          `  HTTP (loopback)   p50 ${overHttp.p50} ms  p95 ${overHttp.p95} ms  p99 ${overHttp.p99} ms  (${overHttp.requests} req)`,
          `  service call      p50 ${service_.p50} ms  p95 ${service_.p95} ms  p99 ${service_.p99} ms  (${service_.requests} calls)`,
          `  SQL ${Math.round(top['Execution Time'] * 100) / 100} ms (the list) + ${highlightsMs.join(' + ')} ms (positions, certifications)`,
          met
            ? `  server time within p95 < ${TARGET_P95_MS} ms`
            : `  over the p95 target of ${TARGET_P95_MS} ms`,
        ],
      };
    } finally {
      await database.shutdown();
    }
  },
};
