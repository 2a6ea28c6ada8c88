/**
 * The `handoff` command: serve (default), start, build, worker, migrate, demo, create-admin.
 * Settings come from the environment (see README); flags are per command.
 */
import { parseArgs } from 'node:util';
import type { OpenDatabase } from '../server/db/open.ts';
import { loadConfig } from '../server/env.ts';
import { startupPhase } from '../server/lib/startup-timing.ts';
import { ensureWebBuild } from './web-build.ts';

// Each command imports what it needs when it runs: loading the whole server (better-auth,
// Fastify, every feature) takes seconds that `build` or `migrate` need not wait for, and `serve`
// loads it while Postgres starts (see main.ts).
const openDatabase: (typeof import('../server/db/open.ts'))['openDatabase'] = async (...args) =>
  (await import('../server/db/open.ts')).openDatabase(...args);

const USAGE = `Usage: handoff [command]

Commands:
  serve                      start the server (default); it runs background jobs too unless
                             HANDOFF_WORKERS=false
  start                      build the web app if its sources changed, then serve (npm start)
  build                      build the web app if its sources changed since the last build
  worker                     run background jobs (e-mail delivery, timed rules) without serving
  migrate                    apply database migrations and exit
  demo                       fill an empty database with demo businesses and professionals
  create-admin --email E     create (or promote) an admin; asks for a password when interactive,
                             else reads HANDOFF_ADMIN_PASSWORD. Optional: --name N
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === 'build') {
    startup.done(); // nothing to stop but the build, which stops on a signal by itself
    await ensureWebBuild();
    return 0;
  }
  const config = loadConfig();
  startupPhase('command line and settings read');
  switch (command) {
    case 'start':
      await ensureWebBuild();
      startupPhase('web app build checked');
      if (startup.stopRequested) return 143;
      await (await import('../server/main.ts')).serve(config);
      startup.done();
      return -1; // keeps running until a signal
    case 'serve':
      await (await import('../server/main.ts')).serve(config);
      startup.done();
      return -1; // keeps running until a signal
    case 'worker':
      await (await import('./worker.ts')).runWorker(config);
      startup.done();
      return -1; // keeps running until a signal
    case 'migrate': {
      const database = stopOnSignal(await openDatabase(config, { attach: true, log: console.log }));
      await database.shutdown();
      console.log('Migrations are up to date.');
      return 0;
    }
    case 'demo': {
      const database = stopOnSignal(await openDatabase(config, { attach: true }));
      try {
        const { runDemo } = await import('./demo.ts');
        return await runDemo(database, config);
      } finally {
        await database.shutdown();
      }
    }
    case 'create-admin': {
      if (!values.email) {
        console.error('create-admin needs --email.\n\n' + USAGE);
        return 2;
      }
      const { readPassword } = await import('./prompt.ts');
      const password =
        process.env.HANDOFF_ADMIN_PASSWORD ?? (await readPassword('Password for the admin: '));
      if (!password) {
        console.error('No password: run it in a terminal, or set HANDOFF_ADMIN_PASSWORD.');
        return 2;
      }
      const database = stopOnSignal(await openDatabase(config, { attach: true }));
      try {
        const { createAdmin } = await import('./create-admin.ts');
        const result = await createAdmin(database.db, config, {
          email: values.email,
          name: values.name,
          password,
        });
        console.log(
          result.created ? `Admin ${values.email} created.` : `${values.email} is now an admin.`,
        );
        return 0;
      } finally {
        await database.shutdown();
      }
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

/**
 * A one-off command (demo, migrate, create-admin) that started the embedded Postgres itself must
 * stop it when told to stop: Node's default on SIGTERM is to exit at once, which would leave the
 * postmaster running. The returned handle's shutdown may be called by both paths; it runs once.
 */
function stopOnSignal(database: OpenDatabase): OpenDatabase {
  let stopping: Promise<void> | undefined;
  const shutdown = () => (stopping ??= database.shutdown());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`${signal} received: stopping…`);
    shutdown().then(
      () => process.exit(signal === 'SIGINT' ? 130 : 143),
      (error: unknown) => {
        console.error('Could not stop the database cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  startup.done();
  return { ...database, shutdown };
}

/**
 * A stop asked for while a command starts (Postgres starting, migrations running) waits until the
 * command has installed its own SIGTERM/SIGINT handling, which then receives it: Node's default,
 * exiting at once, would leave the Postgres being started running. A second signal exits at once.
 */
const startup = (() => {
  let requested: NodeJS.Signals | undefined;
  const remember = (signal: NodeJS.Signals) => {
    if (requested) process.exit(signal === 'SIGINT' ? 130 : 143);
    requested = signal;
    console.error(`${signal} received while starting: stopping as soon as started…`);
  };
  process.on('SIGTERM', remember);
  process.on('SIGINT', remember);
  return {
    get stopRequested() {
      return requested !== undefined;
    },
    /** The command handles signals from now on; one that came meanwhile is delivered again. */
    done() {
      process.off('SIGTERM', remember);
      process.off('SIGINT', remember);
      if (requested) process.kill(process.pid, requested);
    },
  };
})();

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
