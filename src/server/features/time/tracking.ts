/**
 * The professional's side of time: the running timer (held by the server, so it survives reloads
 * and other devices; one per person across all contracts), and entries typed in, edited or
 * deleted while not yet approved. Every change locks the contract row first, so two entries made
 * at once cannot both fit under the cap that only one fits under.
 */
import type {
  CreateTimeEntry,
  RunningTimer,
  StartContractTimer,
  StoppedTimer,
  TimeEntry,
  UpdateTimeEntry,
} from '../../../core/contracts/time.ts';
import { stoppedTimerMinutes, weekStartOf } from '../../../core/time-entries.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import { presentEntry, presentRunning } from './present.ts';
import {
  businessTimeZone,
  deleteEntry,
  findEntry,
  findRunning,
  insertEntry,
  updateEntry,
  weekMinutes,
} from './queries.ts';
import type { TimeReminders } from './reminders.ts';
import { requireTracking, requireUnderCap, requireWeekOpen, resolveIssue } from './rules.ts';

export interface EntryScope extends ContractScope {
  readonly entryId: string;
}

const MINUTE = 60_000;

export function createTrackingService({
  db,
  clock,
  reminders,
}: {
  db: Db;
  clock: Clock;
  reminders: TimeReminders;
}) {
  /** The contract, locked, when the caller tracks time on it and it takes time now. */
  async function tracking(tx: Tx, scope: ContractScope) {
    const { record } = await authorizeContractAction(tx, scope, 'time.track', { forUpdate: true });
    requireTracking(record);
    return { record, timeZone: await businessTimeZone(tx, record.contract.businessId) };
  }

  /** The caller's own entry on this contract, locked; another's or none is 404. */
  async function ownEntry(tx: Tx, scope: EntryScope) {
    const found = await findEntry(tx, scope.contractId, scope.entryId, { forUpdate: true });
    if (!found || found.entry.userId !== scope.userId) throw notFound('Time entry');
    return found;
  }

  function requireEditable(status: string) {
    if (status === 'approved')
      throw conflict('This entry is approved: approved time cannot be changed or deleted.');
  }

  function requireDone(startedAt: Date, minutes: number, now: Date) {
    if (startedAt.getTime() + minutes * MINUTE > now.getTime())
      throw badRequest('Time is logged for work done: this entry would end in the future.', [
        { path: 'body.startedAt', message: 'The entry must end by now' },
      ]);
  }

  return {
    async start(scope: ContractScope, input: StartContractTimer): Promise<RunningTimer> {
      return db.transaction(async (tx) => {
        const { record, timeZone } = await tracking(tx, scope);
        const running = await findRunning(tx, scope.userId);
        if (running)
          throw conflict(
            `Your timer is already running on “${running.contractTitle}” since ${running.entry.startedAt.toISOString()}; stop it before starting another.`,
          );
        const now = clock.now();
        const weekStart = weekStartOf(now, timeZone);
        const cap = record.contract.weeklyCapHours;
        if (cap !== null && (await weekMinutes(tx, record.contract.id, weekStart)) >= cap * 60)
          throw conflict(
            `This week already has the ${cap} hours of the weekly cap; no more time can be tracked until next week.`,
          );
        const issue = await resolveIssue(tx, record.contract.id, input.issue);
        const id = newId();
        // The partial unique index (one running entry per person) settles a race between two
        // starts: the second insert fails and answers 409.
        await insertEntry(tx, {
          id,
          contractId: record.contract.id,
          userId: scope.userId,
          source: 'timer',
          startedAt: now,
          memo: input.memo,
          issueId: issue?.id ?? null,
          weekStart,
        });
        await reminders.schedule(tx, record.contract.id, weekStart, timeZone);
        await publishContractChange(tx, record.contract.id, 'time');
        const created = await findRunning(tx, scope.userId);
        if (!created) throw new Error('the timer just started is missing');
        return presentRunning(created);
      });
    },

    /**
     * Stops the caller's timer on this contract. Past the cap, the entry keeps what fits and the
     * answer says how much was cut (an entry trimmed to nothing is dropped): refusing the stop
     * would leave the timer running, and hours past the cap are not payable anyway.
     */
    async stop(scope: ContractScope): Promise<StoppedTimer> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'time.track', {
          forUpdate: true,
        });
        const running = await findRunning(tx, scope.userId);
        if (!running || running.entry.contractId !== record.contract.id)
          throw conflict('No timer of yours is running on this contract.');
        const e = running.entry;
        const now = clock.now();
        const used = await weekMinutes(tx, record.contract.id, e.weekStart, e.id);
        const cap = record.contract.weeklyCapHours ?? Number.POSITIVE_INFINITY;
        const { minutes, trimmedMinutes } = stoppedTimerMinutes(e.startedAt, now, used, cap);
        await publishContractChange(tx, record.contract.id, 'time');
        if (minutes === 0 && trimmedMinutes > 0) {
          await deleteEntry(tx, e.id);
          return { entry: null, trimmedMinutes };
        }
        await updateEntry(tx, e.id, {
          endedAt: new Date(e.startedAt.getTime() + minutes * MINUTE),
          minutes,
          updatedAt: now,
        });
        const stopped = await findEntry(tx, record.contract.id, e.id);
        if (!stopped) throw new Error('the stopped entry is missing');
        return { entry: presentEntry(stopped), trimmedMinutes };
      });
    },

    async create(scope: ContractScope, input: CreateTimeEntry): Promise<TimeEntry> {
      return db.transaction(async (tx) => {
        const { record, timeZone } = await tracking(tx, scope);
        const now = clock.now();
        const startedAt = new Date(input.startedAt);
        requireDone(startedAt, input.minutes, now);
        const weekStart = weekStartOf(startedAt, timeZone);
        requireWeekOpen(weekStart, timeZone, now, 'body.startedAt');
        await requireUnderCap(tx, record, weekStart, input.minutes);
        const issue = await resolveIssue(tx, record.contract.id, input.issue);
        const id = newId();
        await insertEntry(tx, {
          id,
          contractId: record.contract.id,
          userId: scope.userId,
          source: 'manual',
          startedAt,
          endedAt: new Date(startedAt.getTime() + input.minutes * MINUTE),
          minutes: input.minutes,
          memo: input.memo,
          issueId: issue?.id ?? null,
          weekStart,
        });
        await reminders.schedule(tx, record.contract.id, weekStart, timeZone);
        await publishContractChange(tx, record.contract.id, 'time');
        const created = await findEntry(tx, record.contract.id, id);
        if (!created) throw new Error('the entry just made is missing');
        return presentEntry(created);
      });
    },

    /** Edits a closed entry not yet approved; a disputed one goes back to pending, fixed. */
    async update(scope: EntryScope, input: UpdateTimeEntry): Promise<TimeEntry> {
      return db.transaction(async (tx) => {
        const { record, timeZone } = await tracking(tx, scope);
        const { entry: e } = await ownEntry(tx, scope);
        requireEditable(e.status);
        if (e.endedAt === null || e.minutes === null)
          throw conflict('This timer is still running: stop it before editing it.');
        const now = clock.now();
        requireWeekOpen(e.weekStart, timeZone, now, 'body.startedAt');
        const startedAt = input.startedAt ? new Date(input.startedAt) : e.startedAt;
        const minutes = input.minutes ?? e.minutes;
        requireDone(startedAt, minutes, now);
        const weekStart = weekStartOf(startedAt, timeZone);
        requireWeekOpen(weekStart, timeZone, now, 'body.startedAt');
        await requireUnderCap(tx, record, weekStart, minutes, e.id);
        const issueId =
          input.issue === undefined
            ? e.issueId
            : ((await resolveIssue(tx, record.contract.id, input.issue))?.id ?? null);
        await updateEntry(tx, e.id, {
          startedAt,
          endedAt: new Date(startedAt.getTime() + minutes * MINUTE),
          minutes,
          memo: input.memo ?? e.memo,
          issueId,
          weekStart,
          status: 'pending',
          disputeReason: null,
          reviewedBy: null,
          reviewedAt: null,
          updatedAt: now,
        });
        if (weekStart !== e.weekStart)
          await reminders.schedule(tx, record.contract.id, weekStart, timeZone);
        await publishContractChange(tx, record.contract.id, 'time');
        const updated = await findEntry(tx, record.contract.id, e.id);
        if (!updated) throw new Error('the entry just changed is missing');
        return presentEntry(updated);
      });
    },

    /** Deletes an entry not yet approved (a running timer too: a timer started by mistake). */
    async remove(scope: EntryScope): Promise<void> {
      await db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'time.track', {
          forUpdate: true,
        });
        const { entry: e } = await ownEntry(tx, scope);
        requireEditable(e.status);
        await deleteEntry(tx, e.id);
        await publishContractChange(tx, record.contract.id, 'time');
      });
    },
  };
}
