import type { Config } from '../env.ts';
import { connect, type Database } from './client.ts';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded-postgres.ts';
import { runMigrations } from './migrate.ts';

export interface OpenDatabase extends Database {
  /** Closes the pool and, if we started it, stops the embedded server. */
  shutdown(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or else to an embedded Postgres in DATA_DIR (started here, or —
 * with `attach` — the one a running Handoff already started), and applies pending migrations.
 */
export async function openDatabase(
  config: Config,
  { log = () => {}, attach = false }: { log?: (m: string) => void; attach?: boolean } = {},
): Promise<OpenDatabase> {
  let stopEmbedded = async () => {};
  let url = config.databaseUrl ?? (attach ? runningEmbeddedUrl(config.dataDir) : null);
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log,
    });
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
  }
  const database = connect(url);
  try {
    await runMigrations(database.pool);
  } catch (error) {
    await database.close();
    await stopEmbedded();
    throw error;
  }
  return {
    ...database,
    async shutdown() {
      await database.close();
      await stopEmbedded();
    },
  };
}
