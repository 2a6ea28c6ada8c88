/**
 * `npm run bench:seed -- --scale N [--seed S] [--jobs J]`: fills the bench database (DATABASE_URL,
 * else the embedded Postgres of DATA_DIR, default .tmp/bench-data — the running Handoff's if one
 * runs there) with deterministic data, and writes the bench user's API token to
 * bench/.bench-token. `--jobs J` adds J job-board jobs (the board-search scenario seeds 100,000
 * itself when they are missing).
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/open.ts';
import { positiveInt } from './lib/args.ts';
import { benchConfig, seedBench } from './lib/seed-bench.ts';
import { seedBoardJobs } from './lib/seed-jobs.ts';
import { DEFAULT_SCALE, DEFAULT_SEED } from './lib/seed-data.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, seed: { type: 'string' }, jobs: { type: 'string' } },
  });
  const scale = positiveInt('scale', values.scale, DEFAULT_SCALE);
  const seed = positiveInt('seed', values.seed, DEFAULT_SEED);
  const config = benchConfig();
  const database = await openDatabase(config, { attach: true, log: console.log });
  try {
    await seedBench(database.db, config, { scale, seed, log: console.log });
    if (values.jobs !== undefined) {
      const count = positiveInt('jobs', values.jobs, 0);
      const { created } = await seedBoardJobs(database.db, { count, log: console.log });
      if (!created)
        console.log(`The ${count.toLocaleString('en-US')} board jobs are there already.`);
    }
  } finally {
    await database.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
