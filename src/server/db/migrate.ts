import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { migrateQueue } from '../lib/queue.ts';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** An arbitrary constant naming Handoff's migration lock among the server's advisory locks. */
const MIGRATION_LOCK = 4_805_310_291;

/**
 * Applies pending migrations: ours, then the job queue's own schema (graphile-worker). Several
 * instances starting at once take turns on an advisory lock, so each migration runs exactly once.
 */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  // graphile-worker's migrations take their own turns (a clash means another instance did it),
  // and need a connection of their own: the pool may have just one (the test template's).
  await migrateQueue(pool);
}
