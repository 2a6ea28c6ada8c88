import type { Config } from '../env.ts';
import { startupPhase } from '../lib/startup-timing.ts';
import type { Database } from './client.ts';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded-postgres.ts';

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
  {
    log = () => {},
    attach = false,
    onStarting = () => {},
  }: {
    log?: (m: string) => void;
    attach?: boolean;
    /** Called once the database is on its way: Postgres starting, or a server given. */
    onStarting?: () => void;
  } = {},
): Promise<OpenDatabase> {
  let stopEmbedded = async () => {};
  let url = config.databaseUrl ?? (attach ? runningEmbeddedUrl(config.dataDir) : null);
  // Drizzle, the schema and the job queue load while Postgres starts, once it was asked to:
  // loading them first would hold its start up.
  let modules: Promise<[typeof import('./client.ts'), typeof import('./migrate.ts')]> | undefined;
  const loadModules = () =>
    (modules ??= Promise.all([import('./client.ts'), import('./migrate.ts')]));
  const starting = () => {
    loadModules().catch(() => {}); // its failure is reported where it is awaited, below
    onStarting();
  };
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log,
      onStarting: starting,
    });
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
    startupPhase('Postgres started');
  } else {
    starting();
  }
  const [{ connect }, { runMigrations }] = await loadModules().catch(async (error: unknown) => {
    await stopEmbedded();
    throw error;
  });
  const database = connect(url);
  try {
    await runMigrations(database.pool);
  } catch (error) {
    await database.close();
    await stopEmbedded();
    throw error;
  }
  startupPhase('migrations checked');
  return {
    ...database,
    async shutdown() {
      await database.close();
      await stopEmbedded();
    },
  };
}
