/**
 * A week's two timed rules, scheduled when an entry of the week is made: when the week ends (in
 * the business's zone), the business hears that it awaits approval; AUTO_APPROVE_AFTER_DAYS days
 * later, entries still pending are approved automatically. Each is a queue job keyed by the
 * contract and the week, so however many entries and instances schedule it, it runs once; what
 * to do is read when it runs (a week already approved by hand approves nothing and tells no one).
 */
import { z } from 'zod';
import { rolesFor } from '../../../core/permissions.ts';
import { autoApproveAt, formatHours, weekBounds } from '../../../core/time-entries.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { defineTask, type Queue } from '../../lib/queue.ts';
import { publishContractChange } from '../contracts/live.ts';
import { findContract } from '../contracts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import {
  countPending,
  listReviewerIds,
  reviewWeekEntries,
  upsertWeekReview,
  weekMinutes,
} from './queries.ts';

const WeekPayloadSchema = z.object({ contractId: z.uuid(), weekStart: z.iso.date() });
type WeekPayload = z.infer<typeof WeekPayloadSchema>;

const endedKey = (p: WeekPayload) => `contract:${p.contractId}:time:${p.weekStart}:week-ended`;
const autoKey = (p: WeekPayload) => `contract:${p.contractId}:time:${p.weekStart}:auto-approve`;

/** The business's members who may review time: who hears a week awaits them. */
export function timeReviewerIds(tx: Tx, businessId: string) {
  const roles = rolesFor('time.review').filter(
    (r): r is 'owner' | 'manager' | 'viewer' => r === 'owner' || r === 'manager' || r === 'viewer',
  );
  return listReviewerIds(tx, businessId, roles);
}

interface TaskDeps {
  db: Db;
  clock: Clock;
  notify: Notify;
}

/** When a week ends with entries pending: the business is asked to review it. */
export function weekEndedTask({ db, notify }: TaskDeps) {
  return defineTask({
    name: 'time.week-ended',
    payload: WeekPayloadSchema,
    async run({ contractId, weekStart }) {
      await db.transaction(async (tx) => {
        const record = await findContract(tx, contractId);
        if (!record || (await countPending(tx, contractId, weekStart)) === 0) return;
        const minutes = await weekMinutes(tx, contractId, weekStart);
        await notify(
          tx,
          (await timeReviewerIds(tx, record.contract.businessId)).map((userId) => ({ userId })),
          'time.week-awaiting',
          {
            contractId,
            contractTitle: record.contract.title,
            professionalName: record.professionalName,
            weekStart,
            hours: formatHours(minutes),
          },
        );
      });
    },
  });
}

/** AUTO_APPROVE_AFTER_DAYS after the week: what is still pending is approved by the rule. */
export function autoApproveTask({ db, clock, notify }: TaskDeps) {
  return defineTask({
    name: 'time.auto-approve',
    payload: WeekPayloadSchema,
    async run({ contractId, weekStart }) {
      await db.transaction(async (tx) => {
        const record = await findContract(tx, contractId, { forUpdate: true });
        if (!record) return;
        const now = clock.now();
        const approved = await reviewWeekEntries(
          tx,
          contractId,
          weekStart,
          {
            status: 'approved',
            reviewedBy: null,
            reviewedAt: now,
            disputeReason: null,
            autoApproved: true,
          },
          ['pending'],
        );
        if (approved === 0) return;
        await upsertWeekReview(tx, {
          contractId,
          weekStart,
          status: 'approved',
          reviewedBy: null,
          auto: true,
          note: '',
          reviewedAt: now,
        });
        const reviewers = await timeReviewerIds(tx, record.contract.businessId);
        await notify(
          tx,
          [record.contract.professionalId, ...reviewers].map((userId) => ({ userId })),
          'time.week-auto-approved',
          {
            contractId,
            contractTitle: record.contract.title,
            weekStart,
            entries: approved,
          },
        );
        await publishContractChange(tx, contractId, 'time');
      });
    },
  });
}

export interface TimeReminders {
  /** Schedules the week's two rules (idempotent: keyed by contract and week). */
  schedule(tx: Tx, contractId: string, weekStart: string, timeZone: string): Promise<void>;
}

export function createTimeReminders({
  queue,
  clock,
  tasks,
}: {
  queue: Pick<Queue, 'enqueue'>;
  clock: Clock;
  tasks: {
    weekEnded: ReturnType<typeof weekEndedTask>;
    autoApprove: ReturnType<typeof autoApproveTask>;
  };
}): TimeReminders {
  return {
    async schedule(tx, contractId, weekStart, timeZone) {
      const payload = { contractId, weekStart };
      const { end } = weekBounds(weekStart, timeZone);
      // A week already over (an entry typed in late) still asks for review: at once.
      const now = clock.now();
      await queue.enqueue(tx, tasks.weekEnded, payload, {
        key: endedKey(payload),
        runAt: end > now ? end : now,
      });
      await queue.enqueue(tx, tasks.autoApprove, payload, {
        key: autoKey(payload),
        runAt: autoApproveAt(weekStart, timeZone),
      });
    },
  };
}
