/**
 * "Meeting soon": 15 minutes before a meeting, its attendees hear of it through `notify`. One
 * queue job per meeting, keyed by the meeting, so however many instances run it is sent once; a
 * move replaces the waiting job (same key, new time) and a cancellation removes it. The job
 * re-reads the meeting when it runs, so a stale job (a move that raced it) reminds nobody.
 */
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { defineTask, type Queue } from '../../lib/queue.ts';
import type { Notify } from '../notifications/index.ts';
import { attendeesOf, findMeetingById, type MeetingRow } from './queries.ts';

/** Minutes before the start: time to finish a task and open the call. */
export const MEETING_REMINDER_MINUTES = 15;

const keyOf = (meetingId: string) => `meeting:${meetingId}:soon`;

const PayloadSchema = z.object({ meetingId: z.uuid(), startsAt: z.iso.datetime() });

/** The task the queue runs; `background.ts` registers it. */
export function meetingReminderTask({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  return defineTask({
    name: 'meetings.soon',
    payload: PayloadSchema,
    async run({ meetingId, startsAt }) {
      await db.transaction(async (tx) => {
        const meeting = await findMeetingById(tx, meetingId);
        if (
          !meeting ||
          meeting.status !== 'scheduled' ||
          meeting.startsAt.toISOString() !== startsAt ||
          meeting.startsAt <= clock.now()
        )
          return;
        const attendees = (await attendeesOf(tx, [meetingId])).get(meetingId) ?? [];
        if (attendees.length === 0) return;
        await notify(
          tx,
          attendees.map((a) => ({ userId: a.id })),
          'meeting.soon',
          {
            contractId: meeting.contractId,
            title: meeting.title,
            startsAt: meeting.startsAt,
            callLink: meeting.callLink,
          },
        );
      });
    },
  });
}

export interface MeetingReminders {
  /** Schedules (or moves) the meeting's reminder, in the meeting's transaction. */
  schedule(tx: Tx, meeting: MeetingRow): Promise<void>;
  cancel(tx: Tx, meetingId: string): Promise<void>;
}

export function createMeetingReminders({
  queue,
  clock,
  task,
}: {
  queue: Pick<Queue, 'enqueue' | 'cancel'>;
  clock: Clock;
  task: ReturnType<typeof meetingReminderTask>;
}): MeetingReminders {
  return {
    async schedule(tx, meeting) {
      const runAt = new Date(meeting.startsAt.getTime() - MEETING_REMINDER_MINUTES * 60_000);
      // Booked less than 15 minutes ahead: the booking itself was the news.
      if (runAt <= clock.now()) return this.cancel(tx, meeting.id);
      await queue.enqueue(
        tx,
        task,
        { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString() },
        { key: keyOf(meeting.id), runAt },
      );
    },
    async cancel(tx, meetingId) {
      await queue.cancel(tx, keyOf(meetingId));
    },
  };
}
