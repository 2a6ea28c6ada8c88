/**
 * The `handoff` command: serve (default), worker, migrate, demo, create-admin.
 * Settings come from the environment (see README); flags are per command.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/env.ts';
import { serve } from '../server/main.ts';
import { openDatabase } from '../server/db/open.ts';
import { createAdmin } from './create-admin.ts';
import { runDemo } from './demo.ts';
import { readPassword } from './prompt.ts';
import { runWorker } from './worker.ts';

const USAGE = `Usage: handoff [command]

Commands:
  serve                      start the server (default); it runs background jobs too unless
                             HANDOFF_WORKERS=false
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
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keeps running until a signal
    case 'worker':
      await runWorker(config);
      return -1; // keeps running until a signal
    case 'migrate': {
      const database = await openDatabase(config, { attach: true, log: console.log });
      await database.shutdown();
      console.log('Migrations are up to date.');
      return 0;
    }
    case 'demo': {
      const database = await openDatabase(config, { attach: true });
      try {
        return await runDemo(database.db, config);
      } finally {
        await database.shutdown();
      }
    }
    case 'create-admin': {
      if (!values.email) {
        console.error('create-admin needs --email.\n\n' + USAGE);
        return 2;
      }
      const password =
        process.env.HANDOFF_ADMIN_PASSWORD ?? (await readPassword('Password for the admin: '));
      if (!password) {
        console.error('No password: run it in a terminal, or set HANDOFF_ADMIN_PASSWORD.');
        return 2;
      }
      const database = await openDatabase(config, { attach: true });
      try {
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

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
