/**
 * Deadline reminders: 24 h and 2 h before a trial's deadline, everyone who accepted it and has
 * not submitted yet is reminded. Each reminder is a queue job keyed by the trial and the lead
 * time, so however many instances run, there is one job per reminder and one worker runs it;
 * who still needs it is read when it runs, so a submission in between means no reminder.
 */
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { defineTask, type Queue } from '../../lib/queue.ts';
import type { Notify } from '../notifications/index.ts';
import { findTrialForReminder, listAcceptedNotSubmitted, type TrialRow } from './queries.ts';

/** Hours before the deadline at which a reminder goes: a day to plan, then a last call. */
export const REMINDER_HOURS = [24, 2] as const;

const keyOf = (trialId: string, hours: number) => `trial:${trialId}:reminder:${hours}h`;

const ReminderPayloadSchema = z.object({ trialId: z.uuid(), hoursBefore: z.number().int() });

/** The task the queue runs; `background.ts` registers it. */
export function trialReminderTask({ db, clock, notify }: { db: Db; clock: Clock; notify: Notify }) {
  return defineTask({
    name: 'trials.reminder',
    payload: ReminderPayloadSchema,
    async run({ trialId }) {
      await db.transaction(async (tx) => {
        const found = await findTrialForReminder(tx, trialId);
        // A cancelled trial, or a reminder that got past its deadline (a worker down for hours),
        // reminds nobody: "due soon" after the fact would be wrong.
        if (!found || found.trial.cancelledAt || found.trial.deadline <= clock.now()) return;
        const recipients = await listAcceptedNotSubmitted(tx, trialId);
        if (recipients.length === 0) return;
        await notify(
          tx,
          recipients.map((userId) => ({ userId })),
          'trial.reminder',
          {
            trialId,
            trialTitle: found.trial.title,
            jobTitle: found.jobTitle,
            deadline: found.trial.deadline,
          },
        );
      });
    },
  });
}

export interface TrialReminders {
  /** Schedules the reminders still ahead of the deadline, in the trial's transaction. */
  schedule(tx: Tx, trial: TrialRow): Promise<void>;
  cancel(tx: Tx, trialId: string): Promise<void>;
}

export function createTrialReminders({
  queue,
  clock,
  task,
}: {
  queue: Pick<Queue, 'enqueue' | 'cancel'>;
  clock: Clock;
  task: ReturnType<typeof trialReminderTask>;
}): TrialReminders {
  return {
    async schedule(tx, trial) {
      for (const hours of REMINDER_HOURS) {
        const runAt = new Date(trial.deadline.getTime() - hours * 3_600_000);
        if (runAt <= clock.now()) continue;
        await queue.enqueue(
          tx,
          task,
          { trialId: trial.id, hoursBefore: hours },
          { key: keyOf(trial.id, hours), runAt },
        );
      }
    },
    async cancel(tx, trialId) {
      for (const hours of REMINDER_HOURS) await queue.cancel(tx, keyOf(trialId, hours));
    },
  };
}
