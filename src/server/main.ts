import { buildApp } from './app.ts';
import { createBackground } from './background.ts';
import { openDatabase } from './db/open.ts';
import type { Config } from './env.ts';
import { systemClock } from './lib/clock.ts';
import { createFileStore } from './lib/files.ts';

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Starts Handoff: database (embedded unless DATABASE_URL), migrations, leftover temporary
 * upload files, HTTP server, background worker (unless HANDOFF_WORKERS=false). On SIGTERM or
 * SIGINT it stops taking requests, lets in-flight requests and jobs finish, closes the pool,
 * stops the embedded Postgres cleanly and exits 0.
 */
export async function serve(config: Config): Promise<void> {
  const say = (m: string) => console.log(m);
  const database = await openDatabase(config, { log: say });
  // Uploads cut short by a kill leave temporary files; one look at DATA_DIR/files clears them.
  // Only disk space is at stake, so a failure is reported and the start goes on.
  await createFileStore(config.dataDir)
    .sweep()
    .catch((error: unknown) => console.error('Could not sweep temporary upload files:', error));
  const { db, pool } = database;
  const background = createBackground({ db, pool, config, clock: systemClock });
  const app = await buildApp({ db, pool, config, clock: systemClock, background });
  try {
    await app.listen({ port: config.port, host: config.host });
    if (config.workers) await background.queue.start();
  } catch (error) {
    await app.close();
    await background.queue.stop();
    await database.shutdown();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say(
    `Handoff is running at ${process.env.BASE_URL ? config.baseUrl : `http://localhost:${port}`}`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: finishing requests and stopping…`);
    // Past the grace period, drop whatever requests remain but still stop Postgres cleanly,
    // so the next start finds no orphan.
    setTimeout(() => {
      console.error('Shutdown took too long; closing the remaining connections.');
      app.server.closeAllConnections();
      setTimeout(() => process.exit(1), 5_000).unref();
      // The worker holds a pooled connection (LISTEN) that the pool would wait for.
      void background.queue
        .stop()
        .finally(() => database.shutdown())
        .finally(() => process.exit(1));
    }, SHUTDOWN_GRACE_MS).unref();
    // server.close() reaps only the keep-alive sockets idle at that moment. A socket whose
    // request was in flight answers it with `Connection: keep-alive` and then stays open as long
    // as the client (a browser) keeps it, so close() would wait until the grace timeout and exit
    // 1 with Postgres still running. Reap such sockets as soon as their response is done.
    const reap = setInterval(() => app.server.closeIdleConnections(), 100);
    try {
      await app.close();
      clearInterval(reap);
      await background.queue.stop();
      await database.shutdown();
      say('Handoff stopped.');
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
