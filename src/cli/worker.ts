import { createBackground } from '../server/background.ts';
import { openDatabase } from '../server/db/open.ts';
import type { Config } from '../server/env.ts';
import { systemClock } from '../server/lib/clock.ts';

/**
 * `handoff worker`: runs background jobs (mail delivery, timed rules) without serving HTTP, for
 * those who run servers with HANDOFF_WORKERS=false. Any number of workers and servers may share
 * one database: each job is taken by one of them. Stops on SIGTERM or SIGINT once the running
 * jobs finish.
 */
export async function runWorker(config: Config): Promise<void> {
  const say = (m: string) => console.log(m);
  const database = await openDatabase(config, { attach: true, log: say });
  const { queue } = createBackground({
    db: database.db,
    pool: database.pool,
    config,
    clock: systemClock,
  });
  try {
    await queue.start();
  } catch (error) {
    await database.shutdown();
    throw error;
  }
  say('Handoff worker is running.');
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: finishing running jobs and stopping…`);
    try {
      await queue.stop();
      await database.shutdown();
      say('Handoff worker stopped.');
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
