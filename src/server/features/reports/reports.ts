/**
 * Progress reports: the business sets the cadence, the professional sends the report asked for
 * now (its due date is the schedule's, not the sender's choice), and either side comments.
 */
import type {
  Report,
  ReportComment,
  ReportCommentInput,
  ReportSettings,
  ReportSettingsInput,
  ReportsPage,
  SubmitReport,
} from '../../../core/contracts/reports.ts';
import { addDays, currentDue, isLate, localDate } from '../../../core/report-schedule.ts';
import { zonedLocalToUtc } from '../../../core/zoned-time.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import type { ContractRecord } from '../contracts/queries.ts';
import type { Notify } from '../notifications/notify.ts';
import { presentComment, presentReport } from './present.ts';
import {
  findBusinessTimeZone,
  findReport,
  insertComment,
  insertReport,
  listBusinessWriters,
  listComments,
  listReports,
  loggedMinutes,
  reportedDueDates,
  updateCadence,
} from './queries.ts';
import { scheduleOf, type ReportReminders } from './reminders.ts';

export type ReportScope = ContractScope & { readonly reportId: string };

const startOfDay = (date: string, timeZone: string) =>
  new Date(zonedLocalToUtc(`${date}T00:00`, timeZone) ?? `${date}T00:00:00Z`);

export function createReportService({
  db,
  clock,
  notify,
  reminders,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
  reminders: ReportReminders;
}) {
  /** The report asked for now, with the period's logged hours for an hourly contract. */
  async function current(tx: Tx, record: ContractRecord, timeZone: string) {
    const c = record.contract;
    const schedule = scheduleOf(c, timeZone);
    if (!schedule || c.status !== 'active') return null;
    const due = currentDue(
      schedule,
      localDate(clock.now(), timeZone),
      await reportedDueDates(tx, c.id),
    );
    if (!due) return null;
    const loggedHours =
      c.termsType === 'hourly'
        ? (await loggedMinutes(
            tx,
            c.id,
            startOfDay(addDays(due.periodStart, 1), timeZone),
            startOfDay(addDays(due.dueOn, 1), timeZone),
          )) / 60
        : null;
    return { ...due, loggedHours };
  }

  function settingsOf(record: ContractRecord, timeZone: string): ReportSettings {
    return {
      cadence: record.contract.reportCadence,
      weekday: record.contract.reportWeekday,
      timeZone,
    };
  }

  return {
    async list(scope: ContractScope): Promise<ReportsPage> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'reports.read');
        const timeZone = await findBusinessTimeZone(tx, record.contract.businessId);
        const reports = await listReports(tx, scope.contractId);
        const comments = await listComments(
          tx,
          reports.map((r) => r.report.id),
        );
        return {
          settings: settingsOf(record, timeZone),
          current: await current(tx, record, timeZone),
          items: reports.map((r) => presentReport(r, comments)),
        };
      });
    },

    async configure(scope: ContractScope, input: ReportSettingsInput): Promise<ReportSettings> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'contract.manage', {
          forUpdate: true,
        });
        const timeZone = await findBusinessTimeZone(tx, record.contract.businessId);
        await updateCadence(
          tx,
          scope.contractId,
          { reportCadence: input.cadence, reportWeekday: input.weekday },
          clock.now(),
        );
        const contract = {
          ...record.contract,
          reportCadence: input.cadence,
          reportWeekday: input.weekday,
        };
        if (contract.status === 'active') await reminders.scheduleNext(tx, contract, timeZone);
        await publishContractChange(tx, scope.contractId, 'reports');
        return settingsOf({ ...record, contract }, timeZone);
      });
    },

    async submit(scope: ContractScope, input: SubmitReport): Promise<Report> {
      return db.transaction(async (tx) => {
        // The contract's lock makes two sends at once answer one due date, then the next.
        const { record } = await authorizeContractAction(tx, scope, 'reports.submit', {
          forUpdate: true,
        });
        const c = record.contract;
        if (c.status !== 'active')
          throw conflict(`Reports are sent on an active contract; this one is ${c.status}.`);
        const timeZone = await findBusinessTimeZone(tx, c.businessId);
        const due = await current(tx, record, timeZone);
        if (!due) throw conflict('The business has turned progress reports off for this contract.');
        const now = clock.now();
        const id = newId();
        const late = isLate(due.dueOn, localDate(now, timeZone));
        await insertReport(tx, {
          id,
          contractId: c.id,
          dueOn: due.dueOn,
          done: input.done,
          next: input.next,
          blockers: input.blockers,
          hours: input.hours,
          percentComplete: input.percentComplete,
          submittedBy: scope.userId,
          submittedAt: now,
          late,
          createdAt: now,
        });
        const writers = await listBusinessWriters(tx, c.businessId);
        await notify(
          tx,
          writers.map((userId) => ({ userId })),
          'report.submitted',
          {
            contractId: c.id,
            contractTitle: c.title,
            professionalName: record.professionalName,
            dueOn: due.dueOn,
            late,
          },
        );
        await publishContractChange(tx, c.id, 'reports');
        const [row] = (await listReports(tx, c.id)).filter((r) => r.report.id === id);
        if (!row) throw new Error('report vanished inside its own transaction');
        return presentReport(row, []);
      });
    },

    async comment(scope: ReportScope, input: ReportCommentInput): Promise<ReportComment> {
      return db.transaction(async (tx) => {
        await authorizeContractAction(tx, scope, 'reports.comment');
        const report = await findReport(tx, scope.contractId, scope.reportId);
        if (!report) throw notFound('Report');
        const id = newId();
        await insertComment(tx, {
          id,
          reportId: report.id,
          authorId: scope.userId,
          body: input.body,
          createdAt: clock.now(),
        });
        await publishContractChange(tx, scope.contractId, 'reports');
        const [row] = (await listComments(tx, [report.id])).filter((r) => r.comment.id === id);
        if (!row) throw new Error('comment vanished inside its own transaction');
        return presentComment(row);
      });
    },
  };
}
