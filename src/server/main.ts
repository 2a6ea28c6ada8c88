import { openDatabase } from './db/open.ts';
import type { Config } from './env.ts';
import { systemClock } from './lib/clock.ts';
import { createFileStore } from './lib/files.ts';
import { startupPhase } from './lib/startup-timing.ts';

/** How long requests in flight get to finish by default (SHUTDOWN_GRACE_SECONDS). */
const SHUTDOWN_GRACE_MS = 10_000;
/** Past the grace period, how long stopping Postgres may take before the process gives up. */
const STOP_DATABASE_MS = 30_000;

/**
 * Starts Handoff: database (embedded unless DATABASE_URL), migrations, leftover temporary
 * upload files, HTTP server, background worker (unless HANDOFF_WORKERS=false). On SIGTERM or
 * SIGINT it stops taking requests, lets in-flight requests and jobs finish, closes the pool,
 * stops the embedded Postgres cleanly and exits 0.
 */
export async function serve(config: Config): Promise<void> {
  const say = (m: string) => console.log(m);
  // Postgres starts in a process of its own while this one loads the application's modules
  // (better-auth, Fastify, every feature): a restart does both at once. The modules load once
  // Postgres was asked to start, since loading them keeps this process too busy to ask.
  let postgresStarting!: () => void;
  const starting = new Promise<void>((resolve) => (postgresStarting = resolve));
  const opening = openDatabase(config, { log: say, onStarting: postgresStarting });
  const [opened, modules] = await Promise.allSettled([
    opening,
    Promise.race([starting, opening.catch(() => {})])
      .then(() => Promise.all([import('./app.ts'), import('./background.ts')]))
      .then((loaded) => {
        startupPhase('application modules loaded');
        return loaded;
      }),
  ]);
  if (modules.status === 'rejected') {
    if (opened.status === 'fulfilled') await opened.value.shutdown();
    throw modules.reason;
  }
  if (opened.status === 'rejected') throw opened.reason;
  const database = opened.value;
  const [{ buildApp }, { createBackground }] = modules.value;
  // Uploads cut short by a kill leave temporary files; one look at DATA_DIR/files clears them.
  // Only disk space is at stake, so a failure is reported and the start goes on.
  await createFileStore(config.dataDir)
    .sweep()
    .catch((error: unknown) => console.error('Could not sweep temporary upload files:', error));
  const { db, pool } = database;
  const background = createBackground({ db, pool, config, clock: systemClock });
  const app = await buildApp({ db, pool, config, clock: systemClock, background });
  startupPhase('application built');
  try {
    await app.listen({ port: config.port, host: config.host });
    startupPhase('listening');
    if (config.workers) await background.queue.start();
    startupPhase('job worker started');
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
  // The pool can be ended once only, and Postgres must be stopped whichever way the shutdown
  // ends: the graceful path and the grace timeout share this one promise. (Each calling
  // database.shutdown() made the second throw "Called end on pool more than once" and exit
  // while the first was still stopping Postgres, which was left running.)
  let stopping: Promise<void> | undefined;
  // The worker holds a pooled connection (LISTEN) that ending the pool would wait for: it goes first.
  const stopDatabase = () =>
    (stopping ??= background.queue
      .stop()
      .catch((error: unknown) => console.error('Could not stop the job worker cleanly:', error))
      .then(() => database.shutdown()));
  let timedOut = false;
  const exitOnceStopped = (code: number) =>
    stopDatabase()
      .then(() => say('Handoff stopped.'))
      .catch((error: unknown) => {
        console.error('Could not stop the database cleanly:', error);
        code = 1;
      })
      .finally(() => process.exit(code));

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: finishing requests and stopping…`);
    // Past the grace period, drop whatever requests remain but still stop Postgres cleanly,
    // so the next start finds no orphan.
    setTimeout(() => {
      timedOut = true;
      console.error('Shutdown took too long; closing the remaining connections.');
      app.server.closeAllConnections();
      setTimeout(() => process.exit(1), STOP_DATABASE_MS).unref();
      void exitOnceStopped(1);
    }, config.shutdownGraceMs ?? SHUTDOWN_GRACE_MS).unref();
    // server.close() reaps only the keep-alive sockets idle at that moment. A socket whose
    // request was in flight answers it with `Connection: keep-alive` and then stays open as long
    // as the client (a browser) keeps it, so close() would wait until the grace timeout and exit
    // 1 with Postgres still running. Reap such sockets as soon as their response is done.
    const reap = setInterval(() => app.server.closeIdleConnections(), 100);
    try {
      await app.close();
    } catch (error) {
      console.error(error);
      timedOut = true;
    }
    clearInterval(reap);
    await exitOnceStopped(timedOut ? 1 : 0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
