/**
 * Background jobs, kept in Handoff's own database by graphile-worker (schema `graphile_worker`,
 * installed by the migration step). A job is added with SQL inside the caller's transaction, so
 * it exists exactly when the change that asked for it commits (the mail outbox relies on this).
 *
 * Time is the server's {@link Clock}: a job's `runAt` is a Clock instant, and its task reads the
 * Clock. Two ways to run jobs:
 * - a worker ({@link Queue.start}): graphile-worker's runner, woken by LISTEN/NOTIFY when a job
 *   is added and polling for delayed ones; it compares `run_at` with Node's time (`useNodeTime`),
 *   which is what the production Clock reads;
 * - by hand ({@link Queue.runDue}, queues made with `manual: true`): runs, there and then, every
 *   job the Clock says is due. Tests use it with a fake clock, so they move time instead of
 *   waiting. See {@link MANUAL_OFFSET_MS} for how it stays out of graphile-worker's own timing.
 */
import { sql } from 'drizzle-orm';
import { Logger, run, runMigrations, runOnce, type Runner, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import type { z } from 'zod';
import type { Tx } from '../db/client.ts';
import type { Clock } from './clock.ts';

/** Fixed, so an environment variable (GRAPHILE_WORKER_SCHEMA) cannot move it away from our SQL. */
const SCHEMA = 'graphile_worker';

/**
 * A manual queue files every job a century after its Clock time. graphile-worker only ever
 * compares `run_at` with the real time, and a test's fake clock sits anywhere (often in the
 * past, `clock.set('2026-07-14…')`), so a job due tomorrow by the fake clock could look overdue
 * to graphile-worker. Filed a century ahead, no job is due to graphile-worker until
 * {@link Queue.runDue} brings the ones the Clock says are due to "now".
 */
const MANUAL_OFFSET_MS = 100 * 365.25 * 86_400_000;

/** How many jobs one worker runs at once (mail delivery mostly waits on the network). */
const CONCURRENCY = 4;

/** A job as its task sees it. */
export interface JobInfo {
  id: string;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  key: string | null;
}

/** Something the queue can run: a name, the payload's shape, and what to do. */
export interface TaskDefinition<P> {
  /** The job's identifier in the queue's table: never rename a task that may have jobs waiting. */
  name: string;
  /** Checked when a job is added and again when it runs (it may have waited across a deploy). */
  payload: z.ZodType<P>;
  /**
   * Runs when `run` throws are retried by graphile-worker with its own back-off (e^attempt
   * seconds) up to this many runs; default 25, about three days. A task that handles its own
   * failures (mail delivery) returns normally instead.
   */
  maxAttempts?: number;
  run(payload: P, job: JobInfo): Promise<void>;
}

/** Names a task with its payload type; features export these and add them to the task list. */
export function defineTask<P>(task: TaskDefinition<P>): TaskDefinition<P> {
  return task;
}

export interface EnqueueOptions {
  /**
   * At most one waiting job has a key: adding another with the same key replaces the waiting
   * one (payload and `runAt`). Timed rules use keys such as `contract:<id>:auto-approve`, so
   * however many instances schedule the rule, it runs once.
   */
  key?: string;
  /** When the job is due, by the Clock; default now. */
  runAt?: Date;
}

export interface Queue {
  /** Adds tasks this queue's workers run. Call before {@link start} or {@link runDue}. */
  register(...tasks: TaskDefinition<unknown>[]): void;
  /** Adds a job inside `tx`: it exists if and only if `tx` commits. */
  enqueue<P>(tx: Tx, task: TaskDefinition<P>, payload: P, options?: EnqueueOptions): Promise<void>;
  /** Removes the waiting job with this key, if any (a running one is not retried). */
  cancel(tx: Tx, key: string): Promise<void>;
  /** Starts a worker in this process. */
  start(): Promise<void>;
  /** Stops the worker, letting running jobs finish; safe to call when none was started. */
  stop(): Promise<void>;
  /**
   * Manual queues only: runs every job due by the Clock, and the jobs those add that are due
   * too, until none is left. Jobs another runner holds are left to it.
   */
  runDue(): Promise<void>;
}

/** Where graphile-worker's warnings and errors go; its per-job info lines are dropped. */
export type QueueLog = (message: string) => void;

export function createQueue({
  pool,
  clock,
  manual = false,
  log = (message) => console.error(message),
}: {
  pool: pg.Pool;
  clock: Clock;
  /** Jobs run only through {@link Queue.runDue} (tests); {@link Queue.start} is refused. */
  manual?: boolean;
  log?: QueueLog;
}): Queue {
  const tasks = new Map<string, TaskDefinition<unknown>>();
  let runner: Runner | null = null;
  let stopping: Promise<void> | null = null;
  // One options object for every run: graphile-worker caches what it compiles from it.
  let options: Parameters<typeof run>[0] | null = null;

  const dbTime = (at: Date) => new Date(at.getTime() + (manual ? MANUAL_OFFSET_MS : 0));

  function taskList(): TaskList {
    const list: TaskList = {};
    for (const task of tasks.values()) {
      list[task.name] = async (raw, helpers) => {
        const payload = task.payload.parse(raw);
        await task.run(payload, {
          id: helpers.job.id,
          attempt: helpers.job.attempts,
          maxAttempts: helpers.job.max_attempts,
          key: helpers.job.key,
        });
      };
    }
    return list;
  }

  function runnerOptions() {
    options ??= {
      pgPool: pool,
      schema: SCHEMA,
      taskList: taskList(),
      concurrency: CONCURRENCY,
      noHandleSignals: true, // the server's own shutdown stops the worker, in order
      useNodeTime: true,
      logger: queueLogger(log),
      // Batched (delay 0), a job's completion or failure is written before the run returns;
      // unbatched it is written a moment later, and runDue would miss a retry that is due.
      ...(manual ? { preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } } } : {}),
    };
    return options;
  }

  return {
    register(...more) {
      if (options) throw new Error('Register tasks before the queue first runs.');
      for (const task of more) tasks.set(task.name, task);
    },

    async enqueue(tx, task, payload, { key, runAt } = {}) {
      const checked = task.payload.parse(payload);
      const at = dbTime(runAt ?? clock.now()).toISOString();
      await tx.execute(
        sql`select ${sql.raw(SCHEMA)}.add_job(${task.name}, ${JSON.stringify(checked)}::json,
              run_at => ${at}::timestamptz,
              max_attempts => ${task.maxAttempts ?? null}::int,
              job_key => ${key ?? null}::text)`,
      );
    },

    async cancel(tx, key) {
      await tx.execute(sql`select ${sql.raw(SCHEMA)}.remove_job(${key})`);
    },

    async start() {
      if (manual) throw new Error('A manual queue runs jobs only through runDue().');
      if (runner) return;
      await stopping;
      runner = await run(runnerOptions());
      // Fatal runner errors (the database gone for good) are logged; the server keeps serving.
      runner.promise.catch((error: unknown) => log(`Background worker stopped: ${String(error)}`));
    },

    async stop() {
      // A second call (a shutdown timing out) waits for the same stop.
      if (runner) {
        // Rejects only when the runner already stopped on its own (logged by start()).
        stopping = runner.stop().catch(() => {});
        runner = null;
      }
      await stopping;
    },

    async runDue() {
      if (!manual) throw new Error('Only a manual queue runs jobs by hand.');
      const names = [...tasks.keys()];
      // Each round runs what is due now; a job it adds (a retry, a follow-up) due by the
      // Clock runs in the next round. Bounded, so a task that keeps adding due jobs fails loudly.
      for (let round = 0; round < 1000; round++) {
        const { rows } = await pool.query<{ n: number }>(
          `with due as (
             select id from ${SCHEMA}.jobs
              where run_at <= $1 and locked_at is null and attempts < max_attempts
                and task_identifier = any($2::text[]))
           select count(*)::int as n
             from ${SCHEMA}.reschedule_jobs(
               (select coalesce(array_agg(id), '{}') from due), run_at => now())`,
          [dbTime(clock.now()).toISOString(), names],
        );
        if (!rows[0]?.n) return;
        await runOnce(runnerOptions());
      }
      throw new Error('runDue: jobs kept coming due after 1000 rounds');
    },
  };
}

/** Installs or upgrades graphile-worker's schema; part of Handoff's migration step. */
export async function migrateQueue(pool: pg.Pool): Promise<void> {
  await runMigrations({ pgPool: pool, schema: SCHEMA, logger: queueLogger(() => {}) });
}

function queueLogger(log: QueueLog): Logger {
  return new Logger(() => (level, message) => {
    const name = String(level);
    if (name === 'error' || name === 'warning') log(`[queue] ${message}`);
  });
}
