/**
 * `npm run bench:seed -- --scale N [--seed S]`: fills the bench database (DATABASE_URL, else the
 * embedded Postgres of DATA_DIR, default .tmp/bench-data — the running Handoff's if one runs
 * there) with deterministic data, and writes the bench user's API token to bench/.bench-token.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/open.ts';
import { positiveInt } from './lib/args.ts';
import { benchConfig, seedBench } from './lib/seed-bench.ts';
import { DEFAULT_SCALE, DEFAULT_SEED } from './lib/seed-data.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, seed: { type: 'string' } },
  });
  const scale = positiveInt('scale', values.scale, DEFAULT_SCALE);
  const seed = positiveInt('seed', values.seed, DEFAULT_SEED);
  const config = benchConfig();
  const database = await openDatabase(config, { attach: true, log: console.log });
  try {
    await seedBench(database.db, config, { scale, seed, log: console.log });
  } finally {
    await database.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
