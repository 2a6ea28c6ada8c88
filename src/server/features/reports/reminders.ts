/**
 * Progress report reminders: "report due" to the professional on the due day, and "report late"
 * to the business's owners and managers (and the professional) the day after, when no report
 * came. Each is a queue job keyed by the contract and the due date, so however many instances
 * schedule it there is one job, and one worker runs it; whether a report came is read when it
 * runs. The due job chains the late job and the next period's due job, so a running contract
 * always has its next reminder waiting.
 *
 * A cadence change schedules the next due date under the new terms; jobs left waiting for dates
 * the new cadence no longer has find that out when they run and do nothing.
 */
import { z } from 'zod';
import {
  addDays,
  dueOnOrAfter,
  isDueDate,
  localDate,
  periodDays,
  type ReportSchedule,
} from '../../../core/report-schedule.ts';
import { zonedLocalToUtc } from '../../../core/zoned-time.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { defineTask, type Queue, type TaskDefinition } from '../../lib/queue.ts';
import type { ContractRow } from '../contracts/queries.ts';
import { findContract } from '../contracts/queries.ts';
import type { Notify } from '../notifications/notify.ts';
import { findBusinessTimeZone, hasReport, listBusinessWriters } from './queries.ts';

/** Reminders go at this hour of the business's day: the start of a working day. */
const REMINDER_TIME = '09:00';

const PayloadSchema = z.object({ contractId: z.uuid(), dueOn: z.iso.date() });
type Payload = z.infer<typeof PayloadSchema>;

const dueKey = (contractId: string, dueOn: string) => `contract:${contractId}:report-due:${dueOn}`;
const lateKey = (contractId: string, dueOn: string) =>
  `contract:${contractId}:report-late:${dueOn}`;

/** The schedule of a contract that has started, or null (an offer, or never activated). */
export function scheduleOf(c: ContractRow, timeZone: string): ReportSchedule | null {
  if (!c.activatedAt) return null;
  return {
    cadence: c.reportCadence,
    weekday: c.reportWeekday,
    startsOn: localDate(c.activatedAt, timeZone),
  };
}

/** The instant clocks in the business show 09:00 on `date`. */
function reminderAt(date: string, timeZone: string): Date {
  const iso = zonedLocalToUtc(`${date}T${REMINDER_TIME}`, timeZone);
  if (!iso) throw new Error(`not a date: ${date}`);
  return new Date(iso);
}

type ReminderTasks = { due: TaskDefinition<Payload>; late: TaskDefinition<Payload> };

/** Adds the due reminder of the next due date still ahead (its 09:00 not passed yet). */
async function enqueueNextDue(
  tx: Tx,
  queue: Pick<Queue, 'enqueue'>,
  task: TaskDefinition<Payload>,
  contract: ContractRow,
  timeZone: string,
  now: Date,
  from: string,
) {
  const schedule = scheduleOf(contract, timeZone);
  const period = schedule && periodDays(schedule.cadence);
  if (!schedule || !period) return;
  let dueOn = dueOnOrAfter(schedule, from);
  while (dueOn !== null && reminderAt(dueOn, timeZone) <= now) dueOn = addDays(dueOn, period);
  if (dueOn === null) return;
  await queue.enqueue(
    tx,
    task,
    { contractId: contract.id, dueOn },
    { key: dueKey(contract.id, dueOn), runAt: reminderAt(dueOn, timeZone) },
  );
}

/** The two tasks the queue runs; `background.ts` registers them. */
export function reportReminderTasks({
  db,
  clock,
  notify,
  queue,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
  queue: Pick<Queue, 'enqueue'>;
}): ReminderTasks {
  /** The contract, when this due date still stands (running, and a due date of its cadence). */
  async function standing(tx: Tx, { contractId, dueOn }: Payload) {
    const record = await findContract(tx, contractId);
    if (!record || record.contract.status !== 'active') return null;
    const timeZone = await findBusinessTimeZone(tx, record.contract.businessId);
    const schedule = scheduleOf(record.contract, timeZone);
    if (!schedule || !isDueDate(schedule, dueOn)) return null;
    return { record, timeZone };
  }

  const late = defineTask({
    name: 'reports.late',
    payload: PayloadSchema,
    async run(payload) {
      await db.transaction(async (tx) => {
        const found = await standing(tx, payload);
        if (!found || (await hasReport(tx, payload.contractId, payload.dueOn))) return;
        const c = found.record.contract;
        const data = {
          contractId: c.id,
          contractTitle: c.title,
          professionalName: found.record.professionalName,
          dueOn: payload.dueOn,
        };
        const writers = await listBusinessWriters(tx, c.businessId);
        await notify(
          tx,
          writers.map((userId) => ({ userId })),
          'report.late',
          { ...data, forProfessional: false },
        );
        await notify(tx, [{ userId: c.professionalId }], 'report.late', {
          ...data,
          forProfessional: true,
        });
      });
    },
  });

  const due = defineTask({
    name: 'reports.due',
    payload: PayloadSchema,
    async run(payload) {
      await db.transaction(async (tx) => {
        const found = await standing(tx, payload);
        if (!found) return;
        const c = found.record.contract;
        if (!(await hasReport(tx, c.id, payload.dueOn))) {
          await notify(tx, [{ userId: c.professionalId }], 'report.due', {
            contractId: c.id,
            contractTitle: c.title,
            businessName: found.record.businessName,
            dueOn: payload.dueOn,
          });
        }
        // The late check the next morning (it reads then whether the report came)…
        await queue.enqueue(tx, late, payload, {
          key: lateKey(c.id, payload.dueOn),
          runAt: reminderAt(addDays(payload.dueOn, 1), found.timeZone),
        });
        // …and the next period's reminder.
        await enqueueNextDue(
          tx,
          queue,
          due,
          c,
          found.timeZone,
          clock.now(),
          addDays(payload.dueOn, 1),
        );
      });
    },
  });

  return { due, late };
}

export interface ReportReminders {
  /**
   * Schedules the contract's next due reminder, in the caller's transaction (the business's
   * time zone is read when not given).
   */
  scheduleNext(tx: Tx, contract: ContractRow, timeZone?: string): Promise<void>;
}

export function createReportReminders({
  queue,
  clock,
  tasks,
}: {
  queue: Pick<Queue, 'enqueue'>;
  clock: Clock;
  tasks: ReminderTasks;
}): ReportReminders {
  return {
    async scheduleNext(tx, contract, givenZone) {
      const timeZone = givenZone ?? (await findBusinessTimeZone(tx, contract.businessId));
      const now = clock.now();
      await enqueueNextDue(tx, queue, tasks.due, contract, timeZone, now, localDate(now, timeZone));
    },
  };
}
