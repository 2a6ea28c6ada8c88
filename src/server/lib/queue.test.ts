/**
 * The job queue on the real database: jobs added in a transaction, timed by the (fake) Clock,
 * keyed so a timed rule runs once however many instances schedule and run it, and a worker
 * running them as they come.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { connect } from '../db/client.ts';
import { systemClock } from './clock.ts';
import { createQueue, defineTask, type Queue } from './queue.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});

interface Run {
  n: number;
  key: string | null;
  by: string;
}

/** A task that records each run, told apart by which queue ran it. */
function recorder(name: string, runs: Run[], by = 'this') {
  return defineTask({
    name,
    payload: z.object({ n: z.number() }),
    async run({ n }, job) {
      runs.push({ n, key: job.key, by });
    },
  });
}

function manualQueue(pool = ctx.pool): Queue {
  return createQueue({ pool, clock: ctx.clock, manual: true, log: () => {} });
}

async function waitingJobs(task: string) {
  const { rows } = await ctx.pool.query<{
    key: string | null;
    attempts: number;
    last_error: string;
  }>('select key, attempts, last_error from graphile_worker.jobs where task_identifier = $1', [
    task,
  ]);
  return rows;
}

describe('a delayed job', () => {
  it('runs once the fake clock passes its time, even with the clock in the past', async () => {
    // Months before the real date: the job is due by the Clock long before it is by the wall.
    ctx.clock.set('2026-07-14T09:00:00Z');
    const runs: Run[] = [];
    const task = recorder('test.delayed', runs);
    const queue = manualQueue();
    queue.register(task);
    await queue.enqueue(
      ctx.db,
      task,
      { n: 1 },
      { runAt: new Date(ctx.clock.now().getTime() + 5 * DAY) },
    );

    await queue.runDue();
    ctx.clock.advance(5 * DAY - 1);
    await queue.runDue();
    expect(runs).toEqual([]);

    ctx.clock.advance(1);
    await queue.runDue();
    expect(runs).toEqual([{ n: 1, key: null, by: 'this' }]);
    await queue.runDue();
    expect(runs).toHaveLength(1);
    expect(await waitingJobs('test.delayed')).toEqual([]);
  });

  it('does not exist when the transaction that added it rolls back', async () => {
    const runs: Run[] = [];
    const task = recorder('test.rolled-back', runs);
    const queue = manualQueue();
    queue.register(task);
    await expect(
      ctx.db.transaction(async (tx) => {
        await queue.enqueue(tx, task, { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await queue.runDue();
    expect(runs).toEqual([]);
  });

  it('is refused at enqueue when its payload does not fit the task', async () => {
    const task = recorder('test.bad-payload', []);
    await expect(
      manualQueue().enqueue(ctx.db, task, { n: 'one' } as unknown as { n: number }),
    ).rejects.toThrow();
    expect(await waitingJobs('test.bad-payload')).toEqual([]);
  });
});

describe('a keyed timed rule', () => {
  it('scheduled by two instances and run by two runners on one database, runs once', async () => {
    ctx.clock.set('2026-07-14T09:00:00Z');
    const a = { runs: [] as Run[], database: connect(ctx.databaseUrl, 3) };
    const b = { runs: [] as Run[], database: connect(ctx.databaseUrl, 3) };
    try {
      const runners = [a, b].map((instance, i) => {
        const queue = manualQueue(instance.database.pool);
        const task = recorder('test.rule', instance.runs, i === 0 ? 'a' : 'b');
        queue.register(task);
        return { queue, task };
      });
      const keys = Array.from({ length: 12 }, (_, i) => `contract:${i}:auto-approve`);
      // Each instance schedules every rule; the later scheduling replaces the earlier.
      for (const [i, { queue, task }] of runners.entries()) {
        for (const key of keys) {
          const runAt = new Date(ctx.clock.now().getTime() + (i + 1) * HOUR);
          await queue.enqueue(ctx.db, task, { n: i }, { key, runAt });
        }
      }
      expect(await waitingJobs('test.rule')).toHaveLength(keys.length);

      // Not due at the first instance's time: the second moved it an hour later.
      ctx.clock.advance(HOUR);
      await Promise.all(runners.map(({ queue }) => queue.runDue()));
      expect([...a.runs, ...b.runs]).toEqual([]);

      ctx.clock.advance(HOUR);
      await Promise.all(runners.map(({ queue }) => queue.runDue()));
      const all = [...a.runs, ...b.runs];
      expect(all.map((r) => r.key).sort()).toEqual([...keys].sort());
      expect(all.every((r) => r.n === 1)).toBe(true);

      ctx.clock.advance(DAY);
      await Promise.all(runners.map(({ queue }) => queue.runDue()));
      expect([...a.runs, ...b.runs]).toHaveLength(keys.length);
    } finally {
      await a.database.close();
      await b.database.close();
    }
  });

  it('cancelled before it is due, never runs', async () => {
    const runs: Run[] = [];
    const task = recorder('test.cancelled', runs);
    const queue = manualQueue();
    queue.register(task);
    await queue.enqueue(
      ctx.db,
      task,
      { n: 1 },
      { key: 'offer:1:expire', runAt: new Date(ctx.clock.now().getTime() + HOUR) },
    );
    await queue.cancel(ctx.db, 'offer:1:expire');
    ctx.clock.advance(DAY);
    await queue.runDue();
    expect(runs).toEqual([]);
  });
});

describe('a task that throws', () => {
  it('is retried up to its maxAttempts, then kept with the error', async () => {
    let runs = 0;
    const task = defineTask({
      name: 'test.throws',
      payload: z.object({}),
      maxAttempts: 3,
      async run() {
        runs++;
        throw new Error(`broken ${runs}`);
      },
    });
    const queue = manualQueue();
    queue.register(task);
    await queue.enqueue(ctx.db, task, {});
    // A manual queue does not wait out graphile-worker's own back-off (seconds of real time).
    await queue.runDue();
    expect(runs).toBe(3);
    expect(await waitingJobs('test.throws')).toEqual([
      { key: null, attempts: 3, last_error: expect.stringContaining('broken 3') },
    ]);
  });
});

describe('a worker', () => {
  it('runs a job as soon as a transaction adds it, and stops', async () => {
    const queue = createQueue({ pool: ctx.pool, clock: systemClock, log: () => {} });
    let ran: (n: number) => void = () => {};
    const done = new Promise<number>((resolve) => (ran = resolve));
    const task = defineTask({
      name: 'test.live',
      payload: z.object({ n: z.number() }),
      async run({ n }) {
        ran(n);
      },
    });
    queue.register(task);
    await queue.start();
    try {
      await ctx.db.transaction((tx) => queue.enqueue(tx, task, { n: 42 }));
      expect(await done).toBe(42);
    } finally {
      await queue.stop();
    }
    await expect(queue.runDue()).rejects.toThrow(/manual/);
  });

  it('is not started from a manual queue', async () => {
    await expect(manualQueue().start()).rejects.toThrow(/runDue/);
    // Unused here, but shows the SQL function the outbox relies on is installed.
    const { rows } = await ctx.db.execute(sql`select to_regproc('graphile_worker.add_job') as fn`);
    expect(rows[0]?.fn).toBe('graphile_worker.add_job');
  });
});
