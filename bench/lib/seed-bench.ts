import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../src/server/db/client.ts';
import { loadConfig, type Config } from '../../src/server/env.ts';
import {
  BENCH_EMAIL,
  BENCH_PASSWORD,
  DEFAULT_DATA_DIR,
  TOKEN_FILE,
  seedBenchData,
  type SeedResult,
} from './seed-data.ts';

/** The configuration the bench uses: the environment's, with the bench's own DATA_DIR default. */
export function benchConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig({ ...env, DATA_DIR: env.DATA_DIR || DEFAULT_DATA_DIR });
}

/** The token the last seed wrote, or null. */
export async function readBenchToken(): Promise<string | null> {
  try {
    return (await readFile(TOKEN_FILE, 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Seeds the bench database (or, when it is seeded already, only issues a new token) and
 * writes the token to bench/.bench-token.
 */
export async function seedBench(
  db: Db,
  config: Config,
  options: { scale: number; seed: number; log?: (m: string) => void },
): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const result = await seedBenchData(db, config, options);
  await writeFile(TOKEN_FILE, result.token + '\n', { mode: 0o600 });
  const { users, businesses, members, professionals } = result.counts;
  log(
    result.created
      ? `Seeded scale ${result.scale} (seed ${options.seed}) in ${Date.now() - started} ms: ` +
          `${users} users, ${businesses} businesses, ${members} memberships, ` +
          `${professionals} professionals.`
      : `The bench data of scale ${result.scale} is there already; issued a new token.`,
  );
  log(
    `Bench user: ${BENCH_EMAIL} / ${BENCH_PASSWORD}; its API token is in ` +
      path.relative(process.cwd(), TOKEN_FILE),
  );
  return result;
}
