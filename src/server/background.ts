/**
 * What runs in the background: the queue with every task Handoff has, and the mailer that feeds
 * it. The server (`main.ts`, with `buildApp`), `handoff worker` and the tests all build it here,
 * so every worker runs the same task list. A feature with a timed rule adds its tasks below.
 */
import type pg from 'pg';
import type { Db } from './db/client.ts';
import type { Config } from './env.ts';
import type { Clock } from './lib/clock.ts';
import { createMailer, type Mailer } from './lib/mail.ts';
import { createQueue, type Queue, type QueueLog } from './lib/queue.ts';
import { createNotifier } from './features/notifications/notify.ts';
import { trialReminderTask } from './features/trials/reminders.ts';
import { reportReminderTasks } from './features/reports/reminders.ts';
// Contract workspace — meetings (issue 12): the "meeting soon" reminder.
import { meetingReminderTask } from './features/meetings/reminders.ts';
// Work — time (issue 12)
import { autoApproveTask, weekEndedTask } from './features/time/reminders.ts';

export interface Background {
  queue: Queue;
  mailer: Mailer;
}

export function createBackground({
  db,
  pool,
  config,
  clock,
  manual,
  log,
}: {
  db: Db;
  pool: pg.Pool;
  config: Config;
  clock: Clock;
  /** Jobs run only when `queue.runDue()` is called: for tests with a fake clock. */
  manual?: boolean;
  log?: QueueLog;
}): Background {
  const queue = createQueue({ pool, clock, manual, log });
  const mailer = createMailer({
    db,
    from: config.mailFrom,
    smtpUrl: config.smtpUrl,
    queue,
    clock,
  });
  queue.register(...mailer.tasks);
  // Hiring — trials: deadline reminders.
  const notify = createNotifier({ mailer, baseUrl: config.baseUrl, clock });
  queue.register(trialReminderTask({ db, clock, notify }));
  // Contract workspace — progress reports: due and late reminders.
  const reportTasks = reportReminderTasks({ db, clock, notify, queue });
  queue.register(reportTasks.due, reportTasks.late);
  // Contract workspace — meetings (issue 12): the "meeting soon" reminder.
  queue.register(meetingReminderTask({ db, clock, notify }));
  // Work — time (issue 12): a week awaiting approval, and its automatic approval.
  queue.register(weekEndedTask({ db, clock, notify }), autoApproveTask({ db, clock, notify }));
  return { queue, mailer };
}
