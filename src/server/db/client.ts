import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: queries take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

// Postgres `bigint` (int8) arrives as a string by default; our bigints are money in minor units,
// well within Number.MAX_SAFE_INTEGER, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/**
 * Session settings every connection starts with. Drizzle reads `timestamptz` and `date` columns as
 * the text Postgres writes, so that text must be ISO in UTC whatever the server, database or role
 * defaults (`ALTER DATABASE … SET DateStyle = 'SQL, DMY'` would otherwise change what the app reads).
 */
export const SESSION_OPTIONS = '-c DateStyle=ISO -c TimeZone=UTC';

/**
 * The pool's connection string with {@link SESSION_OPTIONS} added after any options it or
 * `PGOPTIONS` already sets (later `-c` settings win). It goes in the string, not the `options`
 * field, because pg lets the connection string's parameters override the fields.
 */
export function withSessionOptions(url: string): pg.PoolConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL (pg also takes other forms): nothing in it to override the field.
    const existing = process.env.PGOPTIONS ?? '';
    return { connectionString: url, options: `${existing} ${SESSION_OPTIONS}`.trim() };
  }
  const existing = parsed.searchParams.get('options') ?? process.env.PGOPTIONS ?? '';
  parsed.searchParams.set('options', `${existing} ${SESSION_OPTIONS}`.trim());
  return { connectionString: parsed.toString() };
}

export function connect(url: string, max = 10): Database {
  const pool = new pg.Pool({ ...withSessionOptions(url), max });
  // An idle client whose connection the server ended (restart, failover, idle timeout) emits
  // 'error' on the pool; unhandled, that would end the process. The pool replaces the client.
  pool.on('error', (error) => console.error(`Idle database connection lost: ${error.message}`));
  // A checked-out client's connection can drop too, between queries (the job worker keeps one
  // checked out to LISTEN): without a listener that 'error' would end the process. The query
  // in flight, or the next one, fails and says why; nothing more to do here.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema, casing: 'snake_case' });
  return { db, pool, close: () => pool.end() };
}
