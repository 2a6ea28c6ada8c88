/**
 * SQL of the owner's dashboard: a page's running contracts, then their time and their reports,
 * each in one statement over all of the page's contracts (never one query per contract).
 */
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import {
  businesses,
  contracts,
  progressReports,
  timeEntries,
  users,
} from '../../db/schema/index.ts';

const professional = alias(users, 'professional');
const running = inArray(contracts.status, ['active', 'paused']);

/** Running contracts of a business, or of a professional, with the names and the business's zone. */
export function listRunningContracts(
  tx: Tx,
  where: { businessId: string } | { professionalId: string },
) {
  return tx
    .select({
      contract: contracts,
      businessName: businesses.name,
      timeZone: businesses.timeZone,
      professionalName: professional.name,
    })
    .from(contracts)
    .innerJoin(businesses, eq(businesses.id, contracts.businessId))
    .innerJoin(professional, eq(professional.id, contracts.professionalId))
    .where(
      and(
        running,
        'businessId' in where
          ? eq(contracts.businessId, where.businessId)
          : eq(contracts.professionalId, where.professionalId),
      ),
    )
    .orderBy(contracts.title, contracts.id);
}

/** Minutes per contract and week (closed entries, not disputed: approved and pending count). */
export function minutesByWeek(tx: Tx, contractIds: string[]) {
  if (contractIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      contractId: timeEntries.contractId,
      weekStart: timeEntries.weekStart,
      minutes: sql<number>`sum(${timeEntries.minutes})::int`,
    })
    .from(timeEntries)
    .where(
      and(
        inArray(timeEntries.contractId, contractIds),
        isNotNull(timeEntries.minutes),
        ne(timeEntries.status, 'disputed'),
      ),
    )
    .groupBy(timeEntries.contractId, timeEntries.weekStart);
}

/** Every report of the contracts: due dates answered, and the latest's progress and blockers. */
export function reportsOf(tx: Tx, contractIds: string[]) {
  if (contractIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      contractId: progressReports.contractId,
      dueOn: progressReports.dueOn,
      submittedAt: progressReports.submittedAt,
      blockers: progressReports.blockers,
      percentComplete: progressReports.percentComplete,
    })
    .from(progressReports)
    .where(inArray(progressReports.contractId, contractIds))
    .orderBy(progressReports.contractId, progressReports.dueOn);
}
